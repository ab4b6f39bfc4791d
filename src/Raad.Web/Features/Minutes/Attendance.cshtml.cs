using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Features.Meetings;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

[Authorize(Policy = Policies.Edit)]
public class AttendanceModel(MeetingQuery query, AppDbContext db) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public MeetingView View { get; private set; } = null!;
    public List<Membership> Substitutes { get; private set; } = [];

    /// <summary>Everyone who can be marked absent from an item: members and the substitutes of the day.</summary>
    public IEnumerable<Membership> Attendees => View.Attendance.Select(a => a.Seat).Concat(Substitutes);

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
        if (ModelState.AddErrors(result, "Seats"))
        {
            TempData["Message"] = "Fremmødet er gemt.";
            return Redirect($"/moeder/{Id}");
        }
        return await OnGetAsync(ct);
    }
}
