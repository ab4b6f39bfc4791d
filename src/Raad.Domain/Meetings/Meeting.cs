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
    MinutesCirculated,
    MinutesApproved,
    Cancelled,
}

/// <summary>A meeting of a body: when and where, its agenda, who came, what was decided.</summary>
public partial class Meeting
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
    public MeetingStatus Status { get; private set; } = MeetingStatus.Planned;
    public DateTimeOffset? AgendaPublishedAt { get; private set; }
    public DateTimeOffset? MinutesApprovedAt { get; private set; }

    /// <summary>When the minutes were first sent to the members; judged against the dispatch deadline (§ 3, stk. 5).</summary>
    public DateTimeOffset? MinutesCirculatedAt { get; private set; }

    /// <summary>How the minutes were approved ("Godkendt uden indsigelser ..." or "Godkendt på mødet"); printed in them.</summary>
    public string? MinutesApprovalNote { get; set; }

    public List<MinutesVersion> MinutesVersions { get; set; } = [];
    public List<MinutesCorrection> MinutesCorrections { get; set; } = [];
    public string? CancellationReason { get; private set; }

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

    public bool HasMinutes => Status is MeetingStatus.Held or MeetingStatus.MinutesDraft or MeetingStatus.MinutesCirculated or MeetingStatus.MinutesApproved;

    public MinutesVersion? LatestMinutesVersion => MinutesVersions.MaxBy(v => v.Number);

    /// <summary>From publication on, the agenda's open items are for everyone.</summary>
    public static bool IsPublicStatus(MeetingStatus status) =>
        status is MeetingStatus.AgendaPublished or MeetingStatus.Held or MeetingStatus.MinutesDraft or MeetingStatus.MinutesCirculated
            or MeetingStatus.MinutesApproved;

    public IReadOnlyList<AgendaItem> OrderedItems => [.. Items.OrderBy(i => i.Position)];

    public Timeline Timeline => Timeline.Compute(Start, End, OrderedItems.Select(i => i.DurationMinutes));

    public static Validation Validate(DateOnly date, TimeOnly start, TimeOnly end, bool isVirtual, string? location, Body body, string? virtualLink = null)
    {
        var v = new Validation()
            .Require(end > start, "meeting.end_before_start", nameof(End), "Mødet skal slutte efter, det begynder.")
            .Require(body.IsValidOn(date), "meeting.outside_body_validity", nameof(Date),
                $"Datoen ligger uden for udvalgets periode ({body.ValidityText}).")
            .Require(isVirtual || !string.IsNullOrWhiteSpace(location), "meeting.location_required", nameof(Location),
                "Angiv mødested, eller marker mødet som virtuelt.")
            .Require(string.IsNullOrWhiteSpace(virtualLink) || WebLink.IsWeb(virtualLink), "meeting.virtual_link_not_web", nameof(VirtualLink),
                "Linket til det virtuelle møde skal være en webadresse, der begynder med https:// (eller http://).");
        return v;
    }

    /// <summary>Positions 1..n in the current order (ties by id), so moves, inserts and removals stay simple.</summary>
    public void RenumberPositions()
    {
        var position = 1;
        foreach (var item in Items.OrderBy(i => i.Position).ThenBy(i => i.Id))
        {
            item.Position = position++;
        }
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

    /// <summary>A meeting is held on its day or after it, never before.</summary>
    public Result MarkHeld(DateOnly today) => Date > today
        ? new Error("meeting.not_yet_held", $"Mødet er først den {DanishFormat.Date(Date)} og kan ikke markeres som afholdt før.")
        : Transition(MeetingStatus.Held);

    public Result StartMinutes() => Transition(MeetingStatus.MinutesDraft);

    /// <summary>
    /// Sends the minutes to the members: the text as it reads now becomes a numbered version, and the objection window
    /// runs from today. A revised version must say what changed, and must differ from the one before.
    /// </summary>
    public Result CirculateMinutes(string text, string? changeNote, int objectionWindowDays, DateOnly today, DateTimeOffset now)
    {
        var previous = LatestMinutesVersion;
        if (previous is not null && string.IsNullOrWhiteSpace(changeNote))
        {
            return new Error("minutes.change_note_required",
                "Skriv, hvad der er rettet i den reviderede udgave; medlemmerne ser det sammen med ændringerne.", nameof(MinutesVersion.ChangeNote));
        }
        if (previous is not null && previous.Text == text)
        {
            return new Error("minutes.unchanged", $"Referatet er ikke ændret siden udgave {previous.Number}. Ret det, før en revideret udgave udsendes.");
        }
        var moved = Transition(MeetingStatus.MinutesCirculated);
        if (!moved.IsSuccess)
        {
            return moved;
        }
        MinutesCirculatedAt ??= now;
        MinutesVersions.Add(new MinutesVersion
        {
            Number = (previous?.Number ?? 0) + 1,
            IssuedAt = now,
            ObjectionsDue = today.AddDays(objectionWindowDays),
            Text = text,
            ChangeNote = string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim(),
        });
        return Result.Ok();
    }

    /// <summary>Takes circulated minutes back to the draft so the secretariat can answer objections with a revised version.</summary>
    public Result ReviseMinutes() => Status == MeetingStatus.MinutesCirculated
        ? Transition(MeetingStatus.MinutesDraft)
        : new Error("minutes.not_circulated", "Kun et udsendt referat kan revideres.");

    /// <summary>A member objects to the version out now, before its window closes.</summary>
    public Result ObjectToMinutes(int personId, string? text, DateOnly today, DateTimeOffset now)
    {
        if (Status != MeetingStatus.MinutesCirculated || LatestMinutesVersion is not { } version)
        {
            return new Error("minutes.not_circulated", "Der kan kun gøres indsigelse mod et udsendt referat.");
        }
        if (version.ObjectionsDue is { } due && today > due)
        {
            return new Error("minutes.objection_window_closed",
                $"Fristen for indsigelser mod udgave {version.Number} udløb {DanishFormat.Date(due)}.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Error("minutes.objection_text_required", "Skriv, hvad du gør indsigelse mod, og hvordan det bør stå.", nameof(MinutesObjection.Text));
        }
        version.Objections.Add(new MinutesObjection { PersonId = personId, Text = text.Trim(), SubmittedAt = now });
        return Result.Ok();
    }

    /// <summary>
    /// Approves the minutes: at the meeting (or the next one), or when the window has passed. The text approved is kept as a
    /// version of its own unless it is the version already out; objections to the version out must first be answered.
    /// </summary>
    public Result ApproveMinutes(string text, string note, DateTimeOffset now)
    {
        var latest = LatestMinutesVersion;
        if (ObjectionsOpen() is { } objections)
        {
            return objections;
        }
        var moved = Transition(MeetingStatus.MinutesApproved);
        if (!moved.IsSuccess)
        {
            return moved;
        }
        MinutesApprovedAt = now;
        MinutesApprovalNote = note;
        if (latest is null || latest.Text != text)
        {
            MinutesVersions.Add(new MinutesVersion { Number = (latest?.Number ?? 0) + 1, IssuedAt = now, Text = text, ChangeNote = note });
        }
        return Result.Ok();
    }

    /// <summary>
    /// The secretariat's "Godkend referatet" (§ 3, stk. 5). Minutes are approved in one of three ways, and the note printed
    /// in them says which and when: by silence, once the window of the version out has closed without objection; at a
    /// meeting of the committee, recorded by its date and the item it was done under (this meeting's own approval item,
    /// or a later meeting's); or, after objections, by a revised version approved in one of those two ways. Without a
    /// meeting to point to, nothing approves the minutes before the window closes.
    /// </summary>
    /// <param name="atMeeting">Where the committee approved them, if it did so at a meeting.</param>
    public Result RecordMinutesApproval(string text, MeetingApproval? atMeeting, DateOnly today, DateTimeOffset now)
    {
        if (Status is not (MeetingStatus.MinutesDraft or MeetingStatus.MinutesCirculated))
        {
            return Transition(MeetingStatus.MinutesApproved);
        }
        var latest = LatestMinutesVersion;
        if (atMeeting is null)
        {
            if (ApprovesBySilence(today))
            {
                return ApproveBySilence(today, now);
            }
            if (ObjectionsOpen() is { } objections)
            {
                return objections;
            }
            return Status == MeetingStatus.MinutesCirculated && latest is { ObjectionsDue: { } due }
                ? new Error("minutes.window_open",
                    $"Fristen for indsigelser mod udgave {latest.Number} løber til og med {DanishFormat.Date(due)}; uden indsigelser er referatet godkendt dagen efter. Er det godkendt på et møde, så angiv mødet og punktet.",
                    nameof(MeetingApproval))
                : new Error("minutes.approval_how_required",
                    "Angiv, på hvilket møde og under hvilket punkt udvalget godkendte referatet, eller udsend det til godkendelse, så det godkendes, når fristen for indsigelser udløber uden indsigelser.",
                    nameof(MeetingApproval));
        }
        if (atMeeting.MeetingDate < Date)
        {
            return new Error("minutes.approved_before_meeting",
                $"Referatet af mødet {DanishFormat.Date(Date)} kan ikke være godkendt på et møde før det.", nameof(MeetingApproval));
        }
        if (atMeeting.MeetingDate > today)
        {
            return new Error("minutes.approval_meeting_ahead",
                $"Mødet {DanishFormat.Date(atMeeting.MeetingDate)} er ikke holdt endnu. Registrér godkendelsen, når udvalget har godkendt referatet.",
                nameof(MeetingApproval));
        }
        if (atMeeting.ItemNumber < 1)
        {
            return new Error("minutes.approval_item_required", "Angiv punktet, referatet blev godkendt under.", nameof(MeetingApproval));
        }
        return ApproveMinutes(text, atMeeting.Note(Date), now);
    }

    private Error? ObjectionsOpen() =>
        Status == MeetingStatus.MinutesCirculated && LatestMinutesVersion is { Objections.Count: > 0 } latest
            ? new Error("minutes.objections_open",
                $"Der er {latest.Objections.Count} {(latest.Objections.Count == 1 ? "indsigelse" : "indsigelser")} mod udgave {latest.Number}. Revidér referatet og udsend en ny udgave, før det godkendes.")
            : null;

    /// <summary>Circulated minutes whose window closed on a day before today with no objection are approved as they are.</summary>
    public bool ApprovesBySilence(DateOnly today) =>
        Status == MeetingStatus.MinutesCirculated && LatestMinutesVersion is { ObjectionsDue: { } due, Objections.Count: 0 } && today > due;

    public Result ApproveBySilence(DateOnly today, DateTimeOffset now)
    {
        if (!ApprovesBySilence(today))
        {
            return new Error("minutes.window_open", "Referatet kan først godkendes uden indsigelser, når fristen er udløbet.");
        }
        var version = LatestMinutesVersion!;
        return ApproveMinutes(version.Text,
            $"Godkendt uden indsigelser; fristen for indsigelser mod udgave {version.Number} udløb {DanishFormat.Date(version.ObjectionsDue!.Value)}.", now);
    }

    /// <summary>Approved minutes are never edited; a correction is recorded and printed after them.</summary>
    /// <param name="closed">The correction belongs to a closed item, so only those who may read it see it.</param>
    public Result CorrectApprovedMinutes(string? text, string recordedBy, DateTimeOffset now, bool closed = false)
    {
        if (Status != MeetingStatus.MinutesApproved)
        {
            return new Error("minutes.not_approved", "Rettelser registreres kun på et godkendt referat; et referat i kladde rettes direkte.");
        }
        var valid = MinutesCorrection.Validate(text);
        if (!valid.IsValid)
        {
            return valid.ToResult();
        }
        MinutesCorrections.Add(new MinutesCorrection { Text = text!.Trim(), RecordedAt = now, RecordedBy = recordedBy, IsClosed = closed });
        return Result.Ok();
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
        MeetingStatus.AgendaPublished or MeetingStatus.MinutesCirculated or MeetingStatus.MinutesApproved or MeetingStatus.Cancelled
            when MeetingWorkflow.CanMove(Status, target) =>
            new Error("meeting.use_named_step", $"Status \"{target.Danish()}\" sættes kun ved at udsende dagsordenen, udsende eller godkende referatet eller aflyse mødet."),
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

/// <summary>Where the committee approved minutes at a meeting: the meeting's date and the number of the item it was done under.</summary>
public sealed record MeetingApproval(DateOnly MeetingDate, int ItemNumber)
{
    /// <summary>The line printed in the approved minutes: how and when.</summary>
    public string Note(DateOnly minutesOf) => MeetingDate == minutesOf
        ? $"Godkendt af udvalget ved mødets afslutning {DanishFormat.Date(MeetingDate)}, under punkt {ItemNumber}."
        : $"Godkendt af udvalget på mødet {DanishFormat.Date(MeetingDate)}, under punkt {ItemNumber}.";
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
        [MeetingStatus.MinutesDraft] = [MeetingStatus.MinutesCirculated, MeetingStatus.MinutesApproved],
        // Circulated minutes go back to the draft to be revised, or are approved (at a meeting or by the window passing).
        [MeetingStatus.MinutesCirculated] = [MeetingStatus.MinutesDraft, MeetingStatus.MinutesApproved],
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
        MeetingStatus.MinutesCirculated => "Referat udsendt",
        MeetingStatus.MinutesApproved => "Referat godkendt",
        MeetingStatus.Cancelled => "Aflyst",
        _ => status.ToString(),
    };

    public static string Danish(this MeetingKind kind) => kind == MeetingKind.Extraordinary ? "Ekstraordinært" : "Ordinært";
}
