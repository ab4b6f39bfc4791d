using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Reporting;

/// <summary>Removes a milestone from the body's reporting plan.</summary>
public sealed class RemoveMilestone(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, int milestoneId, int version, CancellationToken ct)
    {
        var loaded = await PlanForChange.LoadAsync(db, bodyId, version, ct);
        if (loaded.Value is not { } plan)
        {
            return Result<int>.Fail(loaded.Errors);
        }
        if (plan.Milestones.FirstOrDefault(m => m.Id == milestoneId) is not { } milestone)
        {
            return new Error("reporting.milestone_not_found", "Opfølgningen findes ikke længere i planen.");
        }
        plan.Milestones.Remove(milestone);
        var saved = await db.SaveAsync("Afrapporteringsplanen", ct);
        return saved.IsSuccess ? milestoneId : Result<int>.Fail(saved.Errors);
    }
}
