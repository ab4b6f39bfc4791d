using Microsoft.EntityFrameworkCore;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Import;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Import;

/// <summary>The secretariat's corrections in the preview: the body, the meeting's date, times and place, each item's main fields.</summary>
public sealed record ImportCorrections(
    string? BodyHint, DateOnly? Date, TimeOnly? Start, TimeOnly? End, string? Place, bool IsVirtual, IReadOnlyList<ItemCorrection> Items)
{
    /// <summary>Writes the corrections into the parse (items by position, as the form lists them).</summary>
    public void ApplyTo(ParsedDocument parsed)
    {
        if (parsed.Meeting is not { } meeting)
        {
            return;
        }
        meeting.Date = Date;
        meeting.Start = Start;
        meeting.End = End;
        meeting.Place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim();
        meeting.IsVirtual = IsVirtual;
        for (var i = 0; i < Items.Count && i < meeting.Items.Count; i++)
        {
            var edit = Items[i];
            var item = meeting.Items[i];
            item.Title = edit.Title?.Trim() ?? item.Title;
            item.Kind = edit.Kind;
            item.DurationMinutes = edit.Duration;
            item.IsClosed = edit.Closed;
            item.Decision = string.IsNullOrWhiteSpace(edit.Decision) ? null : edit.Decision.Trim();
        }
    }

    /// <summary>What the form must hold before the corrections are kept; the meeting's own rules are checked by the preview and on import.</summary>
    public IReadOnlyList<Error> Validate(ParsedDocument parsed)
    {
        var v = new Validation();
        if (parsed.Meeting is not { } meeting)
        {
            return v.Errors;
        }
        v.Require(Date is not null, "import.date_required", nameof(Date), "Skriv mødets dato.");
        v.Require(Start is not { } s || End is not { } e || e >= s, "import.end_before_start", nameof(End), "Mødet kan ikke slutte, før det begynder.");
        for (var i = 0; i < Items.Count && i < meeting.Items.Count; i++)
        {
            var number = meeting.Items[i].Number;
            v.Require(!string.IsNullOrWhiteSpace(Items[i].Title), "import.item_title_required", $"Items[{i}].Title", $"Punkt {number} skal have en titel.");
            v.Require(Items[i].Duration is not (< 0 or > AgendaItem.MaxDurationMinutes), "import.item_duration", $"Items[{i}].Duration",
                $"Varigheden skal være mellem 0 og {AgendaItem.MaxDurationMinutes} minutter.");
        }
        return v.Errors;
    }
}

public sealed record ItemCorrection(string? Title, ItemKind Kind, int? Duration, string? Decision, bool Closed);

public sealed record CorrectImportCommand(int DocumentId, ImportCorrections Corrections, int Version);

/// <summary>"Gem rettelser": keeps the secretariat's corrections with the waiting file; nothing is imported yet.</summary>
public sealed class CorrectImport(AppDbContext db) : IUseCase
{
    public const string Conflict = "En anden har rettet eller importeret filen imens. Åbn den igen for at se den nyeste udgave.";

    public async Task<Result<int>> RunAsync(CorrectImportCommand command, CancellationToken ct)
    {
        var document = await db.ImportedDocuments.FirstOrDefaultAsync(d => d.Id == command.DocumentId && d.Status == ImportStatus.Pending, ct);
        if (document is null)
        {
            return new Error("import.not_found", "Filen findes ikke eller er allerede importeret.");
        }
        var parsed = document.ReadParsed();
        if (command.Corrections.Validate(parsed) is { Count: > 0 } errors)
        {
            return Result<int>.Fail(errors);
        }
        command.Corrections.ApplyTo(parsed);
        db.ExpectVersion(document, command.Version);
        document.BodyHint = string.IsNullOrWhiteSpace(command.Corrections.BodyHint) ? null : command.Corrections.BodyHint.Trim();
        document.WriteParsed(parsed);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(ErrorMapping.ConflictCode, Conflict);
        }
        return document.Version;
    }
}
