using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Economy;

public sealed class GrantInput
{
    public int? ProjectId { get; set; }
    public int? PoolId { get; set; }
    public GrantKind Kind { get; set; }
    public string? Amount { get; set; }

    /// <summary>The day of the decision; the deciding meeting's (or written procedure's) day when left empty.</summary>
    public DateOnly? Date { get; set; }

    public int? DecidedByItemId { get; set; }
    public int? WrittenProcedureId { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// Records a grant as the decision made it. The domain (<see cref="Grant.Record"/>) checks the decision (an item on a held
/// meeting of the pool's body, or a decided written procedure) and the amount against the pool. Answers the grant's id.
/// </summary>
public sealed class RecordGrant(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, GrantInput input, CancellationToken ct)
    {
        var valid = new Validation()
            .Require(input.ProjectId is not null, "grant.project_required", nameof(GrantInput.ProjectId), "Vælg projektet, der får pengene.")
            .Require(input.PoolId is not null, "grant.pool_required", nameof(GrantInput.PoolId), "Vælg puljen, pengene kommer fra.");
        var amount = Kroner.Parse(input.Amount);
        valid.Require(amount.IsSuccess, amount.Errors.FirstOrDefault()?.Code ?? "", nameof(GrantInput.Amount), amount.Errors.FirstOrDefault()?.Message ?? "");
        if (!valid.IsValid)
        {
            return Result<int>.Fail(valid.Errors);
        }
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == input.ProjectId && p.BodyId == bodyId, ct);
        // The pool with its grants and the chain of pools before it: the remainder carried over decides what may be granted.
        var pools = await db.FundingPools.Where(p => p.BodyId == bodyId).Include(p => p.Grants).Include(p => p.Contributions).ToListAsync(ct);
        var pool = pools.FirstOrDefault(p => p.Id == input.PoolId);
        if (project is null || pool is null)
        {
            return new Error("grant.not_found", project is null ? "Projektet findes ikke for dette udvalg." : "Puljen findes ikke for dette udvalg.",
                project is null ? nameof(GrantInput.ProjectId) : nameof(GrantInput.PoolId));
        }
        var item = input.DecidedByItemId is { } itemId
            ? await db.AgendaItems.Include(i => i.Meeting).FirstOrDefaultAsync(i => i.Id == itemId, ct)
            : null;
        var written = input.WrittenProcedureId is { } writtenId
            ? await db.WrittenProcedures.FirstOrDefaultAsync(w => w.Id == writtenId && w.BodyId == bodyId, ct)
            : null;
        // Left empty, the day is the deciding meeting's or the day the written procedure closed.
        var date = input.Date ?? item?.Meeting?.Date ?? (written?.ClosedAt is { } closed ? Clock.ToLocalDate(closed) : null);
        var recorded = Grant.Record(pool, project, input.Kind, amount.Value, date, item, written, input.Note.OrNull());
        if (!recorded.IsSuccess)
        {
            return Result<int>.Fail(recorded.Errors);
        }
        // The pool's version rises with each grant, so two grants checked against the same remainder at once cannot
        // both be saved: the second gets the conflict message and is checked again when sent again.
        db.Entry(pool).Property(p => p.Version).IsModified = true;
        return (await db.SaveAsync("Puljen", ct)).With(recorded.Value!.Id);
    }
}
