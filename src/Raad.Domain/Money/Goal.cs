using Raad.Domain.Common;

namespace Raad.Domain.Money;

/// <summary>A project's goal ("Politisk mål for 2023"), in words and, where it can be counted, with a measure.</summary>
public class Goal
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }

    /// <summary>The year the goal is set for; null for the whole project.</summary>
    public int? Year { get; set; }

    public required string Text { get; set; }
    public Measure? Measure { get; set; }
    public int Position { get; set; }
}

/// <summary>
/// What is counted and where it should get to: "andel børn, der ammes fuldt ud efter 2 uger" in %,
/// "borgere udskrevet til IV-behandling i hjemmet" as a number. Baseline and target are optional: the sources often name the measure only.
/// </summary>
public class Measure
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>"%", "borgere", "behandlinger".</summary>
    public required string Unit { get; set; }

    public decimal? Baseline { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public decimal? Target { get; set; }
    public List<Reading> Readings { get; set; } = [];

    public Reading? LatestOn(DateOnly date) => Readings.Where(r => r.Date <= date).MaxBy(r => r.Date);

    /// <summary>
    /// How far from baseline towards target the latest reading has come (0 to 1, beyond 1 when passed);
    /// null without baseline, target or reading. Works for targets below the baseline too.
    /// </summary>
    public decimal? ProgressOn(DateOnly date)
    {
        if (Baseline is not { } baseline || Target is not { } target || target == baseline || LatestOn(date) is not { } latest)
        {
            return null;
        }
        return (latest.Value - baseline) / (target - baseline);
    }

    public Result<Reading> AddReading(DateOnly date, decimal value, string? note = null)
    {
        if (Readings.Any(r => r.Date == date))
        {
            return new Error("measure.reading_exists", $"Der er allerede en måling for {DanishFormat.Date(date)}; ret den i stedet.", nameof(Reading.Date));
        }
        if (Unit == "%" && value is < 0 or > 100)
        {
            return new Error("measure.percent_range", "En andel skal ligge mellem 0 og 100 %.", nameof(Reading.Value));
        }
        var reading = new Reading { Date = date, Value = value, Note = note };
        Readings.Add(reading);
        return reading;
    }

    /// <summary>"62 %", "14 borgere".</summary>
    public string Format(decimal value) =>
        Unit == "%" ? $"{value.ToString("0.#", DanishFormat.Culture)} %" : $"{value.ToString("#,##0.#", DanishFormat.Culture)} {Unit}";

    /// <summary>"Udgangspunkt 55 %, mål 65 %, seneste måling 60 % (1. juni 2024)", leaving out what is unknown.</summary>
    public string StatusText(DateOnly asOf)
    {
        var parts = new List<string>();
        if (Baseline is { } baseline)
        {
            parts.Add($"udgangspunkt {Format(baseline)}");
        }
        if (Target is { } target)
        {
            parts.Add($"mål {Format(target)}");
        }
        parts.Add(LatestOn(asOf) is { } latest ? $"seneste måling {Format(latest.Value)} ({DanishFormat.Date(latest.Date)})" : "ingen målinger endnu");
        var text = string.Join(", ", parts);
        return $"{Name}: {char.ToLower(text[0], DanishFormat.Culture)}{text[1..]}";
    }
}

/// <summary>A measure's value on a day.</summary>
public class Reading
{
    public int Id { get; set; }
    public int MeasureId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }
}
