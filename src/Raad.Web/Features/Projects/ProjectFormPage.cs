using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>The project form (new and edit): the choices it offers and what a refused save shows.</summary>
public abstract class ProjectFormPage(AppDbContext db, SaveProject save) : PageModel
{
    protected AppDbContext Db { get; } = db;

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public int BodyId { get; protected set; }
    public string BodyName { get; private set; } = "";

    /// <summary>The project being edited; null for a new one.</summary>
    public int? ProjectId { get; protected set; }

    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];

    /// <summary>The focus areas of every health agreement, under the agreement's name.</summary>
    public IReadOnlyList<(string Agreement, IReadOnlyList<(int Id, string Name)> Areas)> FocusAreas { get; private set; } = [];

    /// <summary>The cases of the body (and those of no body) a project may follow.</summary>
    public IReadOnlyList<(int Id, string Title)> Cases { get; private set; } = [];

    /// <summary>After a refused save: what is saved now, shown beside the user's own input.</summary>
    public IReadOnlyList<(string Label, string? Value)>? Saved { get; private set; }

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    protected async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(BodyId, ProjectId, Input, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = ProjectId is null ? "Indsatsen er oprettet." : "Indsatsen er gemt.";
                return Redirect($"/indsatser/{result.Value}");
            }
            if (ProjectId is { } projectId && result.Errors.Any(e => e.Code == ErrorMapping.ConflictCode))
            {
                Db.ChangeTracker.Clear();
                var saved = await Db.Projects.AsNoTracking().Include(p => p.Owner).Include(p => p.FocusArea).Include(p => p.Cases)
                    .FirstAsync(p => p.Id == projectId, ct);
                Input.Version = saved.Version;
                Saved =
                [
                    ("Titel", saved.Title),
                    ("Forankret i", saved.Owner?.Name),
                    ("Målgruppe", saved.TargetGroup),
                    ("Fokusområde", saved.FocusArea?.Name),
                    ("Årsværk", DanishNumber.Format(saved.StaffYears)),
                    ("Periode", saved.Start is { } start ? Domain.Common.DanishFormat.Period(start, saved.End) : null),
                    ("Status", Project.StatusText(saved.Status)),
                    ("Sager", string.Join(", ", saved.Cases.Select(c => c.Title))),
                    ("Beskrivelse", saved.Description),
                ];
            }
        }
        return await ShowAsync(ct);
    }

    protected async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var body = await Db.Bodies.AsNoTracking().Where(b => b.Id == BodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return NotFound();
        }
        BodyName = body;
        var organisations = await Db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        Organisations = [.. organisations.Select(o => (o.Id, o.Name))];
        var agreements = await Db.HealthAgreements.AsNoTracking().Include(a => a.FocusAreas).OrderByDescending(a => a.ValidFrom).ToListAsync(ct);
        FocusAreas = [.. agreements.Select(a => (a.Name, (IReadOnlyList<(int, string)>)[.. a.FocusAreas.OrderBy(f => f.Position).Select(f => (f.Id, f.Name))]))];
        var cases = await Db.Cases.AsNoTracking().Where(c => c.BodyId == BodyId || Input.CaseIds.Contains(c.Id))
            .OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync(ct);
        Cases = [.. cases.Select(c => (c.Id, c.Title))];
        return Page();
    }
}
