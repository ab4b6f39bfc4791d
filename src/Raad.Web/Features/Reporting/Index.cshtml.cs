using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Reporting;

/// <summary>
/// The body's reporting plan (who hears from the projects, and when) and the coming meetings the projects owe a
/// report, with a button that drafts the status item. The secretariat's work.
/// </summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Body)]
public class ReportingModel(AppDbContext db, ReportingQuery query) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    /// <summary>The day the coming meetings are counted from; today when not given.</summary>
    [FromQuery(Name = "fra")]
    public DateOnly? From { get; set; }

    /// <summary>A milestone the editor asked to remove: the page asks for confirmation first.</summary>
    [FromQuery(Name = "fjern")]
    public int? ConfirmRemove { get; set; }

    [BindProperty]
    public MilestoneInput Input { get; set; } = new();

    public ReportingView View { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];
    public ReportingMilestone? ToRemove { get; private set; }

    /// <summary>After a refused save: the plan as saved now, beside the user's input.</summary>
    public IReadOnlyList<(string Label, string? Value)>? Saved { get; private set; }

    public int PlanVersion => View.Plan?.Version ?? 0;

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    public string? FromIso => From is { } from ? ApiFormat.Iso(from) : null;

    public string Here => From is { } from ? $"/udvalg/{Id}/afrapportering?fra={ApiFormat.Iso(from)}" : $"/udvalg/{Id}/afrapportering";

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Input.AudienceId = Id;
        ToRemove = View.Plan?.Milestones.FirstOrDefault(m => m.Id == ConfirmRemove);
        return Page();
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAddAsync([FromServices] AddMilestone add, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await add.HandleAsync(Id, Input, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = "Opfølgningen er tilføjet til planen.";
                return Redirect(Here);
            }
            await ShowSavedOnConflictAsync(result, ct);
        }
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostRemoveAsync(int milestoneId, int version, [FromServices] RemoveMilestone remove, CancellationToken ct)
    {
        var result = await remove.HandleAsync(Id, milestoneId, version, ct);
        if (ModelState.AddErrors(result))
        {
            TempData["Message"] = "Opfølgningen er fjernet fra planen.";
            return Redirect(Here);
        }
        await ShowSavedOnConflictAsync(result, ct);
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostDraftAsync(int meetingId, [FromServices] DraftStatusItem draft, CancellationToken ct)
    {
        var result = await draft.HandleAsync(Id, meetingId, ct);
        if (ModelState.AddErrors(result))
        {
            TempData["Message"] = "Dagsordenspunktet med projekternes status er oprettet. Gennemse og færdiggør det.";
            return Redirect($"/punkter/{result.Value}/rediger");
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        // The form goes on from the plan as it is saved now.
        Input.Version = PlanVersion;
        return Page();
    }

    private async Task ShowSavedOnConflictAsync(Result<int> result, CancellationToken ct)
    {
        if (!result.Errors.Any(e => e.Code == ErrorMapping.ConflictCode))
        {
            return;
        }
        db.ChangeTracker.Clear();
        var saved = await db.ReportingPlans.AsNoTracking().Include(p => p.Milestones).ThenInclude(m => m.Audience)
            .FirstOrDefaultAsync(p => p.BodyId == Id, ct);
        Saved = [("Opfølgninger", saved is null ? null : string.Join('\n', saved.Milestones.OrderBy(m => m.Month).Select(m => m.Text)))];
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await query.ForBodyAsync(Id, From, ct) is not { } view)
        {
            return false;
        }
        View = view;
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        Bodies = [.. bodies.Select(b => (b.Id, b.Name))];
        Input.Version = PlanVersion;
        return true;
    }

    public static string KindText(ReportKind kind) => kind == ReportKind.Status ? "Status" : "Opfølgning";
}
