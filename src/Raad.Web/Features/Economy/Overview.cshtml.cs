using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Domain.Money;

using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Economy;

/// <summary>The body's economy overview (Tabel 1) with its chart and downloads; public, like the agendas that print it.</summary>
[AllowAnonymous]
public class OverviewModel(EconomyQuery query) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    /// <summary>The day the overview is computed for; today when not given.</summary>
    [FromQuery(Name = "pr")]
    public DateOnly? AsOf { get; set; }

    public string Body { get; private set; } = "";
    public EconomySnapshot Snapshot { get; private set; } = null!;

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await query.ForBodyAsync(Id, AsOf, ct) is not { } found)
        {
            return NotFound();
        }
        (Body, Snapshot) = found;
        return Page();
    }
}
