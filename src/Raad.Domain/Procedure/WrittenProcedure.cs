using Raad.Domain.Common;
using Raad.Domain.People;

namespace Raad.Domain.Procedure;

public enum WrittenProcedureStatus
{
    Open,

    /// <summary>Enough members objected: the case "skal behandles på et møde".</summary>
    SentToMeeting,

    /// <summary>The deadline passed with too few objections: the recommendation is the decision.</summary>
    Decided,
}

public enum WrittenAnswerKind
{
    Agree,
    Object,
    Comment,
}

/// <summary>
/// A case settled in writing between meetings (skriftlig proces): the members see a recommendation and a deadline and
/// answer agree, object or comment. Objections (by the rules, one) send the case to a meeting; silence decides it.
/// </summary>
public class WrittenProcedure
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Bodies.Body? Body { get; set; }
    public int CaseId { get; set; }
    public Cases.Case? Case { get; set; }
    public required string Title { get; set; }
    public required string Recommendation { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The last day to answer.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>How many objections send the case to a meeting, from the rules in force when the procedure started.</summary>
    public int ObjectionsToMeeting { get; set; } = 1;

    public WrittenProcedureStatus Status { get; set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The decision recorded when the deadline passed without (enough) objection.</summary>
    public string? Decision { get; private set; }

    /// <summary>The agenda item on the next meeting's draft, once the case was sent to a meeting.</summary>
    public int? AgendaItemId { get; set; }

    /// <summary>When members who had not answered were reminded that the deadline approaches.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public List<WrittenAnswer> Answers { get; set; } = [];
    public int Version { get; set; }

    public int Objections => Answers.Count(a => a.Kind == WrittenAnswerKind.Object);

    public string StatusText => Status switch
    {
        WrittenProcedureStatus.Open => $"I skriftlig proces til {DanishFormat.Date(Deadline)}",
        WrittenProcedureStatus.SentToMeeting => "Skal behandles på et møde",
        _ => "Afgjort ved skriftlig proces",
    };

    /// <summary>
    /// Whether the rules in force allow a written procedure at all, asked before the form is offered, so that it does
    /// not fail only after it has been filled in.
    /// </summary>
    public static Result MayStart(RulesOfProcedure? rules) =>
        rules is null
            ? new Error("written.no_rules", "Udvalget har ingen forretningsorden i kraft i dag, så en skriftlig proces kan ikke startes.")
            : !rules.WrittenProcedureAllowed
                ? new Error("written.not_allowed", $"{rules.Title} tillader ikke skriftlig proces; sagen skal behandles på et møde.")
                : Result.Ok();

    public static Result<WrittenProcedure> Start(RulesOfProcedure? rules, int bodyId, int caseId, string? title, string? recommendation,
        DateOnly deadline, DateOnly today, DateTimeOffset now)
    {
        if (MayStart(rules) is { IsSuccess: false } refused)
        {
            return Result<WrittenProcedure>.Fail(refused.Errors);
        }
        var valid = new Validation()
            .Require(!string.IsNullOrWhiteSpace(title), "written.title_required", nameof(Title), "Skriv en titel på sagen.")
            .Require(!string.IsNullOrWhiteSpace(recommendation), "written.recommendation_required", nameof(Recommendation),
                "Skriv indstillingen, som medlemmerne skal tage stilling til.")
            .Require(deadline > today, "written.deadline_past", nameof(Deadline), "Fristen skal ligge efter i dag.");
        if (!valid.IsValid)
        {
            return Result<WrittenProcedure>.Fail(valid.Errors);
        }
        return new WrittenProcedure
        {
            BodyId = bodyId,
            CaseId = caseId,
            Title = title!.Trim(),
            Recommendation = recommendation!.Trim(),
            Deadline = deadline,
            StartedAt = now,
            ObjectionsToMeeting = Math.Max(1, rules!.WrittenProcedureObjectionsToMeeting),
        };
    }

    /// <summary>A member's answer; a later answer replaces their earlier one. Returns whether the case now goes to a meeting.</summary>
    public Result<bool> Answer(int membershipId, WrittenAnswerKind kind, string? comment, DateOnly today, DateTimeOffset now)
    {
        if (Status != WrittenProcedureStatus.Open)
        {
            return new Error("written.closed", $"Den skriftlige proces er afsluttet ({StatusText.ToLowerInvariant()}).");
        }
        if (today > Deadline)
        {
            return new Error("written.deadline_passed", $"Fristen for at svare udløb {DanishFormat.Date(Deadline)}.");
        }
        if (kind != WrittenAnswerKind.Agree && string.IsNullOrWhiteSpace(comment))
        {
            return new Error("written.comment_required", kind == WrittenAnswerKind.Object
                ? "Skriv begrundelsen for indsigelsen; den følger sagen til mødet."
                : "Skriv bemærkningen.", nameof(WrittenAnswer.Comment));
        }
        Answers.RemoveAll(a => a.MembershipId == membershipId);
        Answers.Add(new WrittenAnswer
        {
            MembershipId = membershipId,
            Kind = kind,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            AnsweredAt = now,
        });
        if (Objections >= ObjectionsToMeeting)
        {
            Status = WrittenProcedureStatus.SentToMeeting;
            ClosedAt = now;
            return true;
        }
        return false;
    }

    public bool IsDueForDecision(DateOnly today) => Status == WrittenProcedureStatus.Open && today > Deadline;

    /// <summary>The deadline passed without enough objections: the recommendation is decided.</summary>
    public Result Decide(DateOnly today, DateTimeOffset now)
    {
        if (!IsDueForDecision(today))
        {
            return new Error("written.not_due", "Den skriftlige proces kan først afgøres, når fristen er udløbet.");
        }
        Status = WrittenProcedureStatus.Decided;
        ClosedAt = now;
        Decision = $"Indstillingen blev godkendt ved skriftlig proces med frist {DanishFormat.Date(Deadline)}: {Recommendation}";
        return Result.Ok();
    }

    /// <summary>Members who have not answered are reminded once, when at most <paramref name="daysBefore"/> days remain.</summary>
    public bool IsDueForReminder(DateOnly today, int daysBefore = 2) =>
        Status == WrittenProcedureStatus.Open && ReminderSentAt is null && today <= Deadline && Deadline.DayNumber - today.DayNumber <= daysBefore;
}

/// <summary>One member's answer in a written procedure.</summary>
public class WrittenAnswer
{
    public int Id { get; set; }
    public int WrittenProcedureId { get; set; }
    public int MembershipId { get; set; }
    public Membership? Membership { get; set; }
    public WrittenAnswerKind Kind { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }

    public string KindText => Kind switch
    {
        WrittenAnswerKind.Agree => "Enig",
        WrittenAnswerKind.Object => "Indsigelse",
        _ => "Bemærkning",
    };
}
