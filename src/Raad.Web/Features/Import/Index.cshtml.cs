using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Import;

/// <summary>Upload agendas and minutes; each readable file waits as a preview until the secretariat confirms it.</summary>
[Authorize(Policy = Policies.Edit)]
[RequestSizeLimit(MaxUploadBytes)]
public class IndexModel(AppDbContext db, Importer importer, TimeProvider clock) : PageModel
{
    /// <summary>One upload of several files; each file is also held to the readers' own limit.</summary>
    public const long MaxUploadBytes = 4 * ReadLimits.DefaultMaxBytes;

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public string? Body { get; set; }

    public List<string> Bodies { get; private set; } = [];
    public List<ImportedDocument> Pending { get; private set; } = [];
    public List<ImportedDocument> Imported { get; private set; } = [];

    /// <summary>Files refused on upload, with why (nothing of them is kept).</summary>
    public List<(string File, string Why)> Refused { get; } = [];

    [Needs(Permission.Edit)]
    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), "Vælg en eller flere filer.");
            await LoadAsync(ct);
            return Page();
        }
        var added = new List<int>();
        foreach (var file in Files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > ReadLimits.DefaultMaxBytes)
            {
                Refused.Add((name, ReadErrors.TooLarge(file.Length, ReadLimits.DefaultMaxBytes).Message));
                continue;
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var content = buffer.ToArray();
            var preview = await importer.PreviewAsync(name, content, string.IsNullOrWhiteSpace(Body) ? null : Body, null, ct);
            if (preview.AlreadyImported is not null)
            {
                Refused.Add((name, "Filen er allerede importeret (samme indhold); intet er ændret."));
                continue;
            }
            if (preview.Parsed is null || preview.Parsed.Error is not null)
            {
                Refused.Add((name, preview.Error ?? "Filen kan ikke læses."));
                continue;
            }
            var document = new ImportedDocument
            {
                FileName = name,
                ContentType = preview.ContentType,
                Sha256 = preview.Sha256,
                Size = content.Length,
                Content = content,
                Status = ImportStatus.Pending,
                Kind = preview.Parsed.Kind,
                BodyHint = string.IsNullOrWhiteSpace(Body) ? null : Body.Trim(),
                Parsed = JsonSerializer.Serialize(preview.Parsed, Importer.Json),
                UploadedBy = User.Identity?.Name ?? "",
                UploadedAt = clock.GetUtcNow(),
            };
            db.ImportedDocuments.Add(document);
            await db.SaveChangesAsync(ct);
            added.Add(document.Id);
        }
        if (Refused.Count == 0 && added.Count == 1)
        {
            return Redirect($"/import/{added[0]}");
        }
        if (added.Count > 0)
        {
            TempData["Message"] = added.Count == 1 ? "1 fil venter på at blive kontrolleret." : $"{added.Count} filer venter på at blive kontrolleret.";
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => b.Name).ToListAsync(ct);
        var documents = db.ImportedDocuments.AsNoTracking().Select(d => new ImportedDocument
        {
            Id = d.Id,
            FileName = d.FileName,
            ContentType = d.ContentType,
            Sha256 = d.Sha256,
            Size = d.Size,
            Status = d.Status,
            Kind = d.Kind,
            MeetingId = d.MeetingId,
            BodyId = d.BodyId,
            RulesId = d.RulesId,
            UploadedBy = d.UploadedBy,
            UploadedAt = d.UploadedAt,
            ImportedAt = d.ImportedAt,
        });
        Pending = await documents.Where(d => d.Status == ImportStatus.Pending).OrderBy(d => d.Id).ToListAsync(ct);
        Imported = await documents.Where(d => d.Status == ImportStatus.Imported).OrderByDescending(d => d.Id).Take(50).ToListAsync(ct);
    }
}
