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

/// <summary>A new funding pool for a body and year, carrying over the remainder of the pool before it.</summary>
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

/// <summary>Money paid into a pool. The pool's version guards against two people adding the same payment at once.</summary>
public sealed class AddContribution(AppDbContext db) : IUseCase
{
    public async Task<Result> HandleAsync(int bodyId, ContributionInput input, CancellationToken ct)
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
            return Result.From(added.Errors);
        }
        db.ExpectVersion(pool, input.PoolVersion);
        db.Entry(pool).Property(p => p.Version).IsModified = true;
        return await db.SaveAsync("Puljen", ct);
    }
}

/// <summary>
/// Records a grant as the decision made it: the deciding item must be on a held meeting of the pool's body (or the
/// written procedure decided in it), and the domain checks the amount against the pool.
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
        if (item is not null && (item.Meeting is not { } meeting || meeting.BodyId != bodyId
            || meeting.Status is not (MeetingStatus.Held or MeetingStatus.MinutesDraft or MeetingStatus.MinutesCirculated or MeetingStatus.MinutesApproved)))
        {
            return new Error("grant.item_not_decided", "Punktet skal være behandlet på et afholdt møde i udvalget, før en bevilling kan henføres til det.",
                nameof(GrantInput.DecidedByItemId));
        }
        if (item is null && written is null)
        {
            return new Error("grant.decision_required",
                "En tildeling skal være besluttet: vælg det dagsordenspunkt, hvor den blev besluttet, eller en skriftlig proces.", nameof(GrantInput.DecidedByItemId));
        }
        var date = input.Date ?? item?.Meeting?.Date ?? (written?.ClosedAt is { } closed ? Clock.ToLocalDate(closed) : null);
        if (date is null)
        {
            return new Error("grant.date_required", "Angiv datoen for beslutningen.", nameof(GrantInput.Date));
        }
        var recorded = Grant.Record(pool, project, input.Kind, amount.Value, date.Value, item, written, input.Note.OrNull());
        if (!recorded.IsSuccess)
        {
            return Result<int>.Fail(recorded.Errors);
        }
        // The pool's version rises with each grant, so two grants checked against the same remainder at once cannot
        // both be saved: the second gets the conflict message and is checked again when sent again.
        db.Entry(pool).Property(p => p.Version).IsModified = true;
        var saved = await db.SaveAsync("Puljen", ct);
        return saved.IsSuccess ? recorded.Value!.Id : Result<int>.Fail(saved.Errors);
    }
}
