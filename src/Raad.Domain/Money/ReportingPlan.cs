using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Common;
using Raad.Domain.Meetings;

namespace Raad.Domain.Money;

/// <summary>
/// When a body's projects report, and to whom: for Syd the professional cluster follows up in March, June and
/// October, and the political cluster gets a status in November.
/// </summary>
public class ReportingPlan
{
    public int Id { get; set; }

    /// <summary>The body that funds the projects.</summary>
    public int BodyId { get; set; }
    public Body? Body { get; set; }

    public List<ReportingMilestone> Milestones { get; set; } = [];
    public int Version { get; set; }

    public ReportingMilestone Add(Body audience, int month, ReportKind kind)
    {
        var milestone = new ReportingMilestone { AudienceId = audience.Id, Audience = audience, Month = month, Kind = kind };
        Milestones.Add(milestone);
        return milestone;
    }

    /// <summary>The milestone a meeting falls under: its body is the audience and its month is planned.</summary>
    public ReportingMilestone? MilestoneFor(Meeting meeting) =>
        Milestones.FirstOrDefault(m => m.AudienceId == meeting.BodyId && m.Month == meeting.Date.Month);

    /// <summary>
    /// The projects that owe the meeting a report: those running on the meeting's day, funded by the plan's body,
    /// and not yet reported to this meeting. None when the meeting is not in the plan.
    /// </summary>
    public IReadOnlyList<Project> DueAt(Meeting meeting, IEnumerable<Project> projects)
    {
        if (MilestoneFor(meeting) is null)
        {
            return [];
        }
        return
        [
            .. projects
                .Where(p => p.BodyId == BodyId && p.RunsOn(meeting.Date))
                .Where(p => !p.Reports.Any(r => r.MeetingId == meeting.Id && (meeting.Id != 0 || ReferenceEquals(r.Meeting, meeting))))
                .OrderBy(p => p.Id),
        ];
    }

    public static Validation Validate(IEnumerable<ReportingMilestone> milestones) =>
        new Validation()
            .Require(milestones.All(m => m.Month is >= 1 and <= 12), "reporting.month_invalid", nameof(ReportingMilestone.Month),
                "Måneden skal ligge mellem 1 og 12.")
            .Require(milestones.GroupBy(m => (m.AudienceId, m.Month)).All(g => g.Count() == 1), "reporting.duplicate", nameof(Milestones),
                "Samme udvalg har to opfølgninger i samme måned.");
}

public enum ReportKind
{
    /// <summary>Opfølgning: the professional level follows the projects' progress.</summary>
    FollowUp,

    /// <summary>Status: the projects are presented to the political level.</summary>
    Status,
}

/// <summary>A month in the year when an audience body hears from the projects.</summary>
public class ReportingMilestone
{
    public int Id { get; set; }
    public int ReportingPlanId { get; set; }
    public int AudienceId { get; set; }
    public Body? Audience { get; set; }
    public int Month { get; set; }
    public ReportKind Kind { get; set; }

    public string Text => $"{(Kind == ReportKind.Status ? "Status" : "Opfølgning")} i {Audience?.Name} i {DanishFormat.MonthName(Month)}";
}

/// <summary>Drafts the orientation item in which the projects report to a meeting, filled in with goals and figures.</summary>
public static class StatusItemDraft
{
    public static AgendaItem For(Meeting meeting, IReadOnlyList<Project> projects, DateOnly asOf)
    {
        var bodyName = meeting.Body?.Name ?? "Udvalget";
        var presentation = string.Join("\n\n", projects.Select(p => Section(p, meeting.Date.Year, asOf)));
        var granted = projects.Sum(p => p.GrantedBy(asOf) + p.RemainderGrantedBy(asOf));
        var expected = projects.Sum(p => p.ForecastOn(asOf)?.ExpectedToCompletion ?? p.GrantedBy(asOf) + p.RemainderGrantedBy(asOf));
        return new AgendaItem
        {
            MeetingId = meeting.Id,
            Meeting = meeting,
            Title = projects.Count == 1 ? $"Status på {projects[0].Title}" : "Status på projekterne",
            Kind = ItemKind.Information,
            DurationMinutes = Math.Clamp(5 * projects.Count, 10, 60),
            Background = $"{bodyName} følger projekterne, som udvalget har tildelt midler. " +
                $"Her gives status for {(projects.Count == 1 ? "projektet" : $"{projects.Count} projekter")} pr. {DanishFormat.Date(asOf)}.",
            Presentation = presentation,
            Economy = $"Projekterne er tildelt {DanishFormat.Kroner(granted)} i alt og forventer at bruge {DanishFormat.Kroner(expected)}",
            Recommendation = [$"at {bodyName} tager orienteringen om status på {(projects.Count == 1 ? "projektet" : "projekterne")} til efterretning."],
        };
    }

    private static string Section(Project project, int year, DateOnly asOf)
    {
        var lines = new List<string> { project.Title };
        if (project.Owner is { } owner)
        {
            lines.Add($"Forankret i: {owner.Name}");
        }
        if (!string.IsNullOrWhiteSpace(project.TargetGroup))
        {
            lines.Add($"Målgruppe: {project.TargetGroup}");
        }
        var goals = project.GoalsFor(year).OrderBy(g => g.Position).ToList();
        if (goals.Count > 0)
        {
            lines.Add($"Mål for {year}:");
            foreach (var goal in goals)
            {
                lines.Add($"- {goal.Text}");
                if (goal.Measure is { } measure)
                {
                    lines.Add($"  {measure.StatusText(asOf)}");
                }
            }
        }
        var granted = project.GrantedBy(asOf);
        var remainder = project.RemainderGrantedBy(asOf);
        var money = $"Tildelt: {DanishFormat.Kroner(granted)}";
        if (remainder != 0)
        {
            money += $" og {DanishFormat.Kroner(remainder)} i restmidler";
        }
        if (project.ForecastOn(asOf) is { } forecast)
        {
            money += $". Forventet forbrug frem til projektafslutning: {DanishFormat.Kroner(forecast.ExpectedToCompletion)} (pr. {DanishFormat.Date(forecast.AsOf)})";
            if (forecast.ActualToDate is { } actual)
            {
                money += $", heraf brugt {DanishFormat.Kroner(actual)}";
            }
        }
        lines.Add(money.EndsWith('.') ? money : money + ".");
        return string.Join("\n", lines);
    }
}
