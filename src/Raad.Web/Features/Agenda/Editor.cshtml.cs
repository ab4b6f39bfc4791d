using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Features.Meetings;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Meeting)]
public class EditorModel(MeetingQuery query, Procedure.ComplianceQuery compliance, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public NewItemInput NewItem { get; set; } = new();

    public MeetingView View { get; private set; } = null!;
    public IReadOnlyList<Domain.Procedure.Finding> Findings { get; private set; } = [];

    /// <summary>Why publishing today needs a reason (too short notice), or null: the publish form then asks for it at once.</summary>
    public Domain.Common.Error? LateAgendaReason { get; private set; }

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAddAsync([FromServices] AddItem add, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await add.HandleAsync(Id, NewItem, ct);
            if (ModelState.AddErrors(result, "NewItem"))
            {
                TempData["Message"] = $"Punktet \"{NewItem.Title}\" er tilføjet.";
                return Redirect($"/moeder/{Id}/dagsorden/rediger");
            }
        }
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostMoveAsync(int itemId, int direction, [FromServices] MoveItem move, CancellationToken ct)
    {
        var result = await move.HandleAsync(itemId, direction, ct);
        ModelState.AddErrors(result);
        if (Request.Headers.ContainsKey("HX-Request") && result.IsSuccess)
        {
            var view = await query.GetAsync(Id, ct);
            return view is null ? NotFound() : Partial("_ItemList", view);
        }
        return result.IsSuccess ? Redirect($"/moeder/{Id}/dagsorden/rediger") : await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var view = await query.GetAsync(Id, ct);
        if (view is null)
        {
            return NotFound();
        }
        if (!view.Meeting.AgendaIsEditable)
        {
            TempData["Message"] = "Dagsordenen er udsendt og kan ikke redigeres. Træk den tilbage til kladde for at rette den.";
            return Redirect($"/moeder/{Id}");
        }
        View = view;
        var judged = await compliance.ForMeetingAsync(Id, ct);
        Findings = judged?.Findings ?? [];
        LateAgendaReason = Domain.Procedure.Compliance.LateAgendaReasonRequired(judged?.Rules, view.Meeting.Date, view.Meeting.Kind, Clock.Today(clock));
        return Page();
    }
}
