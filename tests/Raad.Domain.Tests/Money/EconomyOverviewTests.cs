using System.Text.Json;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Money;

/// <summary>Tabel 1 of the agenda of 27 August 2025, computed from Syd's pools, grants and forecasts.</summary>
public class EconomyOverviewTests
{
    private static EconomySnapshot Tabel1(SydMoney syd) => EconomyOverview.Compute(syd.Pools, SydMoney.August2025, "Økonomioverblik for projekter i Sundhedsklynge Syd");

    [Fact]
    public void Received_is_15_6_million_granted_15_4_million_and_the_remainder_200_000()
    {
        var totals = Tabel1(new SydMoney()).Totals;

        Assert.Equal(15_600_000m, totals.Received);
        Assert.Equal(15_400_000m, totals.Granted);
        Assert.Equal(200_000m, totals.Remainder);
        Assert.Equal("15,6 mio. kr.", DanishFormat.Kroner(totals.Received));
        Assert.Equal("15,4 mio. kr.", DanishFormat.Kroner(totals.Granted));
        Assert.Equal("200.000 kr.", DanishFormat.Kroner(totals.Remainder));
    }

    [Fact]
    public void Granted_is_the_sum_of_the_seven_projects_4_2_4_1_2_2_2_2()
    {
        var rows = Tabel1(new SydMoney()).Rows;

        Assert.Equal([4_000_000m, 2_400_000m, 1_000_000m, 2_000_000m, 2_000_000m, 2_000_000m, 2_000_000m], rows.Select(r => r.Granted));
        Assert.Equal(rows.Sum(r => r.Granted), Tabel1(new SydMoney()).Totals.Granted);
    }

    [Fact]
    public void Expected_spend_is_15_12_million_so_280_000_is_unspent_and_the_pool_is_480_000()
    {
        var snapshot = Tabel1(new SydMoney());

        Assert.Equal([4_000_000m, 2_400_000m, 1_000_000m, 2_000_000m, 1_990_000m, 1_680_000m, 2_050_000m], snapshot.Rows.Select(r => r.ExpectedSpend));
        Assert.Equal(15_120_000m, snapshot.Totals.ExpectedSpend);
        Assert.Equal(280_000m, snapshot.Totals.Unspent);
        Assert.Equal(480_000m, snapshot.Totals.RemainderPool);
        Assert.Equal(snapshot.Totals.Remainder + snapshot.Totals.Unspent, snapshot.Totals.RemainderPool);
        Assert.Equal("15,12 mio. kr.", DanishFormat.Kroner(snapshot.Totals.ExpectedSpend));
        Assert.Equal("280.000 kr.", DanishFormat.Kroner(snapshot.Totals.Unspent));
        Assert.Equal("480.000 kr.", DanishFormat.Kroner(snapshot.Totals.RemainderPool));
    }

    [Fact]
    public void The_remainder_pool_went_240_000_each_to_the_transition_and_the_child_psychiatry_projects_by_the_decision_of_18_March_2024()
    {
        var syd = new SydMoney();
        var snapshot = Tabel1(syd);

        var withRemainder = snapshot.Rows.Where(r => r.RemainderGranted > 0).ToList();
        Assert.Equal([syd.Transition.Title, syd.ChildPsychiatry.Title], withRemainder.Select(r => r.Project));
        Assert.All(withRemainder, r => Assert.Equal("240.000 kr.", DanishFormat.Kroner(r.RemainderGranted)));
        Assert.Equal(480_000m, snapshot.Totals.RemainderGranted);
        Assert.Equal(0m, snapshot.Totals.RemainderPoolLeft);
        var remainderGrants = syd.Pools.SelectMany(p => p.Grants).Where(g => g.IsRemainderFunds).ToList();
        Assert.All(remainderGrants, g => Assert.Same(syd.RemainderDecision, g.DecidedByItem));
        Assert.All(remainderGrants, g => Assert.Equal(new DateOnly(2024, 3, 18), g.DecidedByItem!.Meeting!.Date));
    }

    [Fact]
    public void The_child_psychiatry_project_overspends_2_05_against_2_million_covered_by_its_remainder_grant()
    {
        var syd = new SydMoney();
        var rows = Tabel1(syd).Rows;

        var child = Assert.Single(rows, r => r.Overspend > 0);
        Assert.Equal(syd.ChildPsychiatry.Title, child.Project);
        Assert.Equal("2,05 mio. kr.", DanishFormat.Kroner(child.ExpectedSpend));
        Assert.Equal("2 mio. kr.", DanishFormat.Kroner(child.Granted));
        Assert.Equal(50_000m, child.Overspend);
        Assert.Equal(SpendStatus.OverspendCovered, child.Status());
        Assert.Equal(SpendStatus.Underspend, rows.Single(r => r.Project == syd.AdultPsychiatry.Title).Status());
        Assert.Equal(SpendStatus.OnBudget, rows.Single(r => r.Project == syd.Transition.Title).Status());
    }

    [Fact]
    public void An_overspend_beyond_the_remainder_grant_is_flagged_uncovered()
    {
        Assert.Equal(SpendStatus.Overspend, new EconomyRow("X", 2_300_000m, 2_000_000m, 240_000m, 300_000m).Status());
    }

    [Fact]
    public void The_table_prints_as_Tabel_1()
    {
        var table = Tabel1(new SydMoney()).Table();

        Assert.Equal(["Den gode overgang – fra indlæggelse til udskrivelse", "4 mio. kr.", "4 mio. kr.", "240.000 kr."], table[1]);
        Assert.Equal(["Styrkelse af midlertidige pladser ifm. Den gode overgang", "1 mio. kr.", "1 mio. kr.", ""], table[3]);
        Assert.Equal(["Tværsektoriel indsats om overvægt", "1,99 mio. kr.", "2 mio. kr.", ""], table[5]);
        Assert.Equal(["Implementering af samarbejdsaftalen på voksenpsykiatriområdet", "1,68 mio. kr.", "2 mio. kr.", ""], table[6]);
        Assert.Equal(["I alt", "15,12 mio. kr.", "15,4 mio. kr.", "480.000 kr."], table[^1]);
        Assert.Equal(9, table.Count);
    }

    [Fact]
    public void The_summary_reads_as_the_background_of_the_item()
    {
        var summary = Tabel1(new SydMoney()).Summary("Sundhedsklynge Syd");

        Assert.StartsWith("Sundhedsklynge Syd har samlet modtaget 15,6 mio. kr. og disponeret 15,4 mio. kr. til projekter. Det efterlader 200.000 kr. i rest.", summary);
        Assert.Contains("yderligere 280.000 kr. i uforbrugte midler", summary);
        Assert.Contains("samlet restpulje på 480.000 kr. Implementering", summary);
        Assert.DoesNotContain("..", summary);
        Assert.Contains("merforbruget på 50.000 kr. dækkes af de tildelte restmidler", summary);
    }

    [Fact]
    public void The_snapshot_serialises_to_rows_and_totals_and_back_unchanged()
    {
        var snapshot = Tabel1(new SydMoney());
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(snapshot, options);
        var back = JsonSerializer.Deserialize<EconomySnapshot>(json, options);

        Assert.Equal(snapshot, back);
        using var doc = JsonDocument.Parse(json);
        var row = doc.RootElement.GetProperty("rows")[6];
        Assert.Equal(["project", "expectedSpend", "granted", "remainderGranted", "overspend"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2_050_000m, row.GetProperty("expectedSpend").GetDecimal());
        var totals = doc.RootElement.GetProperty("totals");
        foreach (var name in new[] { "received", "granted", "expectedSpend", "unspent", "remainder", "remainderPool" })
        {
            Assert.True(totals.TryGetProperty(name, out _), name);
        }
    }

    [Fact]
    public void A_frozen_snapshot_does_not_follow_later_changes()
    {
        var syd = new SydMoney();
        var frozen = Tabel1(syd);

        SpendForecast.Record(syd.Overweight, new DateOnly(2025, 8, 20), 2_000_000m);

        Assert.Equal(280_000m, frozen.Totals.Unspent);
        Assert.Equal(270_000m, Tabel1(syd).Totals.Unspent);
        Assert.NotEqual(frozen, Tabel1(syd));
    }

    [Fact]
    public void Before_the_first_grant_nothing_is_granted_and_all_is_remainder()
    {
        var snapshot = EconomyOverview.Compute(new SydMoney().Pools, new DateOnly(2022, 12, 31));

        Assert.Empty(snapshot.Rows);
        Assert.Equal(15_600_000m, snapshot.Totals.Remainder);
    }

    [Fact]
    public void Without_a_forecast_a_project_is_taken_to_spend_its_grant()
    {
        var snapshot = EconomyOverview.Compute(new SydMoney().Pools, new DateOnly(2024, 12, 31));

        Assert.Equal(snapshot.Totals.Granted, snapshot.Totals.ExpectedSpend);
        Assert.Equal(0m, snapshot.Totals.Unspent);
    }
}
