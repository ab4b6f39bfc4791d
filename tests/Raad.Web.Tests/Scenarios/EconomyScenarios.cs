using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raad.Domain.Money;
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

        var ids = new Dictionary<string, int>();
        var projects = await CreateProjectsAsync(secretariat, syd, ids);

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
        await ForecastAsync(secretariat, ids, ["4 mio.", "2,4 mio.", "1 mio.", "2 mio.", "1,99 mio.", "1,68 mio.", "2.050.000"]);

        // The history shows how the breastfeeding initiative's money changed: 500.000 kr. in January, raised to 1 mio. kr. in April.
        var breastfeeding = await citizen.Open($"/indsatser/{ids[projects[3]]}");
        var history = breastfeeding.Document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent.Contains("Bevillingshistorik", StringComparison.Ordinal) == true)
            .QuerySelectorAll("tbody tr").Select(tr => string.Join(" | ", tr.Children.Take(4).Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(
        [
            "18. januar 2023 | Tildeling | +500.000 kr. | 500.000 kr.", "26. april 2023 | Forhøjelse | +500.000 kr. | 1 mio. kr.",
            "18. marts 2024 | Forhøjelse | +1 mio. kr. | 2 mio. kr.",
        ], history);

        var overview = await citizen.GetJson($"/api/bodies/{syd}/economy?asOf=2025-08-27");
        AssertTabel1(overview);
        var page = await citizen.Open($"/udvalg/{syd}/puljer");
        Assert.Contains("200.000 kr.", page.Text($"section[aria-labelledby='pulje-{pool2024}'] dl"), StringComparison.Ordinal);

        // The agenda of 27 August 2025 prints the table from these figures (not frozen here: the demo had no money then).
        var august = await citizen.MeetingId(syd, "2025-08-27");
        var agenda = await citizen.Open($"/moeder/{august}/dagsorden");
        Assert.Equal(Tabel1.Printed(), TableOf(agenda));

        // The cluster ends on 31 December 2025: the administrator hands it over to the health council. The pools move with
        // every grant made from them, so the council's overview of the same day is the cluster's, figure for figure.
        var before = overview.GetProperty("rows").GetRawText();
        var beforeTotals = overview.GetProperty("totals").GetRawText();
        using var administrator = await app.SignInAs(Role.Administrator);
        var succession = await administrator.Open($"/udvalg/{syd}/overdragelse");
        Assert.Contains("Sundhedsråd Amager og Vestegnen", succession.Text("main"), StringComparison.Ordinal);
        // Københavns Kommune sits in the cluster as a member and continues in the council as an observer (000 item 4).
        var copenhagen = succession.Document.QuerySelectorAll("input[name='Input.ObserverOrganisations']")
            .Single(i => succession.Document.QuerySelector($"label[for='{i.Id}']")!.TextContent.Trim() == "Københavns Kommune").GetAttribute("value")!;
        var handedOver = await administrator.Submit(succession, new() { ["Input.Date"] = "2026-01-01", ["Input.ObserverOrganisations"] = copenhagen });
        Assert.True(handedOver.Status == HttpStatusCode.Redirect, handedOver.Text("main"));
        var council = await citizen.BodyId("Sundhedsråd Amager og Vestegnen");
        var after = await citizen.GetJson($"/api/bodies/{council}/economy?asOf=2025-08-27");
        Assert.Equal(before, after.GetProperty("rows").GetRawText());
        Assert.Equal(beforeTotals, after.GetProperty("totals").GetRawText());
        AssertTabel1(after);
        Assert.Empty((await citizen.GetJson($"/api/bodies/{syd}/economy?asOf=2025-08-27")).GetProperty("rows").EnumerateArray());
        // The open projects moved with their history; the record lists them and the pools once each.
        var record = (await administrator.Open($"/udvalg/{syd}/overdragelse")).Text("main");
        Assert.Contains($"Projekt: {Titles[0]}", record, StringComparison.Ordinal);
        Assert.Contains("Pulje: Klyngemidler 2024, rest 200.000 kr.", record, StringComparison.Ordinal);
        // The page now shows the record and no form; a second post (an old tab) is refused.
        var again = await administrator.Post($"/udvalg/{syd}/overdragelse", succession, [new("Input.Date", "2026-01-01")]);
        Assert.Contains("Intet overdrages to gange", again.Text("main"), StringComparison.Ordinal);
        Assert.Equal(after.GetRawText(), (await citizen.GetJson($"/api/bodies/{council}/economy?asOf=2025-08-27")).GetRawText());
        Assert.Contains("Observatør: Sisse Marie Welling", record, StringComparison.Ordinal);
        // The council's only observer, beside the members the demo gives it from 1 January 2027.
        var observer = Assert.Single(await citizen.Members(council), m => m.GetProperty("role").GetString()!.Contains("bserv", StringComparison.Ordinal));
        Assert.Equal(("Sisse Marie Welling", "Københavns Kommune", "2027-01-01"),
            (observer.GetProperty("name").GetString(), observer.GetProperty("organisation").GetString(), observer.GetProperty("from").GetString()));
        Assert.Contains("bserv", observer.GetProperty("role").GetString(), StringComparison.Ordinal);
        var moved = await citizen.Open($"/indsatser/{ids[Titles[0]]}");
        Assert.Contains("Sundhedsråd Amager og Vestegnen", moved.Text("main"), StringComparison.Ordinal);
    }

    internal static void AssertTabel1(System.Text.Json.JsonElement economy)
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

    internal static string Option(HtmlPage page, string select, string startsWith) =>
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

    /// <summary>The seven projects of Tabel 1, in its order, created through "Opret indsats"; their ids are their pages'.</summary>
    private static readonly string[] Titles =
    [
        "Den gode overgang – fra indlæggelse til udskrivelse", "Følgeforskning ifm. Den gode overgang",
        "Styrkelse af midlertidige pladser ifm. Den gode overgang", "Den gode start på livet - fælles ammeindsats",
        "Tværsektoriel indsats om overvægt", "Implementering af samarbejdsaftalen på voksenpsykiatriområdet", Tabel1.ChildPsychiatry,
    ];

    private static async Task<string[]> CreateProjectsAsync(Visitor secretariat, int syd, Dictionary<string, int> ids)
    {
        foreach (var title in Titles)
        {
            var form = await secretariat.Open($"/udvalg/{syd}/indsatser/ny");
            var created = await secretariat.Submit(form, new() { ["Input.Title"] = title, ["Input.Status"] = "Running", ["Input.Start"] = "2023-01-18" });
            Assert.True(created.Status == HttpStatusCode.Redirect, $"{title}: {created.Text("main")}");
            ids[title] = int.Parse(created.RedirectTo!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        }
        return Titles;
    }

    /// <summary>Tabel 1's "Forventet forbrug frem til projektafslutning", through each project's "Forventet forbrug".</summary>
    private static async Task ForecastAsync(Visitor secretariat, Dictionary<string, int> ids, string[] expected)
    {
        foreach (var (title, amount) in Titles.Zip(expected))
        {
            var form = await secretariat.Open($"/indsatser/{ids[title]}/forbrug");
            var recorded = await secretariat.Submit(form, new() { ["Input.AsOf"] = "2025-08-01", ["Input.ExpectedToCompletion"] = amount });
            Assert.True(recorded.Status == HttpStatusCode.Redirect, $"{title}: {recorded.Text("main")}");
        }
    }
}

public sealed class EconomyOnSqlite(UnfundedSqliteApp app) : EconomyScenarios(app), IClassFixture<UnfundedSqliteApp>;

public sealed class EconomyOnPostgres(UnfundedPostgresApp app) : EconomyScenarios(app), IClassFixture<UnfundedPostgresApp>;
