using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Meeting)]
public class EditModel(AppDbContext db, SaveMeeting save) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public string Heading { get; private set; } = "";
    public MeetingFormModel Form { get; private set; } = null!;

    /// <summary>After a refused save: what is saved now, shown beside the user's own input.</summary>
    public IReadOnlyList<(string Label, string? Value)>? Saved { get; private set; }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == Id, ct);
        if (meeting is null)
        {
            return NotFound();
        }
        Input = MeetingInput.From(meeting);
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var bodyId = await db.Meetings.Where(m => m.Id == Id).Select(m => (int?)m.BodyId).FirstOrDefaultAsync(ct);
        if (bodyId is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(bodyId.Value, Id, Input, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = "Mødet er gemt.";
                return Redirect($"/moeder/{Id}");
            }
            if (result.Errors.Any(e => e.Code == ErrorMapping.ConflictCode))
            {
                db.ChangeTracker.Clear();
                var saved = await db.Meetings.AsNoTracking().Include(m => m.Chair!.Person).FirstAsync(m => m.Id == Id, ct);
                Input.Version = saved.Version;
                Saved =
                [
                    ("Dato", DanishFormat.Date(saved.Date)),
                    ("Tid", DanishFormat.TimeRange(saved.Start, saved.End)),
                    ("Type", saved.Kind.Danish() + (saved.IsVirtual ? ", virtuelt" : "")),
                    ("Mødested", saved.Location),
                    ("Mødeleder", saved.Chair?.Person?.Name),
                ];
            }
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Body).FirstOrDefaultAsync(m => m.Id == Id, ct);
        if (meeting is null)
        {
            return NotFound();
        }
        Heading = $"{meeting.Title}, {DanishFormat.Date(meeting.Date)}";
        Form = new MeetingFormModel(Input, await MeetingFormModel.ChairsAsync(db, meeting.BodyId, ct), ModelState);
        return Page();
    }
}
