using System.Globalization;
using Raad.Domain.Meetings;
using Raad.Domain.People;
using Raad.Domain.Procedure;
using Raad.Domain.Tests.TestData;
using static Raad.Domain.Tests.TestData.SydProcedure;

namespace Raad.Domain.Tests.Procedure;

public class RulesOfProcedureTests
{
    // ---- Deadlines (§ 3, stk. 2, 3 and 5) ------------------------------------------------------

    [Theory]
    // The worked example: 27 August 2025 under Syd's rules.
    [InlineData("2025-08-27", "2025-07-30", "2025-08-17", "2025-09-06")]
    // The extraordinary meeting on Teams, the meeting plan's other dates, a leap year and a turn of the year.
    [InlineData("2023-04-26", "2023-03-29", "2023-04-16", "2023-05-06")]
    [InlineData("2023-01-18", "2022-12-21", "2023-01-08", "2023-01-28")]
    [InlineData("2024-03-18", "2024-02-19", "2024-03-08", "2024-03-28")]
    [InlineData("2025-03-19", "2025-02-19", "2025-03-09", "2025-03-29")]
    [InlineData("2024-12-27", "2024-11-29", "2024-12-17", "2025-01-06")]
    public void Syd_deadlines_count_calendar_days_from_the_meeting(string meeting, string itemRequests, string agenda, string minutes)
    {
        var rules = SydRules();

        Assert.Equal(D(itemRequests), rules.ItemRequestsDue(D(meeting)));
        Assert.Equal(D(agenda), rules.AgendaDue(D(meeting)));
        Assert.Equal(D(minutes), rules.MinutesDue(D(meeting)));
    }

    [Theory]
    // Objections run from the day the minutes went out, not from the meeting or the minutes' deadline.
    [InlineData("2025-09-06", "2025-09-14")]
    [InlineData("2025-09-01", "2025-09-09")]
    [InlineData("2025-08-28", "2025-09-05")]
    [InlineData("2025-12-28", "2026-01-05")]
    [InlineData("2024-02-25", "2024-03-04")]
    public void Objections_are_due_8_days_after_the_day_the_minutes_went_out(string minutesSent, string objectionsDue)
    {
        Assert.Equal(D(objectionsDue), SydRules().ObjectionsDue(D(minutesSent)));
    }

    [Theory]
    [InlineData(0, 0, 0, 0, "2025-08-27", "2025-08-27", "2025-08-27", "2025-09-01")]
    [InlineData(14, 5, 3, 14, "2025-08-13", "2025-08-22", "2025-08-30", "2025-09-15")]
    public void Deadlines_follow_the_bodys_own_numbers(int itemLead, int notice, int dispatch, int objections,
        string itemRequests, string agenda, string minutes, string objectionsDue)
    {
        var rules = SydRules();
        rules.ItemRequestLeadDays = itemLead;
        rules.AgendaNoticeDays = notice;
        rules.MinutesDispatchDays = dispatch;
        rules.ObjectionWindowDays = objections;

        Assert.Equal(D(itemRequests), rules.ItemRequestsDue(new DateOnly(2025, 8, 27)));
        Assert.Equal(D(agenda), rules.AgendaDue(new DateOnly(2025, 8, 27)));
        Assert.Equal(D(minutes), rules.MinutesDue(new DateOnly(2025, 8, 27)));
        Assert.Equal(D(objectionsDue), rules.ObjectionsDue(new DateOnly(2025, 9, 1)));
    }

    // ---- Seats and quorum (§ 1, stk. 1; § 4, stk. 2) ---------------------------------------------

    [Fact]
    public void Syd_has_17_seats_4_regional_11_municipal_2_general_practice()
    {
        var rules = SydRules();

        Assert.Equal(17, rules.Seats);
        Assert.Equal(4, rules.SeatsFor(MemberGroup.Regional));
        Assert.Equal(11, rules.SeatsFor(MemberGroup.Municipal));
        Assert.Equal(2, rules.SeatsFor(MemberGroup.GeneralPractice));
    }

    [Theory]
    // "Mindst halvdelen": half, rounded up.
    [InlineData("0.5", 17, 9)]
    [InlineData("0.5", 16, 8)]
    [InlineData("0.5", 15, 8)]
    [InlineData("0.5", 14, 7)]
    [InlineData("0.5", 2, 1)]
    [InlineData("0.5", 1, 1)]
    [InlineData("0.5", 0, 0)]
    // Everyone.
    [InlineData("1", 17, 17)]
    [InlineData("1", 1, 1)]
    // A simple majority written as a share just above a half.
    [InlineData("0.51", 17, 9)]
    [InlineData("0.51", 16, 9)]
    // Two thirds, as 2/3 computed in decimal (0,6666666666666666666666666667).
    [InlineData("2/3", 1, 1)]
    [InlineData("2/3", 2, 2)]
    [InlineData("2/3", 3, 2)]
    [InlineData("2/3", 4, 3)]
    [InlineData("2/3", 5, 4)]
    [InlineData("2/3", 6, 4)]
    [InlineData("2/3", 9, 6)]
    [InlineData("2/3", 12, 8)]
    [InlineData("2/3", 15, 10)]
    [InlineData("2/3", 16, 11)]
    [InlineData("2/3", 17, 12)]
    // Two thirds as a secretariat would type it.
    [InlineData("0.67", 17, 12)]
    public void QuorumOf_is_the_share_of_the_members_rounded_up(string share, int members, int expected)
    {
        var rules = SydRules();
        rules.QuorumShare = Share(share);

        Assert.Equal(expected, rules.QuorumOf(members));
    }

    private static decimal Share(string share) => share == "2/3"
        ? 2m / 3m
        : decimal.Parse(share, CultureInfo.InvariantCulture);

    // ---- The version in force ---------------------------------------------------------------------

    /// <summary>
    /// Version 1 for the first half of the term, version 2 from 2024 to the end, version 3 (an amendment) from
    /// 1 June 2025 with no end, overlapping version 2.
    /// </summary>
    private static List<RulesOfProcedure> Versions() =>
    [
        Version(2, "2024-01-01", "2025-12-31"),
        Version(1, "2022-09-28", "2023-12-31"),
        Version(3, "2025-06-01", null),
    ];

    private static RulesOfProcedure Version(int version, string from, string? to)
    {
        var rules = SydRules();
        rules.Id = version;
        rules.Version = version;
        rules.ValidFrom = D(from);
        rules.ValidTo = OptionalD(to);
        return rules;
    }

    [Theory]
    [InlineData("2022-09-27", 0)]
    [InlineData("2022-09-28", 1)]
    [InlineData("2023-04-26", 1)]
    [InlineData("2023-12-31", 1)]
    [InlineData("2024-01-01", 2)]
    [InlineData("2025-05-31", 2)]
    // Versions 2 and 3 overlap: the later ValidFrom wins.
    [InlineData("2025-06-01", 3)]
    [InlineData("2025-08-27", 3)]
    [InlineData("2025-12-31", 3)]
    [InlineData("2026-01-01", 3)]
    [InlineData("2030-01-01", 3)]
    public void InForce_picks_the_version_in_force_on_the_date_and_the_later_one_where_two_overlap(string date, int expectedVersion)
    {
        var inForce = RulesOfProcedure.InForce(Versions(), D(date));

        Assert.Equal(expectedVersion, inForce?.Version ?? 0);
    }

    [Theory]
    [InlineData("2022-09-27", false)]
    [InlineData("2022-09-28", true)]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)]
    public void Syds_rules_are_in_force_from_28_september_2022_to_31_december_2025(string date, bool inForce)
    {
        Assert.Equal(inForce, SydRules().IsInForceOn(D(date)));
        Assert.Equal(inForce, RulesOfProcedure.InForce([SydRules()], D(date)) is not null);
    }

    [Fact]
    public void InForce_of_no_versions_is_null()
    {
        Assert.Null(RulesOfProcedure.InForce([], new DateOnly(2025, 8, 27)));
    }

    // ---- Validate -----------------------------------------------------------------------------------

    [Fact]
    public void Syds_rules_are_valid()
    {
        Assert.True(RulesOfProcedure.Validate(SydRules()).IsValid);
        Assert.True(RulesOfProcedure.Validate(HolbaekRules()).IsValid);
    }

    [Theory]
    [InlineData("2022-09-28", "2025-12-31", true)]
    [InlineData("2022-09-28", "2022-09-28", true)]
    [InlineData("2022-09-28", null, true)]
    [InlineData("2022-09-28", "2022-09-27", false)]
    [InlineData("2025-12-31", "2022-09-28", false)]
    public void Validate_refuses_rules_that_end_before_they_begin(string from, string? to, bool valid)
    {
        var rules = SydRules();
        rules.ValidFrom = D(from);
        rules.ValidTo = OptionalD(to);

        var errors = RulesOfProcedure.Validate(rules).Errors;

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal("rules.validity_inverted", error.Code);
            Assert.Equal(nameof(RulesOfProcedure.ValidTo), error.Field);
            Assert.Equal("Forretningsordenen kan ikke ophøre, før den træder i kraft.", error.Message);
        }
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-0.5", false)]
    [InlineData("0.0001", true)]
    [InlineData("0.5", true)]
    [InlineData("2/3", true)]
    [InlineData("1", true)]
    [InlineData("1.0001", false)]
    [InlineData("1.5", false)]
    public void Validate_takes_a_quorum_share_above_0_and_at_most_1(string share, bool valid)
    {
        var rules = SydRules();
        rules.QuorumShare = Share(share);

        var errors = RulesOfProcedure.Validate(rules).Errors;

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal("rules.quorum_share", error.Code);
            Assert.Equal(nameof(RulesOfProcedure.QuorumShare), error.Field);
            Assert.Equal("Beslutningsdygtighed angives som en andel mellem 0 og 1, fx 0,5 for mindst halvdelen.", error.Message);
        }
    }

    private static readonly Dictionary<string, Action<RulesOfProcedure, int>> Numbers = new()
    {
        [nameof(RulesOfProcedure.RegionalSeats)] = (r, v) => r.RegionalSeats = v,
        [nameof(RulesOfProcedure.MunicipalSeats)] = (r, v) => r.MunicipalSeats = v,
        [nameof(RulesOfProcedure.GeneralPracticeSeats)] = (r, v) => r.GeneralPracticeSeats = v,
        [nameof(RulesOfProcedure.MinOrdinaryMeetingsPerYear)] = (r, v) => r.MinOrdinaryMeetingsPerYear = v,
        [nameof(RulesOfProcedure.ItemRequestLeadDays)] = (r, v) => r.ItemRequestLeadDays = v,
        [nameof(RulesOfProcedure.AgendaNoticeDays)] = (r, v) => r.AgendaNoticeDays = v,
        [nameof(RulesOfProcedure.MinutesDispatchDays)] = (r, v) => r.MinutesDispatchDays = v,
        [nameof(RulesOfProcedure.ObjectionWindowDays)] = (r, v) => r.ObjectionWindowDays = v,
        [nameof(RulesOfProcedure.OrdinaryNoticeDays)] = (r, v) => r.OrdinaryNoticeDays = v,
        [nameof(RulesOfProcedure.WrittenProcedureObjectionsToMeeting)] = (r, v) => r.WrittenProcedureObjectionsToMeeting = v,
    };

    public static TheoryData<string, int, bool> NumberCases()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var field in Numbers.Keys)
        {
            data.Add(field, int.MinValue, false);
            data.Add(field, -1, false);
            data.Add(field, 0, true);
            data.Add(field, 1, true);
            data.Add(field, 365, true);
            data.Add(field, 366, false);
            data.Add(field, int.MaxValue, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NumberCases))]
    public void Validate_takes_numbers_from_0_to_365_and_names_the_field(string field, int value, bool valid)
    {
        var rules = SydRules();
        Numbers[field](rules, value);

        var errors = RulesOfProcedure.Validate(rules).Errors;

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal("rules.number_out_of_range", error.Code);
            Assert.Equal(field, error.Field);
            Assert.Equal("Skriv et tal mellem 0 og 365.", error.Message);
        }
    }

    [Fact]
    public void Validate_reports_every_fault_at_once()
    {
        var rules = SydRules();
        rules.ValidTo = rules.ValidFrom.AddDays(-1);
        rules.QuorumShare = 0;
        rules.AgendaNoticeDays = -1;
        rules.MinutesDispatchDays = 366;

        var codes = RulesOfProcedure.Validate(rules).Errors.Select(e => (e.Code, e.Field));

        Assert.Equal(
            [
                ("rules.validity_inverted", "ValidTo"), ("rules.quorum_share", "QuorumShare"),
                ("rules.number_out_of_range", "AgendaNoticeDays"), ("rules.number_out_of_range", "MinutesDispatchDays"),
            ],
            codes);
    }

    [Theory]
    [InlineData("2022-09-28", "2025-12-31", "28. september 2022 til 31. december 2025")]
    [InlineData("2027-01-01", null, "fra 1. januar 2027")]
    public void ValidityText_is_danish(string from, string? to, string expected)
    {
        var rules = SydRules();
        rules.ValidFrom = D(from);
        rules.ValidTo = OptionalD(to);

        Assert.Equal(expected, rules.ValidityText);
    }
}

public class DeadlinesTests
{
    private static RulesOfProcedure Syd() => new()
    {
        ItemRequestLeadDays = 28,
        AgendaNoticeDays = 10,
        MinutesDispatchDays = 10,
        ObjectionWindowDays = 8,
        MinutesApproval = MinutesApproval.ObjectionWindow,
    };

    [Fact]
    public void The_dates_around_27_august_2025_under_Syds_rules()
    {
        var dates = Deadlines.For(Syd(), new DateOnly(2025, 8, 27));

        Assert.Equal(
            [
                ("Ønsker om punkter", new DateOnly(2025, 7, 30)),
                ("Dagsorden udsendes", new DateOnly(2025, 8, 17)),
                ("Mødet", new DateOnly(2025, 8, 27)),
                ("Referat udsendes", new DateOnly(2025, 9, 6)),
                ("Indsigelser til referatet", new DateOnly(2025, 9, 14)),
            ],
            dates.Select(d => (d.Label, d.Date)));
    }

    [Theory]
    [InlineData("2025-08-03", new[] { "Dagsorden udsendes" })]
    [InlineData("2025-08-15", new[] { "Dagsorden udsendes", "Mødet" })]
    [InlineData("2025-07-16", new[] { "Ønsker om punkter" })]
    [InlineData("2025-08-28", new[] { "Referat udsendes" })]
    [InlineData("2025-09-15", new string[0])]
    public void A_body_page_lists_what_falls_due_in_the_next_14_days(string today, string[] due)
    {
        var meeting = MeetingIn.State(new Meeting { Date = new DateOnly(2025, 8, 27) }, MeetingStatus.AgendaPublished);

        var upcoming = Deadlines.Upcoming([(meeting, Syd())], DateOnly.Parse(today, CultureInfo.InvariantCulture));

        Assert.Equal(due, upcoming.Select(u => u.Deadline.Label));
    }

    [Fact]
    public void Minutes_approved_at_the_meeting_have_no_dispatch_or_objection_dates()
    {
        var rules = Syd();
        rules.MinutesApproval = MinutesApproval.AtMeeting;

        var labels = Deadlines.For(rules, new DateOnly(2025, 10, 29)).Select(d => d.Label);

        Assert.DoesNotContain("Referat udsendes", labels);
        Assert.Contains("Referat godkendes på mødet", labels);
    }
}
