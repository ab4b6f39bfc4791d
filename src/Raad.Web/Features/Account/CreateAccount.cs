using Microsoft.AspNetCore.Identity;
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
        await users.AddToRoleAsync(user, role);
        return $"Kontoen {email} er oprettet med rollen {Roles.Danish(role).ToLowerInvariant()}.";
    }
}
