using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Users;

/// <summary>Sends an account a new invitation link, e.g. when the first ran out.</summary>
public sealed class InviteAgain(AppDbContext db, Invitations invitations) : IUseCase
{
    public async Task<Result<string>> HandleAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new Error("account.not_found", "Kontoen findes ikke.");
        }
        if (!user.IsActive)
        {
            return new Error("account.inactive", "Kontoen er deaktiveret; genaktiver den først.");
        }
        await invitations.SendAsync(user, ct);
        return (await db.SaveAsync("Invitationen", ct)).With($"En ny invitation er sendt til {user.Email}.");
    }
}
