using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Cases;
using Raad.Domain.Common;
using Raad.Domain.People;

namespace Raad.Domain.Money;

public enum ProjectStatus
{
    Planned,
    Running,
    Completed,
}

/// <summary>An initiative a body funds (indsats, projekt): who owns it, what it aims at, its money and reports.</summary>
public class Project
{
    public int Id { get; set; }

    /// <summary>The body that funds and follows the project; changes on a handover to the successor.</summary>
    public int BodyId { get; set; }
    public Body? Body { get; set; }

    public required string Title { get; set; }

    /// <summary>"Forankret i": the organisation that runs the project.</summary>
    public int? OwnerId { get; set; }
    public Organisation? Owner { get; set; }

    /// <summary>"Målgruppe", e.g. "Nye familier".</summary>
    public string? TargetGroup { get; set; }

    public int? FocusAreaId { get; set; }
    public FocusArea? FocusArea { get; set; }

    public string? Description { get; set; }

    /// <summary>Staff paid by the project, in full-time years (årsværk).</summary>
    public decimal? StaffYears { get; set; }

    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Planned;

    public List<Goal> Goals { get; set; } = [];
    public List<Grant> Grants { get; set; } = [];
    public List<SpendForecast> Forecasts { get; set; } = [];
    public List<StatusReport> Reports { get; set; } = [];
    public List<Case> Cases { get; set; } = [];
    public List<AgendaItem> AgendaItems { get; set; } = [];
    public int Version { get; set; }

    public bool IsOpen => Status != ProjectStatus.Completed;

    /// <summary>Whether the project runs on a day: started (not merely planned) and, by its dates, not yet ended.</summary>
    public bool RunsOn(DateOnly date) =>
        Status != ProjectStatus.Planned && (Start is null || Start <= date) && (End is null || date <= End);

    /// <summary>Ordinary grants less reductions, up to a day; remainder funds are counted apart, as Tabel 1 shows them.</summary>
    public decimal GrantedBy(DateOnly asOf) => Grants.Where(g => g.Date <= asOf && !g.IsRemainderFunds).Sum(g => g.SignedAmount);

    public decimal RemainderGrantedBy(DateOnly asOf) => Grants.Where(g => g.Date <= asOf && g.IsRemainderFunds).Sum(g => g.SignedAmount);

    /// <summary>How the project's money changed, oldest first, with the running total after each decision.</summary>
    public IReadOnlyList<GrantHistoryLine> GrantHistory()
    {
        var total = 0m;
        return [.. Grants.OrderBy(g => g.Date).ThenBy(g => g.Id).Select(g =>
        {
            total += g.SignedAmount;
            return new GrantHistoryLine(g.Date, g.Kind, g.SignedAmount, total, g.DecidedByText, g.Note);
        })];
    }

    /// <summary>The latest forecast made on or before the day.</summary>
    public SpendForecast? ForecastOn(DateOnly asOf) => Forecasts.Where(f => f.AsOf <= asOf).MaxBy(f => f.AsOf);

    public IEnumerable<Goal> GoalsFor(int year) => Goals.Where(g => g.Year is null || g.Year == year);

    public static Validation Validate(string? title, DateOnly? start, DateOnly? end, decimal? staffYears) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(title), "project.title_required", nameof(Title), "Projektet skal have en titel.")
            .Require(start is null || end is null || end >= start, "project.period_inverted", nameof(End),
                "Projektet kan ikke slutte, før det begynder.")
            .Require(staffYears is null or >= 0, "project.staff_negative", nameof(StaffYears), "Årsværk kan ikke være negative.");

    public Result MarkRunning(DateOnly start)
    {
        if (Status != ProjectStatus.Planned)
        {
            return new Error("project.not_planned", $"Projektet er allerede {StatusText(Status).ToLowerInvariant()}.");
        }
        Status = ProjectStatus.Running;
        Start ??= start;
        return Result.Ok();
    }

    public Result Complete(DateOnly end)
    {
        if (Status == ProjectStatus.Completed)
        {
            return new Error("project.already_completed", "Projektet er allerede afsluttet.");
        }
        if (Start is { } start && end < start)
        {
            return new Error("project.period_inverted", "Projektet kan ikke slutte, før det begynder.", nameof(End));
        }
        Status = ProjectStatus.Completed;
        End = end;
        return Result.Ok();
    }

    public static string StatusText(ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => "Planlagt",
        ProjectStatus.Running => "I gang",
        ProjectStatus.Completed => "Afsluttet",
        _ => status.ToString(),
    };
}

/// <summary>One step in a project's money: "26. april 2023, Forhøjelse 500.000 kr., i alt 1 mio. kr.".</summary>
public sealed record GrantHistoryLine(DateOnly Date, GrantKind Kind, decimal Change, decimal TotalAfter, string DecidedBy, string? Note)
{
    public string Text => $"{DanishFormat.Date(Date)}: {Grant.KindText(Kind)} {DanishFormat.Kroner(Math.Abs(Change))}, i alt {DanishFormat.Kroner(TotalAfter)}";
}
