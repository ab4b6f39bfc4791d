using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Cases;

/// <summary>The cases this viewer may know of, each with the number of its items the viewer may read (Visibility.Case).</summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db, ViewerAccessor viewers) : PageModel
{
    public sealed record Row(int Id, string Title, string? BodyName, string? CaseNumber, int Items);

    public List<Row> Cases { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [Needs(Permission.Public)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        CanEdit = viewer.CanEdit;
        var cases = await db.Cases.AsNoTracking().OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title, c.BodyId, BodyName = c.Body!.Name, c.CaseNumber })
            .ToListAsync(ct);
        var items = (await db.AgendaItems.AsNoTracking().Where(i => i.CaseId != null)
            .Select(i => new { CaseId = i.CaseId!.Value, i.Id, i.IsClosed, i.Meeting!.BodyId, i.Meeting.Status, i.Meeting.Date })
            .ToListAsync(ct))
            .ToLookup(i => i.CaseId, i => (Meeting: new MeetingState(i.BodyId, i.Status, i.Date), Item: new ItemState(i.Id, i.IsClosed)));
        var procedures = (await db.WrittenProcedures.AsNoTracking()
            .Select(p => new { p.CaseId, p.BodyId, p.Status })
            .ToListAsync(ct))
            .ToLookup(p => p.CaseId, p => (p.BodyId, p.Status));
        Cases = [.. cases
            .Where(c => Visibility.Case(viewer.Facts, c.BodyId, items[c.Id], procedures[c.Id]))
            .Select(c => new Row(c.Id, c.Title, c.BodyName, c.CaseNumber,
                items[c.Id].Count(i => Visibility.Item(viewer.Facts, i.Meeting, i.Item) == ItemSight.Full)))];
    }
}
