using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Body, "bodyId")]
public class CreateModel(AppDbContext db, SaveMeeting save, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int BodyId { get; set; }

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public string BodyName { get; private set; } = "";
    public MeetingFormModel Form { get; private set; } = null!;

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var today = Clock.Today(clock);
        Input.Date = year is { } y && y != today.Year ? new DateOnly(y, 1, 15) : today.AddDays(28);
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
                TempData["Message"] = "Mødet er oprettet.";
                return Redirect($"/moeder/{result.Value}");
            }
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var name = await db.Bodies.Where(b => b.Id == BodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        BodyName = name;
        Form = new MeetingFormModel(Input, await MeetingFormModel.ChairsAsync(db, BodyId, ct), ModelState);
        return Page();
    }
}
