using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Handover;

/// <summary>Removes a recommendation recorded by mistake.</summary>
public sealed class RemoveRecommendation(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, int recommendationId, CancellationToken ct)
    {
        var recommendation = await db.BodyRecommendations.FirstOrDefaultAsync(r => r.Id == recommendationId && r.BodyId == bodyId, ct);
        if (recommendation is null)
        {
            return new Error("recommendation.not_found", "Anbefalingen findes ikke (længere) hos udvalget.");
        }
        db.BodyRecommendations.Remove(recommendation);
        return (await db.SaveAsync("Anbefalingerne", ct)).With(recommendationId);
    }
}
