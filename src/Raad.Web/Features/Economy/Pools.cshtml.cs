using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Economy;

/// <summary>
/// A body's funding pools: what was paid in, carried over, granted (each grant with the decision that made it) and
/// what remains. Public, as the grants are decisions of the meetings; the secretariat adds pools and payments here.
/// </summary>
[AllowAnonymous]
[Edits(BodyFrom.Body)]
public class PoolsModel(AppDbContext db, CreatePool create, AddContribution contribute, ViewerAccessor viewers, TimeProvider clock)
    : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public PoolInput Pool { get; set; } = new();

    [BindProperty]
    public ContributionInput Contribution { get; set; } = new();

    public string Body { get; private set; } = "";
    public IReadOnlyList<FundingPool> Pools { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [Needs(Permission.Public)]
    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Pool.Year = Clock.Today(clock).Year;
        return ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostPoolAsync(CancellationToken ct)
    {
        var created = await create.HandleAsync(Id, Pool, ct);
        if (ModelState.AddErrors(created, "Pool"))
        {
            TempData["Message"] = $"Puljen {Pool.Name?.Trim()} er oprettet.";
            return Redirect($"/udvalg/{Id}/puljer#pulje-{created.Value}");
        }
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostContributionAsync(CancellationToken ct)
    {
        if (ModelState.AddErrors(await contribute.HandleAsync(Id, Contribution, ct), "Contribution"))
        {
            TempData["Message"] = "Indbetalingen er registreret.";
            return Redirect($"/udvalg/{Id}/puljer#pulje-{Contribution.PoolId}");
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == Id).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return NotFound();
        }
        Body = body;
        // Tracked and whole: each pool's carry-over reads the pool before it, and each grant its project and decision.
        Pools = await db.FundingPools.Where(p => p.BodyId == Id)
            .Include(p => p.Contributions)
            .Include(p => p.Grants).ThenInclude(g => g.Project)
            .Include(p => p.Grants).ThenInclude(g => g.DecidedByItem!).ThenInclude(i => i.Meeting)
            .Include(p => p.Grants).ThenInclude(g => g.WrittenProcedure)
            .AsSplitQuery().OrderBy(p => p.Year).ThenBy(p => p.Id).ToListAsync(ct);
        CanEdit = (await viewers.GetAsync(ct)).CanEditBody(Id);
        if (CanEdit)
        {
            Organisations = (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
                .Select(o => (o.Id, o.Name)).ToList();
        }
        return Page();
    }
}
