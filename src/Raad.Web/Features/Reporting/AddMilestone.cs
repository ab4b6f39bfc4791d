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

/// <summary>Adds a milestone to the body's reporting plan, creating the plan on the first save.</summary>
public sealed class AddMilestone(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, MilestoneInput input, CancellationToken ct)
    {
        var audience = input.AudienceId is { } audienceId ? await db.Bodies.FirstOrDefaultAsync(b => b.Id == audienceId, ct) : null;
        if (audience is null)
        {
            return new Error("reporting.audience_required", "Vælg det udvalg, der skal have afrapporteringen.", nameof(input.AudienceId));
        }
        var loaded = await PlanForChange.LoadAsync(db, bodyId, input.Version, ct);
        if (loaded.Value is not { } plan)
        {
            return Result<int>.Fail(loaded.Errors);
        }
        var candidate = new ReportingMilestone { AudienceId = audience.Id, Audience = audience, Month = input.Month, Kind = input.Kind };
        var valid = ReportingPlan.Validate([.. plan.Milestones, candidate]);
        if (!valid.IsValid)
        {
            return Result<int>.Fail(valid.Errors);
        }
        var milestone = plan.Add(audience, input.Month, input.Kind);
        var saved = await db.SaveAsync("Afrapporteringsplanen", ct);
        return saved.IsSuccess ? milestone.Id : Result<int>.Fail(saved.Errors);
    }
}
