using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Domain.Meetings;
using Raad.Web.Features.Meetings;

using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

[AllowAnonymous]
public class AgendaDocumentModel(MeetingQuery query) : PageModel
{
    public DocumentModel Document { get; private set; } = null!;

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await query.GetAsync(id, ct);
        if (view is null || !view.AgendaVisible)
        {
            return NotFound();
        }
        Document = new DocumentModel(view, IsMinutes: false, IsDraft: !view.Meeting.AgendaIsPublic);
        return Page();
    }
}
