using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Procedure;

namespace Raad.Domain.Money;

public enum GrantKind
{
    /// <summary>Tildeling: the first money to a project.</summary>
    Grant,

    /// <summary>Forhøjelse.</summary>
    Increase,

    /// <summary>Reduktion: money taken back.</summary>
    Reduction,

    /// <summary>Restmidler: unspent and ungranted money given to an existing project.</summary>
    RemainderFunds,
}

/// <summary>Money from a pool to a project, made by the decision of an agenda item or a written procedure.</summary>
public class Grant
{
    public int Id { get; set; }
    public int FundingPoolId { get; set; }
    public FundingPool? FundingPool { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public GrantKind Kind { get; set; }

    /// <summary>Always positive; <see cref="SignedAmount"/> gives reductions their sign.</summary>
    public decimal Amount { get; set; }

    /// <summary>The day of the decision.</summary>
    public DateOnly Date { get; set; }

    public int? DecidedByItemId { get; set; }
    public AgendaItem? DecidedByItem { get; set; }
    public int? WrittenProcedureId { get; set; }
    public WrittenProcedure? WrittenProcedure { get; set; }

    /// <summary>What the money is for, or why it changed ("to 1-årige ansættelser i stedet for én 2-årig").</summary>
    public string? Note { get; set; }

    public decimal SignedAmount => Kind == GrantKind.Reduction ? -Amount : Amount;

    public bool IsRemainderFunds => Kind == GrantKind.RemainderFunds;

    /// <summary>In memory the navigation decides; loaded from the database the id does.</summary>
    public bool IsFor(Project project) => ReferenceEquals(Project, project) || (project.Id != 0 && ProjectId == project.Id);

    /// <summary>Where the decision was made, as the history prints it: "Møde 26. april 2023, punkt 3" or "Skriftlig proces".</summary>
    public string DecidedByText => DecidedByItem is { } item
        ? item.Meeting is { } meeting
            ? item.Number is { } number
                ? $"Møde {DanishFormat.Date(meeting.Date)}, punkt {number}: {item.Title}"
                : $"Møde {DanishFormat.Date(meeting.Date)}: {item.Title}"
            : item.Title
        : WrittenProcedure is { } written
            ? $"Skriftlig proces: {written.Title}"
            : "";

    public static string KindText(GrantKind kind) => kind switch
    {
        GrantKind.Grant => "Tildeling",
        GrantKind.Increase => "Forhøjelse",
        GrantKind.Reduction => "Reduktion",
        GrantKind.RemainderFunds => "Restmidler",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Records a grant. Money only moves by a decision: an agenda item treated on a held meeting of the pool's body, or
    /// a written procedure that was decided. The decision's day is required (the caller fills in the meeting's or the
    /// procedure's day when the user left it empty).
    /// A reduction may not take the project's grants from the pool below zero, and new money must be in the pool;
    /// remainder funds come from money granted but not spent, which the pool alone does not show, so only the overview judges those.
    /// </summary>
    public static Result<Grant> Record(FundingPool pool, Project project, GrantKind kind, decimal amount, DateOnly? date,
        AgendaItem? decidedBy, WrittenProcedure? writtenProcedure = null, string? note = null)
    {
        if (decidedBy is not null && !DecidedOnHeldMeetingOf(decidedBy, pool))
        {
            return new Error("grant.item_not_decided", "Punktet skal være behandlet på et afholdt møde i udvalget, før en bevilling kan henføres til det.",
                nameof(DecidedByItemId));
        }
        if (decidedBy is null && writtenProcedure is null)
        {
            return new Error("grant.decision_required",
                "En tildeling skal være besluttet: vælg det dagsordenspunkt, hvor den blev besluttet, eller en skriftlig proces.", nameof(DecidedByItemId));
        }
        if (date is null)
        {
            return new Error("grant.date_required", "Angiv datoen for beslutningen.", nameof(Date));
        }
        var v = new Validation()
            .Require(amount > 0, "grant.amount_not_positive", nameof(Amount),
                kind == GrantKind.Reduction ? "Skriv reduktionen som et positivt beløb, fx 100.000." : "Beløbet skal være større end 0 kr.")
            .Require(writtenProcedure is null || writtenProcedure.Status == WrittenProcedureStatus.Decided, "grant.written_procedure_not_decided",
                nameof(WrittenProcedureId), "Den skriftlige proces er ikke afgjort; en tildeling kan først registreres, når indstillingen er besluttet.");
        if (v.IsValid && kind == GrantKind.Reduction)
        {
            var current = pool.Grants.Where(g => g.IsFor(project) && !g.IsRemainderFunds).Sum(g => g.SignedAmount);
            v.Require(amount <= current, "grant.reduction_below_zero", nameof(Amount),
                $"Projektet har kun fået {DanishFormat.Kroner(current)} fra puljen; det kan ikke reduceres med {DanishFormat.Kroner(amount)}");
        }
        if (v.IsValid && kind is GrantKind.Grant or GrantKind.Increase)
        {
            v.Require(amount <= pool.Remainder, "grant.pool_insufficient", nameof(Amount),
                $"Der er kun {DanishFormat.Kroner(pool.Remainder)} tilbage i {pool.Name}; der kan ikke tildeles {DanishFormat.Kroner(amount)}");
        }
        if (!v.IsValid)
        {
            return Result<Grant>.Fail(v.Errors);
        }
        var grant = new Grant
        {
            FundingPoolId = pool.Id,
            FundingPool = pool,
            ProjectId = project.Id,
            Project = project,
            Kind = kind,
            Amount = amount,
            Date = date.Value,
            DecidedByItemId = decidedBy?.Id,
            DecidedByItem = decidedBy,
            WrittenProcedureId = writtenProcedure?.Id,
            WrittenProcedure = writtenProcedure,
            Note = note,
        };
        pool.Grants.Add(grant);
        project.Grants.Add(grant);
        return grant;
    }

    /// <summary>The item's meeting was held (or its minutes are under way or approved) and belongs to the pool's body.</summary>
    private static bool DecidedOnHeldMeetingOf(AgendaItem item, FundingPool pool) =>
        item.Meeting is { HasMinutes: true } meeting
        && (ReferenceEquals(meeting.Body, pool.Body) && meeting.Body is not null || (meeting.BodyId != 0 && meeting.BodyId == pool.BodyId));
}
