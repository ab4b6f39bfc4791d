using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.ItemRequests;

/// <summary>A member's own item requests and the secretariat's answers.</summary>
[Authorize]
public class MineModel(AppDbContext db, ViewerAccessor viewers) : PageModel
{
    public List<ItemRequest> Requests { get; private set; } = [];
    public Dictionary<int, List<ItemRequestFiles.FileLink>> Files { get; private set; } = [];

    [Needs(Permission.SignedIn)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        if ((await viewers.GetAsync(ct)).PersonId is not { } personId)
        {
            return;
        }
        Requests = await db.ItemRequests.AsNoTracking().Include(r => r.Meeting!).ThenInclude(m => m.Body)
            .Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.Id)
            .ToListAsync(ct);
        Files = await ItemRequestFiles.ForAsync(db, [.. Requests.Select(r => r.Id)], ct);
    }
}
