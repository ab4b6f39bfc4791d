using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies.Memberships;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Body, "bodyId")]
public class AddModel(AppDbContext db, SaveMembership save, MembershipOptionsQuery options, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int BodyId { get; set; }

    [BindProperty]
    public MembershipInput Input { get; set; } = new();

    public string BodyName { get; private set; } = "";
    public MembershipFormModel Form { get; private set; } = null!;

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == BodyId, ct);
        if (body is null)
        {
            return NotFound();
        }
        var today = Clock.Today(clock);
        Input.From = body.IsValidOn(today) ? today : body.ValidFrom;
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(BodyId, null, Input, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = "Medlemskabet er gemt.";
                return Redirect($"/udvalg/{BodyId}");
            }
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == BodyId, ct);
        if (body is null)
        {
            return NotFound();
        }
        BodyName = body.Name;
        Form = new MembershipFormModel(Input, await options.LoadAsync(BodyId, ct), false, ModelState);
        return Page();
    }
}
