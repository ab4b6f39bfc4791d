using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>A project's goals and measures: add a goal (with a measure) and add a reading to a measure. Editors only.</summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Project)]
public class GoalsModel(AppDbContext db, AddGoal addGoal, AddReading addReading, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public GoalInput NewGoal { get; set; } = new();

    [BindProperty]
    public ReadingInput NewReading { get; set; } = new();

    public Project Project { get; private set; } = null!;
    public string Body { get; private set; } = "";
    public DateOnly Today { get; private set; }

    public IEnumerable<(int Id, string Name)> Measures =>
        Project.Goals.Where(g => g.Measure is not null).Select(g => (g.Measure!.Id, $"{g.Measure.Name}{(g.Year is { } y ? $" ({y})" : "")}"));

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var shown = await ShowAsync(ct);
        NewGoal.Year = Today.Year;
        NewReading.Date = Today;
        return shown;
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostGoalAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && ModelState.AddErrors(await addGoal.HandleAsync(Id, NewGoal, ct), nameof(NewGoal)))
        {
            TempData["Message"] = "Målet er tilføjet.";
            return Redirect($"/indsatser/{Id}/maal");
        }
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostReadingAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && ModelState.AddErrors(await addReading.HandleAsync(Id, NewReading, ct), nameof(NewReading)))
        {
            TempData["Message"] = "Målingen er registreret.";
            return Redirect($"/indsatser/{Id}/maal");
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var project = await db.Projects.AsNoTracking().Include(p => p.Body)
            .Include(p => p.Goals).ThenInclude(g => g.Measure!).ThenInclude(m => m.Readings)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (project is null)
        {
            return NotFound();
        }
        project.Goals.Sort((a, b) => (a.Year ?? 0, a.Position, a.Id).CompareTo((b.Year ?? 0, b.Position, b.Id)));
        foreach (var measure in project.Goals.Select(g => g.Measure).OfType<Measure>())
        {
            measure.Readings.Sort((a, b) => a.Date.CompareTo(b.Date));
        }
        Project = project;
        Body = project.Body?.Name ?? "";
        Today = Clock.Today(clock);
        return Page();
    }
}
