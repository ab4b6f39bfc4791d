using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Users;

/// <summary>/brugere: every account with its person, roles, last sign-in, second factor and state; and the invitation form.</summary>
[Authorize(Policy = Policies.Administer)]
public class IndexModel(AppDbContext db, InviteAccount invite, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string Name, string Email, int? PersonId, bool Administrator, IReadOnlyList<string> SecretariatOf,
        IReadOnlyList<string> Seats, DateTimeOffset? LastSignInAt, string? LastSignInMethod, bool TwoFactor, bool IsActive, bool Accepted);

    public IReadOnlyList<Row> Accounts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> PeopleWithoutAccount { get; private set; } = [];

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    [Needs(Permission.Administer)]
    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await invite.HandleAsync(Input, ct);
        if (ModelState.AddErrors(result, "Input"))
        {
            TempData["Message"] = result.Value;
            return RedirectToPage();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Include(u => u.SecretariatOf).ThenInclude(g => g.Body)
            .OrderBy(u => u.DisplayName).ToListAsync(ct);
        var names = await db.People.AsNoTracking().Where(p => db.Users.Any(u => u.PersonId == p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var administrators = (await (from ur in db.UserRoles
                                     join r in db.Roles on ur.RoleId equals r.Id
                                     where r.Name == Roles.Administrator
                                     select ur.UserId).ToListAsync(ct)).ToHashSet();
        var personIds = users.Select(u => u.PersonId).OfType<int>().ToList();
        var today = Clock.Today(clock);
        var seats = (await db.Memberships.AsNoTracking().Include(m => m.Body)
                .Where(m => personIds.Contains(m.PersonId) && (m.To == null || m.To >= today))
                .ToListAsync(ct))
            .ToLookup(m => m.PersonId, m => $"{m.Role.Danish()}, {m.Body!.Name}");
        Accounts = [.. users.Select(u => new Row(u.Id, (u.PersonId is { } named ? names.GetValueOrDefault(named) : null) ?? u.DisplayName, u.Email ?? "", u.PersonId, administrators.Contains(u.Id),
            [.. u.SecretariatOf.Select(g => g.Body!.Name).Order()], u.PersonId is { } p ? [.. seats[p]] : [],
            u.LastSignInAt, u.LastSignInMethod, u.TwoFactorEnabled, u.IsActive, u.PasswordHash is not null || u.EmailConfirmed || u.LastSignInAt is not null))];
        Bodies = (await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct)).Select(b => (b.Id, b.Name)).ToList();
        PeopleWithoutAccount = (await db.People.AsNoTracking().Where(p => !db.Users.Any(u => u.PersonId == p.Id)).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
    }
}
