using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Search;

/// <summary>
/// /soeg: search the bodies' papers (agenda items, decisions, attachments, cases), with filters by body, year and kind.
/// Public; a signed-in member also finds what Visibility lets him see (his bodies' closed items, drafts, unapproved minutes).
/// </summary>
[AllowAnonymous]
public class IndexModel(SearchQuery search, ViewerAccessor viewers, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Body { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "side")] public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }
    public List<(int Id, string Name)> Bodies { get; private set; } = [];
    public List<int> Years { get; private set; } = [];

    [Needs(Permission.Public)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        Bodies = [.. (await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct)).Select(b => (b.Id, b.Name))];
        Years = [.. (await db.Meetings.AsNoTracking().Select(m => m.Date.Year).Distinct().ToListAsync(ct)).OrderDescending()];
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Results = await search.SearchAsync(new SearchRequest(Q, Body, Year, Kind, PageNumber), viewer.Facts, ct);
        }
    }

    /// <summary>This search's address at another page.</summary>
    public string PageUrl(int page)
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(Q ?? "") };
        if (Body is { } body) query.Add($"body={body}");
        if (Year is { } year) query.Add($"year={year}");
        if (!string.IsNullOrEmpty(Kind)) query.Add("kind=" + Uri.EscapeDataString(Kind));
        if (page > 1) query.Add($"side={page}");
        return "/soeg?" + string.Join("&", query);
    }
}
