using Raad.Domain.Agenda;
using Raad.Domain.Import;
using Raad.Domain.Meetings;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Meetings;

/// <summary>Meeting.FromHistory: a past meeting from its agenda or minutes gets a new meeting's checks on what the document states.</summary>
public class MeetingFromHistoryTests
{
    private static ParsedMeeting April2023(TimeOnly? start = null, TimeOnly? end = null, string? place = "Ishøj Rådhus", DateOnly? date = null)
    {
        var meeting = new ParsedMeeting { BodyName = "Politisk Sundhedsklynge Syd", Date = date ?? Syd.April2023, Start = start, End = end, Place = place };
        meeting.Items.Add(new ParsedItem { Number = 1, Title = "Godkendelse af dagsorden", Kind = ItemKind.Approval, DurationMinutes = 5 });
        var second = new ParsedItem { Number = 3, Title = "Klyngemidler", Kind = ItemKind.Decision, DurationMinutes = 900, IsClosed = true, PreviousDecisions = "Januar 2023." };
        second.Attachments.Add("Oversigt");
        meeting.Items.Add(second);
        return meeting;
    }

    [Fact]
    public void A_meeting_from_its_agenda_keeps_the_documents_facts_and_numbers_and_arrives_published()
    {
        var body = Syd.Body();
        var record = April2023(new TimeOnly(14, 0), new TimeOnly(16, 0));

        var built = Meeting.FromHistory(record, body);
        Assert.True(built.IsSuccess);
        var meeting = built.Value!;
        foreach (var item in record.Items)
        {
            meeting.AddItemFromHistory(item);
        }
        var published = meeting.RecordPublishedAgenda();

        Assert.True(published.IsSuccess);
        Assert.Equal(MeetingStatus.AgendaPublished, meeting.Status);
        Assert.Null(meeting.AgendaPublishedAt);
        Assert.Same(body, meeting.Body);
        Assert.Equal((Syd.April2023, new TimeOnly(14, 0), new TimeOnly(16, 0), "Ishøj Rådhus"), (meeting.Date, meeting.Start, meeting.End, meeting.Location));
        Assert.Equal([1, 3], meeting.Items.Select(i => i.Number));
        var closed = meeting.Items[1];
        Assert.True(closed.IsClosed);
        Assert.Equal(AgendaItem.MaxDurationMinutes, closed.DurationMinutes);
        Assert.Equal("Tidligere beslutninger:\nJanuar 2023.", closed.Presentation);
        Assert.Equal(["Oversigt"], closed.ListedAttachments);
    }

    [Theory]
    [InlineData(MeetingStatus.Planned)]
    [InlineData(MeetingStatus.AgendaPublished)]
    [InlineData(MeetingStatus.MinutesCirculated)]
    public void Minutes_of_a_past_meeting_approve_it_through_the_workflows_steps_noting_the_file(MeetingStatus from)
    {
        var meeting = MeetingIn.State(Meeting.FromHistory(April2023(), Syd.Body()).Value!, from);
        var versions = meeting.MinutesVersions.ToList();

        var approved = meeting.RecordApprovedMinutes("referat.pdf");

        Assert.True(approved.IsSuccess);
        Assert.Equal(MeetingStatus.MinutesApproved, meeting.Status);
        Assert.Equal("Importeret fra referat.pdf.", meeting.MinutesApprovalNote);
        Assert.Equal(versions, meeting.MinutesVersions);
    }

    [Fact]
    public void A_past_meeting_keeps_the_times_it_was_published_and_approved_when_they_are_known_and_without_a_file_no_note()
    {
        var sent = new DateTimeOffset(2023, 4, 14, 12, 0, 0, TimeSpan.FromHours(2));
        var approvedAt = new DateTimeOffset(2023, 5, 8, 12, 0, 0, TimeSpan.FromHours(2));
        var meeting = Meeting.FromHistory(April2023(), Syd.Body()).Value!;

        Assert.True(meeting.RecordPublishedAgenda(sent).IsSuccess);
        Assert.Equal((MeetingStatus.AgendaPublished, sent), (meeting.Status, meeting.AgendaPublishedAt));

        Assert.True(meeting.RecordApprovedMinutes(null, approvedAt).IsSuccess);
        Assert.Equal(MeetingStatus.MinutesApproved, meeting.Status);
        Assert.Equal((sent, approvedAt), (meeting.AgendaPublishedAt, meeting.MinutesApprovedAt));
        Assert.Null(meeting.MinutesApprovalNote);
        Assert.Empty(meeting.MinutesVersions);
    }

    [Fact]
    public void Minutes_approved_without_a_known_time_have_none()
    {
        var meeting = Meeting.FromHistory(April2023(), Syd.Body()).Value!;

        Assert.True(meeting.RecordApprovedMinutes("referat.pdf").IsSuccess);

        Assert.Null(meeting.AgendaPublishedAt);
        Assert.Null(meeting.MinutesApprovedAt);
    }

    [Fact]
    public void Minutes_already_approved_stay_as_they_were_and_a_cancelled_meeting_is_refused_in_danish()
    {
        var approved = MeetingIn.State(Meeting.FromHistory(April2023(), Syd.Body()).Value!, MeetingStatus.MinutesApproved);
        approved.MinutesApprovalNote = "Godkendt på mødet.";
        Assert.True(approved.RecordApprovedMinutes("referat.pdf").IsSuccess);
        Assert.Equal("Godkendt på mødet.", approved.MinutesApprovalNote);

        var cancelled = MeetingIn.State(Meeting.FromHistory(April2023(), Syd.Body()).Value!, MeetingStatus.Cancelled);
        var refused = cancelled.RecordApprovedMinutes("referat.pdf");
        Assert.Equal("Et møde med status \"Aflyst\" kan ikke få status \"Referat godkendt\".", Assert.Single(refused.Errors).Message);
        Assert.Equal(MeetingStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public void A_meeting_that_ends_before_it_begins_is_refused_with_a_new_meetings_danish_message()
    {
        var refused = Meeting.FromHistory(April2023(new TimeOnly(16, 0), new TimeOnly(14, 0)), Syd.Body());

        Assert.False(refused.IsSuccess);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(("meeting.end_before_start", "Mødet skal slutte efter, det begynder."), (error.Code, error.Message));
    }

    [Fact]
    public void A_meeting_after_the_bodys_end_is_refused_with_its_period_in_danish()
    {
        var refused = Meeting.FromHistory(April2023(date: Syd.ValidTo.AddDays(1)), Syd.Body());

        var error = Assert.Single(refused.Errors);
        Assert.Equal("meeting.outside_body_validity", error.Code);
        Assert.Equal("Datoen ligger uden for udvalgets periode (28. september 2022 til 31. december 2025).", error.Message);
    }

    [Fact]
    public void A_document_without_a_date_is_refused_in_danish()
    {
        var record = April2023();
        record.Date = null;

        var error = Assert.Single(Meeting.FromHistory(record, Syd.Body()).Errors);

        Assert.Equal(Meeting.HistoryDateMissing, error.Message);
    }

    [Fact]
    public void What_a_document_does_not_state_is_not_held_against_it_place_end_time_and_start_time()
    {
        var noPlace = Meeting.FromHistory(April2023(new TimeOnly(9, 0), new TimeOnly(11, 0), place: null), Syd.Body());
        var noEnd = Meeting.FromHistory(April2023(new TimeOnly(10, 0), end: null), Syd.Body());
        var noTimes = Meeting.FromHistory(April2023(), Syd.Body());

        Assert.True(noPlace.IsSuccess);
        Assert.Null(noPlace.Value!.Location);
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(10, 0)), (noEnd.Value!.Start, noEnd.Value.End));
        Assert.Equal((TimeOnly.MinValue, TimeOnly.MinValue), (noTimes.Value!.Start, noTimes.Value.End));
    }

    [Fact]
    public void History_older_than_the_bodys_period_moves_its_start_back_to_the_meeting()
    {
        var body = Syd.Body();
        var earlier = Syd.ValidFrom.AddDays(-30);

        var built = Meeting.FromHistory(April2023(date: earlier), body);

        Assert.True(built.IsSuccess);
        Assert.Equal(earlier, body.ValidFrom);
        Assert.Empty(Meeting.ValidateHistory(April2023(date: earlier.AddDays(-1)), Syd.Body()));
    }
}
