using Microsoft.EntityFrameworkCore;
using Raad.Domain.Bodies;
using Raad.Domain.Cases;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Succession = Raad.Domain.Money.Handover;

namespace Raad.Web.Features.Handover;

/// <summary>Everything a handover looks at, loaded into one tracked context so pools, projects and cases link up.</summary>
public sealed record HandoverWorld(
    Body Body,
    List<Project> Projects,
    List<FundingPool> Pools,
    List<Case> Cases,
    List<BodyRecommendation> Recommendations,
    List<HandoverRecord> Done)
{
    public static async Task<HandoverWorld?> LoadAsync(AppDbContext db, int bodyId, CancellationToken ct)
    {
        var body = await db.Bodies
            .Include(b => b.Memberships).ThenInclude(m => m.Person)
            .Include(b => b.Memberships).ThenInclude(m => m.Organisation)
            .Include(b => b.Successor!).ThenInclude(s => s.Memberships).ThenInclude(m => m.Person)
            .Include(b => b.Successor!).ThenInclude(s => s.Memberships).ThenInclude(m => m.Organisation)
            .AsSplitQuery()
            .FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
        {
            return null;
        }
        var projects = await db.Projects.Where(p => p.BodyId == bodyId).Include(p => p.Cases).OrderBy(p => p.Id).ToListAsync(ct);
        // Tracked, so each pool finds the pool of the year before (its carry-over) among the others.
        var pools = await db.FundingPools.Where(p => p.BodyId == bodyId)
            .Include(p => p.Contributions).Include(p => p.Grants).AsSplitQuery().ToListAsync(ct);
        var cases = await db.Cases.Where(c => c.BodyId == bodyId).Include(c => c.Items).AsSplitQuery().ToListAsync(ct);
        var recommendations = await db.BodyRecommendations.Where(r => r.BodyId == bodyId).ToListAsync(ct);
        var done = await db.Handovers.Include(r => r.FromBody).Include(r => r.ToBody).Include(r => r.Lines)
            .Where(r => r.FromBodyId == bodyId).AsSplitQuery().ToListAsync(ct);
        return new HandoverWorld(body, projects, pools, cases, recommendations, done);
    }

    public Result<HandoverPlan> Plan(IReadOnlyCollection<int>? observerOrganisations = null) =>
        Succession.Plan(Body, Projects, Pools, Cases, Recommendations, Done, observerOrganisations);

    /// <summary>Organisations with a member's seat on the body's last day: those the administrator may keep on as observers.</summary>
    public IReadOnlyList<(int Id, string Name)> MemberOrganisations()
    {
        var lastDay = Body.ValidTo ?? Body.Successor?.ValidFrom.AddDays(-1) ?? DateOnly.MaxValue;
        return [.. Body.Memberships.Where(m => m.IsVotingMember && m.IsActiveOn(lastDay) && m.Organisation is not null)
            .Select(m => (m.Organisation!.Id, m.Organisation.Name)).Distinct().OrderBy(o => o.Name, StringComparer.Create(DanishFormat.Culture, false))];
    }

    /// <summary>The day after the body's last day, or today for a body without an end.</summary>
    public DateOnly DefaultDate(DateOnly today) => Body.ValidTo is { } to ? to.AddDays(1) : today;
}

public sealed class HandoverInput
{
    public DateOnly? Date { get; set; }

    /// <summary>Organisations whose members continue as observers of the successor ("fortsætter som observatør").</summary>
    public List<int> ObserverOrganisations { get; set; } = [];
}

/// <summary>
/// Hands a body that ends over to its successor: its open projects, pools, open cases and recommendations move, its
/// observers become observers of the successor, and the record lists each line. One transaction; never twice.
/// </summary>
public sealed class HandOver(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, HandoverInput input, CancellationToken ct)
    {
        if (input.Date is not { } date)
        {
            return new Error("handover.date_required", "Angiv datoen for overdragelsen.", nameof(input.Date));
        }
        if (await HandoverWorld.LoadAsync(db, bodyId, ct) is not { } world)
        {
            return new Error("body.not_found", "Udvalget findes ikke.");
        }
        var plan = world.Plan(input.ObserverOrganisations);
        if (!plan.IsSuccess)
        {
            return WithoutField(plan.Errors).With(0);
        }
        var applied = Succession.Apply(plan.Value!, date, world.Done);
        if (!applied.IsSuccess)
        {
            return WithoutField(applied.Errors).With(0);
        }
        db.Handovers.Add(applied.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
            return applied.Value!.Id;
        }
        catch (DbUpdateException failed)
        {
            // Another administrator handed the body over at the same moment: the unique index on the handover's
            // from-body refused this one (or a moved row had changed). Nothing of this attempt is saved.
            db.ChangeTracker.Clear();
            if (await HandoverWorld.LoadAsync(db, bodyId, ct) is { Done.Count: > 0 } now && !now.Plan().IsSuccess)
            {
                return WithoutField(now.Plan().Errors).With(0);
            }
            if (failed is DbUpdateConcurrencyException)
            {
                return new Error(ErrorMapping.ConflictCode,
                    "Udvalgets projekter, puljer eller sager blev ændret af en anden under overdragelsen. Intet er overdraget; se planen igen, og bekræft på ny.");
            }
            throw;
        }
    }

    /// <summary>The domain names the successor field of the body's own form; here the message stands above the form.</summary>
    private static Result WithoutField(IReadOnlyList<Error> errors) => Result.From([.. errors.Select(e => e with { Field = null })]);
}
