using Microsoft.EntityFrameworkCore;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Audit;
using static Raad.Web.Infrastructure.ApiFormat;

namespace Raad.Web.Features.Economy;

public sealed record EconomyRowDto(string Project, decimal ExpectedSpend, decimal Granted, decimal RemainderGranted, decimal Overspend, string Status);

public sealed record EconomyTotalsDto(decimal Received, decimal Granted, decimal ExpectedSpend, decimal Unspent, decimal Remainder, decimal RemainderPool, decimal RemainderGranted);

public sealed record EconomyDto(int BodyId, string Body, string AsOf, IReadOnlyList<EconomyRowDto> Rows, EconomyTotalsDto Totals);

/// <summary>A body's economy overview (Tabel 1), computed from its pools, grants and forecasts, as of a day.</summary>
public sealed class EconomyQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<(string Body, EconomySnapshot Snapshot)?> ForBodyAsync(int bodyId, DateOnly? asOf, CancellationToken ct) =>
        await LoadAsync(bodyId, ct) is { } found ? (found.Body, EconomyOverview.Compute(found.Pools, asOf ?? Clock.Today(clock), Title(found.Body))) : null;

    /// <summary>The table's caption, as 000 prints it: "Økonomioverblik for projekter i Politisk Sundhedsklynge Syd".</summary>
    public static string Title(string body) => $"Økonomioverblik for projekter i {body}";

    /// <summary>
    /// The tables the items print: frozen once the agenda is published, computed afresh while it is a draft. The
    /// body's pools are read once, and only when an item needs a table computed.
    /// </summary>
    public async Task<IReadOnlyDictionary<Domain.Agenda.AgendaItem, EconomySnapshot>> TablesAsync(int bodyId,
        IReadOnlyCollection<Domain.Agenda.AgendaItem> items, CancellationToken ct)
    {
        var tables = items.Where(i => i.EconomyTable is not null).ToDictionary(i => i, i => i.EconomyTable!);
        var live = items.Where(i => i.EconomyTable is null && i.EconomyAsOf is not null).ToList();
        if (live.Count > 0 && await LoadAsync(bodyId, ct) is { } found)
        {
            foreach (var item in live)
            {
                tables[item] = EconomyOverview.Compute(found.Pools, item.EconomyAsOf!.Value, Title(found.Body));
            }
        }
        return tables;
    }

    /// <summary>
    /// Freezes the overview of every item of a meeting that prints one and has none frozen, on tracked items; the caller
    /// saves, in the same transaction as the publication. Returns how many were frozen.
    /// </summary>
    public async Task<int> FreezeAsync(Domain.Meetings.Meeting meeting, CancellationToken ct) =>
        (await TablesAsync(meeting.BodyId, meeting.Items, ct)).Count(t => t.Key.FreezeEconomy(t.Value));

    private async Task<(string Body, List<FundingPool> Pools)?> LoadAsync(int bodyId, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == bodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return null;
        }
        // Pools with their grants' projects and forecasts. Tracked, so the context gives each project one object (its
        // grants from several pools add up in one row) and links each pool to the one before it (carry-over).
        var pools = await db.FundingPools.Where(p => p.BodyId == bodyId)
            .Include(p => p.Contributions)
            .Include(p => p.Grants).ThenInclude(g => g.Project!).ThenInclude(p => p.Forecasts)
            .AsSplitQuery().ToListAsync(ct);
        return (body, pools);
    }

    public static EconomyDto Dto(int bodyId, string body, EconomySnapshot s) => new(
        bodyId, body, Iso(s.AsOf),
        [.. s.Rows.Select(r => new EconomyRowDto(r.Project, r.ExpectedSpend, r.Granted, r.RemainderGranted, r.Overspend, Camel(r.Status())))],
        new EconomyTotalsDto(s.Totals.Received, s.Totals.Granted, s.Totals.ExpectedSpend, s.Totals.Unspent, s.Totals.Remainder,
            s.Totals.RemainderPool, s.Totals.RemainderGranted));
}

public static class EconomyApi
{
    /// <summary>The body's overview as <paramref name="answer"/> makes it, or 404.</summary>
    private static async Task<IResult> Answer(int id, DateOnly? asOf, EconomyQuery query, CancellationToken ct,
        Func<string, EconomySnapshot, IResult> answer) =>
        await query.ForBodyAsync(id, asOf, ct) is { } found
            ? answer(found.Body, found.Snapshot)
            : Results.Problem(statusCode: 404, title: "Udvalget findes ikke.");

    public static void MapEconomyApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bodies/{id:int}/economy", (int id, DateOnly? asOf, EconomyQuery query, CancellationToken ct) =>
            Answer(id, asOf, query, ct, (body, s) => Results.Ok(EconomyQuery.Dto(id, body, s)))).Needs(Permission.Public)
        .WithName("GetBodyEconomy").WithSummary("Et udvalgs økonomiopfølgning (Tabel 1): tildelt, forventet forbrug og restmidler pr. projekt, i kroner.")
        .Produces<EconomyDto>();

        api.MapGet("/bodies/{id:int}/economy.csv", (int id, DateOnly? asOf, EconomyQuery query, CancellationToken ct) =>
            Answer(id, asOf, query, ct, (body, s) => Results.File(EconomyExport.Csv(s, body), EconomyExport.CsvContentType, $"okonomi-{Iso(s.AsOf)}.csv"))).Needs(Permission.Public).RecordsExport("Body")
        .WithName("GetBodyEconomyCsv").WithSummary("Økonomiopfølgningen som CSV (semikolon, UTF-8).");

        api.MapGet("/bodies/{id:int}/economy.xlsx", (int id, DateOnly? asOf, EconomyQuery query, CancellationToken ct) =>
            Answer(id, asOf, query, ct, (body, s) => Results.File(EconomyExport.Xlsx(s, body), EconomyExport.XlsxContentType, $"okonomi-{Iso(s.AsOf)}.xlsx"))).Needs(Permission.Public).RecordsExport("Body")
        .WithName("GetBodyEconomyXlsx").WithSummary("Økonomiopfølgningen som regneark (XLSX).");

        api.MapGet("/bodies/{id:int}/economy.svg", (int id, DateOnly? asOf, EconomyQuery query, CancellationToken ct) =>
            Answer(id, asOf, query, ct, (_, s) => Results.Text(EconomyChart.Svg(s), "image/svg+xml; charset=utf-8"))).Needs(Permission.Public)
        .WithName("GetBodyEconomyChart").WithSummary("Tildelt mod forventet forbrug pr. projekt som SVG (uden script).");
    }
}
