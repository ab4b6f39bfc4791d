using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Alerts;

/// <summary>
/// <c>/abonnement/afmeld?kode=…</c>, the link at the foot of every alert and in its <c>List-Unsubscribe</c> header.
/// GET only asks (mail scanners open links, and must not unsubscribe anyone); POST unsubscribes, from the page's button
/// or straight from a mail program's one-click "Afmeld" (RFC 8058: <c>List-Unsubscribe=One-Click</c>).
/// </summary>
// No antiforgery token: the mail program's one-click POST has none and cannot have one. The token in the address is the
// authentication; it names one subscription, and a forged POST must already know it, which only the address's owner does.
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(AppDbContext db, PublicAlerts alerts, Unsubscribe unsubscribe) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kode { get; set; }

    public string? BodyName { get; private set; }
    public int BodyId { get; private set; }
    public bool Done { get; private set; }

    [Needs(Permission.Public)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Private();
        if (await alerts.OfUnsubscribeTokenAsync(Kode, ct) is { } row)
        {
            BodyId = row.BodyId;
            BodyName = await db.Bodies.Where(b => b.Id == row.BodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        }
    }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Private();
        var result = await unsubscribe.HandleAsync(Kode, ct);
        if (ModelState.AddErrors(result, ""))
        {
            Done = true;
            BodyName = result.Value;
        }
        return Page();
    }

    /// <summary>The address holds a secret: kept by no cache, sent on to no other site, listed by no search engine.</summary>
    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
