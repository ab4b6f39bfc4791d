using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Item)]
public class EditItemModel(AppDbContext db, IOptions<AttachmentOptions> attachmentOptions) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public int MeetingId { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Cases { get; private set; } = [];
    public List<Attachment> Attachments { get; private set; } = [];
    public long MaxBytes => attachmentOptions.Value.MaxBytes;

    /// <summary>After a refused save: what is in the database now, shown beside the user's own input.</summary>
    public IReadOnlyList<(string Label, string? Value)>? Saved { get; private set; }

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().Include(i => i.Meeting).FirstOrDefaultAsync(i => i.Id == Id, ct);
        if (item is null)
        {
            return NotFound();
        }
        if (!item.Meeting!.AgendaIsEditable)
        {
            TempData["Message"] = "Dagsordenen er udsendt og kan ikke redigeres. Træk den tilbage til kladde for at rette punktet.";
            return Redirect($"/moeder/{item.MeetingId}");
        }
        Input = ItemInput.Of(item);
        return await ShowAsync(ct);
    }

    /// <summary>The form shows input that is not saved (a refused save): leaving the page must warn from the start.</summary>
    public bool Unsaved { get; private set; }

    /// <summary>The attachment's title typed before a refused save (a browser cannot refill the file itself).</summary>
    public string? AttachmentTitle { get; private set; }

    [Needs(Permission.Edit)]
    public Task<IActionResult> OnPostAsync(string? attachmentTitle, IFormFile? file, [FromServices] SaveItem save, CancellationToken ct) =>
        SaveAsync(save, new AttachmentChange(file, attachmentTitle), file is null ? "Punktet er gemt." : $"Punktet er gemt, og bilaget \"{file.FileName}\" er tilføjet.", ct);

    /// <summary>"Tilføj bilag": the file is added and what was typed in the sections is saved with it.</summary>
    [Needs(Permission.Edit)]
    public Task<IActionResult> OnPostUploadAsync(string? attachmentTitle, IFormFile? file, [FromServices] SaveItem save, CancellationToken ct) =>
        SaveAsync(save, new AttachmentChange(file, attachmentTitle, FileRequired: true), $"Bilaget \"{file?.FileName}\" er tilføjet, og punktet er gemt.", ct);

    [Needs(Permission.Edit)]
    public Task<IActionResult> OnPostRemoveAttachmentAsync(int attachmentId, [FromServices] SaveItem save, CancellationToken ct) =>
        SaveAsync(save, new AttachmentChange(RemoveId: attachmentId), "Bilaget er fjernet, og punktet er gemt.", ct);

    private async Task<IActionResult> SaveAsync(SaveItem save, AttachmentChange attachments, string message, CancellationToken ct)
    {
        AttachmentTitle = attachments.Title;
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(Id, Input, attachments, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = message;
                var filesChanged = attachments.File is not null || attachments.FileRequired || attachments.RemoveId is not null;
                var anchor = filesChanged ? "#attachments-heading" : "";
                return Redirect($"/punkter/{Id}/rediger{anchor}");
            }
            if (result.Errors.Any(e => e.Code == ErrorMapping.ConflictCode))
            {
                db.ChangeTracker.Clear();
                var saved = await db.AgendaItems.AsNoTracking().FirstAsync(i => i.Id == Id, ct);
                Input.Version = saved.Version;
                Saved =
                [
                    ("Titel", saved.Title),
                    ("Punkttype", saved.Kind.Danish()),
                    ("Varighed", DanishFormat.Minutes(saved.DurationMinutes)),
                    ("Lukket", saved.IsClosed ? "Ja" : "Nej"),
                    ("Baggrund", saved.Background),
                    ("Indstilling", string.Join('\n', saved.Recommendation)),
                    ("Sagsfremstilling", saved.Presentation),
                ];
            }
        }
        // Refused: the page shows what the user typed, not the saved item, and warns before it is left.
        Unsaved = true;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().Include(i => i.Meeting).FirstOrDefaultAsync(i => i.Id == Id, ct);
        if (item is null)
        {
            return NotFound();
        }
        MeetingId = item.MeetingId;
        var bodyId = item.Meeting!.BodyId;
        var cases = await db.Cases.AsNoTracking().Where(c => c.BodyId == null || c.BodyId == bodyId)
            .OrderBy(c => c.Title).Select(c => new { c.Id, c.Title, c.CaseNumber }).ToListAsync(ct);
        Cases = [.. cases.Select(c => (c.Id, c.CaseNumber is null ? c.Title : $"{c.Title} ({c.CaseNumber})"))];
        Attachments = await db.AgendaItems.Where(i => i.Id == Id).SelectMany(i => i.Attachments)
            .OrderBy(a => a.Order)
            .Select(a => new Attachment { Id = a.Id, Title = a.Title, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, Sha256 = a.Sha256 })
            .ToListAsync(ct);
        return Page();
    }
}
