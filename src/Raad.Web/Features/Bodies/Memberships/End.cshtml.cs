using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies.Memberships;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Membership)]
public class EndModel(AppDbContext db, EndMembership end, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public DateOnly LastDay { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public int BodyId { get; private set; }
    public string Line { get; private set; } = "";

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        LastDay = Clock.Today(clock);
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await end.HandleAsync(Id, LastDay, Version, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = "Medlemskabet er afsluttet.";
                return Redirect($"/udvalg/{await db.Memberships.Where(m => m.Id == Id).Select(m => m.BodyId).FirstAsync(ct)}");
            }
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var m = await db.Memberships.AsNoTracking().Include(x => x.Person).Include(x => x.Organisation)
            .FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (m is null)
        {
            return NotFound();
        }
        BodyId = m.BodyId;
        Line = MemberList.Line(m);
        // After a conflict the form carries the version now saved, so a second click ends it knowingly.
        Version = m.Version;
        return Page();
    }
}
