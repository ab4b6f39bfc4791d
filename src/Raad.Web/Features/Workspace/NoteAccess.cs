using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Web.Data;

namespace Raad.Web.Features.Workspace;

/// <summary>An item with what visibility asks of it: its meeting's state and whether it is closed.</summary>
public sealed record ItemFacts(int ItemId, int MeetingId, MeetingState Meeting, ItemState Item);

public static class NoteAccess
{
    public static Task<ItemFacts?> ItemAsync(AppDbContext db, int itemId, CancellationToken ct) =>
        db.AgendaItems.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new ItemFacts(i.Id, i.MeetingId, new MeetingState(i.Meeting!.BodyId, i.Meeting.Status, i.Meeting.Date), new ItemState(i.Id, i.IsClosed)))
            .FirstOrDefaultAsync(ct);

    public static Task<List<ItemFacts>> ItemsOfMeetingAsync(AppDbContext db, int meetingId, CancellationToken ct) =>
        db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId)
            .Select(i => new ItemFacts(i.Id, i.MeetingId, new MeetingState(i.Meeting!.BodyId, i.Meeting.Status, i.Meeting.Date), new ItemState(i.Id, i.IsClosed)))
            .ToListAsync(ct);
}
