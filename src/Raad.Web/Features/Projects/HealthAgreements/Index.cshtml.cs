using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects.HealthAgreements;

/// <summary>The health agreements the projects serve, newest first. Public.</summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db, ViewerAccessor viewers) : PageModel
{
    public List<HealthAgreement> Agreements { get; private set; } = [];
    public bool CanAdminister { get; private set; }

    [Needs(Permission.Public)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Agreements = await db.HealthAgreements.AsNoTracking().Include(a => a.FocusAreas).OrderByDescending(a => a.ValidFrom).ThenBy(a => a.Name).ToListAsync(ct);
        CanAdminister = (await viewers.GetAsync(ct)).IsAdministrator;
    }
}
