using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Minutes;

/// <summary>
/// § 3, stk. 5: the secretariat's "Godkend referatet" for the minutes of Syd's meeting of 27 August 2025. Minutes are
/// approved by silence once the window has closed, or at a meeting recorded by its date and item; before the window
/// closes nothing else approves them, and the printed line says how and when.
/// </summary>
public class MinutesApprovalTests
{
    private const string Text = "Punkt 1. Velkomst\nDagsordenen blev godkendt.";
    private const string Changed = "Punkt 1. Velkomst\nDagsordenen blev godkendt med en bemærkning.";

    /// <summary>Sent on 5 September 2025, objections due 13 September.</summary>
    private static readonly DateOnly SentOn = new(2025, 9, 5);

    private static readonly DateOnly Due = new(2025, 9, 13);

    public static TheoryData<string, string, string?, int, string, string> Cases() => new()
    {
        // state, today, approved at (meeting date), under item, resulting status or error, printed note
        { "circulated", "2025-09-05", null, 0, "minutes.window_open", "" },
        { "circulated", "2025-09-13", null, 0, "minutes.window_open", "" },
        { "circulated", "2025-09-14", null, 0, "MinutesApproved", "Godkendt uden indsigelser; fristen for indsigelser mod udgave 1 udløb 13. september 2025." },
        { "circulated", "2025-09-10", "2025-09-10", 2, "MinutesApproved", "Godkendt af udvalget på mødet 10. september 2025, under punkt 2." },
        { "circulated", "2025-09-10", "2025-08-27", 6, "MinutesApproved", "Godkendt af udvalget ved mødets afslutning 27. august 2025, under punkt 6." },
        { "circulated", "2025-09-10", "2025-09-11", 2, "minutes.approval_meeting_ahead", "" },
        { "circulated", "2025-09-10", "2025-08-26", 2, "minutes.approved_before_meeting", "" },
        { "circulated", "2025-09-10", "2025-09-10", 0, "minutes.approval_item_required", "" },
        { "objected", "2025-09-10", null, 0, "minutes.objections_open", "" },
        { "objected", "2025-09-20", null, 0, "minutes.objections_open", "" },
        { "objected", "2025-09-10", "2025-09-10", 2, "minutes.objections_open", "" },
        { "draft", "2025-08-27", null, 0, "minutes.approval_how_required", "" },
        { "draft", "2025-10-30", null, 0, "minutes.approval_how_required", "" },
        { "draft", "2025-08-27", "2025-08-27", 5, "MinutesApproved", "Godkendt af udvalget ved mødets afslutning 27. august 2025, under punkt 5." },
        { "draft", "2025-10-01", "2025-09-24", 3, "MinutesApproved", "Godkendt af udvalget på mødet 24. september 2025, under punkt 3." },
        { "held", "2025-09-10", "2025-09-10", 2, "meeting.invalid_transition", "" },
        { "approved", "2025-09-20", "2025-09-10", 2, "meeting.invalid_transition", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Approval_says_how_and_when_and_is_refused_before_the_window_closes_unless_a_meeting_approved(
        string state, string today, string? atMeeting, int item, string outcome, string note)
    {
        var meeting = In(state);
        var now = new DateTimeOffset(D(today).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(2));
        var claim = atMeeting is null ? null : new MeetingApproval(D(atMeeting), item);
        var (statusBefore, noteBefore) = (meeting.Status, meeting.MinutesApprovalNote);

        var result = meeting.RecordMinutesApproval(Text, claim, D(today), now);

        if (outcome == nameof(MeetingStatus.MinutesApproved))
        {
            Assert.True(result.IsSuccess, string.Join(" ", result.Errors.Select(e => e.Message)));
            Assert.Equal(MeetingStatus.MinutesApproved, meeting.Status);
            Assert.Equal(note, meeting.MinutesApprovalNote);
            Assert.Equal(now, meeting.MinutesApprovedAt);
            Assert.Equal(Text, meeting.LatestMinutesVersion!.Text);
        }
        else
        {
            Assert.Equal(outcome, Assert.Single(result.Errors).Code);
            Assert.Equal(statusBefore, meeting.Status);
            Assert.Equal(noteBefore, meeting.MinutesApprovalNote);
        }
    }

    [Fact]
    public void The_refusal_while_the_window_is_open_says_until_when_and_what_the_secretary_can_do()
    {
        var result = In("circulated").RecordMinutesApproval(Text, null, Due, At(Due));

        Assert.Equal(
            "Fristen for indsigelser mod udgave 1 løber til og med 13. september 2025; uden indsigelser er referatet godkendt dagen efter. Er det godkendt på et møde, så angiv mødet og punktet.",
            Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void The_refusal_of_unsent_minutes_asks_for_the_meeting_or_to_send_them()
    {
        var result = In("draft").RecordMinutesApproval(Text, null, Due, At(Due));

        Assert.Equal(
            "Angiv, på hvilket møde og under hvilket punkt udvalget godkendte referatet, eller udsend det til godkendelse, så det godkendes, når fristen for indsigelser udløber uden indsigelser.",
            Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_meeting_after_the_window_closed_may_still_record_a_meeting_approval()
    {
        var meeting = In("circulated");

        Assert.True(meeting.RecordMinutesApproval(Text, new MeetingApproval(new DateOnly(2025, 9, 24), 2), new DateOnly(2025, 9, 25), At(new DateOnly(2025, 9, 25))).IsSuccess);

        Assert.Equal("Godkendt af udvalget på mødet 24. september 2025, under punkt 2.", meeting.MinutesApprovalNote);
    }

    [Fact]
    public void Silence_approves_the_version_out_even_if_the_draft_has_changed_since()
    {
        var meeting = In("circulated");

        Assert.True(meeting.RecordMinutesApproval(Changed, null, Due.AddDays(1), At(Due.AddDays(1))).IsSuccess);

        Assert.Equal(Text, Assert.Single(meeting.MinutesVersions).Text);
    }

    [Fact]
    public void A_meeting_approving_another_text_than_the_version_out_keeps_it_as_a_version_with_the_note()
    {
        var meeting = In("circulated");
        var claim = new MeetingApproval(new DateOnly(2025, 9, 10), 2);

        Assert.True(meeting.RecordMinutesApproval(Changed, claim, new DateOnly(2025, 9, 10), At(new DateOnly(2025, 9, 10))).IsSuccess);

        Assert.Equal([1, 2], meeting.MinutesVersions.Select(v => v.Number));
        Assert.Equal(Changed, meeting.LatestMinutesVersion!.Text);
        Assert.Equal("Godkendt af udvalget på mødet 10. september 2025, under punkt 2.", meeting.LatestMinutesVersion.ChangeNote);
    }

    private static Meeting In(string state)
    {
        var meeting = MeetingIn.State(new Meeting { Id = 1, BodyId = 1, Body = Syd.Body(), Date = Syd.August2025 },
            state == "held" ? MeetingStatus.Held : MeetingStatus.MinutesDraft);
        switch (state)
        {
            case "circulated" or "objected":
                Assert.True(meeting.CirculateMinutes(Text, null, 8, SentOn, At(SentOn)).IsSuccess);
                if (state == "objected")
                {
                    Assert.True(meeting.ObjectToMinutes(19, "Punkt 1 er forkert.", SentOn.AddDays(1), At(SentOn.AddDays(1))).IsSuccess);
                }
                break;
            case "approved":
                Assert.True(meeting.ApproveMinutes(Text, "Godkendt tidligere.", At(SentOn)).IsSuccess);
                break;
        }
        return meeting;
    }

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(2));

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
