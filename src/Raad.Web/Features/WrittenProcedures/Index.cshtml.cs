using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.WrittenProcedures;

/// <summary>The written procedures of the bodies the viewer sits in (all of them for the secretariat), open ones first.</summary>
[Authorize]
public class IndexModel(AppDbContext db, ViewerAccessor viewers) : PageModel
{
    public List<WrittenProcedure> Procedures { get; private set; } = [];

    [Needs(Permission.SignedIn)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        var all = await db.WrittenProcedures.AsNoTracking().Include(p => p.Body).ToListAsync(ct);
        Procedures = [.. all.Where(p => viewer.IsInsider(p.BodyId)).OrderBy(p => p.Status != WrittenProcedureStatus.Open).ThenByDescending(p => p.Deadline)];
    }
}
