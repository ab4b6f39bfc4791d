using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Bodies;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Features.Workspace;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features;

/// <summary>
/// The front page. For everyone: a search box, the coming meetings of every body, the latest published agendas and the latest
/// approved minutes, and the bodies. For a signed-in person first his own workspace (his next meetings, what awaits him).
/// </summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db, ViewerAccessor viewers, MyWorkspace workspace, TimeProvider clock) : PageModel
{
    /// <summary>How many meetings each list shows; the bodies' meeting plans and the search hold the rest.</summary>
    public const int ListLength = 6;

    public List<Body> Bodies { get; private set; } = [];
    public List<Meeting> Upcoming { get; private set; } = [];
    public List<Meeting> LatestAgendas { get; private set; } = [];
    public List<Meeting> LatestMinutes { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>Null for the public.</summary>
    public MyWorkspaceView? Mine { get; private set; }

    [Needs(Permission.Public)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await viewers.GetAsync(ct)).CanEdit;
        Mine = await workspace.GetAsync(ct, recordVisit: true);
        Bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        var today = Clock.Today(clock);
        Upcoming = await db.Meetings.AsNoTracking().Include(m => m.Body)
            .Where(m => m.Date >= today && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).ThenBy(m => m.Start).Take(ListLength).ToListAsync(ct);
        // The lists are the same for everyone: what the public may read (the rule says so, not a copy of it).
        // Agendas of the last month and the coming meetings, newest meeting first; older ones are in the meeting plans.
        var monthAgo = today.AddMonths(-1);
        LatestAgendas = await Public(db.Meetings.Where(m => m.AgendaPublishedAt != null && m.Status != MeetingStatus.Cancelled && m.Date >= monthAgo), Visibility.Agenda, ct);
        LatestMinutes = await Public(db.Meetings.Where(m => m.Status == MeetingStatus.MinutesApproved), Visibility.Minutes, ct);
    }

    private static async Task<List<Meeting>> Public(IQueryable<Meeting> meetings, Func<ViewerFacts, MeetingState, bool> may, CancellationToken ct) =>
        (await meetings.AsNoTracking().Include(m => m.Body).OrderByDescending(m => m.Date).ThenByDescending(m => m.Start).Take(ListLength).ToListAsync(ct))
            .Where(m => may(ViewerFacts.Anonymous, new MeetingState(m.BodyId, m.Status, m.Date))).ToList();
}
