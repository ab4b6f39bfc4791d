using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Features.Meetings;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>
/// "Fremmøde": on one page the secretary records who came, who was absent and who came instead (a registered substitute,
/// or one created on the spot), and who left during single items.
/// </summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Meeting)]
public class AttendanceModel(MeetingQuery query, AppDbContext db) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public MeetingView View { get; private set; } = null!;
    public List<Membership> Substitutes { get; private set; } = [];

    /// <summary>What the secretary sent when the save was refused, by membership: shown again so nothing typed is lost.</summary>
    public IReadOnlyDictionary<int, SeatInput> Posted { get; private set; } = new Dictionary<int, SeatInput>();

    /// <summary>The item absences sent when the save was refused.</summary>
    public IReadOnlyDictionary<int, int[]>? PostedAbsences { get; private set; }

    /// <summary>Everyone who can be marked absent from an item: members and the substitutes of the day.</summary>
    public IEnumerable<Membership> Attendees => View.Attendance.Select(a => a.Seat).Concat(Substitutes);

    /// <summary>The rows grouped as the agenda prints the members: Regional, Kommunal, Almen praksis.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<AttendanceLine> Lines)> Groups
    {
        get
        {
            var lines = View.Attendance.ToDictionary(a => a.Seat.Id);
            var members = MemberList.Sections(View.Attendance.Select(a => a.Seat)).FirstOrDefault()?.Groups ?? [];
            return [.. members.Select(g => (g.Group, (IReadOnlyList<AttendanceLine>)[.. g.Members.Select(m => lines[m.Id])]))];
        }
    }

    public IReadOnlyList<Membership> SubstitutesFor(int membershipId) => [.. Substitutes.Where(s => s.StandsInForId == membershipId)];

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
            TempData["Message"] = "Fremmødet registreres, når mødet er markeret som afholdt, og indtil referatet er godkendt.";
            return Redirect($"/moeder/{Id}");
        }
        View = view;
        var date = view.Meeting.Date;
        Substitutes = await db.Memberships.AsNoTracking().Include(m => m.Person)
            .Where(m => m.BodyId == view.Body.Id && m.Role == MembershipRole.Substitute && m.From <= date && (m.To == null || m.To >= date))
            .OrderBy(m => m.Person!.Name).ToListAsync(ct);
        return Page();
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(int version, List<SeatInput>? seats, Dictionary<int, int[]>? absences,
        [FromServices] RecordAttendance record, CancellationToken ct)
    {
        // A form with no box ticked sends no absences at all, and the binder then gives null.
        var result = await record.HandleAsync(Id, version, seats ?? [], absences ?? [], ct);
        if (AddErrors(result))
        {
            TempData["Message"] = "Fremmødet er gemt.";
            return Redirect($"/moeder/{Id}");
        }
        Posted = (seats ?? []).GroupBy(s => s.MembershipId).ToDictionary(g => g.Key, g => g.Last());
        PostedAbsences = absences ?? [];
        return await OnGetAsync(ct);
    }

    /// <summary>"Alle til stede": every member present, without substitutes, and the item absences left as they are; then adjusted.</summary>
    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAllPresentAsync(int version, [FromServices] RecordAttendance record, CancellationToken ct)
    {
        if (await query.GetAsync(Id, ct) is not { } view)
        {
            return NotFound();
        }
        var everyone = view.Attendance.Select(a => new SeatInput { MembershipId = a.Seat.Id, Status = AttendanceStatus.Present }).ToList();
        if (AddErrors(await record.HandleAsync(Id, version, everyone, null, ct)))
        {
            TempData["Message"] = "Alle medlemmer er registreret som til stede. Ret dem, der ikke kom, og gem.";
            return Redirect($"/moeder/{Id}/fremmoede");
        }
        return await OnGetAsync(ct);
    }

    /// <summary>The use case names each row's field ("Seats[2].SubstituteId"), so the summary links to it.</summary>
    private bool AddErrors(Domain.Common.Result<int> result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field ?? "", error.Message);
        }
        return result.IsSuccess;
    }
}
