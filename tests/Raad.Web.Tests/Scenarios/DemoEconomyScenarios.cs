using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Tests.Economy;
using Raad.Web.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The demo's money as the public and the secretariat meet it: the 27 August 2025 agenda's Tabel 1, computed from the
/// stored pools, grants and forecasts and frozen when the agenda went out; its downloads, opened in LibreOffice; and a
/// table that stays as published when the money changes afterwards.
/// </summary>
public abstract class DemoEconomyScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private static readonly DateOnly August2025 = new(2025, 8, 27);

    [Fact]
    public async Task The_27_august_2025_agenda_item_5_prints_tabel_1_computed_from_the_data_and_equal_to_the_seed()
    {
        using var citizen = app.Anonymous();
        var syd = await citizen.BodyId(Syd);
        var august = await citizen.MeetingId(syd, "2025-08-27");

        var agenda = await citizen.Open($"/moeder/{august}/dagsorden");
        var printed = EconomyScenarios.TableOf(agenda);
        Assert.Equal(Tabel1.Printed(), printed);
        Assert.Equal(9, printed.Count);
        Assert.Contains("Implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet forventer et forbrug på 2,05 mio. kr. mod tildelt 2 mio. kr.",
            agenda.Text(".raad-overspend"), StringComparison.Ordinal);

        // Frozen at publication, and equal to what the stored data give for that day.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var item = await db.AgendaItems.AsNoTracking().SingleAsync(i => i.MeetingId == august && i.Number == 5, TestContext.Current.CancellationToken);
            Assert.NotNull(item.EconomyTable);
            Assert.Equal(new DateOnly(2025, 8, 15), item.EconomyTable!.AsOf);
            var pools = await db.FundingPools.Where(p => p.BodyId == syd).Include(p => p.Contributions)
                .Include(p => p.Grants).ThenInclude(g => g.Project!).ThenInclude(p => p.Forecasts).AsSplitQuery()
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(EconomyOverview.Compute(pools, item.EconomyTable.AsOf, item.EconomyTable.Title), item.EconomyTable);
        }

        // The API gives the same figures, for the day and as the published item holds them.
        EconomyScenarios.AssertTabel1(await citizen.GetJson($"/api/bodies/{syd}/economy?asOf=2025-08-27"));
        var items = (await citizen.GetJson($"/api/meetings/{august}")).GetProperty("items").EnumerateArray().ToList();
        var economy = items.Single(i => i.GetProperty("number").GetInt32() == 5).GetProperty("economy");
        Assert.Equal("2025-08-15", economy.GetProperty("asOf").GetString());
        EconomyScenarios.AssertTabel1(economy);
        Assert.All(items.Where(i => i.GetProperty("number").GetInt32() != 5), i => Assert.Equal(System.Text.Json.JsonValueKind.Null, i.GetProperty("economy").ValueKind));

        // The Word edition has the same table.
        var docx = await citizen.Download($"/api/meetings/{august}/agenda.docx");
        Assert.Equal(HttpStatusCode.OK, docx.Status);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx.Content), false);
        var table = word.MainDocumentPart!.Document!.Body!.Descendants<W.Table>().Single();
        Assert.Equal(Tabel1.Printed(), [.. table.Elements<W.TableRow>().Select(r => (IReadOnlyList<string>)[.. r.Elements<W.TableCell>().Select(c => c.InnerText)])]);
    }

    [Fact]
    public async Task The_overview_downloads_open_with_the_same_numbers_and_the_xlsx_in_libreoffice()
    {
        using var citizen = app.Anonymous();
        var syd = await citizen.BodyId(Syd);
        var expected = Tabel1.Snapshot();

        var xlsx = await citizen.Download($"/api/bodies/{syd}/economy.xlsx?asOf=2025-08-27");
        Assert.Equal(HttpStatusCode.OK, xlsx.Status);
        var sheet = await LibreOffice.OpenAsCsvAsync(xlsx.Content);
        Assert.StartsWith("Økonomiopfølgning – Politisk Sundhedsklynge Syd – 27. august 2025", sheet[0][0], StringComparison.Ordinal);
        var rows = sheet.SkipWhile(r => r[0] != "Projekt").Skip(1).TakeWhile(r => r[0] != "I alt")
            .Select(r => new EconomyRow(r[0], Number(r[1]), Number(r[2]), Number(r[3]), Math.Max(0, Number(r[1]) - Number(r[2])))).ToList();
        Assert.Equal(expected.Rows, rows);
        var sum = sheet.Single(r => r[0] == "I alt");
        Assert.Equal((15_120_000m, 15_400_000m, 480_000m), (Number(sum[1]), Number(sum[2]), Number(sum[3])));
        var totals = sheet.SkipWhile(r => r[0] != "I alt").Skip(1).Where(r => r[0].Length > 0).ToDictionary(r => r[0], r => Number(r[1]));
        Assert.Equal(15_600_000m, totals["Modtaget"]);
        Assert.Equal(200_000m, totals["Rest"]);
        Assert.Equal(280_000m, totals["Ikke forbrugt"]);
        Assert.Equal(480_000m, totals["Samlet restpulje"]);

        var csv = await citizen.Download($"/api/bodies/{syd}/economy.csv?asOf=2025-08-27");
        var text = System.Text.Encoding.UTF8.GetString(csv.Content);
        Assert.Contains($"{Tabel1.ChildPsychiatry};2050000;2000000;240000;Merforbrug dækket af restmidler", text, StringComparison.Ordinal);
        Assert.Contains("I alt;15120000;15400000;480000", text, StringComparison.Ordinal);

        var svg = await citizen.Download($"/api/bodies/{syd}/economy.svg?asOf=2025-08-27");
        Assert.Equal("image/svg+xml", svg.ContentType);
        var chart = System.Xml.Linq.XElement.Parse(System.Text.Encoding.UTF8.GetString(svg.Content));
        Assert.Equal("img", chart.Attribute("role")?.Value);
        Assert.DoesNotContain(chart.Descendants(), e => e.Name.LocalName == "script");
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Download("/api/bodies/999999/economy")).Status);

        var page = await citizen.Open($"/udvalg/{syd}/oekonomi?pr=2025-08-27");
        Assert.Equal(expected.Rows.Select(r => r.Project), page.Document.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()));
        Assert.Contains("15,6 mio. kr.", page.Text("dl.raad-meta"), StringComparison.Ordinal);
        Assert.Contains("480.000 kr.", page.Text("dl.raad-meta"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("figure svg[role=img]"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/api/bodies/{syd}/economy.xlsx?asOf=2025-08-27']"));
    }

    [Fact]
    public async Task Publishing_an_agenda_freezes_its_economy_table_and_a_later_grant_leaves_the_published_table_as_it_was()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        const string date = "2025-12-04";
        var planned = await secretariat.PlanMeeting(syd, new MeetingPlan(date, "13:30", "15:30"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, planned.Text("[role=alert]"));
        var meeting = await secretariat.MeetingId(syd, date);
        await secretariat.AddItem(meeting, "Endeligt regnskab for klyngemidlerne", kind: "Information");
        var item = await secretariat.ItemId(meeting, "Endeligt regnskab for klyngemidlerne");
        var edit = await secretariat.Open($"/punkter/{item}/rediger");
        var saved = await secretariat.Submit(edit, new() { ["Input.EconomyAsOf"] = date });
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Text("[role=alert]"));

        // The draft computes the table afresh: the same figures as Tabel 1, nothing having changed since.
        Assert.Equal(Tabel1.Printed(), EconomyScenarios.TableOf(await secretariat.Open($"/moeder/{meeting}/dagsorden")));
        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished", "Udsendt sent i demoen.");
        Assert.True(published.Status == HttpStatusCode.Redirect, published.Text("[role=alert]"));

        // 100.000 kr. more for the follow-up research, dated before the table's day: a live table would change.
        var form = await secretariat.Open($"/udvalg/{syd}/bevillinger/ny");
        var granted = await secretariat.Submit(form, new()
        {
            ["Input.ProjectId"] = EconomyScenarios.Option(form, "Input_ProjectId", "Følgeforskning ifm. Den gode overgang"),
            ["Input.PoolId"] = EconomyScenarios.Option(form, "Input_PoolId", "Klyngemidler 2024"),
            ["Input.Kind"] = "Increase",
            ["Input.Amount"] = "100.000",
            ["Input.DecidedByItemId"] = EconomyScenarios.Option(form, "Input_DecidedByItemId", "18. marts 2024, punkt 1:"),
            ["Input.Date"] = "2025-12-01",
        });
        Assert.True(granted.Status == HttpStatusCode.Redirect, granted.Text("main"));
        using var citizen = app.Anonymous();
        var now = await citizen.GetJson($"/api/bodies/{syd}/economy?asOf={date}");
        Assert.Equal(15_500_000m, now.GetProperty("totals").GetProperty("granted").GetDecimal());

        var table = EconomyScenarios.TableOf(await citizen.Open($"/moeder/{meeting}/dagsorden"));
        Assert.Equal(Tabel1.Printed(), table);
        Assert.Equal("15,4 mio. kr.", table[^1][2]);
        // The 27 August agenda, frozen on 15 August, is untouched too.
        var august = await citizen.MeetingId(syd, "2025-08-27");
        Assert.Equal(Tabel1.Printed(), EconomyScenarios.TableOf(await citizen.Open($"/moeder/{august}/dagsorden")));
    }

    [Fact]
    public async Task Two_grants_sent_at_once_against_the_same_remainder_cannot_both_be_recorded()
    {
        using var first = await app.SignInAs(Role.Secretariat);
        using var second = await app.SignInAs(Role.Secretariat);
        var syd = await first.BodyId(Syd);
        var pools = await first.Open($"/udvalg/{syd}/puljer");
        var created = await first.Submit(pools, new() { ["Pool.Name"] = "Pulje til samtidige bevillinger (test)", ["Pool.Year"] = "2032" });
        var pool = created.RedirectTo!.Fragment.Replace("#pulje-", "", StringComparison.Ordinal);
        var form = (await first.Open($"/udvalg/{syd}/puljer")).FormWithValue("Contribution.PoolId", pool);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitForm(form, new() { ["Contribution.Source"] = "Regionen", ["Contribution.Amount"] = "100.000", ["Contribution.Date"] = "2032-01-02" })).Status);

        // Paid in 2032, so the other tests' overviews of 2025 do not count it. Both forms show 100.000 kr. left; each asks for 80.000 kr.
        var forms = new[] { await first.Open($"/udvalg/{syd}/bevillinger/ny"), await second.Open($"/udvalg/{syd}/bevillinger/ny") };
        Dictionary<string, string> Fields(HtmlPage page) => new()
        {
            ["Input.ProjectId"] = EconomyScenarios.Option(page, "Input_ProjectId", "Følgeforskning ifm. Den gode overgang"),
            ["Input.PoolId"] = EconomyScenarios.Option(page, "Input_PoolId", "Pulje til samtidige bevillinger (test)"),
            ["Input.Kind"] = "Increase",
            ["Input.Amount"] = "80.000",
            ["Input.DecidedByItemId"] = EconomyScenarios.Option(page, "Input_DecidedByItemId", "18. marts 2024, punkt 1:"),
            ["Input.Date"] = "2032-01-10",
        };
        var answers = await Task.WhenAll(first.Submit(forms[0], Fields(forms[0])), second.Submit(forms[1], Fields(forms[1])));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Matches("ændret af en anden|kun 20.000 kr. tilbage", refused.Text("main"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = int.Parse(pool, CultureInfo.InvariantCulture);
        Assert.Equal(80_000m, (await db.Grants.Where(g => g.FundingPoolId == id).ToListAsync(TestContext.Current.CancellationToken)).Sum(g => g.Amount));
    }

    [Fact]
    public async Task Holbaeks_portfolio_lists_its_eight_initiatives_by_target_group_with_their_owners_as_in_its_minutes()
    {
        using var citizen = app.Anonymous();
        var holbaek = await citizen.BodyId("HOL Sundhedsklynge Politisk Forum");
        var page = await citizen.Open($"/udvalg/{holbaek}/indsatser?efter=maalgruppe");
        var groups = page.Document.QuerySelectorAll("table.raad-portfolio tbody").ToDictionary(
            body => body.QuerySelector("th[scope=colgroup]")!.TextContent.Trim(),
            body => body.QuerySelectorAll("tr:not(:first-child)").Select(tr => $"{tr.Children[0].TextContent.Trim()} – {tr.Children[1].TextContent.Trim()}").ToList());
        // 003 item 3, "Godkendte indsatser i Holbæk Sundhedsklyngen": target group, initiative, owner.
        Assert.Equal(["Borgere med kronisk eller langvarig sygdom", "Børn og unges trivsel", "Sårbare ældre", "Voksne med psykisk sygdom"], groups.Keys);
        Assert.Equal(["Samarbejde om henvisninger til børne- og ungepsykiatrien – Holbæk Kommune", "Sammen om sunde familier – Holbæk Sygehus"],
            groups["Børn og unges trivsel"]);
        Assert.Equal(["Tværsektorielle video-møder – Kalundborg Kommune", "Palliation og den sidste tid – Holbæk Kommune"],
            groups["Borgere med kronisk eller langvarig sygdom"]);
        Assert.Equal(
        [
            "Reduktion af genindlæggelser ved implementering af 72 timers behandlingsansvar – Holbæk Sygehus",
            "Bedre udskrivelser og forebyggelse af akutte kontakter – Holbæk Sygehus",
        ], groups["Sårbare ældre"]);
        Assert.Equal(
        [
            "Videreudvikling og robust implementering af IPS (Individuelt Planlagt job med Støtte) – Psykiatrien",
            "IPS-botilbud til personer på midlertidige bosteder – Psykiatrien",
        ], groups["Voksne med psykisk sygdom"]);
    }

    [Fact]
    public async Task The_database_refuses_a_grant_without_the_decision_that_made_it()
    {
        using var citizen = app.Anonymous();
        var syd = await citizen.BodyId(Syd);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pool = new FundingPool { BodyId = syd, Year = 2031, Name = "Pulje uden beslutninger (test)" };
        var project = new Project { BodyId = syd, Title = "Projekt uden beslutning (test)" };
        db.AddRange(pool, project);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        // Past the domain's own check (Grant.Record refuses it too): the database is the last word.
        db.Grants.Add(new Grant { FundingPoolId = pool.Id, ProjectId = project.Id, Kind = GrantKind.Grant, Amount = 100_000m, Date = new DateOnly(2031, 1, 1) });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    private static decimal Number(string cell) => cell.Length == 0 ? 0m : decimal.Parse(cell, NumberStyles.Number, CultureInfo.InvariantCulture);
}

public sealed class DemoEconomyOnSqlite(SqliteApp app) : DemoEconomyScenarios(app), IClassFixture<SqliteApp>;

public sealed class DemoEconomyOnPostgres(PostgresApp app) : DemoEconomyScenarios(app), IClassFixture<PostgresApp>;
