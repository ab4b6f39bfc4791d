using Raad.Domain.Meetings;
using Raad.Domain.People;
using Raad.Domain.Procedure;
using Raad.Domain.Tests.TestData;
using static Raad.Domain.Tests.Procedure.ProcedureAssert;
using static Raad.Domain.Tests.TestData.SydProcedure;

namespace Raad.Domain.Tests.Procedure;

/// <summary>The rules about the meeting as a whole: composition, meetings a year, chair in turn, the body's period.</summary>
public class ComplianceMeetingTests
{
    private static readonly DateOnly Today = new(2025, 8, 20);

    // ---- Composition (§ 1, stk. 1) ----------------------------------------------------------------------------

    [Theory]
    [InlineData("2023-04-26")]
    [InlineData("2023-12-31")]
    [InlineData("2024-01-01")]
    [InlineData("2025-08-27")]
    public void Syds_seats_as_in_the_test_data_match_the_rules_on_every_meeting_date(string date)
    {
        var facts = August2025Facts() with { Seats = SeatsOn(D(date)) };

        var findings = Check(SydRules(), facts, Today);

        Assert.Equal(17, facts.Seats.Count);
        None(findings, "procedure.composition");
    }

    [Theory]
    [InlineData(1, "Regional", 4, 3)]
    [InlineData(18, "Regional", 4, 3)]
    [InlineData(5, "Kommunal", 11, 10)]
    [InlineData(19, "Kommunal", 11, 10)]
    [InlineData(16, "Almen praksis", 2, 1)]
    public void Removing_a_member_gives_one_composition_warning_naming_the_group(int removedId, string group, int wanted, int actual)
    {
        var facts = August2025Facts() with { Seats = [.. SeatsOn(Syd.August2025).Where(s => s.Id != removedId)] };

        var finding = Assert.Single(Check(SydRules(), facts, Today));

        Assert.Equal("procedure.composition", finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal($"§ 1, stk. 1: Udvalget skal have {wanted} medlemmer under {group}. På mødedagen har det {actual}.", finding.Message);
        Assert.Equal(SydTitle + ", § 1, stk. 1", finding.Reference);
        Assert.Equal("Tilføj eller afslut medlemskaber på udvalgets side.", finding.Remedy);
    }

    [Fact]
    public void An_extra_member_is_also_a_composition_warning()
    {
        var extra = Syd.Seat(99, "Ny Regionspolitiker", "regionspolitiker", null, "Region Hovedstaden", MemberGroup.Regional);
        var facts = August2025Facts() with { Seats = [.. SeatsOn(Syd.August2025), extra] };

        var finding = Assert.Single(Check(SydRules(), facts, Today));

        Assert.Equal("§ 1, stk. 1: Udvalget skal have 4 medlemmer under Regional. På mødedagen har det 5.", finding.Message);
    }

    [Fact]
    public void Every_group_out_of_step_gets_its_own_warning()
    {
        var facts = August2025Facts() with { Seats = [.. SeatsOn(Syd.August2025).Where(s => s.Id is not (1 or 5 or 16))] };

        var findings = Check(SydRules(), facts, Today);

        Assert.Equal(
            [
                "§ 1, stk. 1: Udvalget skal have 4 medlemmer under Regional. På mødedagen har det 3.",
                "§ 1, stk. 1: Udvalget skal have 11 medlemmer under Kommunal. På mødedagen har det 10.",
                "§ 1, stk. 1: Udvalget skal have 2 medlemmer under Almen praksis. På mødedagen har det 1.",
            ],
            findings.Select(f => f.Message));
    }

    [Fact]
    public void Holbaeks_14_municipal_seats_match_its_rules()
    {
        var facts = August2025Facts() with { Date = Holbaek29October2025, Seats = HolbaekSeats() };

        None(Compliance.Check(HolbaekRules(), facts, new DateOnly(2025, 10, 20)), "procedure.composition");
    }

    // ---- Meetings a year (§ 3, stk. 1) ---------------------------------------------------------------------------

    [Theory]
    [InlineData(0, 2, true)]
    [InlineData(1, 2, true)]
    [InlineData(2, 2, false)]
    [InlineData(3, 2, false)]
    [InlineData(3, 4, true)]
    [InlineData(4, 4, false)]
    [InlineData(0, 0, false)]
    public void Fewer_ordinary_meetings_in_the_year_than_the_minimum_is_a_warning(int meetings, int minimum, bool warning)
    {
        var rules = SydRules();
        rules.MinOrdinaryMeetingsPerYear = minimum;
        var facts = August2025Facts() with { OrdinaryMeetingsInYear = meetings };

        var findings = Check(rules, facts, Today);

        Assert.Equal(warning ? ["procedure.too_few_meetings"] : [], Codes(findings));
    }

    [Fact]
    public void One_ordinary_meeting_in_2025_against_a_minimum_of_2()
    {
        var facts = August2025Facts() with { OrdinaryMeetingsInYear = 1 };

        var finding = Single(Check(SydRules(), facts, Today), "procedure.too_few_meetings");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("§ 3, stk. 1: Udvalget skal holde mindst 2 ordinære møder om året. Mødeplanen for 2025 har 1.", finding.Message);
        Assert.Equal(SydTitle + ", § 3, stk. 1", finding.Reference);
        Assert.Equal("Planlæg flere møder i mødeplanen.", finding.Remedy);
    }

    // ---- Chairs in turn (§ 4, stk. 1) ------------------------------------------------------------------------------

    [Theory]
    // Lars Gaardhøj (person 1) and Merete Amdisen (person 5) chair in turn.
    [InlineData(1, 1, true, true)]
    [InlineData(5, 5, true, true)]
    [InlineData(1, 5, true, false)]
    [InlineData(5, 1, true, false)]
    [InlineData(1, 1, false, false)]
    [InlineData(null, 1, true, false)]
    [InlineData(1, null, true, false)]
    [InlineData(null, null, true, false)]
    public void The_same_chair_as_at_the_previous_meeting_is_a_warning_where_chairs_go_in_turn(
        int? chair, int? previousChair, bool chairsInTurn, bool warning)
    {
        var rules = SydRules();
        rules.ChairsInTurn = chairsInTurn;
        var facts = August2025Facts() with { ChairPersonId = chair, PreviousChairPersonId = previousChair };

        var findings = Check(rules, facts, Today);

        Assert.Equal(warning ? ["procedure.chair_not_in_turn"] : [], Codes(findings));
    }

    [Fact]
    public void Chair_not_in_turn_cites_4_1()
    {
        var facts = August2025Facts() with { ChairPersonId = 5, PreviousChairPersonId = 5 };

        var finding = Single(Check(SydRules(), facts, Today), "procedure.chair_not_in_turn");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("§ 4, stk. 1: Møderne ledes af formandskabet på skift, men samme mødeleder ledte også det forrige møde.", finding.Message);
        Assert.Equal(SydTitle + ", § 4, stk. 1", finding.Reference);
        Assert.Equal("Lad den anden medformand lede mødet.", finding.Remedy);
    }

    // ---- The body's period -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2025-12-31", "2022-09-28", "2025-12-31", false)]
    [InlineData("2026-01-01", "2022-09-28", "2025-12-31", true)]
    [InlineData("2022-09-28", "2022-09-28", "2025-12-31", false)]
    [InlineData("2022-09-27", "2022-09-28", "2025-12-31", true)]
    [InlineData("2030-01-01", "2022-09-28", null, false)]
    [InlineData("2026-12-31", "2027-01-01", null, true)]
    public void A_meeting_outside_the_bodys_period_is_a_violation(string date, string bodyFrom, string? bodyTo, bool outside)
    {
        var facts = August2025Facts() with { Date = D(date), BodyValidFrom = D(bodyFrom), BodyValidTo = OptionalD(bodyTo) };

        var findings = Check(SydRules(), facts, D(date));

        Assert.Equal(outside ? 1 : 0, findings.Count(f => f.Code == "procedure.meeting_outside_body_validity"));
    }

    [Fact]
    public void A_meeting_on_1_january_2026_is_after_syds_period()
    {
        var facts = August2025Facts() with { Date = new DateOnly(2026, 1, 1), AgendaPublishedOn = new DateOnly(2025, 12, 15) };

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 12, 15)), "procedure.meeting_outside_body_validity");

        Assert.Equal(Severity.Violation, finding.Severity);
        Assert.Equal("Mødet den 1. januar 2026 ligger uden for udvalgets periode.", finding.Message);
        Assert.Equal("Udvalgets periode", finding.Reference);
        Assert.Equal("Flyt mødet ind i udvalgets periode, eller ret udvalgets periode.", finding.Remedy);
    }

    // ---- No rules in force --------------------------------------------------------------------------------------------

    public static TheoryData<string> EveryKindOfFault() =>
    [
        "nothing", "agenda late", "agenda not out", "minutes overdue", "virtual ordinary", "same chair",
        "one meeting a year", "member missing", "no quorum",
    ];

    /// <summary>A meeting of 27 August 2025 with one fault under Syd's rules.</summary>
    private static (MeetingFacts Facts, DateOnly Today) WithFault(string fault)
    {
        var facts = August2025Facts();
        var seats = SeatsOn(Syd.August2025);
        return fault switch
        {
            "nothing" => (facts, Today),
            "agenda late" => (facts with { AgendaPublishedOn = new DateOnly(2025, 8, 20) }, Today),
            "agenda not out" => (facts with { Status = MeetingStatus.AgendaDraft, AgendaPublishedOn = null }, new DateOnly(2025, 8, 25)),
            "minutes overdue" => (facts with { Status = MeetingStatus.Held }, new DateOnly(2025, 9, 7)),
            "virtual ordinary" => (facts with { IsVirtual = true }, Today),
            "same chair" => (facts with { ChairPersonId = 1, PreviousChairPersonId = 1 }, Today),
            "one meeting a year" => (facts with { OrdinaryMeetingsInYear = 1 }, Today),
            "member missing" => (facts with { Seats = [.. seats.Skip(1)] }, Today),
            "no quorum" => (facts with { Attendance = Roll(seats, Ids("1,5")), Items = [Item(1, "almen praksis")] }, Today),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
    }

    [Theory]
    [MemberData(nameof(EveryKindOfFault))]
    public void Without_rules_in_force_the_only_finding_is_that_there_are_none(string fault)
    {
        var (facts, today) = WithFault(fault);

        var finding = Assert.Single(Check(null, facts, today));

        Assert.Equal("procedure.no_rules", finding.Code);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("Der er ingen forretningsorden i kraft på mødedagen, så fristerne og beslutningsdygtigheden kontrolleres ikke.", finding.Message);
        Assert.Equal("Forretningsorden", finding.Reference);
        Assert.Equal("Registrér udvalgets forretningsorden.", finding.Remedy);
    }

    [Fact]
    public void Without_rules_a_meeting_outside_the_bodys_period_gets_both_findings()
    {
        var facts = August2025Facts() with { Date = new DateOnly(2026, 1, 14) };

        var findings = Check(null, facts, new DateOnly(2026, 1, 1));

        Assert.Equal(["procedure.meeting_outside_body_validity", "procedure.no_rules"], findings.Select(f => f.Code));
        Assert.Equal([Severity.Violation, Severity.Info], findings.Select(f => f.Severity));
    }

    // ---- Cancelled meetings ----------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(EveryKindOfFault))]
    public void A_cancelled_meeting_gets_no_rule_findings(string fault)
    {
        var (facts, today) = WithFault(fault);

        Assert.Empty(Check(SydRules(), facts with { Status = MeetingStatus.Cancelled }, today));
    }

    [Theory]
    [MemberData(nameof(EveryKindOfFault))]
    public void Each_fault_is_found_when_the_meeting_is_not_cancelled(string fault)
    {
        var (facts, today) = WithFault(fault);

        var findings = Check(SydRules(), facts, today);

        Assert.Equal(fault == "nothing", findings.Count == 0);
    }

    [Fact]
    public void A_cancelled_meeting_outside_the_bodys_period_still_gets_the_period_finding()
    {
        var facts = August2025Facts() with
        {
            Date = new DateOnly(2026, 1, 14),
            Status = MeetingStatus.Cancelled,
            IsVirtual = true,
            OrdinaryMeetingsInYear = 0,
        };

        var finding = Assert.Single(Check(SydRules(), facts, new DateOnly(2026, 1, 1)));

        Assert.Equal("procedure.meeting_outside_body_validity", finding.Code);
    }

    // ---- All together ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Findings_come_in_the_order_of_the_rules()
    {
        var seats = SeatsOn(Syd.August2025);
        var facts = August2025Facts() with
        {
            Status = MeetingStatus.AgendaDraft,
            AgendaPublishedOn = null,
            IsVirtual = true,
            Seats = [.. seats.Where(s => s.Id != 16)],
            OrdinaryMeetingsInYear = 1,
            ChairPersonId = 1,
            PreviousChairPersonId = 1,
            Attendance = Roll(seats, Ids("1,5")),
            Items = [Item(1), Item(2)],
        };

        var findings = Check(SydRules(), facts, new DateOnly(2025, 8, 18));

        Assert.Equal(
            [
                "procedure.composition", "procedure.too_few_meetings", "procedure.item_requests_due", "procedure.agenda_overdue",
                "procedure.virtual_ordinary_meeting", "procedure.chair_not_in_turn", "procedure.no_quorum", "procedure.no_quorum",
            ],
            findings.Select(f => f.Code));
    }
}
