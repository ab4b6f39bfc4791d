using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Domain.Workspace;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Workspace;

public sealed record NoteArea(double X, double Y, double Width, double Height);

/// <summary>A change to a note as a device sends it: <c>BaseRevision</c> is the revision it changed (0 for a new note).</summary>
public sealed record NoteChange(int ItemId, int? AttachmentId, int? Page, NoteArea? Area, string? Text, DateTimeOffset ChangedAt, int BaseRevision, bool Deleted);

public sealed record NoteDto(Guid Key, int ItemId, int? AttachmentId, int? Page, NoteArea? Area, string Text, DateTimeOffset ChangedAt, int Revision, bool Deleted)
{
    public static NoteDto From(Note n) => new(n.Key, n.AgendaItemId, n.AttachmentId, n.Page,
        n.Area is { } a ? new NoteArea(a.X, a.Y, a.Width, a.Height) : null, n.Text, n.ChangedAt, n.Revision, n.IsDeleted);
}

/// <summary>Whether the device's change became the note (false: a later change from another device won), and the note now.</summary>
public sealed record NoteSaved(bool Applied, NoteDto Note);

/// <summary>
/// A member writes, changes or deletes one of his private notes (on an item, or on an area of an attachment page), from
/// whichever device, perhaps long after he wrote it offline. Only his own notes, on items he may see whole.
/// </summary>
public sealed class WriteNote(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public const string NotFound = "note.item_not_found";

    public async Task<Result<NoteSaved>> HandleAsync(Guid key, NoteChange change, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        if (viewer.UserId is not { } userId || key == Guid.Empty)
        {
            return new Error(NotFound, "Punktet findes ikke.");
        }
        var item = await NoteAccess.ItemAsync(db, change.ItemId, ct);
        if (item is null || !Visibility.MayAnnotate(viewer.Facts, item.Meeting, item.Item))
        {
            return new Error(NotFound, "Punktet findes ikke.");
        }
        PageArea? area = null;
        if (change.AttachmentId is { } attachmentId)
        {
            if (!await db.Attachments.AnyAsync(a => a.Id == attachmentId && a.AgendaItemId == item.ItemId, ct))
            {
                return new Error("note.attachment_not_found", "Bilaget hører ikke til punktet.", "Area");
            }
            if (change.Area is not { } box || change.Page is not { } page)
            {
                return new Error("note.area_invalid", "Et markeret område skal have en side og et område.", "Area");
            }
            area = new PageArea(attachmentId, page, box.X, box.Y, box.Width, box.Height);
        }
        var now = clock.GetUtcNow();
        // A device whose clock runs ahead must not win every conflict for ever.
        var changedAt = change.ChangedAt > now || change.ChangedAt == default ? now : change.ChangedAt;

        var note = await db.Notes.Include(n => n.Versions).FirstOrDefaultAsync(n => n.UserId == userId && n.Key == key, ct);
        bool applied;
        if (note is null)
        {
            var created = Note.Create(userId, key, item.ItemId, area, change.Text, changedAt);
            if (!created.IsSuccess)
            {
                return Result<NoteSaved>.Fail(created.Errors);
            }
            note = created.Value!;
            note.IsDeleted = change.Deleted;
            db.Notes.Add(note);
            applied = true;
        }
        else
        {
            if (note.AgendaItemId != item.ItemId)
            {
                return new Error("note.moved", "Noten hører til et andet punkt.");
            }
            var received = note.Receive(change.Text, area, change.Deleted, change.BaseRevision, changedAt, now);
            if (!received.IsSuccess)
            {
                return Result<NoteSaved>.Fail(received.Errors);
            }
            applied = received.Value;
        }
        var saved = await db.SaveAsync("Noten", ct);
        return saved.With(new NoteSaved(applied, NoteDto.From(note)));
    }
}
