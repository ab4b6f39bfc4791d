using Microsoft.EntityFrameworkCore;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Features.Agenda;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Reporting;

/// <summary>
/// Drafts the orientation item in which the projects that owe a meeting a report give their status, puts it on the
/// meeting's draft agenda and records a status report per project, in one transaction.
/// </summary>
public sealed class DraftStatusItem(AppDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, int meetingId, CancellationToken ct)
    {
        var plan = await db.ReportingPlans.AsNoTracking().Include(p => p.Milestones).FirstOrDefaultAsync(p => p.BodyId == bodyId, ct);
        if (plan is null)
        {
            return new Error("reporting.no_plan", "Udvalget har ingen afrapporteringsplan.");
        }
        var (meeting, guard) = await AgendaGuard.EditableMeetingAsync(db, meetingId, ct);
        if (!guard.IsSuccess)
        {
            return Result<int>.Fail(guard.Errors);
        }
        await db.Entry(meeting!).Reference(m => m.Body).LoadAsync(ct);
        if (plan.MilestoneFor(meeting!) is null)
        {
            return new Error("reporting.not_in_plan", "Mødet er ikke med i udvalgets afrapporteringsplan.");
        }
        var projects = await ReportingQuery.ProjectsWithFiguresAsync(db, bodyId, tracked: true, ct);
        var due = plan.DueAt(meeting!, projects);
        if (due.Count == 0)
        {
            return new Error("reporting.nothing_due", "Ingen projekter mangler at afrapportere til mødet. Punktet er måske allerede oprettet.");
        }
        // The figures as they stand today, or on the meeting's day if it lies behind us.
        var today = Clock.Today(clock);
        var asOf = meeting!.Date < today ? meeting.Date : today;
        var item = StatusItemDraft.For(meeting, due, asOf);
        var valid = AgendaItem.Validate(item.Title, item.DurationMinutes);
        if (!valid.IsValid)
        {
            return Result<int>.Fail(valid.Errors);
        }
        AddItem.Insert(meeting, item);
        foreach (var project in due)
        {
            project.Reports.Add(new StatusReport
            {
                ProjectId = project.Id,
                Project = project,
                MeetingId = meeting.Id,
                Meeting = meeting,
                AgendaItem = item,
                AsOf = asOf,
            });
            project.AgendaItems.Add(item);
        }
        var saved = await db.SaveAsync("Dagsordenen", ct);
        return saved.IsSuccess ? item.Id : Result<int>.Fail(saved.Errors);
    }
}
