using Raad.Domain.Common;

namespace Raad.Domain.Money;

/// <summary>
/// The economy follow-up of a body's projects (Tabel 1 in "Økonomiopfølgning på sundhedsklyngemidler"),
/// computed from pools, grants and forecasts as of a day.
/// </summary>
public static class EconomyOverview
{
    /// <summary>
    /// Rows are the projects granted money from the pools, in project order. Without a forecast a project is
    /// taken to spend what it was granted, so a missing forecast never invents unspent money.
    /// </summary>
    public static EconomySnapshot Compute(IEnumerable<FundingPool> pools, DateOnly asOf, string? title = null)
    {
        var poolList = pools.ToList();
        var grants = poolList.SelectMany(p => p.Grants).Where(g => g.Date <= asOf && g.Project is not null).ToList();
        var rows = grants
            .GroupBy(g => g.Project!)
            .OrderBy(g => g.Key.Id).ThenBy(g => g.Min(x => x.Date))
            .Select(g =>
            {
                var granted = g.Where(x => !x.IsRemainderFunds).Sum(x => x.SignedAmount);
                var remainderGranted = g.Where(x => x.IsRemainderFunds).Sum(x => x.SignedAmount);
                var expected = g.Key.ForecastOn(asOf)?.ExpectedToCompletion ?? granted;
                return new EconomyRow(g.Key.Title, expected, granted, remainderGranted, Math.Max(0m, expected - granted));
            })
            .ToList();
        var received = poolList.SelectMany(p => p.Contributions).Where(c => c.Date is null || c.Date <= asOf).Sum(c => c.Amount);
        var grantedTotal = rows.Sum(r => r.Granted);
        var expectedTotal = rows.Sum(r => r.ExpectedSpend);
        var remainder = received - grantedTotal;
        var unspent = grantedTotal - expectedTotal;
        var totals = new EconomyTotals(received, grantedTotal, expectedTotal, unspent, remainder, remainder + unspent, rows.Sum(r => r.RemainderGranted));
        return new EconomySnapshot(asOf, title, rows, totals);
    }
}

/// <summary>One project's line in Tabel 1. <paramref name="Overspend"/> is what the forecast exceeds the ordinary grants by; 0 when it does not.</summary>
public sealed record EconomyRow(string Project, decimal ExpectedSpend, decimal Granted, decimal RemainderGranted, decimal Overspend)
{
    /// <summary>An overspend in words: "… forventer et forbrug på 2,05 mio. kr. mod tildelt 2 mio. kr.; merforbruget på 50.000 kr. dækkes af de tildelte restmidler (240.000 kr.)."</summary>
    public string OverspendText() =>
        $"{Project} forventer et forbrug på {DanishFormat.Kroner(ExpectedSpend)} mod tildelt {DanishFormat.Kroner(Granted)}; merforbruget på {DanishFormat.Kroner(Overspend)} " +
        (Status() == SpendStatus.OverspendCovered ? $"dækkes af de tildelte restmidler ({DanishFormat.Kroner(RemainderGranted)})." : "er ikke dækket.");

    public SpendStatus Status() => ExpectedSpend.CompareTo(Granted) switch
    {
        > 0 when ExpectedSpend <= Granted + RemainderGranted => SpendStatus.OverspendCovered,
        > 0 => SpendStatus.Overspend,
        < 0 => SpendStatus.Underspend,
        _ => SpendStatus.OnBudget,
    };
}

/// <summary>
/// The table's totals and what follows from them: received less granted is the remainder ("rest"); granted less
/// expected spend is unspent; together they are the remainder pool ("samlet restpulje"), of which
/// <paramref name="RemainderGranted"/> has been given to projects.
/// </summary>
public sealed record EconomyTotals(
    decimal Received,
    decimal Granted,
    decimal ExpectedSpend,
    decimal Unspent,
    decimal Remainder,
    decimal RemainderPool,
    decimal RemainderGranted)
{
    public decimal RemainderPoolLeft => RemainderPool - RemainderGranted;
}

/// <summary>
/// The overview as plain values, to freeze into an agenda item when it is published and to serialise as it is
/// (rows: project, expectedSpend, granted, remainderGranted, overspend; totals). Equal when every figure is.
/// </summary>
public sealed record EconomySnapshot(DateOnly AsOf, string? Title, IReadOnlyList<EconomyRow> Rows, EconomyTotals Totals)
{
    public static readonly IReadOnlyList<string> Header =
        ["", "Forventet forbrug frem til projektafslutning", "Tildelt pr. projekt", "Restmidler tildelt"];

    public bool Equals(EconomySnapshot? other) =>
        other is not null && AsOf == other.AsOf && Title == other.Title && Totals == other.Totals && Rows.SequenceEqual(other.Rows);

    public override int GetHashCode() => HashCode.Combine(AsOf, Title, Totals, Rows.Count);

    /// <summary>The table as printed: header, one line per project (empty cell for no remainder funds), and "I alt".</summary>
    public IReadOnlyList<IReadOnlyList<string>> Table()
    {
        var table = new List<IReadOnlyList<string>> { Header };
        table.AddRange(Rows.Select(r => (IReadOnlyList<string>)
            [r.Project, DanishFormat.Kroner(r.ExpectedSpend), DanishFormat.Kroner(r.Granted), r.RemainderGranted == 0 ? "" : DanishFormat.Kroner(r.RemainderGranted)]));
        table.Add(["I alt", DanishFormat.Kroner(Totals.ExpectedSpend), DanishFormat.Kroner(Totals.Granted),
            Totals.RemainderGranted == 0 ? "" : DanishFormat.Kroner(Totals.RemainderGranted)]);
        return table;
    }

    /// <summary>The prose around the table, as the secretariat writes it in the item's background.</summary>
    public string Summary(string bodyName)
    {
        var text = $"{bodyName} har samlet modtaget {DanishFormat.Kroner(Totals.Received)} og disponeret {DanishFormat.Kroner(Totals.Granted)} til projekter. " +
            $"Det efterlader {DanishFormat.Kroner(Totals.Remainder)} i rest.";
        if (Totals.Unspent > 0)
        {
            text += $" Derudover forventer ikke alle projekter at bruge alle tildelte midler, derfor er der yderligere {DanishFormat.Kroner(Totals.Unspent)} i uforbrugte midler. " +
                $"Det efterlader en samlet restpulje på {DanishFormat.Kroner(Totals.RemainderPool)}";
        }
        foreach (var row in Rows.Where(r => r.Overspend > 0))
        {
            text += " " + row.OverspendText();
        }
        return text;
    }
}
