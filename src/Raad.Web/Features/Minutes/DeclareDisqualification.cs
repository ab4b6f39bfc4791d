using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>
/// Inhabilitet: a member leaves an item's quorum and the minutes say so. The secretariat may declare any member of
/// the day; a member only themselves. Possible until the minutes are approved. Answers the item's id.
/// </summary>
public sealed class DeclareDisqualification(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int itemId, int membershipId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Error("disqualification.reason_required", "Skriv, hvorfor medlemmet er inhabilt.", "Reason");
        }
        var item = await db.AgendaItems.Include(i => i.Meeting).Include(i => i.Disqualifications)
            .FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item?.Meeting is not { } meeting)
        {
            return new Error("item.not_found", "Punktet findes ikke.");
        }
        if (meeting.Status is MeetingStatus.MinutesApproved or MeetingStatus.Cancelled)
        {
            return new Error("disqualification.closed", "Referatet er godkendt; inhabilitet kan ikke længere registreres.");
        }
        var member = await db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.Id == membershipId
            && m.BodyId == meeting.BodyId && m.From <= meeting.Date && (m.To == null || m.To >= meeting.Date), ct);
        if (member is null || !member.IsVotingMember)
        {
            return new Error("disqualification.not_member", "Kun udvalgets medlemmer på mødedagen kan erklæres inhabile.", "MembershipId");
        }
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.CanEditBody(meeting.BodyId) && viewer.PersonId != member.PersonId)
        {
            return new Error("disqualification.not_allowed", "Du kan kun erklære dig selv inhabil.");
        }
        if (item.Disqualifications.Any(d => d.MembershipId == membershipId))
        {
            return new Error("disqualification.exists", "Medlemmet er allerede erklæret inhabilt i punktet.", "MembershipId");
        }
        item.Disqualifications.Add(new Disqualification { MembershipId = membershipId, Reason = reason.Trim(), DeclaredAt = clock.GetUtcNow() });
        return (await db.SaveAsync("Punktet", ct)).With(itemId);
    }
}
