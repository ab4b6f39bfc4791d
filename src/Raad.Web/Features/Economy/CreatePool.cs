using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Money;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Economy;

public sealed class PoolInput
{
    public int Year { get; set; }
    public string? Name { get; set; }
    public int? PreviousId { get; set; }
}

/// <summary>A new funding pool for a body and year, carrying over the remainder of the pool before it. Answers the pool's id.</summary>
public sealed class CreatePool(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, PoolInput input, CancellationToken ct)
    {
        var previous = input.PreviousId is { } id
            ? await db.FundingPools.Include(p => p.Grants).Include(p => p.Contributions).FirstOrDefaultAsync(p => p.Id == id && p.BodyId == bodyId, ct)
            : null;
        if (input.PreviousId is not null && previous is null)
        {
            return new Error("pool.previous_not_found", "Den forrige pulje findes ikke for dette udvalg.", nameof(PoolInput.PreviousId));
        }
        var name = input.Name?.Trim() ?? "";
        var valid = FundingPool.Validate(name, input.Year, previous)
            .Require(!await db.FundingPools.AnyAsync(p => p.BodyId == bodyId && p.Name == name, ct), "pool.duplicate",
                nameof(PoolInput.Name), "Udvalget har allerede en pulje med det navn.");
        if (!valid.IsValid)
        {
            return Result<int>.Fail(valid.Errors);
        }
        var pool = new FundingPool { BodyId = bodyId, Year = input.Year, Name = name, Previous = previous };
        db.FundingPools.Add(pool);
        var saved = await db.SaveAsync("Puljen", ct);
        return saved.IsSuccess ? pool.Id : Result<int>.Fail(saved.Errors);
    }
}
