using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Alerts;

/// <summary>
/// <c>/udvalg/{id}/abonnement</c>: "Få e-mail om nye dagsordener og referater". The form sits on the body page too, which
/// posts here. It acts for no one signed in and changes no account: a forged request can do no more than its forger could
/// by sending the form himself, so it takes no antiforgery token, and the body page it sits on stays free of the
/// antiforgery cookie and so kept by the public page cache.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class SubscribeModel(AppDbContext db, SubscribeToAlerts subscribe) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public int BodyId { get; private set; }
    public string BodyName { get; private set; } = "";

    /// <summary>The form was sent: the page says the same whatever happened to the address.</summary>
    public string? Answer { get; private set; }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var result = await subscribe.HandleAsync(id, Email, ct);
        if (ModelState.AddErrors(result, ""))
        {
            Answer = result.Value;
            Email = null;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        // An answer about one visitor's address is never kept by a cache.
        Response.Headers.CacheControl = "no-store";
        BodyId = id;
        BodyName = await db.Bodies.Where(b => b.Id == id).Select(b => b.Name).FirstOrDefaultAsync(ct) ?? "";
        return BodyName.Length > 0;
    }
}
