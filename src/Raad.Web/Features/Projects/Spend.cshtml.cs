using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>Records a project's expected and actual spend, and lists the earlier forecasts against the grants. Editors only.</summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Project)]
public class SpendModel(ProjectQuery query, RecordForecast record, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public ForecastInput Input { get; set; } = new();

    public ProjectView View { get; private set; } = null!;

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.AsOf = Clock.Today(clock);
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && ModelState.AddErrors(await record.HandleAsync(Id, Input, ct)))
        {
            TempData["Message"] = "Prognosen er registreret.";
            return Redirect($"/indsatser/{Id}/forbrug");
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await query.ProjectAsync(Id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
