using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Handover;

/// <summary>What the body page says about a handover: "Overdraget til ..." on the old body, "Overtaget fra ..." on the successor.</summary>
public sealed record HandoverNoteModel(int BodyId, HandoverRecord? Given, IReadOnlyList<HandoverRecord> Received, bool CanEdit, bool CanAdminister);

/// <summary>
/// The body page's block on handovers and reporting, kept apart from the page's own model: the note on a handover, and
/// for editors the links to the reporting plan, the recommendations and (administrators) the handover.
/// </summary>
public sealed class HandoverNoteViewComponent(AppDbContext db, IAuthorizationService authorization, ViewerAccessor viewers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int bodyId)
    {
        var ct = HttpContext.RequestAborted;
        var records = await db.Handovers.AsNoTracking().Include(r => r.FromBody).Include(r => r.ToBody)
            .Where(r => r.FromBodyId == bodyId || r.ToBodyId == bodyId).OrderBy(r => r.Date).ToListAsync(ct);
        var canEdit = (await viewers.GetAsync(ct)).CanEditBody(bodyId);
        var canAdminister = (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Administer)).Succeeded;
        return View("~/Features/Handover/_HandoverNote.cshtml", new HandoverNoteModel(
            bodyId, records.FirstOrDefault(r => r.FromBodyId == bodyId), [.. records.Where(r => r.ToBodyId == bodyId)], canEdit, canAdminister));
    }
}
