using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Item)]
public class RemoveItemModel(AppDbContext db, RemoveItem remove) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public string Title { get; private set; } = "";
    public int MeetingId { get; private set; }
    public int AttachmentCount { get; private set; }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().Where(i => i.Id == Id)
            .Select(i => new { i.Title, i.MeetingId, Count = i.Attachments.Count }).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return NotFound();
        }
        (Title, MeetingId, AttachmentCount) = (item.Title, item.MeetingId, item.Count);
        return Page();
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await remove.HandleAsync(Id, ct);
        if (ModelState.AddErrors(result))
        {
            TempData["Message"] = "Punktet er fjernet.";
            return Redirect($"/moeder/{result.Value}/dagsorden/rediger");
        }
        return await OnGetAsync(ct);
    }
}
