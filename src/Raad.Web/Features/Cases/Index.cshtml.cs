using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Cases;

[AllowAnonymous]
public class IndexModel(AppDbContext db, ViewerAccessor viewers) : PageModel
{
    public sealed record Row(int Id, string Title, string? BodyName, string? CaseNumber, int Items);

    public List<Row> Cases { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [Needs(Permission.Public)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await viewers.GetAsync(ct)).CanEdit;
        Cases = await db.Cases.AsNoTracking().OrderBy(c => c.Title)
            .Select(c => new Row(c.Id, c.Title, c.Body!.Name, c.CaseNumber, c.Items.Count))
            .ToListAsync(ct);
    }
}
