using System.Net;
using Raad.Web.Features.Demo;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The demo lives in December 2026: the clusters are history, the preparatory council met through 2026, and the council
/// has its members from 1 January 2027 and a 2027 plan whose first meeting has a draft agenda. Every demo account signs in.
/// </summary>
public abstract class DemoTodayScenarios(RaadApp app)
{
    private const string Preparatory = "Forberedende sundhedsråd Amager og Vestegnen";
    private const string Council = "Sundhedsråd Amager og Vestegnen";

    [Fact]
    public async Task The_preparatory_council_meets_in_2026_and_the_council_has_its_members_and_its_2027_plan()
    {
        using var citizen = app.Anonymous();
        var bodies = (await citizen.GetJson("/api/bodies")).EnumerateArray().ToList();
        var syd = bodies.Single(b => b.GetProperty("name").GetString() == "Politisk Sundhedsklynge Syd");
        Assert.Equal("2025-12-31", syd.GetProperty("validTo").GetString());

        // The demo's own dates, read from the bodies: the preparatory council's year, and the council's first day.
        var preparatoryBody = bodies.Single(b => b.GetProperty("name").GetString() == Preparatory);
        var preparatoryYear = preparatoryBody.GetProperty("validFrom").GetString()![..4];
        Assert.Equal($"{preparatoryYear}-12-31", preparatoryBody.GetProperty("validTo").GetString());
        var preparatory = preparatoryBody.GetProperty("id").GetInt32();
        var preparatoryMeetings = (await citizen.GetJson($"/api/bodies/{preparatory}/meetings")).EnumerateArray()
            .Select(m => m.GetProperty("date").GetString()!).ToList();
        Assert.NotEmpty(preparatoryMeetings);
        Assert.All(preparatoryMeetings, date => Assert.StartsWith($"{preparatoryYear}-", date, StringComparison.Ordinal));

        var councilBody = bodies.Single(b => b.GetProperty("name").GetString() == Council);
        var councilFrom = councilBody.GetProperty("validFrom").GetString()!;
        Assert.Equal(preparatoryBody.GetProperty("successorId").GetInt32(), councilBody.GetProperty("id").GetInt32());
        var council = councilBody.GetProperty("id").GetInt32();
        var members = await citizen.Members(council);
        Assert.Contains(members, m => m.GetProperty("group").GetString() == "regional");
        Assert.Contains(members, m => m.GetProperty("group").GetString() == "municipal");
        Assert.Contains(members, m => m.GetProperty("group").GetString() == "generalPractice" || m.GetProperty("group").GetString() == "generalpractice");
        Assert.All(members, m => Assert.Equal(councilFrom, m.GetProperty("from").GetString()));
        // The members are an assumption, and the body says so.
        Assert.Contains("antagelse", (await citizen.Open($"/udvalg/{council}")).Text("main"), StringComparison.Ordinal);

        // The 2027 plan; its first meeting, early in the year, has a draft agenda the council's members read and the public does not.
        var plan = (await citizen.GetJson($"/api/bodies/{council}/meetings")).EnumerateArray().ToList();
        var first = plan.OrderBy(m => m.GetProperty("date").GetString(), StringComparer.Ordinal).First();
        // Early in its first year: in its first month.
        Assert.StartsWith(councilFrom[..7], first.GetProperty("date").GetString(), StringComparison.Ordinal);
        Assert.True(plan.Count >= 4, $"Mødeplanen for 2027 har {plan.Count} møder.");
        var firstId = first.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Open($"/moeder/{firstId}/dagsorden")).Status);
        using var member = await app.SignInAs(Role.Member);
        var draft = await member.Open($"/moeder/{firstId}/dagsorden");
        Assert.Equal(HttpStatusCode.OK, draft.Status);
        Assert.Contains("Konstituering", draft.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_demo_account_signs_in_with_the_demo_password_and_the_first_three_are_as_before()
    {
        Assert.Equal(["admin@raad.local", "sekretariat@raad.local", "medlem@raad.local"], DemoLoader.Accounts.Take(3).Select(a => a.Email));
        foreach (var account in DemoLoader.Accounts)
        {
            using var visitor = app.Anonymous();
            await visitor.SignIn(account.Email, DemoLoader.Password);
            Assert.Equal(HttpStatusCode.OK, (await visitor.Open("/konto/sikkerhed")).Status);
        }
        // Holbæk's secretariat runs Holbæk's bodies, not Syd's.
        using var holbaek = app.Anonymous();
        await holbaek.SignIn("sekretariat-holbaek@raad.local", DemoLoader.Password);
        var syd = await holbaek.BodyId("Politisk Sundhedsklynge Syd");
        var forum = await holbaek.BodyId("HOL Sundhedsklynge Politisk Forum");
        Assert.Equal("/konto/adgang-naegtet", (await holbaek.Open($"/udvalg/{syd}/rediger")).RedirectTo?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await holbaek.Open($"/udvalg/{forum}/rediger")).Status);
    }
}

public sealed class DemoTodayOnSqlite(SqliteApp app) : DemoTodayScenarios(app), IClassFixture<SqliteApp>;

public sealed class DemoTodayOnPostgres(PostgresApp app) : DemoTodayScenarios(app), IClassFixture<PostgresApp>;
