using Microsoft.EntityFrameworkCore;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using static Raad.Web.Infrastructure.ApiFormat;

namespace Raad.Web.Features.Economy;

public sealed record EconomyRowDto(string Project, decimal ExpectedSpend, decimal Granted, decimal RemainderGranted, decimal Overspend, string Status);

public sealed record EconomyTotalsDto(decimal Received, decimal Granted, decimal ExpectedSpend, decimal Unspent, decimal Remainder, decimal RemainderPool, decimal RemainderGranted);

public sealed record EconomyDto(int BodyId, string Body, string AsOf, IReadOnlyList<EconomyRowDto> Rows, EconomyTotalsDto Totals);

/// <summary>A body's economy overview (Tabel 1), computed from its pools, grants and forecasts, as of a day.</summary>
public sealed class EconomyQuery(AppDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<(string Body, EconomySnapshot Snapshot)?> ForBodyAsync(int bodyId, DateOnly? asOf, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == bodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return null;
        }
        // Pools with their grants' projects and forecasts; a pool's carry-over needs the pools before it, all in this body.
        var pools = await db.FundingPools.AsNoTracking().Where(p => p.BodyId == bodyId)
            .Include(p => p.Contributions)
            .Include(p => p.Grants).ThenInclude(g => g.Project!).ThenInclude(p => p.Forecasts)
            .AsSplitQuery().ToListAsync(ct);
        foreach (var pool in pools)
        {
            pool.Previous = pools.FirstOrDefault(p => p.Id == pool.PreviousId);
        }
        // One project object per id, so its grants from several pools add up in one row.
        var projects = pools.SelectMany(p => p.Grants).Select(g => g.Project!).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var grant in pools.SelectMany(p => p.Grants))
        {
            grant.Project = projects[grant.ProjectId];
        }
        return (body, EconomyOverview.Compute(pools, asOf ?? Clock.Today(clock)));
    }

    public static EconomyDto Dto(int bodyId, string body, EconomySnapshot s) => new(
        bodyId, body, Iso(s.AsOf),
        [.. s.Rows.Select(r => new EconomyRowDto(r.Project, r.ExpectedSpend, r.Granted, r.RemainderGranted, r.Overspend, Camel(r.Status())))],
        new EconomyTotalsDto(s.Totals.Received, s.Totals.Granted, s.Totals.ExpectedSpend, s.Totals.Unspent, s.Totals.Remainder,
            s.Totals.RemainderPool, s.Totals.RemainderGranted));
}

public static class EconomyApi
{
    public static void MapEconomyApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bodies/{id:int}/economy", async (int id, DateOnly? asOf, EconomyQuery query, CancellationToken ct) =>
            await query.ForBodyAsync(id, asOf, ct) is { } found
                ? Results.Ok(EconomyQuery.Dto(id, found.Body, found.Snapshot))
                : Results.Problem(statusCode: 404, title: "Udvalget findes ikke."))
        .WithName("GetBodyEconomy").WithSummary("Et udvalgs økonomiopfølgning (Tabel 1): tildelt, forventet forbrug og restmidler pr. projekt, i kroner.")
        .Produces<EconomyDto>();

        api.MapGet("/bodies/{id:int}/economy.csv", async (int id, DateOnly? asOf, EconomyQuery query, CancellationToken ct) =>
            await query.ForBodyAsync(id, asOf, ct) is { } found
                ? Results.File(EconomyExport.Csv(found.Snapshot, found.Body), EconomyExport.CsvContentType, $"okonomi-{Iso(found.Snapshot.AsOf)}.csv")
                : Results.Problem(statusCode: 404, title: "Udvalget findes ikke."))
        .WithName("GetBodyEconomyCsv").WithSummary("Økonomiopfølgningen som CSV (semikolon, UTF-8).");

        api.MapGet("/bodies/{id:int}/economy.xlsx", async (int id, DateOnly? asOf, EconomyQuery query, CancellationToken ct) =>
            await query.ForBodyAsync(id, asOf, ct) is { } found
                ? Results.File(EconomyExport.Xlsx(found.Snapshot, found.Body), EconomyExport.XlsxContentType, $"okonomi-{Iso(found.Snapshot.AsOf)}.xlsx")
                : Results.Problem(statusCode: 404, title: "Udvalget findes ikke."))
        .WithName("GetBodyEconomyXlsx").WithSummary("Økonomiopfølgningen som regneark (XLSX).");

        api.MapGet("/bodies/{id:int}/economy.svg", async (int id, DateOnly? asOf, EconomyQuery query, CancellationToken ct) =>
            await query.ForBodyAsync(id, asOf, ct) is { } found
                ? Results.Text(EconomyChart.Svg(found.Snapshot), "image/svg+xml; charset=utf-8")
                : Results.Problem(statusCode: 404, title: "Udvalget findes ikke."))
        .WithName("GetBodyEconomyChart").WithSummary("Tildelt mod forventet forbrug pr. projekt som SVG (uden script).");
    }
}
