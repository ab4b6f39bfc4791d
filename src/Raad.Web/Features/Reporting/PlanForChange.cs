using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Reporting;

/// <summary>Loads a body's reporting plan for a change, checking the version the form showed.</summary>
internal static class PlanForChange
{
    /// <summary>The plan (created, unsaved, when the body has none), or the error to show.</summary>
    public static async Task<Result<ReportingPlan>> LoadAsync(AppDbContext db, int bodyId, int version, CancellationToken ct)
    {
        if (!await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            return new Error("body.not_found", "Udvalget findes ikke.");
        }
        var plan = await db.ReportingPlans.Include(p => p.Milestones).ThenInclude(m => m.Audience)
            .FirstOrDefaultAsync(p => p.BodyId == bodyId, ct);
        if (plan is null)
        {
            // The first save makes the plan; a form that showed a plan that is gone again was shown a stale page.
            if (version != 0)
            {
                return ErrorMapping.Conflict("Afrapporteringsplanen");
            }
            // Version 1, not 0: a form that showed "no plan yet" (0) is then refused once another save has made one.
            plan = new ReportingPlan { BodyId = bodyId, Version = 1 };
            db.ReportingPlans.Add(plan);
            return plan;
        }
        // Milestones are rows of their own: the plan's version is raised on every change, so two editors cannot both add.
        db.ExpectVersionOfWhole(plan, version);
        return plan;
    }
}
