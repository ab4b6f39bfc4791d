using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Features.Meetings;
using Raad.Web.Features.Procedure;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>
/// "Godkend referatet" on the approval page: by silence once the window has closed, or as the committee approved
/// them at a meeting, named by the item it was done under (this meeting's own approval item, or a later one's).
/// The rules decide (<see cref="Meeting.RecordMinutesApproval"/>); approved without a quorum, the minutes must say why.
/// Answers the meeting's id.
/// </summary>
public sealed class ApproveMinutes(AppDbContext db, MeetingQuery query, TimeProvider clock, ComplianceQuery compliance, Alerts.PublicAlerts alerts) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, int version, int? underItemId, string? quorumReason, CancellationToken ct)
    {
        var meeting = await MinutesCycle.MeetingAsync(db, meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        db.ExpectVersion(meeting, version);
        MeetingApproval? atMeeting = null;
        if (underItemId is { } itemId)
        {
            var item = await db.AgendaItems.AsNoTracking()
                .Where(i => i.Id == itemId && i.Meeting!.BodyId == meeting.BodyId && i.Meeting.Status != MeetingStatus.Cancelled)
                .Select(i => new { i.Number, i.Position, i.Meeting!.Date })
                .FirstOrDefaultAsync(ct);
            if (item is null)
            {
                return new Error("minutes.approval_item_unknown", "Vælg det møde og punkt, hvor udvalget godkendte referatet.", nameof(MeetingApproval));
            }
            atMeeting = new MeetingApproval(item.Date, item.Number ?? item.Position);
        }
        if (meeting.Status == MeetingStatus.Held)
        {
            meeting.StartMinutes();
        }
        var result = meeting.RecordMinutesApproval(await MinutesCycle.TextAsync(query, meeting.Id, ct), atMeeting, Clock.Today(clock), clock.GetUtcNow());
        if (!result.IsSuccess)
        {
            return result.With(meeting.Id);
        }
        if (await compliance.QuorumLackingAsync(meeting.Id, ct) is { } lacking)
        {
            if (quorumReason.OrNull() is not { } reason)
            {
                return new Error("procedure.quorum_reason_required",
                    $"{lacking} Skriv, hvorfor referatet alligevel godkendes – begrundelsen trykkes i referatet.", "QuorumReason");
            }
            meeting.MinutesQuorumReason = reason;
        }
        // The public's subscribers hear of the approved minutes, once per meeting.
        await alerts.MinutesApprovedAsync(meeting, ct);
        return (await db.SaveAsync("Referatet", ct)).With(meeting.Id);
    }
}
