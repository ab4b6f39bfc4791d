using Raad.Domain.Common;

namespace Raad.Domain.Workspace;

/// <summary>
/// A row that belongs to one person and nobody else: the audit log records that it changed, never what it says.
/// </summary>
public interface IPrivateRecord;

/// <summary>An area marked on an attachment page, in fractions of the page (0-1), so it fits the page at any zoom.</summary>
public readonly record struct PageArea(int AttachmentId, int Page, double X, double Y, double Width, double Height)
{
    public bool IsValid =>
        AttachmentId > 0 && Page >= 1
        && X >= 0 && Y >= 0 && Width > 0 && Height > 0 && X + Width <= 1.0001 && Y + Height <= 1.0001;
}

/// <summary>
/// A member's own note on an agenda item ("Mine noter"), or on an area he marked on one of its attachment pages. It is
/// his alone: no one else, no export, search or feed ever shows it. A note is made on a device, perhaps offline, so it
/// carries the key the device gave it and the time the device changed it; <see cref="Receive"/> settles two devices.
/// </summary>
public class Note : IPrivateRecord
{
    public const int MaxLength = 20_000;

    public int Id { get; set; }

    /// <summary>The account the note belongs to.</summary>
    public required string UserId { get; set; }

    /// <summary>Given by the device that made it, so a note written offline is the same note when it reaches the server.</summary>
    public Guid Key { get; set; }

    public int AgendaItemId { get; set; }

    /// <summary>The marked area; all null for a note on the item itself.</summary>
    public int? AttachmentId { get; set; }
    public int? Page { get; set; }
    public double? X { get; set; }
    public double? Y { get; set; }
    public double? Width { get; set; }
    public double? Height { get; set; }

    public string Text { get; set; } = "";

    /// <summary>When the device changed it, as the device tells; the later change wins.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Counts the changes the server accepted: a device sends the revision it changed, to reveal a conflict.</summary>
    public int Revision { get; set; }

    /// <summary>Deleted notes stay as a tombstone, so a device that kept the note learns it is gone.</summary>
    public bool IsDeleted { get; set; }

    public List<NoteVersion> Versions { get; set; } = [];

    public PageArea? Area => AttachmentId is { } a && Page is { } p && X is { } x && Y is { } y && Width is { } w && Height is { } h
        ? new PageArea(a, p, x, y, w, h)
        : null;

    public static Validation Validate(string? text, PageArea? area) =>
        new Validation()
            .Require((text ?? "").Length <= MaxLength, "note.too_long", nameof(Text), $"En note må højst have {MaxLength:N0} tegn.".Replace(',', '.'))
            .Require(area is null || area.Value.IsValid, "note.area_invalid", "Area", "Det markerede område ligger ikke på siden.");

    /// <summary>A new note from a device.</summary>
    public static Result<Note> Create(string userId, Guid key, int agendaItemId, PageArea? area, string? text, DateTimeOffset changedAt)
    {
        var validation = Validate(text, area);
        if (!validation.IsValid)
        {
            return Result<Note>.Fail(validation.Errors);
        }
        var note = new Note { UserId = userId, Key = key, AgendaItemId = agendaItemId, Text = text ?? "", ChangedAt = changedAt, Revision = 1 };
        note.Place(area);
        return note;
    }

    /// <summary>
    /// A change from a device that last saw <paramref name="baseRevision"/>. Without a change in between it simply
    /// applies. When another device changed the note meanwhile, the later change wins and the other text is kept as a
    /// version, so nothing typed is lost. Returns whether the device's change is now the note.
    /// </summary>
    public Result<bool> Receive(string? text, PageArea? area, bool delete, int baseRevision, DateTimeOffset changedAt, DateTimeOffset now)
    {
        var validation = Validate(text, area);
        if (!validation.IsValid)
        {
            return Result<bool>.Fail(validation.Errors);
        }
        var incoming = text ?? "";
        var conflict = baseRevision != Revision;
        if (conflict && changedAt < ChangedAt)
        {
            // The note on the server is the later change: the device's text becomes a version of it.
            if (incoming != Text && incoming.Length > 0)
            {
                Versions.Add(new NoteVersion { Text = incoming, ChangedAt = changedAt, KeptAt = now });
            }
            return false;
        }
        if (conflict && Text != incoming && Text.Length > 0)
        {
            Versions.Add(new NoteVersion { Text = Text, ChangedAt = ChangedAt, KeptAt = now });
        }
        Text = incoming;
        IsDeleted = delete;
        if (area is not null || AttachmentId is not null)
        {
            Place(area ?? Area);
        }
        ChangedAt = changedAt;
        Revision++;
        return true;
    }

    private void Place(PageArea? area)
    {
        AttachmentId = area?.AttachmentId;
        Page = area?.Page;
        X = area?.X;
        Y = area?.Y;
        Width = area?.Width;
        Height = area?.Height;
    }
}

/// <summary>An earlier text of a note, kept when another device's later change replaced it.</summary>
public class NoteVersion : IPrivateRecord
{
    public int Id { get; set; }
    public int NoteId { get; set; }
    public string Text { get; set; } = "";

    /// <summary>When that text was written.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>When it was set aside.</summary>
    public DateTimeOffset KeptAt { get; set; }
}
