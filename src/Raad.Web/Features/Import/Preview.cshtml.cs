using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Domain.Agenda;
using Raad.Domain.Import;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Import;

/// <summary>
/// The preview of one uploaded file: the structured result beside the source text, each field marked new, matched,
/// warning or error, the meeting's and items' main fields editable; confirm saves it all in one transaction.
/// </summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Shared)]
public class PreviewModel(PreviewImport previews, CorrectImport correct, ConfirmImport confirm, DiscardImport discard) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public ImportedDocument Document { get; private set; } = null!;
    public ImportPreview Preview { get; private set; } = null!;

    public sealed class EditInput
    {
        public string? Body { get; set; }
        public DateOnly? Date { get; set; }
        public TimeOnly? Start { get; set; }
        public TimeOnly? End { get; set; }
        public string? Place { get; set; }
        public bool Virtual { get; set; }
        public List<ItemEdit> Items { get; set; } = [];
        public int Version { get; set; }

        public ImportCorrections ToCorrections() => new(
            Body, Date, Start, End, Place, Virtual, [.. Items.Select(i => new ItemCorrection(i.Title, i.Kind, i.Duration, i.Decision, i.Closed))]);
    }

    public sealed class ItemEdit
    {
        public int Number { get; set; }
        public string? Title { get; set; }
        public ItemKind Kind { get; set; }
        public int? Duration { get; set; }
        public string? Decision { get; set; }

        /// <summary>Lukket punkt: read from the document's markers, and the secretariat's to change before importing.</summary>
        public bool Closed { get; set; }
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var pending = await previews.PendingAsync(Id, null, ct);
        if (!pending.IsSuccess)
        {
            return NotFound();
        }
        (Document, var parsed, Preview) = pending.Value!;
        if (Document.Status == ImportStatus.Imported)
        {
            return Redirect(Document.MeetingId is { } meeting ? $"/moeder/{meeting}" : "/import");
        }
        Input = From(parsed, Document, Preview.BodyName);
        return Page();
    }

    /// <summary>The original file, for the secretariat (an imported agenda may hold closed items).</summary>
    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetFilAsync(CancellationToken ct)
    {
        var file = await previews.OriginalAsync(Id, ct);
        return file.IsSuccess ? File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : NotFound();
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostGemAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(ct);
        }
        var saved = await correct.RunAsync(new CorrectImportCommand(Id, Input.ToCorrections(), Input.Version), ct);
        if (saved.Errors is [{ Code: "import.not_found" }])
        {
            return NotFound();
        }
        if (!ModelState.AddErrors(saved))
        {
            return await ShowAsync(ct);
        }
        TempData["Message"] = "Rettelserne er gemt. Intet er importeret endnu.";
        return Redirect($"/import/{Id}");
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostImporterAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(ct);
        }
        var saved = await confirm.RunAsync(new ConfirmImportCommand(Id, Input.ToCorrections(), Input.Version), User.Identity?.Name ?? "", ct);
        if (saved.Errors is [{ Code: "import.not_found" }])
        {
            return NotFound();
        }
        if (!ModelState.AddErrors(saved))
        {
            return await ShowAsync(ct);
        }
        var outcome = saved.Value!;
        TempData["Message"] = $"{outcome.FileName} er importeret. {outcome.Summary}";
        return Redirect(outcome.MeetingId is { } meeting ? $"/moeder/{meeting}" : outcome.RulesId is not null ? $"/udvalg/{outcome.BodyId}/forretningsorden" : "/import");
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostKasserAsync(CancellationToken ct)
    {
        var discarded = await discard.RunAsync(Id, ct);
        if (discarded.IsSuccess)
        {
            TempData["Message"] = $"{discarded.Value} er kasseret; intet er importeret.";
        }
        return Redirect("/import");
    }

    /// <summary>The form again, with its errors: the preview as the posted corrections would make it (nothing saved).</summary>
    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var pending = await previews.PendingAsync(Id, Input.ToCorrections(), ct);
        if (!pending.IsSuccess || pending.Value!.Document.Status != ImportStatus.Pending)
        {
            return NotFound();
        }
        (Document, _, Preview) = pending.Value;
        return Page();
    }

    private static EditInput From(ParsedDocument parsed, ImportedDocument document, string? matchedBody) => new()
    {
        Body = document.BodyHint ?? matchedBody ?? parsed.Meeting?.BodyName,
        Date = parsed.Meeting?.Date,
        Start = parsed.Meeting?.Start,
        End = parsed.Meeting?.End,
        Place = parsed.Meeting?.Place,
        Virtual = parsed.Meeting?.IsVirtual ?? false,
        Items = [.. (parsed.Meeting?.Items ?? []).Select(i => new ItemEdit { Number = i.Number, Title = i.Title, Kind = i.Kind, Duration = i.DurationMinutes, Decision = i.Decision, Closed = i.IsClosed })],
        Version = document.Version,
    };
}
