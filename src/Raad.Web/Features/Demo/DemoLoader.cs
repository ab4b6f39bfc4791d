using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Demo;

/// <summary>Puts the demo (built from the seed documents) and one account per role into an empty database.</summary>
public static class DemoLoader
{
    public const string Password = "raad-demo-2025";

    public static readonly (string Email, string Name, string Role, string? PersonName)[] Accounts =
    [
        ("admin@raad.local", "Administrator", Roles.Administrator, null),
        ("sekretariat@raad.local", "Lene Maj Hjortsø Fernando", Roles.Secretariat, null),
        ("medlem@raad.local", "Jørgen Steen Andersen", Roles.Member, "Jørgen Steen Andersen"),
    ];

    public static async Task<bool> LoadIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Bodies.AnyAsync(cancellationToken))
        {
            return false;
        }

        var demo = DemoCatalog.Build();
        db.Organisations.AddRange(demo.Organisations);
        db.People.AddRange(demo.People);
        db.Bodies.AddRange(demo.Bodies);
        db.Cases.AddRange(demo.Cases);
        db.Meetings.AddRange(demo.Meetings);
        db.RulesOfProcedure.AddRange(demo.Rules);
        // Without the money (Raad:Demo:Money=false) the meetings and their decisions are there to record it on.
        var withMoney = scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Raad:Demo:Money", true);
        if (withMoney)
        {
            db.HealthAgreements.AddRange(demo.Money.Agreements);
            // The grants join pools and projects, so tracking a project would reach the others through them, in grant order.
            // Held back until the projects are tracked, the projects' ids follow Tabel 1's order, which the overview keeps.
            var grants = demo.Money.Pools.SelectMany(p => p.Grants).ToList();
            demo.Money.Pools.ToList().ForEach(p => p.Grants.Clear());
            demo.Money.Projects.ToList().ForEach(p => p.Grants.Clear());
            db.Projects.AddRange(demo.Money.Projects);
            db.FundingPools.AddRange(demo.Money.Pools);
            db.Grants.AddRange(grants);
            db.ReportingPlans.AddRange(demo.Money.ReportingPlans);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (withMoney)
        {
            // The agenda of 27 August 2025 is published: its Tabel 1 is frozen from the figures just stored, as publishing does.
            var economy = scope.ServiceProvider.GetRequiredService<Economy.EconomyQuery>();
            var august = await db.Meetings.Include(m => m.Items).SingleAsync(m => m.Id == demo.Money.EconomyItem.MeetingId, cancellationToken);
            await economy.FreezeAsync(august, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await EnsureRolesAsync(roles);
        foreach (var (email, name, role, personName) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var person = personName is null ? null : demo.People.First(p => p.Name == personName);
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PersonId = person?.Id };
            Check(await users.CreateAsync(user, Password));
            if (role == Roles.Secretariat)
            {
                // The demo's secretariat runs every demo body; a real one is granted its own bodies on /brugere.
                db.SecretariatGrants.AddRange(demo.Bodies.Select(b => new SecretariatGrant { UserId = user.Id, BodyId = b.Id }));
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                Check(await users.AddToRoleAsync(user, role));
            }
        }
        return true;
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
