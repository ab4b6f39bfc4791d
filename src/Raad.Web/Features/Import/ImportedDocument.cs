using System.Text.Json;
using System.Text.Json.Serialization;
using Raad.Domain.Bodies;
using Raad.Domain.Import;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;

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

    /// <summary>The body, meeting and rules the import made or filled in; navigations so that one SaveChanges sets the keys of new rows.</summary>
    public Body? Body { get; set; }

    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? RulesId { get; set; }
    public RulesOfProcedure? Rules { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset? ImportedAt { get; set; }
    public int Version { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        Converters = { new JsonStringEnumConverter() },
    };

    public ParsedDocument ReadParsed() => JsonSerializer.Deserialize<ParsedDocument>(Parsed, Json) ?? new ParsedDocument();

    public void WriteParsed(ParsedDocument parsed) => Parsed = JsonSerializer.Serialize(parsed, Json);
}
