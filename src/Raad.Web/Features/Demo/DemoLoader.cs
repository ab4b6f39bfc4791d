using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Demo;

/// <summary>Puts the demo (built from the seed documents) and one account per role into an empty database.</summary>
public static class DemoLoader
{
    public const string Password = "raad-demo-2025";

    /// <summary>The bodies of Holbæk's cluster, whose secretariat has an account of its own.</summary>
    private static readonly string[] Holbaek = ["HOL Sundhedsklynge Politisk Forum", "Sundhedsråd Midt- og Vestsjælland"];

    /// <summary>
    /// One account per kind of user, all with <see cref="Password"/>. The first of each role is the one the walkthrough
    /// and the tests use: the first secretariat runs every demo body; Holbæk's runs only its own. Members and the advisor
    /// are people of the demo, so their rights follow their seats.
    /// </summary>
    public static readonly (string Email, string Name, string Role, string? PersonName, string[]? SecretariatOf)[] Accounts =
    [
        ("admin@raad.local", "Administrator", Roles.Administrator, null, null),
        ("sekretariat@raad.local", "Lene Maj Hjortsø Fernando", Roles.Secretariat, null, null),
        ("medlem@raad.local", "Jørgen Steen Andersen", Roles.Member, "Jørgen Steen Andersen", null),
        ("medlem-regional@raad.local", "Marianne Gerner Friis-Mikkelsen", Roles.Member, "Marianne Gerner Friis-Mikkelsen", null),
        ("medlem-kommunal@raad.local", "Anders Wolf Andresen", Roles.Member, "Anders Wolf Andresen", null),
        ("bisidder@raad.local", "Tina Holm Nielsen", Roles.Member, "Tina Holm Nielsen", null),
        ("sekretariat-holbaek@raad.local", "Sekretariatet for Holbæk-klyngen", Roles.Secretariat, null, Holbaek),
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
        foreach (var (email, name, role, personName, secretariatOf) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var person = personName is null ? null : demo.People.First(p => p.Name == personName);
            if (person is not null)
            {
                // One e-mail, one truth: the person's address is the account's.
                person.Email = email;
                await db.SaveChangesAsync(cancellationToken);
            }
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PersonId = person?.Id };
            Check(await users.CreateAsync(user, Password));
            if (role == Roles.Secretariat)
            {
                // A real secretariat is granted its own bodies on /brugere.
                db.SecretariatGrants.AddRange(demo.Bodies.Where(b => secretariatOf is null || secretariatOf.Contains(b.Name))
                    .Select(b => new SecretariatGrant { UserId = user.Id, BodyId = b.Id }));
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
