using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Alerts;

/// <summary>
/// <c>/abonnement/bekraeft?kode=…</c>, the link in the confirmation mail. Opening it confirms nothing, since mail scanners
/// open links: the page names the body and asks for the button, whose POST confirms (<see cref="ConfirmAlerts"/>).
/// </summary>
[AllowAnonymous]
public class ConfirmModel(AppDbContext db, ConfirmAlerts confirm, PublicAlerts alerts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kode { get; set; }

    public string? BodyName { get; private set; }
    public int BodyId { get; private set; }
    public bool Confirmed { get; private set; }
    public string? UnsubscribeLink { get; private set; }

    [Needs(Permission.Public)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Private();
        if (await confirm.FindAsync(Kode, ct) is { } row)
        {
            await NameAsync(row, ct);
        }
    }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Private();
        var result = await confirm.HandleAsync(Kode, ct);
        if (ModelState.AddErrors(result, "") && result.Value is { } row)
        {
            await NameAsync(row, ct);
            Confirmed = true;
            UnsubscribeLink = alerts.UnsubscribeLink(row);
        }
        return Page();
    }

    private async Task NameAsync(AlertSubscription row, CancellationToken ct)
    {
        BodyId = row.BodyId;
        BodyName = await db.Bodies.Where(b => b.Id == row.BodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
    }

    /// <summary>The address holds a secret: kept by no cache, sent on to no other site, listed by no search engine.</summary>
    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
