using Raad.Domain.Meetings;
using Raad.Domain.Workspace;

namespace Raad.Domain.Tests.Workspace;

/// <summary>A note written on two devices: the later change wins, and the earlier text is kept, never lost.</summary>
public class NoteTests
{
    private static readonly DateTimeOffset Morning = new(2027, 1, 25, 8, 0, 0, TimeSpan.FromHours(1));

    private static Note Written(string text) =>
        Note.Create("user", Guid.NewGuid(), 7, null, text, Morning).Value!;

    [Fact]
    public void A_change_from_the_device_that_saw_the_last_revision_simply_applies()
    {
        var note = Written("Spørg til økonomien");
        var applied = note.Receive("Spørg til økonomien og tidsplanen", null, false, baseRevision: 1, Morning.AddMinutes(5), Morning.AddMinutes(6));

        Assert.True(applied.Value);
        Assert.Equal("Spørg til økonomien og tidsplanen", note.Text);
        Assert.Equal(2, note.Revision);
        Assert.Empty(note.Versions);
    }

    [Fact]
    public void Two_devices_the_later_change_wins_and_the_earlier_is_kept_as_a_version()
    {
        var note = Written("Første udgave");
        // The tablet (offline) changed revision 1 at 9.00; the laptop changed it at 9.30 and reached the server first.
        note.Receive("Fra den bærbare", null, false, 1, Morning.AddMinutes(90), Morning.AddMinutes(91));
        var tablet = note.Receive("Fra tabletten", null, false, 1, Morning.AddMinutes(60), Morning.AddMinutes(120));

        Assert.False(tablet.Value);
        Assert.Equal("Fra den bærbare", note.Text);
        Assert.Equal("Fra tabletten", Assert.Single(note.Versions).Text);

        // The other way round: the device's change is the later one, so the server's text becomes the version.
        var later = note.Receive("Tabletten igen, senere", null, false, 1, Morning.AddMinutes(150), Morning.AddMinutes(151));
        Assert.True(later.Value);
        Assert.Equal("Tabletten igen, senere", note.Text);
        Assert.Equal(["Fra tabletten", "Fra den bærbare"], note.Versions.Select(v => v.Text));
    }

    [Fact]
    public void A_marked_area_must_lie_on_the_page()
    {
        Assert.True(Note.Create("u", Guid.NewGuid(), 1, new PageArea(3, 1, 0.1, 0.2, 0.5, 0.3), "", Morning).IsSuccess);
        var outside = Note.Create("u", Guid.NewGuid(), 1, new PageArea(3, 1, 0.8, 0.2, 0.5, 0.3), "", Morning);
        Assert.Equal("note.area_invalid", Assert.Single(outside.Errors).Code);
        Assert.Equal("note.too_long", Assert.Single(Note.Create("u", Guid.NewGuid(), 1, null, new string('x', Note.MaxLength + 1), Morning).Errors).Code);
    }

    [Fact]
    public void Remarks_are_written_before_the_meeting_in_a_body_that_allows_them()
    {
        var today = new DateOnly(2027, 1, 20);
        Assert.True(Remark.MayWrite(true, MeetingStatus.AgendaPublished, today.AddDays(8), today).IsSuccess);
        Assert.Equal("remark.not_allowed", Remark.MayWrite(false, MeetingStatus.AgendaPublished, today.AddDays(8), today).Errors[0].Code);
        Assert.Equal("remark.meeting_over", Remark.MayWrite(true, MeetingStatus.Held, today, today).Errors[0].Code);
        Assert.Equal("remark.meeting_over", Remark.MayWrite(true, MeetingStatus.AgendaPublished, today.AddDays(-1), today).Errors[0].Code);
    }
}

public class VisitsTests
{
    private static readonly DateTimeOffset Monday = new(2027, 1, 25, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_reload_within_the_hour_keeps_the_previous_visit_and_the_next_day_starts_a_new_one()
    {
        var (last, previous) = Visits.Record(null, null, Monday);
        Assert.Null(previous);
        (last, previous) = Visits.Record(last, previous, Monday.AddMinutes(20));
        Assert.Null(previous);
        Assert.Equal(Monday.AddMinutes(20), last);
        (last, previous) = Visits.Record(last, previous, Monday.AddDays(1));
        Assert.Equal(Monday.AddMinutes(20), previous);
        (_, previous) = Visits.Record(last, previous, Monday.AddDays(1).AddMinutes(5));
        Assert.Equal(Monday.AddMinutes(20), previous);
    }
}
