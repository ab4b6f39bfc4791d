using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Bodies;
using Raad.Domain.Meetings;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies;

[AllowAnonymous]
public class DetailsModel(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : PageModel
{
    public Body Body { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public IReadOnlyList<MemberList.Section> Sections { get; private set; } = [];
    public List<Membership> Former { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public IReadOnlyList<(Meeting Meeting, Domain.Procedure.Deadline Deadline)> Upcoming { get; private set; } = [];

    /// <summary>The body's meeting calendar on its page: the coming meetings, then the latest held; the plan has every year.</summary>
    public List<Meeting> Coming { get; private set; } = [];
    public List<Meeting> Recent { get; private set; } = [];

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(int id, DateOnly? dato, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Include(b => b.Successor)
            .Include(b => b.Memberships).ThenInclude(m => m.Person)
            .Include(b => b.Memberships).ThenInclude(m => m.Organisation)
            .AsSplitQuery()
            .FirstOrDefaultAsync(b => b.Id == id, ct);
        if (body is null)
        {
            return NotFound();
        }
        Body = body;
        CanEdit = (await viewers.GetAsync(ct)).CanEditBody(body.Id);
        Date = dato ?? DefaultDate(body, Clock.Today(clock));
        var active = MemberList.ActiveOn(body.Memberships, Date);
        Sections = MemberList.Sections(active);
        Former = [.. body.Memberships.Except(active).OrderBy(m => m.From)];

        // What falls due in the next 14 days: deadlines lie up to 28 days before and 18 days after a meeting.
        var today = Clock.Today(clock);
        var (from, to) = (today.AddDays(-30), today.AddDays(60));
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.BodyId == id && m.Date >= from && m.Date <= to).ToListAsync(ct);
        Coming = await db.Meetings.AsNoTracking().Where(m => m.BodyId == id && m.Date >= today)
            .OrderBy(m => m.Date).ThenBy(m => m.Start).Take(8).ToListAsync(ct);
        Recent = await db.Meetings.AsNoTracking().Where(m => m.BodyId == id && m.Date < today)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Start).Take(4).ToListAsync(ct);
        var versions = await db.RulesOfProcedure.AsNoTracking().Where(r => r.BodyId == id).ToListAsync(ct);
        Upcoming = Domain.Procedure.Deadlines.Upcoming(
            meetings.Select(m => (m, Domain.Procedure.RulesOfProcedure.InForce(versions, m.Date)))
                .Where(x => x.Item2 is not null).Select(x => (x.m, x.Item2!)), today);
        return Page();
    }

    /// <summary>Today, or the body's last day if it has ended, or its first if it has not begun.</summary>
    private static DateOnly DefaultDate(Body body, DateOnly today) =>
        body.ValidTo is { } to && today > to ? to : today < body.ValidFrom ? body.ValidFrom : today;
}
