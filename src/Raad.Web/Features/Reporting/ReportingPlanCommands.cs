using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Reporting;

/// <summary>A milestone as the form takes it: which body hears from the projects, in which month, and how.</summary>
public sealed class MilestoneInput
{
    public int? AudienceId { get; set; }
    public int Month { get; set; } = 1;
    public ReportKind Kind { get; set; } = ReportKind.FollowUp;

    /// <summary>The plan's version the form showed; 0 when the body had no plan.</summary>
    public int Version { get; set; }
}

/// <summary>Loads a body's reporting plan for a change, checking the version the form showed.</summary>
internal static class PlanForChange
{
    /// <summary>The plan (created, unsaved, when the body has none), or the error to show.</summary>
    public static async Task<(ReportingPlan? Plan, Result Result)> LoadAsync(AppDbContext db, int bodyId, int version, CancellationToken ct)
    {
        if (!await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            return (null, new Error("body.not_found", "Udvalget findes ikke."));
        }
        var plan = await db.ReportingPlans.Include(p => p.Milestones).ThenInclude(m => m.Audience)
            .OrderBy(p => p.Id).FirstOrDefaultAsync(p => p.BodyId == bodyId, ct);
        if (plan is null)
        {
            // The first save makes the plan; a form that showed a plan that is gone again was shown a stale page.
            if (version != 0)
            {
                return (null, ErrorMapping.Conflict("Afrapporteringsplanen"));
            }
            plan = new ReportingPlan { BodyId = bodyId };
            db.ReportingPlans.Add(plan);
            return (plan, Result.Ok());
        }
        // Milestones are rows of their own: the plan's version is raised on every change, so two editors cannot both add.
        db.ExpectVersion(plan, version);
        db.Entry(plan).Property(p => p.Version).IsModified = true;
        return (plan, Result.Ok());
    }
}

/// <summary>Adds a milestone to the body's reporting plan, creating the plan on the first save.</summary>
public sealed class AddMilestone(AppDbContext db) : IUseCase
{
    public async Task<Result> HandleAsync(int bodyId, MilestoneInput input, CancellationToken ct)
    {
        var audience = input.AudienceId is { } audienceId ? await db.Bodies.FirstOrDefaultAsync(b => b.Id == audienceId, ct) : null;
        if (audience is null)
        {
            return new Error("reporting.audience_required", "Vælg det udvalg, der skal have afrapporteringen.", nameof(input.AudienceId));
        }
        var (plan, loaded) = await PlanForChange.LoadAsync(db, bodyId, input.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded;
        }
        var candidate = new ReportingMilestone { AudienceId = audience.Id, Audience = audience, Month = input.Month, Kind = input.Kind };
        var valid = ReportingPlan.Validate([.. plan!.Milestones, candidate]);
        if (!valid.IsValid)
        {
            return valid.ToResult();
        }
        plan.Add(audience, input.Month, input.Kind);
        return await db.SaveAsync("Afrapporteringsplanen", ct);
    }
}

/// <summary>Removes a milestone from the body's reporting plan.</summary>
public sealed class RemoveMilestone(AppDbContext db) : IUseCase
{
    public async Task<Result> HandleAsync(int bodyId, int milestoneId, int version, CancellationToken ct)
    {
        var (plan, loaded) = await PlanForChange.LoadAsync(db, bodyId, version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded;
        }
        if (plan!.Milestones.FirstOrDefault(m => m.Id == milestoneId) is not { } milestone)
        {
            return new Error("reporting.milestone_not_found", "Opfølgningen findes ikke længere i planen.");
        }
        plan.Milestones.Remove(milestone);
        return await db.SaveAsync("Afrapporteringsplanen", ct);
    }
}
