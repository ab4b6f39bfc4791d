using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>
/// The body's projects (indsatser) grouped by the health agreement's focus areas or by target group, with owner, status
/// and money granted, as Holbæk's table of its eight initiatives; public, like the economy overview.
/// </summary>
[AllowAnonymous]
public class PortfolioModel(ProjectQuery query) : PageModel
{
    public const string ByTargetGroupValue = "maalgruppe";

    [FromRoute]
    public int Id { get; set; }

    /// <summary>"maalgruppe" groups by target group; anything else by focus area.</summary>
    [FromQuery(Name = "efter")]
    public string? GroupBy { get; set; }

    public PortfolioView View { get; private set; } = null!;

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await query.PortfolioAsync(Id, GroupBy == ByTargetGroupValue, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
