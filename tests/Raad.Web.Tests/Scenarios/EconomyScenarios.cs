using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Tests.Economy;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Syd's money recorded by the secretariat through the pages, on the demo without its money: the pools and payments,
/// the 2023 grants through the decisions of 18 January and 26 April 2023, the two grants raised, the grants of 2024,
/// the remainder funds reallocated under the decision of 18 March 2024, and the overview that comes out as Tabel 1.
/// </summary>
public abstract class EconomyScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    [Fact]
    public async Task The_secretariat_records_syds_money_through_the_decisions_and_the_overview_is_tabel_1()
    {
        using var citizen = app.Anonymous();
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await citizen.BodyId(Syd);

        // Pools: the 2022 funds as 001 item 3 states them, carried over into 2023 and on into 2024.
        var pool2022 = await CreatePoolAsync(secretariat, syd, "Klyngemidler 2022", 2022, null);
        await ContributeAsync(secretariat, syd, pool2022, "Kommunerne", "3.936.286", "Municipal");
        await ContributeAsync(secretariat, syd, pool2022, "Regionen", "3.867.153", "Regional");
        var pool2023 = await CreatePoolAsync(secretariat, syd, "Klyngemidler 2023", 2023, pool2022);
        await ContributeAsync(secretariat, syd, pool2023, "Kommunerne og regionen", "7.796.561", "");
        var pool2024 = await CreatePoolAsync(secretariat, syd, "Klyngemidler 2024", 2024, pool2023);
        var pools = await citizen.Open($"/udvalg/{syd}/puljer");
        Assert.Contains("7.803.439 kr.", pools.Text($"section[aria-labelledby='pulje-{pool2023}'] dl"), StringComparison.Ordinal);

        var projects = await CreateProjectsAsync(syd);

        // 18 January 2023, item 3, and 26 April 2023, items 2 and 3: the grants, then the two raised.
        const string january = "18. januar 2023, punkt 3:";
        const string aprilPsychiatry = "26. april 2023, punkt 2:";
        const string aprilSomatic = "26. april 2023, punkt 3:";
        await GrantAsync(secretariat, syd, projects[0], "Klyngemidler 2023", "Grant", "2 mio.", january);
        await GrantAsync(secretariat, syd, projects[4], "Klyngemidler 2023", "Grant", "1 mio.", january);
        await GrantAsync(secretariat, syd, projects[3], "Klyngemidler 2023", "Grant", "500.000", january);
        await GrantAsync(secretariat, syd, projects[5], "Klyngemidler 2023", "Grant", "1.000.000", aprilPsychiatry);
        await GrantAsync(secretariat, syd, projects[6], "Klyngemidler 2023", "Grant", "1 mio. kr.", aprilPsychiatry);
        var beforeRaise = await citizen.GetJson($"/api/bodies/{syd}/economy?asOf=2023-02-01");
        Assert.Equal(3_500_000m, beforeRaise.GetProperty("totals").GetProperty("granted").GetDecimal());
        await GrantAsync(secretariat, syd, projects[3], "Klyngemidler 2023", "Increase", "500.000", aprilSomatic,
            "Kvalificeret indsats: 1 årsværk, ressourcepersoner, materiale");
        await GrantAsync(secretariat, syd, projects[4], "Klyngemidler 2023", "Increase", "1 mio.", aprilSomatic,
            "To 1-årige ansættelser i stedet for én 2-årig");

        var end2023 = await citizen.GetJson($"/api/bodies/{syd}/economy?asOf=2023-12-31");
        Assert.Equal(1_000_000m, Row(end2023, "Den gode start på livet - fælles ammeindsats").GetProperty("granted").GetDecimal());
        Assert.Equal(2_000_000m, Row(end2023, "Tværsektoriel indsats om overvægt").GetProperty("granted").GetDecimal());
        Assert.Equal(15_600_000m, end2023.GetProperty("totals").GetProperty("received").GetDecimal());
        Assert.Equal(7_000_000m, end2023.GetProperty("totals").GetProperty("granted").GetDecimal());

        // Bad input is refused in Danish and records nothing.
        var form = await secretariat.Open($"/udvalg/{syd}/bevillinger/ny");
        var refused = await secretariat.Submit(form, new()
        {
            ["Input.ProjectId"] = Option(form, "Input_ProjectId", projects[3]),
            ["Input.PoolId"] = Option(form, "Input_PoolId", "Klyngemidler 2023"),
            ["Input.Kind"] = "Grant",
            ["Input.Amount"] = "en halv million",
            ["Input.DecidedByItemId"] = Option(form, "Input_DecidedByItemId", january),
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("fx 240.000 eller 1,5 mio.", refused.Text("#Input_Amount_error"), StringComparison.Ordinal);
        var undecided = await secretariat.Submit(form, new()
        {
            ["Input.ProjectId"] = Option(form, "Input_ProjectId", projects[3]),
            ["Input.PoolId"] = Option(form, "Input_PoolId", "Klyngemidler 2023"),
            ["Input.Kind"] = "Grant",
            ["Input.Amount"] = "100.000",
            ["Input.DecidedByItemId"] = "",
        });
        Assert.Contains("skal være besluttet", undecided.Text("#Input_DecidedByItemId_error"), StringComparison.Ordinal);
        var tooMuch = await secretariat.Submit(form, new()
        {
            ["Input.ProjectId"] = Option(form, "Input_ProjectId", projects[3]),
            ["Input.PoolId"] = Option(form, "Input_PoolId", "Klyngemidler 2023"),
            ["Input.Kind"] = "Reduction",
            ["Input.Amount"] = "5 mio.",
            ["Input.DecidedByItemId"] = Option(form, "Input_DecidedByItemId", aprilSomatic),
        });
        Assert.Contains("kan ikke reduceres", tooMuch.Text("#Input_Amount_error"), StringComparison.Ordinal);
        Assert.Equal(end2023.GetRawText(), (await citizen.GetJson($"/api/bodies/{syd}/economy?asOf=2023-12-31")).GetRawText());

        // 2024 (Assumption, as the demo: 16 November 2023 and 18 March 2024), then the remainder funds of 18 March 2024.
        const string november = "16. november 2023, punkt 1:";
        const string march = "18. marts 2024, punkt 1:";
        await GrantAsync(secretariat, syd, projects[5], "Klyngemidler 2024", "Increase", "1 mio.", november);
        await GrantAsync(secretariat, syd, projects[6], "Klyngemidler 2024", "Increase", "1 mio.", november);
        await GrantAsync(secretariat, syd, projects[0], "Klyngemidler 2024", "Increase", "2 mio.", november);
        await GrantAsync(secretariat, syd, projects[1], "Klyngemidler 2024", "Grant", "2,4 mio.", march);
        await GrantAsync(secretariat, syd, projects[2], "Klyngemidler 2024", "Grant", "1 mio.", march);
        await GrantAsync(secretariat, syd, projects[3], "Klyngemidler 2024", "Increase", "1 mio.", march);
        await GrantAsync(secretariat, syd, projects[0], "Klyngemidler 2024", "RemainderFunds", "240.000", march);
        await GrantAsync(secretariat, syd, projects[6], "Klyngemidler 2024", "RemainderFunds", "240.000", march);
        await ForecastAsync(syd, projects, [4_000_000m, 2_400_000m, 1_000_000m, 2_000_000m, 1_990_000m, 1_680_000m, 2_050_000m]);

        var overview = await citizen.GetJson($"/api/bodies/{syd}/economy?asOf=2025-08-27");
        AssertTabel1(overview);
        var page = await citizen.Open($"/udvalg/{syd}/puljer");
        Assert.Contains("200.000 kr.", page.Text($"section[aria-labelledby='pulje-{pool2024}'] dl"), StringComparison.Ordinal);

        // The agenda of 27 August 2025 prints the table from these figures (not frozen here: the demo had no money then).
        var august = await citizen.MeetingId(syd, "2025-08-27");
        var agenda = await citizen.Open($"/moeder/{august}/dagsorden");
        Assert.Equal(Tabel1.Printed(), TableOf(agenda));
    }

    private static void AssertTabel1(System.Text.Json.JsonElement economy)
    {
        var expected = Tabel1.Snapshot();
        var rows = economy.GetProperty("rows").EnumerateArray()
            .Select(r => new EconomyRow(r.GetProperty("project").GetString()!, r.GetProperty("expectedSpend").GetDecimal(), r.GetProperty("granted").GetDecimal(),
                r.GetProperty("remainderGranted").GetDecimal(), r.GetProperty("overspend").GetDecimal()))
            .ToList();
        Assert.Equal(expected.Rows, rows);
        var t = economy.GetProperty("totals");
        Assert.Equal(
            (expected.Totals.Received, expected.Totals.Granted, expected.Totals.ExpectedSpend, expected.Totals.Unspent, expected.Totals.Remainder, expected.Totals.RemainderPool),
            (t.GetProperty("received").GetDecimal(), t.GetProperty("granted").GetDecimal(), t.GetProperty("expectedSpend").GetDecimal(),
                t.GetProperty("unspent").GetDecimal(), t.GetProperty("remainder").GetDecimal(), t.GetProperty("remainderPool").GetDecimal()));
        Assert.Equal((15_600_000m, 15_400_000m, 15_120_000m, 280_000m, 200_000m, 480_000m),
            (expected.Totals.Received, expected.Totals.Granted, expected.Totals.ExpectedSpend, expected.Totals.Unspent, expected.Totals.Remainder, expected.Totals.RemainderPool));
        Assert.Equal("overspendCovered", economy.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("project").GetString() == Tabel1.ChildPsychiatry)
            .GetProperty("status").GetString());
    }

    /// <summary>The economy table of an agenda page as printed: header, rows, "I alt".</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> TableOf(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("table.raad-economy-table tr")
            .Select(tr => (IReadOnlyList<string>)[.. tr.Children.Select(c => c.TextContent.Trim())])];

    private static System.Text.Json.JsonElement Row(System.Text.Json.JsonElement economy, string project) =>
        economy.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("project").GetString() == project);

    private static string Option(HtmlPage page, string select, string startsWith) =>
        page.Document.QuerySelectorAll($"#{select} option").Single(o => o.TextContent.Trim().StartsWith(startsWith, StringComparison.Ordinal))
            .GetAttribute("value")!;

    private static async Task<int> CreatePoolAsync(Visitor secretariat, int syd, string name, int year, int? previous)
    {
        var page = await secretariat.Open($"/udvalg/{syd}/puljer");
        var created = await secretariat.Submit(page, new()
        {
            ["Pool.Name"] = name,
            ["Pool.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Pool.PreviousId"] = previous?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });
        Assert.True(created.Status == HttpStatusCode.Redirect, created.Text("main"));
        return int.Parse(created.RedirectTo!.Fragment.Replace("#pulje-", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ContributeAsync(Visitor secretariat, int syd, int pool, string source, string amount, string group)
    {
        var page = await secretariat.Open($"/udvalg/{syd}/puljer");
        var form = page.FormWithValue("Contribution.PoolId", pool.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var added = await secretariat.SubmitForm(form, new() { ["Contribution.Source"] = source, ["Contribution.Amount"] = amount, ["Contribution.Group"] = group });
        Assert.True(added.Status == HttpStatusCode.Redirect, added.Text("main"));
    }

    private static async Task GrantAsync(Visitor secretariat, int syd, string project, string pool, string kind, string amount, string item, string note = "")
    {
        var form = await secretariat.Open($"/udvalg/{syd}/bevillinger/ny");
        var recorded = await secretariat.Submit(form, new()
        {
            ["Input.ProjectId"] = Option(form, "Input_ProjectId", project),
            ["Input.PoolId"] = Option(form, "Input_PoolId", pool),
            ["Input.Kind"] = kind,
            ["Input.Amount"] = amount,
            ["Input.DecidedByItemId"] = Option(form, "Input_DecidedByItemId", item),
            ["Input.Note"] = note,
        });
        Assert.True(recorded.Status == HttpStatusCode.Redirect, $"{project} {kind} {amount}: {recorded.Text("main")}");
    }

    /// <summary>The seven projects of Tabel 1, in its order.</summary>
    private async Task<string[]> CreateProjectsAsync(int syd)
    {
        string[] titles =
        [
            "Den gode overgang – fra indlæggelse til udskrivelse", "Følgeforskning ifm. Den gode overgang",
            "Styrkelse af midlertidige pladser ifm. Den gode overgang", "Den gode start på livet - fælles ammeindsats",
            "Tværsektoriel indsats om overvægt", "Implementering af samarbejdsaftalen på voksenpsykiatriområdet", Tabel1.ChildPsychiatry,
        ];
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Projects.AddRange(titles.Select(t => new Project { BodyId = syd, Title = t, Status = ProjectStatus.Running }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return titles;
    }

    private async Task ForecastAsync(int syd, string[] titles, decimal[] expected)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var projects = await db.Projects.Where(p => p.BodyId == syd).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var (title, amount) in titles.Zip(expected))
        {
            Assert.True(SpendForecast.Record(projects.Single(p => p.Title == title), new DateOnly(2025, 8, 1), amount).IsSuccess);
        }
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class EconomyOnSqlite(UnfundedSqliteApp app) : EconomyScenarios(app), IClassFixture<UnfundedSqliteApp>;

public sealed class EconomyOnPostgres(UnfundedPostgresApp app) : EconomyScenarios(app), IClassFixture<UnfundedPostgresApp>;
