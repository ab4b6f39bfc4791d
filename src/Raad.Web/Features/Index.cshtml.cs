using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Bodies;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Features.Workspace;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features;

/// <summary>The front page: for a signed-in person first his own workspace (his next meetings, what awaits him), then every body.</summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db, ViewerAccessor viewers, MyWorkspace workspace, TimeProvider clock) : PageModel
{
    public List<Body> Bodies { get; private set; } = [];
    public List<Meeting> Upcoming { get; private set; } = [];
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
            .OrderBy(m => m.Date).Take(10).ToListAsync(ct);
    }
}
