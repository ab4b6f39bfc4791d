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
/// and the steps (send, object, revise, record a correction).
/// </summary>
public class ApprovalModel(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : PageModel
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

    /// <summary>The correction belongs to a closed item: only the body's members and the secretariat see it.</summary>
    [BindProperty]
    public bool CorrectionClosed { get; set; }

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
        if (this.RequireInsider(viewer, meeting.BodyId) is { } denied)
        {
            return denied;
        }
        Meeting = meeting;
        BodyName = await db.Bodies.Where(b => b.Id == meeting.BodyId).Select(b => b.Name).FirstAsync(ct);
        Versions = [.. meeting.MinutesVersions.OrderByDescending(v => v.Number)];
        CanEdit = viewer.CanEdit;
        Today = Clock.Today(clock);
        MayObject = viewer.PersonId is not null && viewer.MemberOfBodies.Contains(meeting.BodyId)
            && meeting is { Status: MeetingStatus.MinutesCirculated, LatestMinutesVersion.ObjectionsDue: { } due } && Today <= due;
        return Page();
    }

    public Task<IActionResult> OnPostCirculateAsync(int id, int version, [FromServices] MinutesCycle cycle, CancellationToken ct) =>
        EditAsync(id, () => cycle.CirculateAsync(id, version, ChangeNote, ct),
            "Referatet er udsendt til medlemmerne, og fristen for indsigelser løber.", ct);

    public Task<IActionResult> OnPostReviseAsync(int id, int version, [FromServices] MinutesCycle cycle, CancellationToken ct) =>
        EditAsync(id, () => cycle.ReviseAsync(id, version, ct),
            "Referatet er taget tilbage til kladde. Ret det, og udsend den reviderede udgave.", ct);

    public async Task<IActionResult> OnPostCorrectAsync(int id, [FromServices] MinutesCycle cycle, CancellationToken ct)
    {
        var by = User.Identity?.Name ?? "";
        return await EditAsync(id, () => cycle.CorrectAsync(id, Text, by, ct, CorrectionClosed), "Rettelsen er registreret og trykkes efter referatet.", ct);
    }

    public async Task<IActionResult> OnPostObjectAsync(int id, [FromServices] MinutesCycle cycle, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (ModelState.AddErrors(await cycle.ObjectAsync(id, Text, ct)))
        {
            TempData["Message"] = "Din indsigelse er registreret; sekretariatet svarer med en revideret udgave.";
            return Redirect($"/moeder/{id}/referat/godkendelse");
        }
        return await OnGetAsync(id, ct);
    }

    private async Task<IActionResult> EditAsync(int id, Func<Task<Domain.Common.Result>> action, string done, CancellationToken ct)
    {
        if (await this.RequireAsync(Policies.Edit) is { } denied)
        {
            return denied;
        }
        if (ModelState.AddErrors(await action()))
        {
            TempData["Message"] = done;
            return Redirect($"/moeder/{id}/referat/godkendelse");
        }
        return await OnGetAsync(id, ct);
    }
}
