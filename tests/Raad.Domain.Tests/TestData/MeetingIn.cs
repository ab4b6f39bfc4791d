using Raad.Domain.Common;
using Raad.Domain.Meetings;

namespace Raad.Domain.Tests.TestData;

/// <summary>
/// Brings a new meeting to a status by the domain's own steps, as the status cannot be set. The history steps are used
/// where they exist, so no publication time, number, version or note is added that the test did not ask for; circulated
/// minutes have one version out (sent on the meeting's day), a cancelled meeting a reason.
/// </summary>
public static class MeetingIn
{
    public static Meeting State(Meeting meeting, MeetingStatus status)
    {
        var walked = status switch
        {
            MeetingStatus.Planned => Result.Ok(),
            MeetingStatus.AgendaDraft => meeting.StartAgenda(),
            MeetingStatus.AgendaPublished => meeting.RecordPublishedAgenda(),
            MeetingStatus.Held => State(meeting, MeetingStatus.AgendaPublished).MarkHeld(meeting.Date),
            MeetingStatus.MinutesDraft => State(meeting, MeetingStatus.Held).StartMinutes(),
            MeetingStatus.MinutesCirculated => State(meeting, MeetingStatus.MinutesDraft).CirculateMinutes("Referat", null, 8, meeting.Date,
                new DateTimeOffset(meeting.Date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)),
            MeetingStatus.MinutesApproved => meeting.RecordApprovedMinutes(null),
            MeetingStatus.Cancelled => meeting.Cancel("Aflyst."),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        if (!walked.IsSuccess)
        {
            throw new InvalidOperationException($"The meeting did not reach {status}: {string.Join(" ", walked.Errors.Select(e => e.Message))}");
        }
        return meeting;
    }
}
