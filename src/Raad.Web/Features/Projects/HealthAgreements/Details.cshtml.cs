using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects.HealthAgreements;

/// <summary>A health agreement: its principles and its focus areas, each with the projects under it. Public.</summary>
[AllowAnonymous]
public class DetailsModel(AppDbContext db, ViewerAccessor viewers) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public HealthAgreement Agreement { get; private set; } = null!;

    /// <summary>The projects by focus area, in the agreement's order, with their body.</summary>
    public List<(FocusArea Area, List<Project> Projects)> Areas { get; private set; } = [];

    public bool CanAdminister { get; private set; }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var agreement = await db.HealthAgreements.AsNoTracking().Include(a => a.FocusAreas).FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (agreement is null)
        {
            return NotFound();
        }
        Agreement = agreement;
        var areaIds = agreement.FocusAreas.Select(f => f.Id).ToList();
        var projects = await db.Projects.AsNoTracking().Include(p => p.Body).Include(p => p.Owner)
            .Where(p => p.FocusAreaId != null && areaIds.Contains(p.FocusAreaId.Value))
            .OrderBy(p => p.Id).ToListAsync(ct);
        Areas = [.. agreement.FocusAreas.OrderBy(f => f.Position).Select(f => (f, projects.Where(p => p.FocusAreaId == f.Id).ToList()))];
        CanAdminister = (await viewers.GetAsync(ct)).IsAdministrator;
        return Page();
    }
}
