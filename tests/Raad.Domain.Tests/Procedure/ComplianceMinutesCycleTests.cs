using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Domain.Tests.TestData;
using static Raad.Domain.Tests.Procedure.ProcedureAssert;
using static Raad.Domain.Tests.TestData.SydProcedure;

namespace Raad.Domain.Tests.Procedure;

/// <summary>
/// § 3, stk. 5 once the minutes are out: sent on time or late, the objection window, objections, revision; and the
/// dates around the meeting once the window of the minutes actually sent is known. Syd's meeting of 27 August 2025:
/// minutes due 6 September, objections 8 days after they are sent.
/// </summary>
public class ComplianceMinutesCycleTests
{
    private const string SydReference35 = SydTitle + ", § 3, stk. 5";

    // ---- Sent on time or late -------------------------------------------------------------------------------

    [Theory]
    [InlineData("2025-08-28", "minutes_objection_window")]
    [InlineData("2025-09-05", "minutes_objection_window")]
    [InlineData("2025-09-06", "minutes_objection_window")]
    [InlineData("2025-09-07", "minutes_objection_window,minutes_sent_late")]
    [InlineData("2025-09-20", "minutes_objection_window,minutes_sent_late")]
    public void Minutes_sent_by_6_september_2025_are_on_time_and_from_7_september_late(string sentOn, string expected)
    {
        var facts = Circulated(D(sentOn), D(sentOn).AddDays(8));

        Assert.Equal(ExpectedCodes(expected), Codes(Check(SydRules(), facts, D(sentOn))));
    }

    [Theory]
    [InlineData("2025-09-07", "Det blev udsendt 7. september 2025, 1 dag for sent.")]
    [InlineData("2025-09-08", "Det blev udsendt 8. september 2025, 2 dage for sent.")]
    [InlineData("2025-09-16", "Det blev udsendt 16. september 2025, 10 dage for sent.")]
    public void Minutes_sent_late_is_a_violation_saying_how_many_days(string sentOn, string tail)
    {
        var facts = Circulated(D(sentOn), D(sentOn).AddDays(8));

        var finding = Single(Check(SydRules(), facts, D(sentOn)), "procedure.minutes_sent_late");

        Assert.Equal(Severity.Violation, finding.Severity);
        Assert.Equal($"§ 3, stk. 5: Referatet skulle være udsendt senest 6. september 2025 (10 dage efter mødet). {tail}", finding.Message);
        Assert.Equal(SydReference35, finding.Reference);
        Assert.Equal("Udsend fremover referatet inden fristen.", finding.Remedy);
    }

    [Theory]
    [InlineData("MinutesCirculated", "minutes_objection_window,minutes_sent_late")]
    [InlineData("MinutesDraft", "minutes_being_revised,minutes_sent_late")]
    [InlineData("MinutesApproved", "minutes_sent_late")]
    public void Minutes_sent_late_stay_late_through_revision_and_approval(string status, string expected)
    {
        var facts = Circulated(new DateOnly(2025, 9, 7), new DateOnly(2025, 9, 15)) with { Status = Enum.Parse<MeetingStatus>(status) };

        Assert.Equal(ExpectedCodes(expected), Codes(Check(SydRules(), facts, new DateOnly(2025, 9, 10))));
    }

    [Theory]
    [InlineData(10, "2025-09-06", "")]
    [InlineData(10, "2025-09-07", "minutes_sent_late")]
    [InlineData(5, "2025-09-01", "")]
    [InlineData(5, "2025-09-02", "minutes_sent_late")]
    public void The_dispatch_deadline_follows_the_bodys_number_of_days(int dispatchDays, string sentOn, string expected)
    {
        var rules = SydRules();
        rules.MinutesDispatchDays = dispatchDays;
        var facts = Circulated(D(sentOn), D(sentOn).AddDays(8)) with { Status = MeetingStatus.MinutesApproved };

        Assert.Equal(ExpectedCodes(expected), Codes(Check(rules, facts, new DateOnly(2025, 10, 1))));
    }

    [Theory]
    [InlineData("Held", "minutes_at_meeting")]
    [InlineData("MinutesApproved", "")]
    public void Minutes_approved_at_the_meeting_are_never_sent_late(string status, string expected)
    {
        // Holbæk's meeting of 29 October 2025 with its minutes "sent" a month later.
        var facts = August2025Facts() with
        {
            Date = Holbaek29October2025,
            IsVirtual = true,
            Status = Enum.Parse<MeetingStatus>(status),
            AgendaPublishedOn = new DateOnly(2025, 10, 17),
            Seats = HolbaekSeats(),
            MinutesCirculatedOn = new DateOnly(2025, 11, 29),
        };

        var findings = Check(HolbaekRules(), facts, new DateOnly(2025, 12, 1));

        Assert.Equal(ExpectedCodes(expected), Codes(findings));
    }

    // ---- The objection window ---------------------------------------------------------------------------------

    [Theory]
    // Sent 5 September 2025, objections due 13 September.
    [InlineData("2025-09-05", 0, "minutes_objection_window")]
    [InlineData("2025-09-12", 0, "minutes_objection_window")]
    [InlineData("2025-09-13", 0, "minutes_objection_window")]
    [InlineData("2025-09-14", 0, "minutes_window_passed")]
    [InlineData("2025-10-01", 0, "minutes_window_passed")]
    // An objection is the finding whether or not the window has closed.
    [InlineData("2025-09-06", 1, "minutes_objections")]
    [InlineData("2025-09-13", 1, "minutes_objections")]
    [InlineData("2025-09-14", 2, "minutes_objections")]
    public void Circulated_minutes_show_the_window_until_13_september_2025_and_then_that_it_passed(string today, int objections, string expected)
    {
        var facts = Circulated(new DateOnly(2025, 9, 5), new DateOnly(2025, 9, 13), objections);

        Assert.Equal(ExpectedCodes(expected), Codes(Check(SydRules(), facts, D(today))));
    }

    [Fact]
    public void The_open_window_is_information_naming_the_last_day()
    {
        var facts = Circulated(new DateOnly(2025, 9, 5), new DateOnly(2025, 9, 13));

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 9, 13)), "procedure.minutes_objection_window");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("§ 3, stk. 5: Medlemmerne kan gøre indsigelse mod referatet til og med 13. september 2025.", finding.Message);
        Assert.Equal(SydReference35, finding.Reference);
        Assert.Equal("Afvent fristen; kommer der ingen indsigelser, er referatet godkendt.", finding.Remedy);
    }

    [Fact]
    public void The_passed_window_is_information_that_the_minutes_are_approved()
    {
        var facts = Circulated(new DateOnly(2025, 9, 5), new DateOnly(2025, 9, 13));

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 9, 14)), "procedure.minutes_window_passed");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("§ 3, stk. 5: Fristen for indsigelser udløb 13. september 2025 uden indsigelser, så referatet er godkendt.", finding.Message);
        Assert.Equal(SydReference35, finding.Reference);
        Assert.Equal("Raad registrerer godkendelsen af sig selv; intet at gøre.", finding.Remedy);
    }

    [Theory]
    [InlineData(1, "§ 3, stk. 5: Der er 1 indsigelse mod referatet, så det er ikke godkendt.")]
    [InlineData(2, "§ 3, stk. 5: Der er 2 indsigelser mod referatet, så det er ikke godkendt.")]
    public void Objections_to_the_version_out_are_a_warning_counting_them(int objections, string message)
    {
        var facts = Circulated(new DateOnly(2025, 9, 5), new DateOnly(2025, 9, 13), objections);

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 9, 10)), "procedure.minutes_objections");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(message, finding.Message);
        Assert.Equal(SydReference35, finding.Reference);
        Assert.Equal("Revidér referatet, og udsend en ny udgave; fristen for indsigelser løber så forfra.", finding.Remedy);
    }

    [Theory]
    [InlineData("MinutesApproved", "2025-09-10")]
    [InlineData("MinutesApproved", "2025-09-20")]
    [InlineData("Cancelled", "2025-09-10")]
    public void Approved_minutes_and_cancelled_meetings_show_no_window(string status, string today)
    {
        var facts = Circulated(new DateOnly(2025, 9, 5), new DateOnly(2025, 9, 13), objections: 1) with { Status = Enum.Parse<MeetingStatus>(status) };

        Assert.Empty(Check(SydRules(), facts, D(today)));
    }

    // ---- Revision -------------------------------------------------------------------------------------------

    [Theory]
    // Taken back after being sent on 5 September: no longer "due" or "overdue", however late it gets.
    [InlineData("2025-09-05", "2025-09-10", "minutes_being_revised")]
    [InlineData("2025-09-05", "2025-09-07", "minutes_being_revised")]
    [InlineData("2025-09-05", "2025-10-15", "minutes_being_revised")]
    // Never sent: the dispatch deadline applies.
    [InlineData(null, "2025-09-06", "minutes_due")]
    [InlineData(null, "2025-09-07", "minutes_overdue")]
    public void Minutes_taken_back_for_revision_are_information_not_overdue(string? sentOn, string today, string expected)
    {
        var facts = August2025Facts() with
        {
            Status = MeetingStatus.MinutesDraft,
            MinutesCirculatedOn = OptionalD(sentOn),
            ObjectionsDue = OptionalD(sentOn)?.AddDays(8),
            ObjectionsToLatestVersion = sentOn is null ? 0 : 1,
        };

        Assert.Equal(ExpectedCodes(expected), Codes(Check(SydRules(), facts, D(today))));
    }

    [Fact]
    public void Being_revised_says_the_window_starts_again()
    {
        var facts = Circulated(new DateOnly(2025, 9, 5), new DateOnly(2025, 9, 13), objections: 1) with { Status = MeetingStatus.MinutesDraft };

        var finding = Single(Check(SydRules(), facts, new DateOnly(2025, 9, 12)), "procedure.minutes_being_revised");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("§ 3, stk. 5: Referatet er taget tilbage for at blive revideret efter indsigelser.", finding.Message);
        Assert.Equal(SydReference35, finding.Reference);
        Assert.Equal("Ret referatet, og udsend den reviderede udgave; fristen for indsigelser løber så forfra.", finding.Remedy);
    }

    [Fact]
    public void A_revised_version_out_shows_its_own_window_and_the_first_circulation_decides_lateness()
    {
        // Version 1 out on 5 September (on time), version 2 on 16 September with objections due 24 September.
        var facts = Circulated(new DateOnly(2025, 9, 5), new DateOnly(2025, 9, 24));

        var findings = Check(SydRules(), facts, new DateOnly(2025, 9, 20));

        var finding = Assert.Single(findings);
        Assert.Equal("procedure.minutes_objection_window", finding.Code);
        Assert.Equal("§ 3, stk. 5: Medlemmerne kan gøre indsigelse mod referatet til og med 24. september 2025.", finding.Message);
    }

    // ---- Deadlines around the meeting -----------------------------------------------------------------------------

    [Theory]
    // Not sent yet: counted from the dispatch deadline, 6 September + 8 days.
    [InlineData(null, "2025-09-14")]
    // Sent on 5 September: the window of the minutes actually sent.
    [InlineData("2025-09-13", "2025-09-13")]
    // Revised version out on 16 September.
    [InlineData("2025-09-24", "2025-09-24")]
    public void The_objection_deadline_is_the_window_of_the_minutes_sent_once_they_are(string? objectionsDue, string expected)
    {
        var dates = Deadlines.For(SydRules(), Syd.August2025, OptionalD(objectionsDue));

        Assert.Equal(
            [
                ("Ønsker om punkter", new DateOnly(2025, 7, 30), "§ 3, stk. 2"),
                ("Dagsorden udsendes", new DateOnly(2025, 8, 17), "§ 3, stk. 3"),
                ("Mødet", Syd.August2025, ""),
                ("Referat udsendes", new DateOnly(2025, 9, 6), "§ 3, stk. 5"),
                ("Indsigelser til referatet", D(expected), "§ 3, stk. 5"),
            ],
            dates.Select(d => (d.Label, d.Date, d.Reference)));
    }

    [Fact]
    public void Minutes_sent_the_day_after_the_meeting_close_their_window_before_the_dispatch_deadline_and_the_dates_stay_in_order()
    {
        // Sent 28 August 2025: objections due 5 September, a day before the latest dispatch day (6 September).
        var dates = Deadlines.For(SydRules(), Syd.August2025, new DateOnly(2025, 9, 5));

        Assert.Equal(
            ["Ønsker om punkter", "Dagsorden udsendes", "Mødet", "Indsigelser til referatet", "Referat udsendes"],
            dates.Select(d => d.Label));
    }

    [Fact]
    public void Minutes_approved_at_the_meeting_have_no_objection_deadline_even_if_one_is_given()
    {
        var dates = Deadlines.For(HolbaekRules(), Holbaek29October2025, new DateOnly(2025, 11, 8));

        Assert.Equal(
            [
                ("Ønsker om punkter", new DateOnly(2025, 10, 1)),
                ("Dagsorden udsendes", new DateOnly(2025, 10, 19)),
                ("Mødet", Holbaek29October2025),
                ("Referat godkendes på mødet", Holbaek29October2025),
            ],
            dates.Select(d => (d.Label, d.Date)));
    }

    // ---- Builders ------------------------------------------------------------------------------------------

    /// <summary>Syd's meeting of 27 August 2025 with the minutes out since <paramref name="sentOn"/>.</summary>
    private static MeetingFacts Circulated(DateOnly sentOn, DateOnly objectionsDue, int objections = 0) => August2025Facts() with
    {
        Status = MeetingStatus.MinutesCirculated,
        MinutesCirculatedOn = sentOn,
        ObjectionsDue = objectionsDue,
        ObjectionsToLatestVersion = objections,
    };
}
