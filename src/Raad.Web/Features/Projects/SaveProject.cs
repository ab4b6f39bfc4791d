using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>The project form as typed: staff years as text ("1,5"), read the Danish way by the use case.</summary>
public sealed class ProjectInput
{
    public string? Title { get; set; }
    public int? OwnerId { get; set; }
    public string? TargetGroup { get; set; }
    public int? FocusAreaId { get; set; }
    public string? Description { get; set; }
    public string? StaffYears { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Planned;
    public List<int> CaseIds { get; set; } = [];
    public int Version { get; set; }

    public static ProjectInput Of(Project p) => new()
    {
        Title = p.Title,
        OwnerId = p.OwnerId,
        TargetGroup = p.TargetGroup,
        FocusAreaId = p.FocusAreaId,
        Description = p.Description,
        StaffYears = DanishNumber.Format(p.StaffYears),
        Start = p.Start,
        End = p.End,
        Status = p.Status,
        CaseIds = [.. p.Cases.Select(c => c.Id)],
        Version = p.Version,
    };
}

/// <summary>
/// Creates a project for a body (no id) or changes one. A change of status goes through the project's own steps where
/// they apply (planned to running, anything to completed); a step back is a correction and is taken as it is.
/// </summary>
public sealed class SaveProject(AppDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, int? projectId, ProjectInput input, CancellationToken ct)
    {
        var staffYears = DanishNumber.ParseOptional(input.StaffYears, nameof(input.StaffYears), "1,5");
        var errors = new List<Error>(staffYears.Errors ?? []);
        var v = Project.Validate(input.Title, input.Start, input.End, staffYears.Value);
        errors.AddRange(v.Errors.Where(e => e.Field != nameof(input.StaffYears) || staffYears.IsSuccess));
        if (input.OwnerId is { } ownerId && !await db.Organisations.AnyAsync(o => o.Id == ownerId, ct))
        {
            errors.Add(new Error("project.owner_not_found", "Organisationen findes ikke.", nameof(input.OwnerId)));
        }
        if (input.FocusAreaId is { } areaId && !await db.Set<FocusArea>().AnyAsync(f => f.Id == areaId, ct))
        {
            errors.Add(new Error("project.focus_area_not_found", "Fokusområdet findes ikke.", nameof(input.FocusAreaId)));
        }
        var caseIds = input.CaseIds.Distinct().ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id) && (c.BodyId == null || c.BodyId == bodyId)).ToListAsync(ct);
        if (cases.Count != caseIds.Count)
        {
            errors.Add(new Error("project.case_not_found", "En af de valgte sager findes ikke eller hører til et andet udvalg.", nameof(input.CaseIds)));
        }
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        Project project;
        if (projectId is { } id)
        {
            var existing = await db.Projects.Include(p => p.Cases).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (existing is null)
            {
                return new Error("project.not_found", "Indsatsen findes ikke.");
            }
            project = existing;
            // Checked even when only the cases change (they live in a table of their own).
            db.ExpectVersionOfWhole(project, input.Version);
            project.Title = input.Title!.Trim();
        }
        else
        {
            if (!await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
            {
                return new Error("project.body_not_found", "Udvalget findes ikke.");
            }
            project = new Project { BodyId = bodyId, Title = input.Title!.Trim() };
            db.Projects.Add(project);
        }
        project.OwnerId = input.OwnerId;
        project.TargetGroup = input.TargetGroup.OrNull();
        project.FocusAreaId = input.FocusAreaId;
        project.Description = input.Description.OrNull();
        project.StaffYears = staffYears.Value;
        project.Start = input.Start;
        project.End = input.End;
        project.Cases.RemoveAll(c => !caseIds.Contains(c.Id));
        project.Cases.AddRange(cases.Where(c => !project.Cases.Contains(c)));

        var status = ChangeStatus(project, input.Status, Clock.Today(clock));
        if (!status.IsSuccess)
        {
            return status.With(projectId ?? 0);
        }
        return (await db.SaveAsync("Indsatsen", ct)).With(project.Id);
    }

    private static Result ChangeStatus(Project project, ProjectStatus target, DateOnly today) => (project.Status, target) switch
    {
        var (from, to) when from == to => Result.Ok(),
        (ProjectStatus.Planned, ProjectStatus.Running) => project.MarkRunning(project.Start ?? today),
        (_, ProjectStatus.Completed) => project.Complete(project.End ?? today),
        _ => Correct(project, target),
    };

    private static Result Correct(Project project, ProjectStatus target)
    {
        project.Status = target;
        return Result.Ok();
    }
}
