using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Common;
using Raad.Domain.Minutes;
using Raad.Domain.People;

namespace Raad.Domain.Meetings;

public enum MeetingKind
{
    Ordinary,
    Extraordinary,
}

public enum MeetingStatus
{
    Planned,
    AgendaDraft,
    AgendaPublished,
    Held,
    MinutesDraft,
    MinutesApproved,
    Cancelled,
}

/// <summary>A meeting of a body: when and where, its agenda, who came, what was decided.</summary>
public class Meeting
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }
    public MeetingKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }

    /// <summary>Address and room of a physical meeting.</summary>
    public string? Location { get; set; }

    public bool IsVirtual { get; set; }

    /// <summary>The link of a virtual meeting ("Teams"), if known.</summary>
    public string? VirtualLink { get; set; }

    /// <summary>The date in the meeting plan, kept when the meeting moves so plan and reality can both be shown.</summary>
    public DateOnly? PlannedDate { get; set; }

    public int? ChairId { get; set; }
    public Membership? Chair { get; set; }
    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;
    public DateTimeOffset? AgendaPublishedAt { get; set; }
    public DateTimeOffset? MinutesApprovedAt { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>Why the agenda went out later than the rules allow; printed in the agenda ("Dagsordenen er udsendt for sent, fordi ...").</summary>
    public string? AgendaLateReason { get; set; }

    /// <summary>Why the minutes were approved although an item lacked a quorum; printed in the minutes.</summary>
    public string? MinutesQuorumReason { get; set; }
    public List<AgendaItem> Items { get; set; } = [];
    public List<Attendance> Attendance { get; set; } = [];
    public int Version { get; set; }

    public string Title => Kind == MeetingKind.Extraordinary
        ? $"Ekstraordinært møde i {Body?.Name}"
        : $"Møde i {Body?.Name}";

    public string PlaceText => IsVirtual
        ? (string.IsNullOrWhiteSpace(Location) ? "Virtuelt møde" : Location!)
        : Location ?? "";

    public bool IsCancelled => Status == MeetingStatus.Cancelled;

    /// <summary>Drafts may be edited; once the agenda is published its numbering is fixed.</summary>
    public bool AgendaIsEditable => Status is MeetingStatus.Planned or MeetingStatus.AgendaDraft;

    public bool MinutesAreEditable => Status is MeetingStatus.Held or MeetingStatus.MinutesDraft;

    public bool AgendaIsPublic => IsPublicStatus(Status);

    /// <summary>From publication on, the agenda's open items are for everyone.</summary>
    public static bool IsPublicStatus(MeetingStatus status) =>
        status is MeetingStatus.AgendaPublished or MeetingStatus.Held or MeetingStatus.MinutesDraft or MeetingStatus.MinutesApproved;

    public IReadOnlyList<AgendaItem> OrderedItems => [.. Items.OrderBy(i => i.Position)];

    public Timeline Timeline => Timeline.Compute(Start, End, OrderedItems.Select(i => i.DurationMinutes));

    public static Validation Validate(DateOnly date, TimeOnly start, TimeOnly end, bool isVirtual, string? location, Body body)
    {
        var v = new Validation()
            .Require(end > start, "meeting.end_before_start", nameof(End), "Mødet skal slutte efter, det begynder.")
            .Require(body.IsValidOn(date), "meeting.outside_body_validity", nameof(Date),
                $"Datoen ligger uden for udvalgets periode ({body.ValidityText}).")
            .Require(isVirtual || !string.IsNullOrWhiteSpace(location), "meeting.location_required", nameof(Location),
                "Angiv mødested, eller marker mødet som virtuelt.");
        return v;
    }

    /// <summary>Begins the agenda, or withdraws a published one for correction (numbers are set again on publishing).</summary>
    public Result StartAgenda()
    {
        var withdrawing = Status == MeetingStatus.AgendaPublished;
        var moved = Transition(MeetingStatus.AgendaDraft);
        if (moved.IsSuccess && withdrawing)
        {
            AgendaPublishedAt = null;
            foreach (var item in Items)
            {
                item.Number = null;
            }
        }
        return moved;
    }

    public Result PublishAgenda(DateTimeOffset now)
    {
        if (Items.Count == 0)
        {
            return new Error("meeting.agenda_empty", "Dagsordenen har ingen punkter.");
        }
        var moved = Transition(MeetingStatus.AgendaPublished);
        if (!moved.IsSuccess)
        {
            return moved;
        }
        AgendaPublishedAt = now;
        var number = 1;
        foreach (var item in OrderedItems)
        {
            item.Number = number++;
        }
        return Result.Ok();
    }

    public Result MarkHeld() => Transition(MeetingStatus.Held);

    public Result StartMinutes() => Transition(MeetingStatus.MinutesDraft);

    public Result ApproveMinutes(DateTimeOffset now)
    {
        var moved = Transition(MeetingStatus.MinutesApproved);
        if (moved.IsSuccess)
        {
            MinutesApprovedAt = now;
        }
        return moved;
    }

    public Result Cancel(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Error("meeting.cancel_reason_required", "Skriv hvorfor mødet aflyses.", nameof(CancellationReason));
        }
        var moved = Transition(MeetingStatus.Cancelled);
        if (moved.IsSuccess)
        {
            CancellationReason = reason.Trim();
        }
        return moved;
    }

    /// <summary>
    /// Moves to a status that needs nothing but the workflow's permission. Publishing, approving and cancelling
    /// carry their own rules and go through their named steps.
    /// </summary>
    public Result MoveTo(MeetingStatus target) => target switch
    {
        MeetingStatus.AgendaPublished or MeetingStatus.MinutesApproved or MeetingStatus.Cancelled when MeetingWorkflow.CanMove(Status, target) =>
            new Error("meeting.use_named_step", $"Status \"{target.Danish()}\" sættes kun ved at udsende dagsordenen, godkende referatet eller aflyse mødet."),
        MeetingStatus.AgendaDraft => StartAgenda(),
        _ => Transition(target),
    };

    private Result Transition(MeetingStatus target)
    {
        if (!MeetingWorkflow.CanMove(Status, target))
        {
            return new Error("meeting.invalid_transition",
                $"Et møde med status \"{Status.Danish()}\" kan ikke få status \"{target.Danish()}\".");
        }
        Status = target;
        return Result.Ok();
    }
}

/// <summary>The order a meeting goes through, and which steps may be taken from where.</summary>
public static class MeetingWorkflow
{
    private static readonly Dictionary<MeetingStatus, MeetingStatus[]> Allowed = new()
    {
        [MeetingStatus.Planned] = [MeetingStatus.AgendaDraft, MeetingStatus.Cancelled],
        [MeetingStatus.AgendaDraft] = [MeetingStatus.AgendaPublished, MeetingStatus.Cancelled],
        // A published agenda may be withdrawn for correction before the meeting, or the meeting cancelled.
        [MeetingStatus.AgendaPublished] = [MeetingStatus.Held, MeetingStatus.AgendaDraft, MeetingStatus.Cancelled],
        [MeetingStatus.Held] = [MeetingStatus.MinutesDraft],
        [MeetingStatus.MinutesDraft] = [MeetingStatus.MinutesApproved],
        [MeetingStatus.MinutesApproved] = [],
        [MeetingStatus.Cancelled] = [],
    };

    public static bool CanMove(MeetingStatus from, MeetingStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<MeetingStatus> Next(MeetingStatus from) => Allowed[from];

    public static string Danish(this MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Planlagt",
        MeetingStatus.AgendaDraft => "Dagsorden i kladde",
        MeetingStatus.AgendaPublished => "Dagsorden udsendt",
        MeetingStatus.Held => "Afholdt",
        MeetingStatus.MinutesDraft => "Referat i kladde",
        MeetingStatus.MinutesApproved => "Referat godkendt",
        MeetingStatus.Cancelled => "Aflyst",
        _ => status.ToString(),
    };

    public static string Danish(this MeetingKind kind) => kind == MeetingKind.Extraordinary ? "Ekstraordinært" : "Ordinært";
}
