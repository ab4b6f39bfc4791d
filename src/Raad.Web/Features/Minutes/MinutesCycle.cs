using Microsoft.EntityFrameworkCore;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Features.Meetings;

namespace Raad.Web.Features.Minutes;

/// <summary>
/// § 3, stk. 5: the minutes are sent to the members (<see cref="SendMinutesForApproval"/>), who may object within the window
/// (<see cref="ObjectToMinutes"/>); the secretariat answers with a revised version (<see cref="ReviseMinutes"/>), which runs the
/// window again; silence (<see cref="ApproveMinutesBySilence"/>) or the meeting (<see cref="ApproveMinutes"/>) approves; approved
/// minutes take only corrections (<see cref="CorrectApprovedMinutes"/>). What those use cases load alike is here.
/// </summary>
internal static class MinutesCycle
{
    /// <summary>The meeting with its minutes' versions and the objections to them.</summary>
    public static Task<Meeting?> MeetingAsync(AppDbContext db, int meetingId, CancellationToken ct) =>
        db.Meetings.Include(m => m.MinutesVersions).ThenInclude(v => v.Objections)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, ct);

    /// <summary>The minutes as the secretariat reads them now (every item, closed ones too).</summary>
    public static async Task<string> TextAsync(MeetingQuery query, int meetingId, CancellationToken ct) =>
        MinutesText.From(await query.GetAsync(meetingId, ct) ?? throw new InvalidOperationException($"Møde {meetingId} findes ikke."));
}
