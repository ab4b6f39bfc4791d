using Raad.Domain.Common;

namespace Raad.Domain.Money;

/// <summary>
/// A project's expected spend to completion as of a day (forventet forbrug), and what it has actually spent by then,
/// when known. A later forecast replaces an earlier one; both are kept.
/// </summary>
public class SpendForecast
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public DateOnly AsOf { get; set; }
    public decimal ExpectedToCompletion { get; set; }
    public decimal? ActualToDate { get; set; }
    public string? Note { get; set; }

    public static Result<SpendForecast> Record(Project project, DateOnly asOf, decimal expectedToCompletion, decimal? actualToDate = null, string? note = null)
    {
        var v = new Validation()
            .Require(expectedToCompletion >= 0, "forecast.expected_negative", nameof(ExpectedToCompletion), "Det forventede forbrug kan ikke være negativt.")
            .Require(actualToDate is null or >= 0, "forecast.actual_negative", nameof(ActualToDate), "Det faktiske forbrug kan ikke være negativt.")
            .Require(actualToDate is null || actualToDate <= expectedToCompletion, "forecast.actual_above_expected", nameof(ActualToDate),
                "Det faktiske forbrug er større end det forventede forbrug til projektets afslutning; ret prognosen.")
            .Require(project.Forecasts.All(f => f.AsOf != asOf), "forecast.exists", nameof(AsOf),
                $"Der er allerede en prognose pr. {DanishFormat.Date(asOf)}; ret den i stedet.");
        if (!v.IsValid)
        {
            return Result<SpendForecast>.Fail(v.Errors);
        }
        var forecast = new SpendForecast
        {
            ProjectId = project.Id,
            Project = project,
            AsOf = asOf,
            ExpectedToCompletion = expectedToCompletion,
            ActualToDate = actualToDate,
            Note = note,
        };
        project.Forecasts.Add(forecast);
        return forecast;
    }
}

public enum SpendStatus
{
    /// <summary>No forecast yet.</summary>
    Unknown,
    OnBudget,

    /// <summary>Expected to spend less than granted: the difference returns to the remainder pool.</summary>
    Underspend,

    /// <summary>Expected to spend more than granted (remainder funds included).</summary>
    Overspend,

    /// <summary>Expected to spend more than its ordinary grants, but its remainder funds cover it.</summary>
    OverspendCovered,
}

public static class SpendStatusText
{
    public static string Danish(this SpendStatus status) => status switch
    {
        SpendStatus.Unknown => "Ingen prognose",
        SpendStatus.OnBudget => "Som tildelt",
        SpendStatus.Underspend => "Mindreforbrug",
        SpendStatus.Overspend => "Merforbrug",
        SpendStatus.OverspendCovered => "Merforbrug dækket af restmidler",
        _ => status.ToString(),
    };
}
