using Microsoft.EntityFrameworkCore;
using Raad.Domain.Bodies;
using Raad.Domain.Meetings;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Reporting;

/// <summary>A coming meeting under a milestone: the projects that owe it a report, and those that have given it.</summary>
public sealed record MeetingDue(Meeting Meeting, ReportingMilestone Milestone, IReadOnlyList<Project> Due, IReadOnlyList<(Project Project, StatusReport Report)> Reported);

/// <summary>What the reporting page shows: the plan and the coming meetings of its audiences.</summary>
public sealed record ReportingView(Body Body, ReportingPlan? Plan, DateOnly From, DateOnly To, IReadOnlyList<MeetingDue> Meetings);

public sealed class ReportingQuery(AppDbContext db, TimeProvider clock)
{
    /// <summary>How far ahead the page looks: a whole year of milestones.</summary>
    public const int MonthsAhead = 12;

    public async Task<ReportingView?> ForBodyAsync(int bodyId, DateOnly? from, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
        {
            return null;
        }
        var start = from ?? Clock.Today(clock);
        var end = start.AddMonths(MonthsAhead);
        var plan = await db.ReportingPlans.AsNoTracking().Include(p => p.Milestones).ThenInclude(m => m.Audience)
            .FirstOrDefaultAsync(p => p.BodyId == bodyId, ct);
        if (plan is null || plan.Milestones.Count == 0)
        {
            return new ReportingView(body, plan, start, end, []);
        }
        plan.Milestones = [.. plan.Milestones.OrderBy(m => m.Month).ThenBy(m => m.Audience?.Name)];
        var audiences = plan.Milestones.Select(m => m.AudienceId).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Body)
            .Where(m => audiences.Contains(m.BodyId) && m.Date >= start && m.Date <= end && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).ThenBy(m => m.Start).ToListAsync(ct);
        var projects = await ProjectsWithFiguresAsync(db, bodyId, tracked: false, ct);
        var reports = projects.SelectMany(p => p.Reports.Select(r => (Project: p, Report: r))).ToList();
        var listed = meetings
            .Select(m => (Meeting: m, Milestone: plan.MilestoneFor(m)))
            .Where(x => x.Milestone is not null)
            .Select(x => new MeetingDue(x.Meeting, x.Milestone!, plan.DueAt(x.Meeting, projects),
                [.. reports.Where(r => r.Report.MeetingId == x.Meeting.Id).OrderBy(r => r.Project.Title)]))
            .ToList();
        return new ReportingView(body, plan, start, end, listed);
    }

    /// <summary>The body's projects with what a status item prints: owner, goals and measures, grants, forecasts, reports.</summary>
    public static Task<List<Project>> ProjectsWithFiguresAsync(AppDbContext db, int bodyId, bool tracked, CancellationToken ct)
    {
        var query = db.Projects.Where(p => p.BodyId == bodyId)
            .Include(p => p.Owner)
            .Include(p => p.Goals).ThenInclude(g => g.Measure!).ThenInclude(m => m.Readings)
            .Include(p => p.Grants)
            .Include(p => p.Forecasts)
            .Include(p => p.Reports)
            .AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
    }
}
