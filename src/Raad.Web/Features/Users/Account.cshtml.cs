using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Users;

/// <summary>/brugere/{id}: one account's roles, deactivation and reactivation, and a new invitation.</summary>
[Authorize(Policy = Policies.Administer)]
public class AccountModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    public AppUser Account { get; private set; } = null!;
    public bool Administrator { get; private set; }
    public IReadOnlyList<(int Id, string Name, bool Held)> Bodies { get; private set; } = [];

    [BindProperty]
    public bool MakeAdministrator { get; set; }

    [BindProperty]
    public List<int> SecretariatOf { get; set; } = [];

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnPostRolesAsync([FromServices] ChangeAccountRoles change, CancellationToken ct) =>
        await DoneAsync(await change.HandleAsync(Id, MakeAdministrator, SecretariatOf, ct), ct);

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnPostDeactivateAsync([FromServices] DeactivateAccount deactivate, CancellationToken ct) =>
        await DoneAsync(await deactivate.HandleAsync(Id, ct), ct);

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnPostReactivateAsync([FromServices] ReactivateAccount reactivate, CancellationToken ct) =>
        await DoneAsync(await reactivate.HandleAsync(Id, ct), ct);

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnPostResetSecondFactorAsync([FromServices] Account.ResetSecondFactor reset, CancellationToken ct)
    {
        var result = await reset.HandleAsync(Id, ct);
        return await DoneAsync(result.IsSuccess ? $"Totrinsbekræftelsen for {result.Value} er nulstillet; kontoen kan slå den til igen." : result, ct);
    }

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnPostInviteAgainAsync([FromServices] InviteAgain again, CancellationToken ct) =>
        await DoneAsync(await again.HandleAsync(Id, ct), ct);

    private async Task<IActionResult> DoneAsync(Raad.Domain.Common.Result<string> result, CancellationToken ct)
    {
        if (ModelState.AddErrors(result, ""))
        {
            TempData["Message"] = result.Value;
            return RedirectToPage(new { id = Id });
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Include(u => u.SecretariatOf).FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (account is null)
        {
            return NotFound();
        }
        Account = account;
        Administrator = await users.IsInRoleAsync(account, Roles.Administrator);
        var held = account.SecretariatOf.Select(g => g.BodyId).ToHashSet();
        Bodies = (await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct))
            .Select(b => (b.Id, b.Name, held.Contains(b.Id))).ToList();
        return Page();
    }
}
