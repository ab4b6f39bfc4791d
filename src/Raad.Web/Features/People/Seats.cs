using Microsoft.EntityFrameworkCore;
using Raad.Domain.People;
using Raad.Web.Data;

namespace Raad.Web.Features.People;

/// <summary>Who holds a voting seat (member or co-chair) of a body on a day: the one question several workflows ask.</summary>
public static class Seats
{
    public static IQueryable<Membership> VotingOn(this IQueryable<Membership> memberships, int bodyId, DateOnly date) =>
        memberships.Where(m => m.BodyId == bodyId && m.From <= date && (m.To == null || m.To >= date)
            && (m.Role == MembershipRole.Member || m.Role == MembershipRole.CoChair));

    /// <summary>The person's voting seat in the body on the day, if they have one.</summary>
    public static Task<int?> VotingSeatOfAsync(this AppDbContext db, int bodyId, int personId, DateOnly date, CancellationToken ct) =>
        db.Memberships.VotingOn(bodyId, date).Where(m => m.PersonId == personId).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
}
