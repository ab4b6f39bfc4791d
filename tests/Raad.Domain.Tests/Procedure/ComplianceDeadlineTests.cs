using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Domain.Tests.TestData;
using static Raad.Domain.Tests.Procedure.ProcedureAssert;
using static Raad.Domain.Tests.TestData.SydProcedure;

namespace Raad.Domain.Tests.Procedure;

/// <summary>§ 3: item requests, the agenda's notice, the minutes' dispatch; extraordinary and virtual meetings.</summary>
public class ComplianceDeadlineTests
{
    private const string SydReference33 = SydTitle + ", § 3, stk. 3";
    private const string SydReference35 = SydTitle + ", § 3, stk. 5";

    [Fact]
    public void The_27_august_2025_meeting_with_the_agenda_out_on_15_august_has_no_findings()
    {
        var findings = Check(SydRules(), August2025Facts(), new DateOnly(2025, 8, 20));

        Assert.Empty(findings);
    }

    // ---- Agenda notice, agenda published (§ 3, stk. 3) ----------------------------------------------

    [Theory]
    // 27 August 2025, ordinary: 10 days' notice is enough, 9 is not.
    [InlineData("2025-08-01", "")]
    [InlineData("2025-08-15", "")]
    [InlineData("2025-08-16", "")]
    [InlineData("2025-08-17", "")]
    [InlineData("2025-08-18", "agenda_notice_too_short")]
    [InlineData("2025-08-20", "agenda_notice_too_short")]
    [InlineData("2025-08-26", "agenda_notice_too_short")]
    [InlineData("2025-08-27", "agenda_notice_too_short")]
    public void Ordinary_meeting_needs_the_agenda_out_at_least_10_days_before(string publishedOn, string expected)
    {
        var facts = August2025Facts() with { AgendaPublishedOn = D(publishedOn) };

        // The verdict does not depend on the day it is asked.
        foreach (var today in new[] { D(publishedOn), new DateOnly(2025, 8, 26), new DateOnly(2025, 8, 27) })
        {
            Assert.Equal(ExpectedCodes(expected), Codes(Check(SydRules(), facts, today)));
        }
    }

    [Theory]
    [InlineData("2025-08-18", 9, "Den blev udsendt 9 dage før.")]
    [InlineData("2025-08-20", 7, "Den blev udsendt 7 dage før.")]
    [InlineData("2025-08-26", 1, "Den blev udsendt 1 dag før.")]
    [InlineData("2025-08-27", 0, "Den blev udsendt 0 dage før.")]
    public void Agenda_out_too_late_for_an_ordinary_meeting_is_a_violation_saying_how_many_days(string publishedOn, int days, string tail)
    {
        var facts = August2025Facts() with { AgendaPublishedOn = D(publishedOn) };

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 8, 27)), "procedure.agenda_notice_too_short");

        Assert.Equal(Severity.Violation, finding.Severity);
        Assert.Equal($"§ 3, stk. 3: Dagsordenen skal udsendes senest 10 dage før mødet. {tail}", finding.Message);
        Assert.Contains($"{days} ", finding.Message, StringComparison.Ordinal);
        Assert.Equal(SydReference33, finding.Reference);
        Assert.Equal("Angiv i dagsordenen, hvorfor den er udsendt for sent.", finding.Remedy);
    }

    [Fact]
    public void Agenda_out_too_late_with_its_reason_stops_asking_for_one_and_quotes_it()
    {
        var facts = August2025Facts() with { AgendaPublishedOn = new DateOnly(2025, 8, 20), AgendaLateReason = "Materialet kom sent fra regionen." };

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 8, 20)), "procedure.agenda_notice_too_short");

        Assert.Equal("§ 3, stk. 3: Dagsordenen skal udsendes senest 10 dage før mødet. Den blev udsendt 7 dage før.", finding.Message);
        Assert.Equal("Begrundelsen er trykt i dagsordenen: \"Materialet kom sent fra regionen.\"", finding.Remedy);
    }

    // ---- Agenda notice, before publishing: does the step need a reason? ------------------------------------

    [Theory]
    // 27 August 2025 under Syd's rules (10 days' notice): publishing from 18 August on needs a reason ...
    [InlineData("Ordinary", true, "2025-08-17", null)]
    [InlineData("Ordinary", true, "2025-08-18", "nu er der 9 dage til mødet")]
    [InlineData("Ordinary", true, "2025-08-26", "nu er der 1 dag til mødet")]
    [InlineData("Ordinary", true, "2025-08-28", "mødedagen er overskredet")]
    // ... except for an extraordinary meeting where the rules allow short notice (§ 3, stk. 9).
    [InlineData("Extraordinary", true, "2025-08-26", null)]
    [InlineData("Extraordinary", false, "2025-08-26", "nu er der 1 dag til mødet")]
    public void Publishing_with_too_short_notice_needs_a_reason_asked_for_in_the_field_reason(
        string kind, bool shortNoticeAllowed, string today, string? expected)
    {
        var rules = SydRules();
        rules.ExtraordinaryShortNoticeAllowed = shortNoticeAllowed;

        var error = Compliance.LateAgendaReasonRequired(rules, Syd.August2025, Enum.Parse<MeetingKind>(kind), D(today));

        if (expected is null)
        {
            Assert.Null(error);
            return;
        }
        Assert.NotNull(error);
        Assert.Equal("procedure.late_reason_required", error.Code);
        Assert.Equal("Reason", error.Field);
        Assert.StartsWith("§ 3, stk. 3: Dagsordenen skal udsendes senest 10 dage før mødet; ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ordinary", true)]
    [InlineData("Extraordinary", true)]
    [InlineData("Extraordinary", false)]
    public void Publishing_asks_for_a_reason_exactly_on_the_days_the_published_agenda_is_found_too_late(string kind, bool shortNoticeAllowed)
    {
        var rules = SydRules();
        rules.ExtraordinaryShortNoticeAllowed = shortNoticeAllowed;
        var meetingKind = Enum.Parse<MeetingKind>(kind);

        for (var day = Syd.August2025.AddDays(-20); day <= Syd.August2025.AddDays(2); day = day.AddDays(1))
        {
            var asked = Compliance.LateAgendaReasonRequired(rules, Syd.August2025, meetingKind, day) is not null;
            var facts = August2025Facts() with { Kind = meetingKind, AgendaPublishedOn = day, Status = MeetingStatus.AgendaPublished };
            var found = Compliance.Check(rules, facts, day).Any(f => f.Code == "procedure.agenda_notice_too_short");

            Assert.True(asked == found, $"{day}: asked for a reason {asked}, found too late {found}");
        }
    }

    [Fact]
    public void Without_rules_no_reason_is_asked_for()
    {
        Assert.Null(Compliance.LateAgendaReasonRequired(null, Syd.August2025, MeetingKind.Ordinary, Syd.August2025));
    }

    [Fact]
    public void Agenda_out_on_20_august_for_27_august_2025_gives_exactly_the_message_of_the_seeds()
    {
        var facts = August2025Facts() with { AgendaPublishedOn = new DateOnly(2025, 8, 20) };

        var finding = Assert.Single(Check(SydRules(), facts, new DateOnly(2025, 8, 20)));

        Assert.Equal("procedure.agenda_notice_too_short", finding.Code);
        Assert.Equal(Severity.Violation, finding.Severity);
        Assert.Equal("§ 3, stk. 3: Dagsordenen skal udsendes senest 10 dage før mødet. Den blev udsendt 7 dage før.", finding.Message);
    }

    [Theory]
    // Extraordinary meetings may be called at short notice (§ 3, stk. 9): the same short notice is only information ...
    [InlineData("Extraordinary", true, "2025-08-17", "", null)]
    [InlineData("Extraordinary", true, "2025-08-18", "agenda_short_notice_extraordinary", Severity.Info)]
    [InlineData("Extraordinary", true, "2025-08-26", "agenda_short_notice_extraordinary", Severity.Info)]
    // ... unless the body's rules do not allow short notice.
    [InlineData("Extraordinary", false, "2025-08-17", "", null)]
    [InlineData("Extraordinary", false, "2025-08-18", "agenda_notice_too_short", Severity.Violation)]
    // The allowance is for extraordinary meetings only.
    [InlineData("Ordinary", true, "2025-08-18", "agenda_notice_too_short", Severity.Violation)]
    [InlineData("Ordinary", false, "2025-08-18", "agenda_notice_too_short", Severity.Violation)]
    public void Short_notice_is_information_only_for_an_extraordinary_meeting_where_allowed(
        string kind, bool shortNoticeAllowed, string publishedOn, string expected, Severity? severity)
    {
        var rules = SydRules();
        rules.ExtraordinaryShortNoticeAllowed = shortNoticeAllowed;
        var facts = August2025Facts() with { Kind = Enum.Parse<MeetingKind>(kind), AgendaPublishedOn = D(publishedOn) };

        var findings = Check(rules, facts, new DateOnly(2025, 8, 27));

        Assert.Equal(ExpectedCodes(expected), Codes(findings));
        if (severity is { } s)
        {
            Assert.Equal(s, findings.Single().Severity);
        }
    }

    [Fact]
    public void Short_notice_for_an_extraordinary_meeting_cites_the_allowance()
    {
        var facts = April2023Facts() with { AgendaPublishedOn = new DateOnly(2023, 4, 21) };

        var finding = Single(Check(SydRules(), facts, new DateOnly(2023, 4, 21)), "procedure.agenda_short_notice_extraordinary");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(
            "§ 3, stk. 3: Dagsordenen skal udsendes senest 10 dage før mødet. Den blev udsendt 5 dage før. Ekstraordinære møder må indkaldes med kortere varsel (§ 3, stk. 9).",
            finding.Message);
        Assert.Equal(SydReference33, finding.Reference);
    }

    [Theory]
    [InlineData(10, "2025-08-17", "")]
    [InlineData(10, "2025-08-18", "agenda_notice_too_short")]
    [InlineData(5, "2025-08-22", "")]
    [InlineData(5, "2025-08-23", "agenda_notice_too_short")]
    [InlineData(0, "2025-08-27", "")]
    public void Agenda_notice_follows_the_bodys_number_of_days(int noticeDays, string publishedOn, string expected)
    {
        var rules = SydRules();
        rules.AgendaNoticeDays = noticeDays;
        var facts = August2025Facts() with { AgendaPublishedOn = D(publishedOn) };

        Assert.Equal(ExpectedCodes(expected), Codes(Check(rules, facts, new DateOnly(2025, 8, 27))));
    }

    [Theory]
    [InlineData("Held")]
    [InlineData("MinutesDraft")]
    [InlineData("MinutesApproved")]
    public void A_late_agenda_is_still_found_after_the_meeting(string status)
    {
        var facts = August2025Facts() with
        {
            Status = Enum.Parse<MeetingStatus>(status),
            AgendaPublishedOn = new DateOnly(2025, 8, 20),
        };

        var findings = Check(SydRules(), facts, new DateOnly(2025, 8, 28));

        Single(findings, "procedure.agenda_notice_too_short");
    }

    // ---- Agenda not yet published -------------------------------------------------------------------------

    [Theory]
    [InlineData("Planned", "2025-07-01", "agenda_due")]
    [InlineData("Planned", "2025-08-16", "agenda_due")]
    [InlineData("Planned", "2025-08-17", "agenda_due")]
    [InlineData("Planned", "2025-08-18", "agenda_overdue")]
    [InlineData("Planned", "2025-08-27", "agenda_overdue")]
    [InlineData("Planned", "2025-09-10", "agenda_overdue")]
    [InlineData("AgendaDraft", "2025-08-17", "agenda_due")]
    [InlineData("AgendaDraft", "2025-08-18", "agenda_overdue")]
    // Published (or later) without a recorded date: nothing to judge.
    [InlineData("AgendaPublished", "2025-08-18", "")]
    [InlineData("Held", "2025-08-28", "")]
    public void Unpublished_agenda_is_due_until_17_august_2025_and_overdue_from_18_august(string status, string today, string expected)
    {
        var facts = August2025Facts() with { Status = Enum.Parse<MeetingStatus>(status), AgendaPublishedOn = null };

        var findings = Check(SydRules(), facts, D(today));

        var agenda = findings.Where(f => f.Code.StartsWith("procedure.agenda", StringComparison.Ordinal));
        Assert.Equal(ExpectedCodes(expected), Codes(agenda));
    }

    [Fact]
    public void Agenda_due_is_information_naming_17_august_2025()
    {
        var facts = August2025Facts() with { Status = MeetingStatus.AgendaDraft, AgendaPublishedOn = null };

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 8, 17)), "procedure.agenda_due");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("§ 3, stk. 3: Dagsordenen skal udsendes senest 17. august 2025 (10 dage før mødet).", finding.Message);
        Assert.Equal(SydReference33, finding.Reference);
        Assert.Equal("Udsend dagsordenen inden fristen.", finding.Remedy);
    }

    [Fact]
    public void Agenda_overdue_is_a_violation_from_18_august_2025()
    {
        var facts = August2025Facts() with { Status = MeetingStatus.AgendaDraft, AgendaPublishedOn = null };

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 8, 18)), "procedure.agenda_overdue");

        Assert.Equal(Severity.Violation, finding.Severity);
        Assert.Equal("§ 3, stk. 3: Dagsordenen skulle være udsendt senest 17. august 2025 (10 dage før mødet). Den er ikke udsendt.", finding.Message);
        Assert.Equal(SydReference33, finding.Reference);
        Assert.Equal("Udsend dagsordenen nu, og angiv hvorfor den kommer for sent.", finding.Remedy);
    }

    [Theory]
    [InlineData(true, "2023-04-16", "agenda_due")]
    [InlineData(true, "2023-04-17", "agenda_due")]
    [InlineData(true, "2023-04-26", "agenda_due")]
    [InlineData(false, "2023-04-16", "agenda_due")]
    [InlineData(false, "2023-04-17", "agenda_overdue")]
    public void Unpublished_agenda_of_an_extraordinary_meeting_is_never_overdue_where_short_notice_is_allowed(
        bool shortNoticeAllowed, string today, string expected)
    {
        var rules = SydRules();
        rules.ExtraordinaryShortNoticeAllowed = shortNoticeAllowed;
        var facts = April2023Facts() with { Status = MeetingStatus.AgendaDraft, AgendaPublishedOn = null };

        var findings = Check(rules, facts, D(today));

        var agenda = findings.Where(f => f.Code.StartsWith("procedure.agenda", StringComparison.Ordinal));
        Assert.Equal(ExpectedCodes(expected), Codes(agenda));
    }

    // ---- Item requests (§ 3, stk. 2) ------------------------------------------------------------------------

    [Theory]
    [InlineData("Planned", "2025-07-01", true)]
    [InlineData("Planned", "2025-07-30", true)]
    [InlineData("Planned", "2025-08-27", true)]
    [InlineData("Planned", "2025-08-28", false)]
    [InlineData("AgendaDraft", "2025-07-30", true)]
    [InlineData("AgendaDraft", "2025-08-28", false)]
    [InlineData("AgendaPublished", "2025-07-30", false)]
    [InlineData("Held", "2025-08-27", false)]
    [InlineData("MinutesDraft", "2025-08-28", false)]
    [InlineData("MinutesApproved", "2025-09-20", false)]
    public void Item_request_deadline_is_shown_while_the_agenda_is_being_made(string status, string today, bool shown)
    {
        var facts = August2025Facts() with { Status = Enum.Parse<MeetingStatus>(status), AgendaPublishedOn = null };

        var findings = Check(SydRules(), facts, D(today));

        Assert.Equal(shown, findings.Any(f => f.Code == "procedure.item_requests_due"));
    }

    [Fact]
    public void Item_requests_are_due_30_july_2025()
    {
        var facts = August2025Facts() with { Status = MeetingStatus.Planned, AgendaPublishedOn = null };

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 7, 1)), "procedure.item_requests_due");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("§ 3, stk. 2: Medlemmernes ønsker om punkter skal være modtaget senest 30. juli 2025 (28 dage før mødet).", finding.Message);
        Assert.Equal(SydTitle + ", § 3, stk. 2", finding.Reference);
        Assert.Equal("Mind medlemmerne om fristen.", finding.Remedy);
    }

    // ---- Minutes (§ 3, stk. 5) -----------------------------------------------------------------------------

    [Theory]
    [InlineData("Held", "2025-08-27", "minutes_due")]
    [InlineData("Held", "2025-09-01", "minutes_due")]
    [InlineData("Held", "2025-09-06", "minutes_due")]
    [InlineData("Held", "2025-09-07", "minutes_overdue")]
    [InlineData("Held", "2025-10-01", "minutes_overdue")]
    [InlineData("MinutesDraft", "2025-09-06", "minutes_due")]
    [InlineData("MinutesDraft", "2025-09-07", "minutes_overdue")]
    [InlineData("MinutesApproved", "2025-09-07", "")]
    [InlineData("AgendaPublished", "2025-09-07", "")]
    public void Minutes_are_due_until_6_september_2025_and_overdue_from_7_september(string status, string today, string expected)
    {
        var facts = August2025Facts() with { Status = Enum.Parse<MeetingStatus>(status) };

        Assert.Equal(ExpectedCodes(expected), Codes(Check(SydRules(), facts, D(today))));
    }

    [Fact]
    public void Minutes_due_names_6_september_2025_and_the_8_days_for_objections()
    {
        var facts = August2025Facts() with { Status = MeetingStatus.Held };

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 9, 6)), "procedure.minutes_due");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("§ 3, stk. 5: Referatet skal udsendes senest 6. september 2025; medlemmerne har derefter 8 dage til indsigelser.", finding.Message);
        Assert.Equal(SydReference35, finding.Reference);
        Assert.Equal("Udsend referatet inden fristen.", finding.Remedy);
    }

    [Fact]
    public void Minutes_overdue_on_7_september_2025_is_a_violation()
    {
        var facts = August2025Facts() with { Status = MeetingStatus.Held };

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 9, 7)), "procedure.minutes_overdue");

        Assert.Equal(Severity.Violation, finding.Severity);
        Assert.Equal("§ 3, stk. 5: Referatet skulle være udsendt senest 6. september 2025 (10 dage efter mødet).", finding.Message);
        Assert.Equal(SydReference35, finding.Reference);
        Assert.Equal("Udsend referatet nu.", finding.Remedy);
    }

    [Theory]
    [InlineData("Held", "2025-10-29")]
    [InlineData("Held", "2025-11-08")]
    [InlineData("Held", "2025-11-09")]
    [InlineData("Held", "2026-03-01")]
    [InlineData("MinutesDraft", "2025-11-09")]
    public void Minutes_approved_at_the_meeting_are_information_and_never_overdue(string status, string today)
    {
        var seats = HolbaekSeats();
        var facts = August2025Facts() with
        {
            Date = Holbaek29October2025,
            IsVirtual = true,
            Status = Enum.Parse<MeetingStatus>(status),
            AgendaPublishedOn = new DateOnly(2025, 10, 17),
            Seats = seats,
        };

        // Compliance.Check directly: the message of this finding does not cite a paragraph (see FindingTests).
        var findings = Compliance.Check(HolbaekRules(), facts, D(today));

        var finding = Assert.Single(findings);
        Assert.Equal("procedure.minutes_at_meeting", finding.Code);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("§ 3, stk. 5: Referatet godkendes ved mødets afslutning (punktet \"Godkendelse af referat\").", finding.Message);
        Assert.Equal("Godkend referatet, når det er læst op.", finding.Remedy);
        Assert.NotEmpty(finding.Reference);
    }

    [Theory]
    [InlineData("Planned")]
    [InlineData("AgendaPublished")]
    [InlineData("MinutesApproved")]
    public void Minutes_approved_at_the_meeting_say_nothing_before_the_meeting_or_after_approval(string status)
    {
        var facts = August2025Facts() with
        {
            Date = Holbaek29October2025,
            Status = Enum.Parse<MeetingStatus>(status),
            AgendaPublishedOn = new DateOnly(2025, 10, 17),
            Seats = HolbaekSeats(),
        };

        var findings = Compliance.Check(HolbaekRules(), facts, new DateOnly(2025, 10, 20));

        None(findings, "procedure.minutes_at_meeting");
        None(findings, "procedure.minutes_due");
        None(findings, "procedure.minutes_overdue");
    }

    // ---- Virtual meetings and extraordinary meetings (§ 3, stk. 9) ---------------------------------------------

    [Fact]
    public void The_extraordinary_meeting_on_teams_26_april_2023_passes_with_only_information_on_its_short_notice()
    {
        var findings = Check(SydRules(), April2023Facts(), new DateOnly(2023, 4, 26));

        None(findings, "procedure.virtual_ordinary_meeting");
        var finding = Assert.Single(findings);
        Assert.Equal("procedure.agenda_short_notice_extraordinary", finding.Code);
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void The_same_meeting_as_an_ordinary_virtual_meeting_breaks_the_rules()
    {
        var facts = April2023Facts() with { Kind = MeetingKind.Ordinary };

        var findings = Check(SydRules(), facts, new DateOnly(2023, 4, 26));

        Assert.Equal(["procedure.agenda_notice_too_short", "procedure.virtual_ordinary_meeting"], Codes(findings));
        var finding = Single(findings, "procedure.virtual_ordinary_meeting");
        Assert.Equal(Severity.Violation, finding.Severity);
        Assert.Equal("§ 3, stk. 9: Kun ekstraordinære møder må holdes virtuelt, når et fysisk møde ikke kan koordineres.", finding.Message);
        Assert.Equal(SydTitle + ", § 3, stk. 9", finding.Reference);
        Assert.Equal("Hold mødet fysisk, eller indkald det som ekstraordinært møde.", finding.Remedy);
    }

    [Theory]
    [InlineData("Ordinary", true, false, true)]
    [InlineData("Ordinary", true, true, false)]
    [InlineData("Ordinary", false, false, false)]
    [InlineData("Extraordinary", true, false, false)]
    [InlineData("Extraordinary", false, false, false)]
    [InlineData("Extraordinary", true, true, false)]
    public void Only_extraordinary_meetings_may_be_virtual_unless_the_rules_allow_it_for_all(
        string kind, bool isVirtual, bool virtualOrdinaryAllowed, bool violation)
    {
        var rules = SydRules();
        rules.VirtualOrdinaryAllowed = virtualOrdinaryAllowed;
        var facts = August2025Facts() with { Kind = Enum.Parse<MeetingKind>(kind), IsVirtual = isVirtual };

        var findings = Check(rules, facts, new DateOnly(2025, 8, 20));

        Assert.Equal(violation, findings.Any(f => f.Code == "procedure.virtual_ordinary_meeting"));
    }
}
