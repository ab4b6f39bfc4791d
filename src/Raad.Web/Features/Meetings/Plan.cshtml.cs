using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

[AllowAnonymous]
public class PlanModel(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : PageModel
{
    public int BodyId { get; private set; }
    public string BodyName { get; private set; } = "";
    public int Year { get; private set; }
    public List<int> Years { get; private set; } = [];
    public List<Meeting> Meetings { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(int bodyId, int? year, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
        {
            return NotFound();
        }
        BodyId = body.Id;
        BodyName = body.Name;
        CanEdit = (await viewers.GetAsync(ct)).CanEditBody(bodyId);
        var today = Clock.Today(clock);
        var last = Math.Max(body.ValidTo?.Year ?? today.Year + 1, body.ValidFrom.Year);
        Years = [.. Enumerable.Range(body.ValidFrom.Year, last - body.ValidFrom.Year + 1)];
        Year = year ?? Math.Clamp(today.Year, Years[0], Years[^1]);
        Meetings = await db.Meetings.AsNoTracking().Include(m => m.Body)
            .Where(m => m.BodyId == bodyId && m.Date.Year == Year)
            .OrderBy(m => m.Date).ThenBy(m => m.Start)
            .ToListAsync(ct);
        return Page();
    }
}
