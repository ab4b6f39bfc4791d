using Raad.Domain.Import;

namespace Raad.Web.Features.Import;

public enum ImportStatus
{
    /// <summary>Uploaded and parsed; waiting in the preview for the secretariat to check and confirm.</summary>
    Pending,

    /// <summary>Confirmed and saved; the row keeps the original file with the meeting (or body) it became.</summary>
    Imported,
}

/// <summary>
/// A source document given to the importer. While pending it holds the parsed result as the preview shows and edits
/// it; once imported it is the original file kept with its meeting, and its SHA-256 stops the same file twice.
/// </summary>
public class ImportedDocument
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>Lower-case hex; unique among imported documents.</summary>
    public required string Sha256 { get; set; }

    public byte[] Content { get; set; } = [];
    public ImportStatus Status { get; set; }
    public ImportedKind? Kind { get; set; }

    /// <summary>The body named with --body or chosen in the upload form, if any.</summary>
    public string? BodyHint { get; set; }

    /// <summary>The parsed document as JSON (with the secretariat's corrections while pending).</summary>
    public string Parsed { get; set; } = "";

    public int? BodyId { get; set; }
    public int? MeetingId { get; set; }
    public int? RulesId { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset? ImportedAt { get; set; }
    public int Version { get; set; }
}
