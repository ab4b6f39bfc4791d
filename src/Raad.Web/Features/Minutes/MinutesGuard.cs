using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;

namespace Raad.Web.Features.Minutes;

/// <summary>Minutes are written after the meeting is held and until they are approved; the first entry starts the draft.</summary>
internal static class MinutesGuard
{
    public static async Task<(Meeting? Meeting, Result Result)> EditableMeetingAsync(AppDbContext db, int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Items).ThenInclude(i => i.Absences)
            .Include(m => m.Attendance)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return (null, new Error("meeting.not_found", "Mødet findes ikke."));
        }
        if (!meeting.MinutesAreEditable)
        {
            return (meeting, new Error("minutes.not_editable", meeting.Status switch
            {
                MeetingStatus.MinutesApproved => "Referatet er godkendt og kan ikke ændres. Registrér en rettelse under \"Godkendelse af referat\".",
                MeetingStatus.MinutesCirculated => "Referatet er udsendt. Revidér det under \"Godkendelse af referat\" for at rette i det.",
                _ => $"Referatet kan først skrives, når mødet er markeret som afholdt (status nu: \"{meeting.Status.Danish()}\").",
            }));
        }
        if (meeting.Status == MeetingStatus.Held)
        {
            meeting.StartMinutes();
        }
        return (meeting, Result.Ok());
    }

    /// <summary>The meeting an item belongs to, if its minutes may be written now.</summary>
    public static async Task<(Meeting? Meeting, Result Result)> EditableMeetingOfItemAsync(AppDbContext db, int itemId, CancellationToken ct)
    {
        var meetingId = await db.AgendaItems.Where(i => i.Id == itemId).Select(i => (int?)i.MeetingId).FirstOrDefaultAsync(ct);
        return meetingId is null
            ? (null, new Error("item.not_found", "Punktet findes ikke."))
            : await EditableMeetingAsync(db, meetingId.Value, ct);
    }
}
