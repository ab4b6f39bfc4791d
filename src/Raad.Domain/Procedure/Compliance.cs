using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.People;

namespace Raad.Domain.Procedure;

public enum Severity
{
    Info,
    Warning,
    Violation,
}

/// <summary>What a rule found: a stable code, how serious, a Danish message citing the paragraph, and what to do.</summary>
public sealed record Finding(string Code, Severity Severity, string Message, string Reference, string Remedy);

/// <param name="AbsentMembershipIds">Recorded absent from the item, or disqualified from it: either way not part of its quorum.</param>
public sealed record ItemFacts(int Number, string Title, IReadOnlyCollection<string> Topics, IReadOnlyCollection<int> AbsentMembershipIds);

/// <summary>Everything the rules look at for one meeting, loaded before they run; the rules never read the database or the clock.</summary>
public sealed record MeetingFacts(
    DateOnly Date,
    MeetingKind Kind,
    bool IsVirtual,
    MeetingStatus Status,
    DateOnly BodyValidFrom,
    DateOnly? BodyValidTo,
    DateOnly? AgendaPublishedOn,
    DateOnly? MinutesApprovedOn,
    IReadOnlyList<Membership> Seats,
    IReadOnlyList<Attendance> Attendance,
    IReadOnlyList<ItemFacts> Items,
    int? ChairPersonId,
    int? PreviousChairPersonId,
    int OrdinaryMeetingsInYear,
    DateOnly? MinutesCirculatedOn = null,
    DateOnly? ObjectionsDue = null,
    int ObjectionsToLatestVersion = 0,
    string? AgendaLateReason = null,
    string? MinutesQuorumReason = null);

/// <summary>The rules of procedure as pure functions: facts and the version in force in, findings out.</summary>
public static class Compliance
{
    public static IReadOnlyList<Finding> Check(RulesOfProcedure? rules, MeetingFacts m, DateOnly today)
    {
        var findings = new List<Finding>();
        if (m.Date < m.BodyValidFrom || (m.BodyValidTo is { } end && m.Date > end))
        {
            findings.Add(new Finding("procedure.meeting_outside_body_validity", Severity.Violation,
                $"Mødet den {DanishFormat.Date(m.Date)} ligger uden for udvalgets periode.",
                "Udvalgets periode", "Flyt mødet ind i udvalgets periode, eller ret udvalgets periode."));
        }
        if (rules is null)
        {
            findings.Add(new Finding("procedure.no_rules", Severity.Info,
                "Der er ingen forretningsorden i kraft på mødedagen, så fristerne og beslutningsdygtigheden kontrolleres ikke.",
                "Forretningsorden", "Registrér udvalgets forretningsorden."));
            return findings;
        }
        if (m.Status == MeetingStatus.Cancelled)
        {
            return findings;
        }
        Composition(rules, m, findings);
        MeetingsPerYear(rules, m, findings);
        ItemRequests(rules, m, today, findings);
        AgendaNotice(rules, m, today, findings);
        MinutesDispatch(rules, m, today, findings);
        VirtualMeeting(rules, m, findings);
        ChairInTurn(rules, m, findings);
        foreach (var item in m.Items)
        {
            // Minutes approved without a quorum carry their reason: the box says so instead of asking again.
            findings.AddRange(Quorum(rules, m.Seats, m.Attendance, item).Select(f => m.MinutesQuorumReason is { } reason
                ? f with { Remedy = $"Begrundelsen for at godkende referatet alligevel er trykt i referatet: \"{reason}\"" }
                : f));
        }
        return findings;
    }

    /// <summary>
    /// § 3, stk. 3 before the step is taken: publishing the agenda of a meeting on <paramref name="meetingDate"/> today
    /// needs a reason when the notice is too short for the meeting's kind; null when it does not (or no rules apply).
    /// The error names the field "Reason", so the form that publishes asks for it beside the button.
    /// </summary>
    public static Error? LateAgendaReasonRequired(RulesOfProcedure? rules, DateOnly meetingDate, MeetingKind kind, DateOnly today)
    {
        if (rules is null)
        {
            return null;
        }
        var days = meetingDate.DayNumber - today.DayNumber;
        return NoticeIsStrict(rules, kind) && NoticeTooShort(rules, meetingDate, today)
            ? new Error("procedure.late_reason_required",
                $"§ 3, stk. 3: Dagsordenen skal udsendes senest {rules.AgendaNoticeDays} dage før mødet; {(days >= 0 ? $"nu er der {days} {(days == 1 ? "dag" : "dage")} til mødet" : "mødedagen er overskredet")}. Skriv, hvorfor den udsendes for sent – begrundelsen trykkes i dagsordenen.",
                "Reason")
            : null;
    }

    /// <summary>§ 3, stk. 3: an agenda sent on <paramref name="sentOn"/> gives less notice than the rules ask.</summary>
    public static bool NoticeTooShort(RulesOfProcedure rules, DateOnly meetingDate, DateOnly sentOn) =>
        meetingDate.DayNumber - sentOn.DayNumber < rules.AgendaNoticeDays;

    /// <summary>An extraordinary meeting may be called at short notice where the rules allow it (§ 3, stk. 9); any other must keep the notice.</summary>
    public static bool NoticeIsStrict(RulesOfProcedure rules, MeetingKind kind) =>
        kind == MeetingKind.Ordinary || !rules.ExtraordinaryShortNoticeAllowed;

    private static string Paragraph(RulesOfProcedure rules, string paragraph) => $"{rules.Title}, {paragraph}";

    private static void Composition(RulesOfProcedure rules, MeetingFacts m, List<Finding> findings)
    {
        foreach (var group in Enum.GetValues<MemberGroup>())
        {
            var wanted = rules.SeatsFor(group);
            var actual = m.Seats.Count(s => s.Group == group);
            if (wanted != actual)
            {
                findings.Add(new Finding("procedure.composition", Severity.Warning,
                    $"§ 1, stk. 1: Udvalget skal have {wanted} medlemmer under {group.Danish()}. På mødedagen har det {actual}.",
                    Paragraph(rules, "§ 1, stk. 1"), "Tilføj eller afslut medlemskaber på udvalgets side."));
            }
        }
    }

    private static void MeetingsPerYear(RulesOfProcedure rules, MeetingFacts m, List<Finding> findings)
    {
        if (m.OrdinaryMeetingsInYear < rules.MinOrdinaryMeetingsPerYear)
        {
            findings.Add(new Finding("procedure.too_few_meetings", Severity.Warning,
                $"§ 3, stk. 1: Udvalget skal holde mindst {rules.MinOrdinaryMeetingsPerYear} ordinære møder om året. Mødeplanen for {m.Date.Year} har {m.OrdinaryMeetingsInYear}.",
                Paragraph(rules, "§ 3, stk. 1"), "Planlæg flere møder i mødeplanen."));
        }
    }

    private static void ItemRequests(RulesOfProcedure rules, MeetingFacts m, DateOnly today, List<Finding> findings)
    {
        if (m.Status is MeetingStatus.Planned or MeetingStatus.AgendaDraft && today <= m.Date)
        {
            findings.Add(new Finding("procedure.item_requests_due", Severity.Info,
                $"§ 3, stk. 2: Medlemmernes ønsker om punkter skal være modtaget senest {DanishFormat.Date(rules.ItemRequestsDue(m.Date))} ({rules.ItemRequestLeadDays} dage før mødet).",
                Paragraph(rules, "§ 3, stk. 2"), "Mind medlemmerne om fristen."));
        }
    }

    private static void AgendaNotice(RulesOfProcedure rules, MeetingFacts m, DateOnly today, List<Finding> findings)
    {
        var due = rules.AgendaDue(m.Date);
        var reference = Paragraph(rules, "§ 3, stk. 3");
        // An extraordinary meeting may be called at short notice; its agenda goes out as soon as it can (§ 3, stk. 9).
        var strict = NoticeIsStrict(rules, m.Kind);
        if (m.AgendaPublishedOn is { } sent)
        {
            var days = m.Date.DayNumber - sent.DayNumber;
            if (NoticeTooShort(rules, m.Date, sent))
            {
                findings.Add(new Finding(
                    strict ? "procedure.agenda_notice_too_short" : "procedure.agenda_short_notice_extraordinary",
                    strict ? Severity.Violation : Severity.Info,
                    $"§ 3, stk. 3: Dagsordenen skal udsendes senest {rules.AgendaNoticeDays} dage før mødet. Den blev udsendt {Math.Abs(days)} {(Math.Abs(days) == 1 ? "dag" : "dage")} {(days >= 0 ? "før" : "efter mødet")}."
                        + (strict ? "" : " Ekstraordinære møder må indkaldes med kortere varsel (§ 3, stk. 9)."),
                    reference, !strict ? "Intet at gøre."
                        : m.AgendaLateReason is { } reason ? $"Begrundelsen er trykt i dagsordenen: \"{reason}\""
                        : "Angiv i dagsordenen, hvorfor den er udsendt for sent."));
            }
        }
        else if (m.Status is MeetingStatus.Planned or MeetingStatus.AgendaDraft)
        {
            findings.Add(today > due && strict
                ? new Finding("procedure.agenda_overdue", Severity.Violation,
                    $"§ 3, stk. 3: Dagsordenen skulle være udsendt senest {DanishFormat.Date(due)} ({rules.AgendaNoticeDays} dage før mødet). Den er ikke udsendt.",
                    reference, "Udsend dagsordenen nu, og angiv hvorfor den kommer for sent.")
                : new Finding("procedure.agenda_due", Severity.Info,
                    $"§ 3, stk. 3: Dagsordenen skal udsendes senest {DanishFormat.Date(due)} ({rules.AgendaNoticeDays} dage før mødet).",
                    reference, "Udsend dagsordenen inden fristen."));
        }
    }

    private static void MinutesDispatch(RulesOfProcedure rules, MeetingFacts m, DateOnly today, List<Finding> findings)
    {
        var reference = Paragraph(rules, "§ 3, stk. 5");
        var due = rules.MinutesDue(m.Date);
        if (m.MinutesCirculatedOn is { } sent && rules.MinutesApproval == MinutesApproval.ObjectionWindow && sent > due)
        {
            var late = sent.DayNumber - due.DayNumber;
            findings.Add(new Finding("procedure.minutes_sent_late", Severity.Violation,
                $"§ 3, stk. 5: Referatet skulle være udsendt senest {DanishFormat.Date(due)} ({rules.MinutesDispatchDays} dage efter mødet). Det blev udsendt {DanishFormat.Date(sent)}, {late} {(late == 1 ? "dag" : "dage")} for sent.",
                reference, "Udsend fremover referatet inden fristen."));
        }
        if (m.Status == MeetingStatus.MinutesCirculated)
        {
            ObjectionWindow(m, today, reference, findings);
            return;
        }
        if (m.Status is not (MeetingStatus.Held or MeetingStatus.MinutesDraft))
        {
            return;
        }
        if (rules.MinutesApproval == MinutesApproval.AtMeeting)
        {
            findings.Add(new Finding("procedure.minutes_at_meeting", Severity.Info,
                "§ 3, stk. 5: Referatet godkendes ved mødets afslutning (punktet \"Godkendelse af referat\").",
                reference, "Godkend referatet, når det er læst op."));
            return;
        }
        if (m.MinutesCirculatedOn is not null)
        {
            findings.Add(new Finding("procedure.minutes_being_revised", Severity.Info,
                "§ 3, stk. 5: Referatet er taget tilbage for at blive revideret efter indsigelser.",
                reference, "Ret referatet, og udsend den reviderede udgave; fristen for indsigelser løber så forfra."));
            return;
        }
        findings.Add(today > due
            ? new Finding("procedure.minutes_overdue", Severity.Violation,
                $"§ 3, stk. 5: Referatet skulle være udsendt senest {DanishFormat.Date(due)} ({rules.MinutesDispatchDays} dage efter mødet).",
                reference, "Udsend referatet nu.")
            : new Finding("procedure.minutes_due", Severity.Info,
                $"§ 3, stk. 5: Referatet skal udsendes senest {DanishFormat.Date(due)}; medlemmerne har derefter {rules.ObjectionWindowDays} dage til indsigelser.",
                reference, "Udsend referatet inden fristen."));
    }

    private static void ObjectionWindow(MeetingFacts m, DateOnly today, string reference, List<Finding> findings)
    {
        if (m.ObjectionsToLatestVersion > 0)
        {
            var n = m.ObjectionsToLatestVersion;
            findings.Add(new Finding("procedure.minutes_objections", Severity.Warning,
                $"§ 3, stk. 5: Der er {n} {(n == 1 ? "indsigelse" : "indsigelser")} mod referatet, så det er ikke godkendt.",
                reference, "Revidér referatet, og udsend en ny udgave; fristen for indsigelser løber så forfra."));
        }
        else if (m.ObjectionsDue is { } due)
        {
            findings.Add(today > due
                ? new Finding("procedure.minutes_window_passed", Severity.Info,
                    $"§ 3, stk. 5: Fristen for indsigelser udløb {DanishFormat.Date(due)} uden indsigelser, så referatet er godkendt.",
                    reference, "Raad registrerer godkendelsen af sig selv; intet at gøre.")
                : new Finding("procedure.minutes_objection_window", Severity.Info,
                    $"§ 3, stk. 5: Medlemmerne kan gøre indsigelse mod referatet til og med {DanishFormat.Date(due)}.",
                    reference, "Afvent fristen; kommer der ingen indsigelser, er referatet godkendt."));
        }
    }

    private static void VirtualMeeting(RulesOfProcedure rules, MeetingFacts m, List<Finding> findings)
    {
        if (m.IsVirtual && m.Kind == MeetingKind.Ordinary && !rules.VirtualOrdinaryAllowed)
        {
            findings.Add(new Finding("procedure.virtual_ordinary_meeting", Severity.Violation,
                "§ 3, stk. 9: Kun ekstraordinære møder må holdes virtuelt, når et fysisk møde ikke kan koordineres.",
                Paragraph(rules, "§ 3, stk. 9"), "Hold mødet fysisk, eller indkald det som ekstraordinært møde."));
        }
    }

    private static void ChairInTurn(RulesOfProcedure rules, MeetingFacts m, List<Finding> findings)
    {
        if (rules.ChairsInTurn && m.ChairPersonId is { } chair && chair == m.PreviousChairPersonId)
        {
            findings.Add(new Finding("procedure.chair_not_in_turn", Severity.Warning,
                "§ 4, stk. 1: Møderne ledes af formandskabet på skift, men samme mødeleder ledte også det forrige møde.",
                Paragraph(rules, "§ 4, stk. 1"), "Lad den anden medformand lede mødet."));
        }
    }

    /// <summary>
    /// § 4, stk. 2 for one item: enough seats filled (by the member, or a substitute where allowed), every required
    /// group represented, and the group the item's topic needs. Nothing is judged before attendance is recorded.
    /// </summary>
    public static IReadOnlyList<Finding> Quorum(RulesOfProcedure rules, IReadOnlyList<Membership> seats, IReadOnlyList<Attendance> attendance, ItemFacts item)
    {
        if (attendance.Count == 0 || seats.Count == 0)
        {
            return [];
        }
        var reference = Paragraph(rules, "§ 4, stk. 2");
        var filled = AttendanceRoll.ForItem(seats, attendance, item.AbsentMembershipIds)
            .Where(s => s.IsRepresented && (rules.SubstitutesAllowed || !s.BySubstitute))
            .ToList();
        var needed = rules.QuorumOf(seats.Count);
        var findings = new List<Finding>();
        if (filled.Count < needed)
        {
            findings.Add(new Finding("procedure.no_quorum", Severity.Violation,
                $"§ 4, stk. 2: Punkt {item.Number}: {filled.Count} af {seats.Count} medlemmer deltog; mindst {needed} skal være til stede.",
                reference, "Udvalget er ikke beslutningsdygtigt på punktet. Udsæt beslutningen, eller brug skriftlig proces."));
        }
        var present = filled.Select(s => s.Seat.Group).ToHashSet();
        foreach (var group in rules.QuorumRequiredGroups.Where(g => !present.Contains(g)))
        {
            findings.Add(new Finding("procedure.group_not_represented", Severity.Violation,
                $"§ 4, stk. 2: Punkt {item.Number}: ingen fra gruppen {group.Danish()} deltog; {string.Join(" og ", rules.QuorumRequiredGroups.Select(g => g.Danish()))} skal være repræsenteret.",
                reference, "Udvalget er ikke beslutningsdygtigt på punktet. Udsæt beslutningen."));
        }
        foreach (var requirement in rules.TopicRequirements.Where(r =>
                     item.Topics.Contains(r.Topic, StringComparer.OrdinalIgnoreCase) && !present.Contains(r.Group)))
        {
            findings.Add(new Finding("procedure.topic_group_not_represented", Severity.Violation,
                $"§ 4, stk. 2: Punkt {item.Number} vedrører {requirement.Topic}; {requirement.Group.Danish()} skal være repræsenteret, men ingen deltog.",
                reference, "Udvalget er ikke beslutningsdygtigt på punktet. Udsæt beslutningen."));
        }
        return findings;
    }
}
