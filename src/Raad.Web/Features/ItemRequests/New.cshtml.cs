using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Features.Procedure;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.ItemRequests;

/// <summary>A member asks for an item; the use case checks that they are a member of the body.</summary>
[Authorize]
public class NewModel(AppDbContext db, SubmitItemRequest submit) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Wanted { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public string AllowedFiles => Domain.Agenda.AttachmentPolicy.AllowedText;

    public string MeetingText { get; private set; } = "";
    public DateOnly? Deadline { get; private set; }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await submit.HandleAsync(Id, Title, Wanted, Files, ct);
        if (ModelState.AddErrors(result))
        {
            TempData["Message"] = "Ønsket er sendt til sekretariatet. Du kan følge det under \"Mine punktønsker\".";
            return Redirect("/punktoensker");
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
        MeetingText = $"{meeting.Title}, {DanishFormat.Date(meeting.Date)}";
        var rules = await db.RulesInForceAsync(meeting.BodyId, meeting.Date, ct);
        Deadline = rules?.ItemRequestsDue(meeting.Date);
        return Page();
    }
}
