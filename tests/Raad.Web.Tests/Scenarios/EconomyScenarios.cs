using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Money;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The 2023 grants of Syd recorded against the decisions of 18 January and 26 April 2023 (the demo's own items),
/// stored, and read back as the economy overview: JSON, CSV, XLSX and the chart. Pages for recording them come later;
/// here the domain's own steps write them, as a page will.
/// </summary>
public abstract class EconomyScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    [Fact]
    public async Task The_2023_grants_decided_in_january_and_raised_in_april_add_up_in_the_overview_in_every_format()
    {
        using var citizen = app.Anonymous();
        var syd = await citizen.BodyId(Syd);
        await RecordGrants2023Async(syd);

        var economy = await citizen.GetJson($"/api/bodies/{syd}/economy?asOf=2023-12-31");

        var rows = economy.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("project").GetString(), r.GetProperty("granted").GetDecimal(), r.GetProperty("expectedSpend").GetDecimal())).ToList();
        Assert.Equal([("Den gode start på livet - fælles ammeindsats", 1_000_000m, 1_000_000m), ("Tværsektoriel indsats om overvægt", 2_000_000m, 2_000_000m)], rows);
        var totals = economy.GetProperty("totals");
        Assert.Equal(7_803_439m, totals.GetProperty("received").GetDecimal());
        Assert.Equal(3_000_000m, totals.GetProperty("granted").GetDecimal());
        Assert.Equal(4_803_439m, totals.GetProperty("remainder").GetDecimal());
        // Before the April decision only the January amounts count.
        var january = await citizen.GetJson($"/api/bodies/{syd}/economy?asOf=2023-02-01");
        Assert.Equal(1_500_000m, january.GetProperty("totals").GetProperty("granted").GetDecimal());

        var csv = await citizen.Download($"/api/bodies/{syd}/economy.csv?asOf=2023-12-31");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        var text = System.Text.Encoding.UTF8.GetString(csv.Content);
        Assert.Contains("Den gode start på livet - fælles ammeindsats;1000000;1000000;0", text, StringComparison.Ordinal);
        Assert.Contains("7803439", text, StringComparison.Ordinal);

        var xlsx = await citizen.Download($"/api/bodies/{syd}/economy.xlsx?asOf=2023-12-31");
        Assert.Equal(HttpStatusCode.OK, xlsx.Status);
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(xlsx.Content), false))
        {
            var numbers = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>()
                .Where(c => c.DataType is null && c.CellValue is not null).Select(c => decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Contains(7_803_439m, numbers);
            Assert.Contains(2_000_000m, numbers);
        }

        var svg = await citizen.Download($"/api/bodies/{syd}/economy.svg?asOf=2023-12-31");
        Assert.Equal("image/svg+xml", svg.ContentType);
        var chart = System.Xml.Linq.XElement.Parse(System.Text.Encoding.UTF8.GetString(svg.Content));
        Assert.Equal("img", chart.Attribute("role")?.Value);
        Assert.DoesNotContain(chart.Descendants(), e => e.Name.LocalName == "script");

        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Download("/api/bodies/999999/economy")).Status);

        // The page: the table, the figures below it, the chart inline and the downloads for the same day.
        var page = await citizen.Open($"/udvalg/{syd}/oekonomi?pr=2023-12-31");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Den gode start på livet - fælles ammeindsats", "Tværsektoriel indsats om overvægt"],
            page.Document.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()));
        Assert.Contains("7.803.439 kr.", page.Text("dl.raad-meta"), StringComparison.Ordinal);
        Assert.Contains("3 mio. kr.", page.Text("tfoot"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("figure svg[role=img]"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/api/bodies/{syd}/economy.xlsx?asOf=2023-12-31']"));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Open("/udvalg/999999/oekonomi")).Status);
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

    /// <summary>
    /// 18 January 2023, item 3 ("Beslutning om indsatser på det somatiske område for 2023"): breastfeeding 500.000 kr.,
    /// overweight 1 mio. kr.; 26 April 2023, item 3: both raised, to 1 and 2 mio. kr. Funds: 3.936.286 + 3.867.153 kr.
    /// </summary>
    private async Task RecordGrants2023Async(int syd)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var items = await db.AgendaItems.Include(i => i.Meeting)
            .Where(i => i.Meeting!.BodyId == syd && i.Number == 3
                && (i.Meeting.Date == new DateOnly(2023, 1, 18) || i.Meeting.Date == new DateOnly(2023, 4, 26)))
            .ToListAsync(TestContext.Current.CancellationToken);
        var january = items.Single(i => i.Meeting!.Date.Month == 1);
        var april = items.Single(i => i.Meeting!.Date.Month == 4);

        var pool = new FundingPool { BodyId = syd, Year = 2023, Name = "Klyngemidler 2023" };
        Assert.True(pool.AddContribution("Kommunerne", 3_936_286m, MemberGroup.Municipal, null, new DateOnly(2023, 1, 18)).IsSuccess);
        Assert.True(pool.AddContribution("Regionen", 3_867_153m, MemberGroup.Regional, null, new DateOnly(2023, 1, 18)).IsSuccess);
        var breastfeeding = new Project { BodyId = syd, Title = "Den gode start på livet - fælles ammeindsats" };
        var overweight = new Project { BodyId = syd, Title = "Tværsektoriel indsats om overvægt" };
        foreach (var (project, kind, amount, item) in new[]
                 {
                     (breastfeeding, GrantKind.Grant, 500_000m, january), (overweight, GrantKind.Grant, 1_000_000m, january),
                     (breastfeeding, GrantKind.Increase, 500_000m, april), (overweight, GrantKind.Increase, 1_000_000m, april),
                 })
        {
            var grant = Grant.Record(pool, project, kind, amount, item.Meeting!.Date, item);
            Assert.True(grant.IsSuccess, grant.Errors is { Count: > 0 } e ? e[0].Message : "");
        }
        db.FundingPools.Add(pool);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class EconomyOnSqlite(SqliteApp app) : EconomyScenarios(app), IClassFixture<SqliteApp>;

public sealed class EconomyOnPostgres(PostgresApp app) : EconomyScenarios(app), IClassFixture<PostgresApp>;
