using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.WrittenProcedures;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Case, "caseId")]
public class NewModel(AppDbContext db, StartWrittenProcedure start, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int CaseId { get; set; }

    [BindProperty]
    public StartInput Input { get; set; } = new();

    public string CaseTitle { get; private set; } = "";
    public RulesOfProcedure? Rules { get; private set; }

    /// <summary>Why no written procedure can be started on the case (no body, no rules, rules that do not allow it); null if one can.</summary>
    public Domain.Common.Error? NotAllowed { get; private set; }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }
        Input.Title = CaseTitle;
        // A week to answer unless the secretariat says otherwise.
        Input.Deadline = Clock.Today(clock).AddDays(7);
        return Page();
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }
        if (NotAllowed is not null)
        {
            return Page();
        }
        var result = await start.HandleAsync(CaseId, Input, ct);
        if (ModelState.AddErrors(result))
        {
            TempData["Message"] = "Den skriftlige proces er startet, og medlemmerne har fået besked.";
            return Redirect($"/skriftlig-proces/{result.Value}");
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == CaseId, ct);
        if (found is null)
        {
            return NotFound();
        }
        CaseTitle = found.Title;
        var may = await start.MayStartAsync(CaseId, ct);
        Rules = may.Value.Rules;
        NotAllowed = may.Errors.FirstOrDefault();
        return null;
    }
}
