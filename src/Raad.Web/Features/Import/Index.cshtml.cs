using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Import;

/// <summary>Upload agendas and minutes; each readable file waits as a preview until the secretariat confirms it.</summary>
[Authorize(Policy = Policies.Edit)]
[RequestSizeLimit(MaxUploadBytes)]
[Edits(BodyFrom.Shared)]
public class IndexModel(UploadDocuments upload, ImportOverview overview) : PageModel
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
    public IReadOnlyList<(string File, string Why)> Refused { get; private set; } = [];

    [Needs(Permission.Edit)]
    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var files = Files.Select(f => new UploadedFile(f.FileName, f.Length, async c =>
        {
            using var buffer = new MemoryStream();
            await f.CopyToAsync(buffer, c);
            return buffer.ToArray();
        })).ToList();
        var uploaded = await upload.RunAsync(new UploadDocumentsCommand(files, Body, User.Identity?.Name ?? ""), ct);
        if (!uploaded.IsSuccess)
        {
            foreach (var error in uploaded.Errors)
            {
                ModelState.AddModelError(error.Field ?? "", error.Message);
            }
            await LoadAsync(ct);
            return Page();
        }
        var (waiting, refused) = uploaded.Value!;
        Refused = refused;
        if (refused.Count == 0 && waiting.Count == 1)
        {
            return Redirect($"/import/{waiting[0]}");
        }
        if (waiting.Count > 0)
        {
            TempData["Message"] = waiting.Count == 1 ? "1 fil venter på at blive kontrolleret." : $"{waiting.Count} filer venter på at blive kontrolleret.";
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        (Bodies, Pending, Imported) = (await overview.LoadAsync(ct)).Value!;
}
