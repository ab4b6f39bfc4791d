using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Procedure;

/// <summary>Corrects a version (with an id) or adds one for a body (/udvalg/{bodyId}/forretningsorden/ny). Administrators only.</summary>
[Authorize(Policy = Policies.Administer)]
public class EditModel(AppDbContext db, SaveRules save, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int? Id { get; set; }

    [FromRoute]
    public int? BodyId { get; set; }

    [BindProperty]
    public RulesInput Input { get; set; } = new();

    public string BodyName { get; private set; } = "";

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var rules = await db.RulesOfProcedure.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (rules is null)
            {
                return NotFound();
            }
            BodyId = rules.BodyId;
            Input = RulesInput.Of(rules);
        }
        else
        {
            // A new version starts from the one in force, so only what changed needs typing.
            var current = await db.RulesInForceAsync(BodyId ?? 0, Clock.Today(clock), ct);
            Input = current is null ? new RulesInput() : RulesInput.Of(current);
            Input.Version = 0;
            Input.ValidFrom = Clock.Today(clock);
            Input.ValidTo = null;
        }
        return await ShowAsync(ct);
    }

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(BodyId ?? 0, Id, Input, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = "Forretningsordenen er gemt.";
                return Redirect($"/udvalg/{result.Value}/forretningsorden");
            }
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        BodyId ??= await db.RulesOfProcedure.Where(r => r.Id == Id).Select(r => (int?)r.BodyId).FirstOrDefaultAsync(ct);
        var name = await db.Bodies.Where(b => b.Id == BodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        BodyName = name;
        return Page();
    }
}
