using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>
/// The minutes' way to approval, for the body's members and the secretariat: every version sent, the objections,
/// and the steps (send, object, revise, approve, record a correction).
/// </summary>
[Edits(BodyFrom.Meeting)]
public class ApprovalModel(AppDbContext db, ViewerAccessor viewers, TimeProvider clock, Procedure.ComplianceQuery compliance) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public string BodyName { get; private set; } = "";
    public IReadOnlyList<MinutesVersion> Versions { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>A member of the body may object while the window of the version out is open.</summary>
    public bool MayObject { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? ChangeNote { get; set; }

    /// <summary>The item of the meeting where the committee approved the minutes ("Godkendelse af referat").</summary>
    [BindProperty]
    public int? UnderItemId { get; set; }

    [BindProperty]
    public string? QuorumReason { get; set; }

    /// <summary>The meetings that may have approved the minutes: this one and the later ones held by today, with their items.</summary>
    public IReadOnlyList<ApprovalMeeting> ApprovalMeetings { get; private set; } = [];

    /// <summary>The window of the version out closed without objection: the minutes are approved by silence.</summary>
    public bool WindowClosed { get; private set; }

    /// <summary>Why the minutes must say why they are approved: an item lacked a quorum (§ 4, stk. 2).</summary>
    public string? QuorumLacking { get; private set; }

    public bool MayApprove => CanEdit && Meeting.Status is MeetingStatus.Held or MeetingStatus.MinutesDraft or MeetingStatus.MinutesCirculated;

    /// <summary>The correction belongs to a closed item: only the body's members and the secretariat see it.</summary>
    [BindProperty]
    public bool CorrectionClosed { get; set; }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.MinutesVersions).ThenInclude(v => v.Objections).ThenInclude(o => o.Person)
            .Include(m => m.MinutesCorrections)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return NotFound();
        }
        var viewer = await viewers.GetAsync(ct);
        if (this.RequireInsider(viewer, meeting.BodyId, meeting.Date) is { } denied)
        {
            return denied;
        }
        Meeting = meeting;
        BodyName = await db.Bodies.Where(b => b.Id == meeting.BodyId).Select(b => b.Name).FirstAsync(ct);
        Versions = [.. meeting.MinutesVersions.OrderByDescending(v => v.Number)];
        CanEdit = viewer.CanEditBody(meeting.BodyId);
        Today = Clock.Today(clock);
        MayObject = viewer.IsMemberOn(meeting.BodyId, meeting.Date)
            && meeting is { Status: MeetingStatus.MinutesCirculated, LatestMinutesVersion.ObjectionsDue: { } due } && Today <= due;
        if (MayApprove)
        {
            WindowClosed = meeting.ApprovesBySilence(Today);
            ApprovalMeetings = await ApprovalMeetingsAsync(meeting, ct);
            QuorumLacking = await compliance.QuorumLackingAsync(meeting.Id, ct);
        }
        return Page();
    }

    [Needs(Permission.Edit)]
    public Task<IActionResult> OnPostApproveAsync(int id, int version, [FromServices] ApproveMinutes approve, CancellationToken ct) =>
        EditAsync(id, () => approve.HandleAsync(id, version, UnderItemId, QuorumReason, ct), "Referatet er godkendt.", ct);

    private async Task<IReadOnlyList<ApprovalMeeting>> ApprovalMeetingsAsync(Meeting meeting, CancellationToken ct)
    {
        MeetingStatus[] met = [MeetingStatus.AgendaPublished, MeetingStatus.Held, MeetingStatus.MinutesDraft, MeetingStatus.MinutesCirculated, MeetingStatus.MinutesApproved];
        var items = await db.AgendaItems.AsNoTracking()
            .Where(i => i.Meeting!.BodyId == meeting.BodyId && i.Meeting.Date >= meeting.Date && i.Meeting.Date <= Today && met.Contains(i.Meeting.Status))
            .Select(i => new { i.Id, Number = i.Number ?? i.Position, i.Title, i.MeetingId, i.Meeting!.Date })
            .ToListAsync(ct);
        return [.. items.GroupBy(i => (i.MeetingId, i.Date)).OrderBy(g => g.Key.Date).ThenBy(g => g.Key.MeetingId)
            .Select(g => new ApprovalMeeting(g.Key.Date, g.Key.MeetingId == meeting.Id,
                [.. g.OrderBy(i => i.Number).Select(i => (i.Id, $"Punkt {i.Number}: {i.Title}"))]))];
    }

    [Needs(Permission.Edit)]
    public Task<IActionResult> OnPostCirculateAsync(int id, int version, [FromServices] SendMinutesForApproval send, CancellationToken ct) =>
        EditAsync(id, () => send.HandleAsync(id, version, ChangeNote, ct),
            "Referatet er udsendt til medlemmerne, og fristen for indsigelser løber.", ct);

    [Needs(Permission.Edit)]
    public Task<IActionResult> OnPostReviseAsync(int id, int version, [FromServices] ReviseMinutes revise, CancellationToken ct) =>
        EditAsync(id, () => revise.HandleAsync(id, version, ct),
            "Referatet er taget tilbage til kladde. Ret det, og udsend den reviderede udgave.", ct);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostCorrectAsync(int id, [FromServices] CorrectApprovedMinutes correct, CancellationToken ct)
    {
        var by = User.Identity?.Name ?? "";
        return await EditAsync(id, () => correct.HandleAsync(id, Text, by, CorrectionClosed, ct), "Rettelsen er registreret og trykkes efter referatet.", ct);
    }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostObjectAsync(int id, [FromServices] ObjectToMinutes objectTo, CancellationToken ct)
    {
        if (ModelState.AddErrors(await objectTo.HandleAsync(id, Text, ct)))
        {
            TempData["Message"] = "Din indsigelse er registreret; sekretariatet svarer med en revideret udgave.";
            return Redirect($"/moeder/{id}/referat/godkendelse");
        }
        return await OnGetAsync(id, ct);
    }

    private async Task<IActionResult> EditAsync(int id, Func<Task<Domain.Common.Result<int>>> action, string done, CancellationToken ct)
    {
        if (ModelState.AddErrors(await action()))
        {
            TempData["Message"] = done;
            return Redirect($"/moeder/{id}/referat/godkendelse");
        }
        return await OnGetAsync(id, ct);
    }
}

/// <summary>A meeting that may have approved the minutes, with its items to choose the approval item from.</summary>
public sealed record ApprovalMeeting(DateOnly Date, bool IsThisMeeting, IReadOnlyList<(int Id, string Label)> Items);
