using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Money;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Economy;

public sealed class ContributionInput
{
    public int PoolId { get; set; }
    public int PoolVersion { get; set; }
    public string? Source { get; set; }
    public string? Amount { get; set; }
    public MemberGroup? Group { get; set; }
    public int? OrganisationId { get; set; }
    public DateOnly? Date { get; set; }
}

/// <summary>Money paid into a pool. The pool's version guards against two people adding the same payment at once. Answers the pool's id.</summary>
public sealed class AddContribution(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, ContributionInput input, CancellationToken ct)
    {
        var pool = await db.FundingPools.Include(p => p.Contributions).FirstOrDefaultAsync(p => p.Id == input.PoolId && p.BodyId == bodyId, ct);
        if (pool is null)
        {
            return new Error("pool.not_found", "Puljen findes ikke for dette udvalg.");
        }
        var amount = Kroner.Parse(input.Amount);
        if (!amount.IsSuccess)
        {
            return new Error(amount.Errors[0].Code, amount.Errors[0].Message, nameof(ContributionInput.Amount));
        }
        var organisation = input.OrganisationId is { } orgId ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == orgId, ct) : null;
        var added = pool.AddContribution(input.Source, amount.Value, input.Group, organisation, input.Date);
        if (!added.IsSuccess)
        {
            return Result<int>.Fail(added.Errors);
        }
        db.ExpectVersionOfWhole(pool, input.PoolVersion);
        return (await db.SaveAsync("Puljen", ct)).With(pool.Id);
    }
}
