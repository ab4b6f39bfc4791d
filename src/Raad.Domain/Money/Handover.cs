using Raad.Domain.Bodies;
using Raad.Domain.Cases;
using Raad.Domain.Common;
using Raad.Domain.People;

namespace Raad.Domain.Money;

/// <summary>A recommendation a body leaves for others to act on (anbefaling), e.g. to the council that follows it.</summary>
public class BodyRecommendation
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }
    public required string Text { get; set; }
    public DateOnly Date { get; set; }
    public int? AgendaItemId { get; set; }
    public Agenda.AgendaItem? AgendaItem { get; set; }
}

public enum HandoverKind
{
    Project,
    Pool,
    Case,
    Recommendation,
    Observer,
}

/// <summary>The record of a body's handover to its successor: when, and each thing that moved.</summary>
public class HandoverRecord
{
    public int Id { get; set; }
    public int FromBodyId { get; set; }
    public Body? FromBody { get; set; }
    public int ToBodyId { get; set; }
    public Body? ToBody { get; set; }
    public DateOnly Date { get; set; }
    public List<HandoverLine> Lines { get; set; } = [];
}

/// <summary>One thing handed over: what kind, which id it had, and how it reads in the record.</summary>
public class HandoverLine
{
    public int Id { get; set; }
    public int HandoverRecordId { get; set; }
    public HandoverKind Kind { get; set; }
    public int EntityId { get; set; }
    public required string Text { get; set; }
}

/// <summary>What moves from a body that ends to its successor. Moving keeps each thing's history; nothing is copied.</summary>
public sealed record HandoverPlan(
    Body From,
    Body To,
    IReadOnlyList<Project> Projects,
    IReadOnlyList<FundingPool> Pools,
    IReadOnlyList<Case> Cases,
    IReadOnlyList<BodyRecommendation> Recommendations,
    IReadOnlyList<Membership> Observers)
{
    public IReadOnlyList<(HandoverKind Kind, int Id, string Text)> Lines() =>
    [
        .. Projects.Select(p => (HandoverKind.Project, p.Id, $"Projekt: {p.Title} ({Project.StatusText(p.Status).ToLowerInvariant()})")),
        .. Pools.Select(p => (HandoverKind.Pool, p.Id, $"Pulje: {p.Name}, rest {DanishFormat.Kroner(p.Remainder)}")),
        .. Cases.Select(c => (HandoverKind.Case, c.Id, $"Sag: {c.Title}{(c.CaseNumber is { } n ? $" ({n})" : "")}")),
        .. Recommendations.Select(r => (HandoverKind.Recommendation, r.Id, $"Anbefaling: {r.Text}")),
        .. Observers.Select(o => (HandoverKind.Observer, o.Id, $"Observatør: {o.Person?.Name ?? o.Organisation?.Name}")),
    ];
}

/// <summary>The move from a body that ends (a cluster) to the body that succeeds it (a council).</summary>
public static class Handover
{
    /// <summary>
    /// Lists what moves: open projects, all pools (each with its remainder and the grants made from it, so the
    /// economy overview reads the same afterwards), open cases, the body's recommendations, and the observers on its last day.
    /// Refuses a body without successor and a body already handed over.
    /// <paramref name="observerOrganisations"/> names organisations whose members continue as observers of the
    /// successor without being among its members, as Københavns Kommune in the council after Syd (`000` item 4).
    /// </summary>
    public static Result<HandoverPlan> Plan(Body body, IEnumerable<Project> projects, IEnumerable<FundingPool> pools, IEnumerable<Case> cases,
        IEnumerable<BodyRecommendation> recommendations, IEnumerable<HandoverRecord> done, IReadOnlyCollection<int>? observerOrganisations = null)
    {
        if (body.Successor is not { } successor)
        {
            return new Error("handover.no_successor",
                $"{body.Name} har intet efterfølgende udvalg. Angiv efterfølgeren, før der kan overdrages.", nameof(Body.SuccessorId));
        }
        if (done.FirstOrDefault(r => r.FromBodyId == body.Id) is { } earlier)
        {
            return new Error("handover.already_done",
                $"{body.Name} blev overdraget til {earlier.ToBody?.Name ?? successor.Name} den {DanishFormat.Date(earlier.Date)}. Intet overdrages to gange.");
        }
        if (ReferenceEquals(successor, body) || successor.Id == body.Id && body.Id != 0)
        {
            return new Error("handover.self", $"{body.Name} kan ikke overdrage til sig selv.", nameof(Body.SuccessorId));
        }
        var openProjects = projects.Where(p => Owns(body, p.BodyId, p.Body) && p.IsOpen).OrderBy(p => p.Id).ToList();
        var lastDay = body.ValidTo ?? successor.ValidFrom.AddDays(-1);
        return new HandoverPlan(
            body,
            successor,
            openProjects,
            [.. pools.Where(p => Owns(body, p.BodyId, p.Body)).OrderBy(p => p.Year)],
            [.. cases.Where(c => c.BodyId is { } id && Owns(body, id, c.Body) && IsOpen(c, openProjects)).OrderBy(c => c.Id)],
            [.. recommendations.Where(r => Owns(body, r.BodyId, r.Body)).OrderBy(r => r.Date)],
            [.. body.Memberships.Where(m => m.IsActiveOn(lastDay) && (m.Role == MembershipRole.Observer
                || m.IsVotingMember && m.OrganisationId is { } organisation && observerOrganisations?.Contains(organisation) == true))]);
    }

    /// <summary>Carries the plan out on the objects and records it. Refuses when the body was already handed over.</summary>
    public static Result<HandoverRecord> Apply(HandoverPlan plan, DateOnly date, List<HandoverRecord> done)
    {
        var (from, to) = (plan.From, plan.To);
        if (done.FirstOrDefault(r => r.FromBodyId == from.Id && (from.Id != 0 || ReferenceEquals(r.FromBody, from))) is { } earlier)
        {
            return new Error("handover.already_done",
                $"{from.Name} blev overdraget til {to.Name} den {DanishFormat.Date(earlier.Date)}. Intet overdrages to gange.");
        }
        var record = new HandoverRecord { FromBodyId = from.Id, FromBody = from, ToBodyId = to.Id, ToBody = to, Date = date };
        record.Lines.AddRange(plan.Lines().Select(l => new HandoverLine { Kind = l.Kind, EntityId = l.Id, Text = l.Text }));
        foreach (var project in plan.Projects)
        {
            (project.BodyId, project.Body) = (to.Id, to);
        }
        foreach (var pool in plan.Pools)
        {
            (pool.BodyId, pool.Body) = (to.Id, to);
        }
        foreach (var @case in plan.Cases)
        {
            (@case.BodyId, @case.Body) = (to.Id, to);
        }
        foreach (var recommendation in plan.Recommendations)
        {
            (recommendation.BodyId, recommendation.Body) = (to.Id, to);
        }
        // An observer keeps the seat in the old body's history and gets a new one, as observer, in the successor.
        var firstDay = to.ValidFrom > date ? to.ValidFrom : date;
        foreach (var observer in plan.Observers.Where(o => !to.Memberships.Any(m => m.Role == MembershipRole.Observer && SameSeat(m, o))))
        {
            to.Memberships.Add(new Membership
            {
                BodyId = to.Id,
                Body = to,
                PersonId = observer.PersonId,
                Person = observer.Person,
                OrganisationId = observer.OrganisationId,
                Organisation = observer.Organisation,
                Group = observer.Group,
                Note = observer.Note,
                Role = MembershipRole.Observer,
                From = firstDay,
            });
        }
        done.Add(record);
        return record;
    }

    private static bool Owns(Body body, int bodyId, Body? navigation) =>
        navigation is not null ? ReferenceEquals(navigation, body) : bodyId == body.Id;

    /// <summary>A case is open while an item of it awaits a decision, or while a project that moves belongs to it.</summary>
    private static bool IsOpen(Case @case, IReadOnlyList<Project> openProjects) =>
        @case.Items.Count == 0 || @case.Items.Any(i => string.IsNullOrWhiteSpace(i.Decision)) || openProjects.Any(p => p.Cases.Contains(@case));

    private static bool SameSeat(Membership a, Membership b) =>
        a.PersonId == b.PersonId && ReferenceEquals(a.Person, b.Person) && a.OrganisationId == b.OrganisationId;
}
