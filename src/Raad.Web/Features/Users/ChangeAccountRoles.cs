using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Users;

/// <summary>
/// An administrator sets an account's roles: administrator or not, and the bodies whose secretariat it holds. A
/// member's rights are not set here: they come from his memberships.
/// </summary>
public sealed class ChangeAccountRoles(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, ViewerAccessor viewers) : IUseCase
{
    public async Task<Result<string>> HandleAsync(string userId, bool administrator, IReadOnlyCollection<int> secretariatOf, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.SecretariatOf).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new Error("account.not_found", "Kontoen findes ikke.");
        }
        var wanted = secretariatOf.Distinct().ToHashSet();
        if (await db.Bodies.CountAsync(b => wanted.Contains(b.Id), ct) != wanted.Count)
        {
            return new Error("body.not_found", "Et af de valgte udvalg findes ikke.");
        }
        var isAdministrator = await users.IsInRoleAsync(user, Roles.Administrator);
        if (isAdministrator && !administrator && (await viewers.GetAsync(ct)).UserId == user.Id)
        {
            return new Error("account.own_administrator", "Du kan ikke fratage dig selv rollen som administrator; bed en anden administrator om det.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.SecretariatGrants.RemoveRange(user.SecretariatOf.Where(g => !wanted.Contains(g.BodyId)));
        var held = user.SecretariatOf.Select(g => g.BodyId).ToHashSet();
        db.SecretariatGrants.AddRange(wanted.Where(id => !held.Contains(id)).Select(id => new SecretariatGrant { UserId = user.Id, BodyId = id }));
        if (administrator != isAdministrator)
        {
            await Demo.DemoLoader.EnsureRolesAsync(roles);
            var changed = administrator ? await users.AddToRoleAsync(user, Roles.Administrator) : await users.RemoveFromRoleAsync(user, Roles.Administrator);
            if (!changed.Succeeded)
            {
                return new Error("account.role_refused", string.Join(" ", changed.Errors.Select(e => e.Description)));
            }
        }
        // The roles ride in the sign-in cookie, which is made again from the account at every request (the stamp
        // check, SignInSecurity.StampValidation): the change counts at the account's next click, its sessions go on.
        var saved = await db.SaveAsync("Kontoen", ct);
        if (!saved.IsSuccess)
        {
            return Result<string>.Fail(saved.Errors);
        }
        await transaction.CommitAsync(ct);
        return $"Rollerne for {user.DisplayName} er gemt.";
    }
}
