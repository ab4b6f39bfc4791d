using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Features.Demo;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>Creates a local account with a role; how a production database gets its first administrator. Answers the Danish receipt.</summary>
public static class CreateAccount
{
    public static readonly Dictionary<string, string> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["administrator"] = Roles.Administrator,
        ["sekretariat"] = Roles.Secretariat,
        ["medlem"] = Roles.Member,
    };

    public static async Task<Result<string>> RunAsync(IServiceProvider services, string email, string roleName, string password)
    {
        if (!RoleNames.TryGetValue(roleName, out var role))
        {
            return new Error("account.role_unknown", $"Ukendt rolle \"{roleName}\". Brug administrator, sekretariat eller medlem.");
        }
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await DemoLoader.EnsureRolesAsync(roles);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new Error("account.email_taken", $"Der findes allerede en konto med e-mailadressen {email}.");
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Result<string>.Fail([.. created.Errors.Select(e => new Error("account.password_refused", e.Description))]);
        }
        if (role != Roles.Secretariat)
        {
            await users.AddToRoleAsync(user, role);
            return $"Kontoen {email} er oprettet med rollen {Roles.Danish(role).ToLowerInvariant()}.";
        }
        // The secretariat is held per body: from the command line for every body there is; narrowed on /brugere.
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        var bodies = await db.Bodies.Select(b => b.Id).ToListAsync();
        db.SecretariatGrants.AddRange(bodies.Select(id => new SecretariatGrant { UserId = user.Id, BodyId = id }));
        await db.SaveChangesAsync();
        return $"Kontoen {email} er oprettet som sekretariat for alle {bodies.Count} udvalg; ret det på /brugere.";
    }
}
