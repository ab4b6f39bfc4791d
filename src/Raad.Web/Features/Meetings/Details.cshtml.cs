using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Domain.Meetings;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

public class DetailsModel(MeetingQuery query, Procedure.ComplianceQuery compliance) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public IReadOnlyList<Domain.Procedure.Finding> Findings { get; private set; } = [];

    /// <summary>The reason typed before a refused step, kept in the form.</summary>
    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await query.GetAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        if (view.IsInsider)
        {
            Findings = (await compliance.ForMeetingAsync(id, ct))?.Findings ?? [];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, MeetingStatus target, int version, string? reason,
        [FromServices] ChangeMeetingStatus change, CancellationToken ct)
    {
        if (await this.RequireAsync(Policies.Edit) is { } denied)
        {
            return denied;
        }
        var result = await change.HandleAsync(id, target, version, reason, ct);
        Reason = reason;
        if (ModelState.AddErrors(result))
        {
            TempData["Message"] = target switch
            {
                MeetingStatus.AgendaPublished => "Dagsordenen er udsendt, og punkterne er nummereret.",
                MeetingStatus.Cancelled => "Mødet er aflyst.",
                _ => $"Mødet har nu status \"{target.Danish()}\".",
            };
            return Redirect($"/moeder/{id}");
        }
        return await OnGetAsync(id, ct);
    }

    public static string ActionText(MeetingStatus from, MeetingStatus to) => (from, to) switch
    {
        (_, MeetingStatus.AgendaDraft) when from == MeetingStatus.AgendaPublished => "Træk dagsordenen tilbage til kladde",
        (_, MeetingStatus.AgendaDraft) => "Påbegynd dagsorden",
        (_, MeetingStatus.AgendaPublished) => "Udsend dagsorden",
        (_, MeetingStatus.Held) => "Marker mødet som afholdt",
        (_, MeetingStatus.MinutesDraft) => "Påbegynd referat",
        (_, MeetingStatus.MinutesApproved) => "Godkend referat",
        _ => to.Danish(),
    };
}
