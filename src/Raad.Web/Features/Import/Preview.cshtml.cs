using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Agenda;
using Raad.Domain.Import;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Import;

/// <summary>
/// The preview of one uploaded file: the structured result beside the source text, each field marked new, matched,
/// warning or error, the meeting's and items' main fields editable; confirm saves it all in one transaction.
/// </summary>
[Authorize(Policy = Policies.Edit)]
public class PreviewModel(AppDbContext db, Importer importer) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public ImportedDocument Document { get; private set; } = null!;
    public ImportPreview Preview { get; private set; } = null!;

    /// <summary>The parsed document as stored with the pending file, with the secretariat's corrections.</summary>
    private ParsedDocument parsed = null!;

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
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        await PreviewAsync(ct);
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
        var file = await db.ImportedDocuments.AsNoTracking().Where(d => d.Id == Id)
            .Select(d => new { d.FileName, d.ContentType, d.Content }).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostGemAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Document.Status != ImportStatus.Pending)
        {
            return NotFound();
        }
        if (await ApplyAsync(ct))
        {
            TempData["Message"] = "Rettelserne er gemt. Intet er importeret endnu.";
            return Redirect($"/import/{Id}");
        }
        return Page();
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostImporterAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Document.Status != ImportStatus.Pending)
        {
            return NotFound();
        }
        if (!await ApplyAsync(ct))
        {
            return Page();
        }
        var saved = await importer.SaveAsync(Preview, Document.Content, User.Identity?.Name ?? "", Document, ct);
        if (!ModelState.AddErrors(saved.ToResult()))
        {
            return Page();
        }
        TempData["Message"] = $"{Document.FileName} er importeret. {saved.Value!.Summary}";
        return Redirect(saved.Value.MeetingId is { } meeting ? $"/moeder/{meeting}" : saved.Value.RulesId is not null ? $"/udvalg/{saved.Value.BodyId}/forretningsorden" : "/import");
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostKasserAsync(CancellationToken ct)
    {
        var document = await db.ImportedDocuments.FirstOrDefaultAsync(d => d.Id == Id && d.Status == ImportStatus.Pending, ct);
        if (document is not null)
        {
            db.ImportedDocuments.Remove(document);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"{document.FileName} er kasseret; intet er importeret.";
        }
        return Redirect("/import");
    }

    /// <summary>Validates the edits, stores them with the pending file (optimistic concurrency) and previews again.</summary>
    private async Task<bool> ApplyAsync(CancellationToken ct)
    {
        if (parsed.Meeting is { } meeting)
        {
            if (Input.Date is null)
            {
                ModelState.AddModelError("Input.Date", "Skriv mødets dato.");
            }
            if (Input.Start is { } s && Input.End is { } e && e < s)
            {
                ModelState.AddModelError("Input.End", "Mødet kan ikke slutte, før det begynder.");
            }
            meeting.Date = Input.Date;
            meeting.Start = Input.Start;
            meeting.End = Input.End;
            meeting.Place = string.IsNullOrWhiteSpace(Input.Place) ? null : Input.Place.Trim();
            meeting.IsVirtual = Input.Virtual;
            for (var i = 0; i < Input.Items.Count && i < meeting.Items.Count; i++)
            {
                var edit = Input.Items[i];
                var item = meeting.Items[i];
                if (string.IsNullOrWhiteSpace(edit.Title))
                {
                    ModelState.AddModelError($"Input.Items[{i}].Title", $"Punkt {item.Number} skal have en titel.");
                }
                if (edit.Duration is < 0 or > AgendaItem.MaxDurationMinutes)
                {
                    ModelState.AddModelError($"Input.Items[{i}].Duration", $"Varigheden skal være mellem 0 og {AgendaItem.MaxDurationMinutes} minutter.");
                }
                item.Title = edit.Title?.Trim() ?? item.Title;
                item.Kind = edit.Kind;
                item.DurationMinutes = edit.Duration;
                item.IsClosed = edit.Closed;
                item.Decision = string.IsNullOrWhiteSpace(edit.Decision) ? null : edit.Decision.Trim();
            }
        }
        if (!ModelState.IsValid)
        {
            await PreviewAsync(ct);
            return false;
        }
        db.ExpectVersion(Document, Input.Version);
        Document.BodyHint = string.IsNullOrWhiteSpace(Input.Body) ? null : Input.Body.Trim();
        Document.Parsed = JsonSerializer.Serialize(parsed, Importer.Json);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "En anden har rettet eller importeret filen imens. Åbn den igen for at se den nyeste udgave.");
            await PreviewAsync(ct);
            return false;
        }
        await PreviewAsync(ct);
        Input.Version = Document.Version;
        return true;
    }

    /// <summary>The pending file and its stored parse; tracked, as the handlers that post save it.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var document = await db.ImportedDocuments.FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (document is null)
        {
            return false;
        }
        Document = document;
        parsed = JsonSerializer.Deserialize<ParsedDocument>(document.Parsed, Importer.Json) ?? new ParsedDocument();
        return true;
    }

    /// <summary>Reads the file again for the source text and matches the (corrected) parse against the database.</summary>
    private async Task PreviewAsync(CancellationToken ct) =>
        Preview = await importer.PreviewAsync(Document.FileName, Document.Content, Document.BodyHint, parsed, ct);

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
