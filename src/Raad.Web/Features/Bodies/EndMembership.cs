using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies;

/// <summary>"Afslut medlemskab": the membership's last day. Answers the body's id.</summary>
public sealed class EndMembership(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int membershipId, DateOnly lastDay, int version, CancellationToken ct)
    {
        var membership = await db.Memberships.Include(m => m.Body).FirstOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null)
        {
            return new Error("membership.not_found", "Medlemskabet findes ikke.");
        }
        if (lastDay < membership.From)
        {
            return new Error("membership.period_inverted", "Medlemskabet kan ikke slutte, før det begynder.", nameof(Membership.To));
        }
        db.ExpectVersion(membership, version);
        membership.To = lastDay;
        return (await db.SaveAsync("Medlemskabet", ct)).With(membership.BodyId);
    }
}
