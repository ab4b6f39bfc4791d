using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Features.Meetings;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Meeting)]
public class EditorModel(MeetingQuery query, Procedure.ComplianceQuery compliance) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public MeetingView View { get; private set; } = null!;
    public IReadOnlyList<Domain.Procedure.Finding> Findings { get; private set; } = [];

    /// <summary>After a refused save: every item's choice and text as the user left them, so nothing typed is lost.</summary>
    public IReadOnlyDictionary<int, DecisionInput>? Unsaved { get; private set; }

    /// <summary>An item's row as the form shows it: the user's unsaved input after a refused save, else the saved decision.</summary>
    public (int Version, string? Quick, string? Text, bool ChangedMeanwhile) Row(Domain.Agenda.AgendaItem item) =>
        Unsaved?.GetValueOrDefault(item.Id) is { } mine
            ? (item.Version, mine.Quick, mine.Text, mine.Version != item.Version)
            : (item.Version, null, item.Decision, false);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await query.GetAsync(Id, ct);
        if (view is null)
        {
            return NotFound();
        }
        if (!view.Meeting.MinutesAreEditable)
        {
            TempData["Message"] = "Referatet skrives, når mødet er markeret som afholdt, og indtil det er godkendt.";
            return Redirect($"/moeder/{Id}");
        }
        View = view;
        Findings = (await compliance.ForMeetingAsync(Id, ct))?.Findings ?? [];
        return Page();
    }

    /// <summary>
    /// The vote table's rows: who took part in the item, a substitute in the seat of the member he replaced. Before the
    /// attendance is recorded nobody is known to be absent, so every member is listed.
    /// </summary>
    public IEnumerable<(Domain.People.Membership Voter, Domain.People.Membership? InSeatOf)> Voters(ItemView item) =>
        View.AttendanceRecorded
            ? item.TakingPart.Select(s => (s.Attendee!, s.BySubstitute ? s.Seat : null))
            : Seats.Select(s => (s, (Domain.People.Membership?)null));

    /// <summary>The item whose vote, dissent or disqualification form was refused: its fields carry the ids the error summary links to.</summary>
    public int? RefusedItemId { get; private set; }

    /// <summary>The id of an item's field: the error key's id (Disqualification_Reason) on the refused item, else the field's own.</summary>
    public string FieldId(int itemId, string errorKey, string own) =>
        RefusedItemId == itemId ? Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId(errorKey, "_") : own;

    /// <summary>Members of the day, for the disqualification form.</summary>
    public IReadOnlyList<Domain.People.Membership> Seats => [.. View.Attendance.Select(a => a.Seat)];

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostDisqualifyAsync(int itemId, int membershipId, string? reason,
        [FromServices] DeclareDisqualification declare, CancellationToken ct)
    {
        if (ModelState.AddErrors(await declare.HandleAsync(itemId, membershipId, reason, ct), "Disqualification"))
        {
            TempData["Message"] = "Inhabiliteten er registreret; medlemmet tæller ikke med i punktets beslutningsdygtighed.";
            return Redirect($"/moeder/{Id}/referat/rediger#punkt-{itemId}");
        }
        RefusedItemId = itemId;
        return await OnGetAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostWithdrawAsync(int disqualificationId, [FromServices] WithdrawDisqualification withdraw, CancellationToken ct)
    {
        if (ModelState.AddErrors(await withdraw.HandleAsync(disqualificationId, ct), "Disqualification"))
        {
            TempData["Message"] = "Inhabiliteten er fjernet.";
            return Redirect($"/moeder/{Id}/referat/rediger");
        }
        return await OnGetAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostVoteAsync(int itemId, Dictionary<int, string>? choice, string? partiesFor,
        string? partiesAgainst, string? partiesAbstained, [FromServices] RecordVote record, CancellationToken ct)
    {
        var result = await record.HandleAsync(itemId, choice ?? [], (partiesFor, partiesAgainst, partiesAbstained), ct);
        if (ModelState.AddErrors(result, "Vote"))
        {
            TempData["Message"] = "Afstemningen er gemt.";
            return Redirect($"/moeder/{Id}/referat/rediger#punkt-{itemId}");
        }
        RefusedItemId = itemId;
        return await OnGetAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostDissentAsync(int itemId, int membershipId, string? text, [FromServices] AddDissent addDissent, CancellationToken ct)
    {
        if (ModelState.AddErrors(await addDissent.HandleAsync(itemId, membershipId, text, ct), "Dissent"))
        {
            TempData["Message"] = "Protokoltilførslen er gemt.";
            return Redirect($"/moeder/{Id}/referat/rediger#punkt-{itemId}");
        }
        RefusedItemId = itemId;
        return await OnGetAsync(ct);
    }

    [Needs(Permission.Edit)]
    /// <summary>"Gem beslutninger": every item's decision in one transaction; the button pressed tells where to return.</summary>
    public async Task<IActionResult> OnPostAsync(Dictionary<int, DecisionInput>? decisions, int? saved,
        [FromServices] SaveDecision save, CancellationToken ct)
    {
        decisions ??= [];
        var result = await save.HandleAsync(Id, decisions, ct);
        if (result.IsSuccess)
        {
            TempData["Message"] = "Beslutningerne er gemt.";
            return Redirect($"/moeder/{Id}/referat/rediger{(saved is { } item ? $"#punkt-{item}" : "")}");
        }
        // The errors name their fields in full (Decisions[itemId].Quick), as the form does.
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field ?? "", error.Message);
        }
        Unsaved = decisions;
        return await OnGetAsync(ct);
    }
}
