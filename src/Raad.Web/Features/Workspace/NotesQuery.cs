using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Workspace;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Workspace;

/// <summary>
/// The signed-in person's own notes on a meeting, and nobody else's: the one read of <see cref="Note"/> outside the
/// use cases that write them. Nothing else in Raad (pages, documents, exports, feeds, search) reads notes.
/// </summary>
public sealed class NotesQuery(AppDbContext db, ViewerAccessor viewers)
{
    /// <param name="withDeleted">A device syncing needs the tombstones; a page or a document does not.</param>
    public async Task<IReadOnlyList<Note>> MineAsync(int meetingId, CancellationToken ct, bool withDeleted = false)
    {
        var viewer = await viewers.GetAsync(ct);
        if (viewer.UserId is not { } userId)
        {
            return [];
        }
        var items = await NoteAccess.ItemsOfMeetingAsync(db, meetingId, ct);
        var mayAnnotate = items.Where(i => Visibility.MayAnnotate(viewer.Facts, i.Meeting, i.Item)).Select(i => i.ItemId).ToHashSet();
        var notes = await db.Notes.AsNoTracking()
            .Where(n => n.UserId == userId && (withDeleted || !n.IsDeleted))
            .Join(db.AgendaItems.Where(i => i.MeetingId == meetingId), n => n.AgendaItemId, i => i.Id, (n, _) => n)
            .ToListAsync(ct);
        // Ordered here: SQLite cannot order by a DateTimeOffset.
        return [.. notes.Where(n => mayAnnotate.Contains(n.AgendaItemId)).OrderBy(n => n.ChangedAt)];
    }
}
