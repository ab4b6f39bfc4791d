using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;

namespace Raad.Web.Features.Agenda;

/// <summary>An agenda can be edited until it is published; the first edit of a planned meeting starts its draft.</summary>
internal static class AgendaGuard
{
    public static async Task<(Meeting? Meeting, Result Result)> EditableMeetingAsync(AppDbContext db, int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Items).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return (null, new Error("meeting.not_found", "Mødet findes ikke."));
        }
        if (!meeting.AgendaIsEditable)
        {
            return (meeting, new Error("agenda.not_editable",
                $"Dagsordenen kan ikke ændres, når mødet har status \"{meeting.Status.Danish()}\". Træk dagsordenen tilbage til kladde først."));
        }
        if (meeting.Status == MeetingStatus.Planned)
        {
            meeting.StartAgenda();
        }
        return (meeting, Result.Ok());
    }

    /// <summary>The editable meeting an item belongs to; the one way item-level agenda edits begin.</summary>
    public static async Task<(Meeting? Meeting, Result Result)> EditableMeetingOfItemAsync(AppDbContext db, int itemId, CancellationToken ct)
    {
        var meetingId = await db.AgendaItems.Where(i => i.Id == itemId).Select(i => (int?)i.MeetingId).FirstOrDefaultAsync(ct);
        return meetingId is null
            ? (null, new Error("item.not_found", "Punktet findes ikke."))
            : await EditableMeetingAsync(db, meetingId.Value, ct);
    }
}
