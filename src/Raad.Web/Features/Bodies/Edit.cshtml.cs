using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies;

/// <summary>Creates a body (no id) or edits one. Setting up bodies is the administrator's and the secretariat's work.</summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Body)]
public class EditModel(AppDbContext db, SaveBody save, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public BodyInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];

    /// <summary>After a refused save: what is saved now, shown beside the user's own input.</summary>
    public IReadOnlyList<(string Label, string? Value)>? Saved { get; private set; }

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
            if (body is null)
            {
                return NotFound();
            }
            Input = BodyInput.Of(body);
        }
        else
        {
            Input.ValidFrom = Clock.Today(clock);
        }
        await LoadAsync(ct);
        return Page();
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(Id, Input, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = "Udvalget er gemt.";
                return Redirect($"/udvalg/{result.Value}");
            }
            if (Id is { } bodyId && result.Errors.Any(e => e.Code == ErrorMapping.ConflictCode))
            {
                db.ChangeTracker.Clear();
                var saved = await db.Bodies.AsNoTracking().Include(b => b.Successor).FirstAsync(b => b.Id == bodyId, ct);
                Input.Version = saved.Version;
                Saved =
                [
                    ("Navn", saved.Name),
                    ("Periode", saved.ValidityText),
                    ("Efterfølges af", saved.Successor?.Name),
                    ("Beskrivelse", saved.Description),
                ];
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.Id != Id).OrderBy(b => b.Name)
            .Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        Bodies = [.. bodies.Select(b => (b.Id, b.Name))];
    }
}
