using Raad.Domain.Money;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Money;

public class PortfolioTests
{
    [Fact]
    public void The_health_agreement_has_three_focus_areas_and_eight_principles()
    {
        var agreement = new SydMoney().Agreement;

        Assert.Equal(["Sammen om ældre og borgere med kronisk sygdom", "Sammen om borgere med psykisk sygdom", "Sammen om børn og unges sundhed"],
            agreement.FocusAreas.Select(a => a.Name));
        Assert.Equal(8, agreement.Principles.Count);
        Assert.True(agreement.IsValidOn(new DateOnly(2025, 8, 27)));
        Assert.False(agreement.IsValidOn(new DateOnly(2023, 1, 18)));
    }

    [Fact]
    public void Projects_group_by_focus_area_in_the_agreements_order_with_owner_and_money()
    {
        var syd = new SydMoney();

        var groups = Portfolio.ByFocusArea(syd.Projects, SydMoney.August2025);

        Assert.Equal(["Sammen om ældre og borgere med kronisk sygdom", "Sammen om borgere med psykisk sygdom", "Sammen om børn og unges sundhed", Portfolio.NoFocusArea],
            groups.Select(g => g.Heading));
        var transition = groups[0].Projects[0];
        Assert.Equal(new PortfolioLine("Den gode overgang – fra indlæggelse til udskrivelse", "Københavns Kommune", "I gang", 4_240_000m), transition);
        Assert.Equal(3, groups[0].Projects.Count);
        Assert.Equal(["Region Hovedstadens Psykiatri", "Region Hovedstadens Psykiatri"], groups[1].Projects.Select(p => p.Owner));
        Assert.Equal(15_880_000m, groups.SelectMany(g => g.Projects).Sum(p => p.Granted));
    }

    [Fact]
    public void Projects_group_by_target_group()
    {
        var groups = Portfolio.ByTargetGroup(new SydMoney().Projects, SydMoney.August2025);

        Assert.Equal("Nye familier", Assert.Single(groups, g => g.Projects.Any(p => p.Project.Contains("ammeindsats"))).Heading);
        Assert.Equal(Portfolio.NoTargetGroup, groups[^1].Heading);
        Assert.Equal(2, groups[^1].Projects.Count);
    }

    [Fact]
    public void A_measure_shows_progress_from_baseline_to_target()
    {
        // Test-only figures: the seeds name the measure, not its values.
        var measure = new Measure { Name = "Andel børn, der ammes fuldt ud efter 2 uger", Unit = "%", Baseline = 50m, Target = 70m };
        measure.AddReading(new DateOnly(2024, 6, 1), 60m);

        Assert.Equal(0.5m, measure.ProgressOn(new DateOnly(2024, 12, 31)));
        Assert.Null(measure.ProgressOn(new DateOnly(2024, 1, 1)));
        Assert.Equal("Andel børn, der ammes fuldt ud efter 2 uger: udgangspunkt 50 %, mål 70 %, seneste måling 60 % (1. juni 2024)",
            measure.StatusText(new DateOnly(2024, 12, 31)));
        Assert.Equal("measure.percent_range", Assert.Single(measure.AddReading(new DateOnly(2024, 7, 1), 120m).Errors).Code);
        Assert.Equal("measure.reading_exists", Assert.Single(measure.AddReading(new DateOnly(2024, 6, 1), 61m).Errors).Code);
    }

    [Fact]
    public void A_count_measure_prints_its_unit()
    {
        var measure = new Measure { Name = "Borgere udskrevet til IV-behandling i hjemmet", Unit = "borgere", Baseline = 1200m, Target = 1500m };
        measure.AddReading(new DateOnly(2024, 1, 1), 1350m);

        Assert.Equal("1.350 borgere", measure.Format(1350m));
        Assert.Equal(0.5m, measure.ProgressOn(new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public void Staffing_and_goals_per_year_come_from_the_annexes()
    {
        var syd = new SydMoney();

        Assert.Equal(2m, syd.Transition.StaffYears);
        Assert.Equal(4, syd.Transition.GoalsFor(2023).Count());
        Assert.Equal(2, syd.Transition.Goals.Count(g => g.Measure is not null));
        Assert.Empty(syd.Transition.GoalsFor(2024));
    }

    [Fact]
    public void Project_lifecycle_and_validation()
    {
        var project = new Project { Title = "Ny indsats" };

        Assert.True(project.MarkRunning(new DateOnly(2026, 2, 1)).IsSuccess);
        Assert.True(project.RunsOn(new DateOnly(2026, 3, 1)));
        Assert.False(project.Complete(new DateOnly(2026, 1, 1)).IsSuccess);
        Assert.True(project.Complete(new DateOnly(2026, 12, 31)).IsSuccess);
        Assert.False(project.IsOpen);
        Assert.False(Project.Validate(" ", null, null, -1m).IsValid);
    }

    [Fact]
    public void A_forecast_cannot_be_negative_or_recorded_twice_for_a_day()
    {
        var syd = new SydMoney();

        Assert.Equal("forecast.exists", Assert.Single(SpendForecast.Record(syd.Overweight, SydMoney.ForecastDay, 1m).Errors).Code);
        Assert.Equal("forecast.expected_negative", Assert.Single(SpendForecast.Record(syd.Overweight, new DateOnly(2025, 9, 1), -1m).Errors).Code);
        Assert.True(SpendForecast.Record(syd.Overweight, new DateOnly(2025, 9, 1), 1_990_000m, 1_900_000m).IsSuccess);
    }
}
