using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Domain.Tests.TestData;
using static Raad.Domain.Tests.TestData.SydProcedure;

namespace Raad.Domain.Tests.Procedure;

/// <summary>
/// What every finding carries, whatever the rule: a reference and a remedy, and (except for the body's period and
/// missing rules) a message that starts with the paragraph it applies. One scenario per finding code.
/// </summary>
public class FindingTests
{
    private static readonly DateOnly Today = new(2025, 8, 20);

    /// <summary>Each scenario, by the code it must produce, and everything the rules find in it.</summary>
    private static IReadOnlyList<Finding> Scenario(string code)
    {
        var facts = August2025Facts();
        var seats = SeatsOn(Syd.August2025);
        return code switch
        {
            "meeting_outside_body_validity" => Compliance.Check(SydRules(), facts with { Date = new DateOnly(2026, 1, 14) }, Today),
            "no_rules" => Compliance.Check(null, facts, Today),
            "composition" => Compliance.Check(SydRules(), facts with { Seats = [.. seats.Where(s => s.Id != 1)] }, Today),
            "too_few_meetings" => Compliance.Check(SydRules(), facts with { OrdinaryMeetingsInYear = 1 }, Today),
            "item_requests_due" => Compliance.Check(SydRules(), facts with { Status = MeetingStatus.Planned, AgendaPublishedOn = null }, new DateOnly(2025, 7, 1)),
            "agenda_notice_too_short" => Compliance.Check(SydRules(), facts with { AgendaPublishedOn = new DateOnly(2025, 8, 20) }, Today),
            "agenda_short_notice_extraordinary" => Compliance.Check(SydRules(), April2023Facts(), new DateOnly(2023, 4, 26)),
            "agenda_due" => Compliance.Check(SydRules(), facts with { Status = MeetingStatus.AgendaDraft, AgendaPublishedOn = null }, new DateOnly(2025, 8, 17)),
            "agenda_overdue" => Compliance.Check(SydRules(), facts with { Status = MeetingStatus.AgendaDraft, AgendaPublishedOn = null }, new DateOnly(2025, 8, 18)),
            "minutes_due" => Compliance.Check(SydRules(), facts with { Status = MeetingStatus.Held }, new DateOnly(2025, 9, 6)),
            "minutes_overdue" => Compliance.Check(SydRules(), facts with { Status = MeetingStatus.Held }, new DateOnly(2025, 9, 7)),
            "minutes_at_meeting" => Compliance.Check(HolbaekRules(), facts with
            {
                Date = Holbaek29October2025,
                IsVirtual = true,
                Status = MeetingStatus.Held,
                AgendaPublishedOn = new DateOnly(2025, 10, 17),
                Seats = HolbaekSeats(),
            }, new DateOnly(2025, 10, 29)),
            "virtual_ordinary_meeting" => Compliance.Check(SydRules(), facts with { IsVirtual = true }, Today),
            "chair_not_in_turn" => Compliance.Check(SydRules(), facts with { ChairPersonId = 5, PreviousChairPersonId = 5 }, Today),
            "no_quorum" or "group_not_represented" or "topic_group_not_represented" => Compliance.Check(SydRules(), facts with
            {
                Attendance = Roll(seats, Ids("5,6")),
                Items = [Item(1, "almen praksis")],
            }, Today),
            _ => throw new ArgumentOutOfRangeException(nameof(code)),
        };
    }

    private static readonly string[] Codes =
    [
        "meeting_outside_body_validity", "no_rules", "composition", "too_few_meetings", "item_requests_due",
        "agenda_notice_too_short", "agenda_short_notice_extraordinary", "agenda_due", "agenda_overdue",
        "minutes_due", "minutes_overdue", "minutes_at_meeting", "virtual_ordinary_meeting", "chair_not_in_turn",
        "no_quorum", "group_not_represented", "topic_group_not_represented",
    ];

    public static TheoryData<string> EveryCode() => [.. Codes];

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void Every_finding_has_a_reference_a_remedy_and_cites_its_paragraph(string code)
    {
        var findings = Scenario(code);

        Assert.Contains(findings, f => f.Code == "procedure." + code);
        ProcedureAssert.WellFormed(findings);
    }

    [Fact]
    public void The_scenarios_cover_every_code_and_every_severity()
    {
        var findings = Codes.SelectMany(Scenario).ToList();

        Assert.Equal(17, findings.Select(f => f.Code).Distinct().Count());
        Assert.Equal([Severity.Info, Severity.Warning, Severity.Violation], findings.Select(f => f.Severity).Distinct().Order());
    }

    [Fact]
    public void Minutes_approved_at_the_meeting_cite_the_rules_like_every_other_finding()
    {
        var finding = Assert.Single(Scenario("minutes_at_meeting"));

        // Today: "Referatet godkendes ved mødets afslutning (...)." with the bare title as reference.
        Assert.StartsWith("§", finding.Message, StringComparison.Ordinal);
        Assert.NotEqual(HolbaekRules().Title, finding.Reference);
    }

    [Theory]
    [InlineData("2025-08-28", 1)]
    [InlineData("2025-08-30", 3)]
    public void An_agenda_sent_out_after_the_meeting_does_not_report_a_negative_number_of_days(string publishedOn, int daysAfter)
    {
        var facts = August2025Facts() with { Status = MeetingStatus.Held, AgendaPublishedOn = D(publishedOn) };

        var finding = Assert.Single(
            Compliance.Check(SydRules(), facts, D(publishedOn)),
            f => f.Code == "procedure.agenda_notice_too_short");

        Assert.DoesNotContain($"-{daysAfter}", finding.Message, StringComparison.Ordinal);
        Assert.Contains("efter mødet", finding.Message, StringComparison.Ordinal);
    }
}
