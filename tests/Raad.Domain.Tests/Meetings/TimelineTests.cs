using System.Globalization;
using Raad.Domain.Meetings;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Meetings;

public class TimelineTests
{
    private static readonly TimeOnly Two = new(14, 0);
    private static readonly TimeOnly Four = new(16, 0);
    private static readonly int[] August2025Durations = [5, 50, 25, 25, 10, 5];

    [Fact]
    public void Agenda_of_27_august_2025_starts_each_item_as_printed_and_ends_at_16()
    {
        var timeline = Timeline.Compute(new TimeOnly(14, 0), new TimeOnly(16, 0), [5, 50, 25, 25, 10, 5]);

        Assert.Equal(
            ["14:00", "14:05", "14:55", "15:20", "15:45", "15:55"],
            timeline.Slots.Select(s => s.Start.ToString("HH:mm", CultureInfo.InvariantCulture)));
        Assert.Equal(new TimeOnly(16, 0), timeline.PlannedEnd);
        Assert.False(timeline.Overruns);
    }

    [Fact]
    public void Agenda_of_27_august_2025_ends_each_item_where_the_next_starts_and_fills_the_two_hours_exactly()
    {
        var timeline = Timeline.Compute(Two, Four, August2025Durations);

        Assert.Equal(
            [At(14, 0), At(14, 5), At(14, 55), At(15, 20), At(15, 45), At(15, 55)],
            timeline.Slots.Select(s => s.Start));
        Assert.Equal(
            [At(14, 5), At(14, 55), At(15, 20), At(15, 45), At(15, 55), At(16, 0)],
            timeline.Slots.Select(s => s.End));
        Assert.Equal(August2025Durations, timeline.Slots.Select(s => s.DurationMinutes));
        Assert.Equal(120, timeline.TotalMinutes);
        Assert.Equal(Four, timeline.PlannedEnd);
        Assert.Equal(Four, timeline.MeetingEnd);
        Assert.False(timeline.Overruns);
        Assert.Equal(0, timeline.OverrunMinutes);
    }

    [Fact]
    public void Meeting_timeline_follows_the_position_of_the_items_not_the_order_they_were_entered()
    {
        var meeting = new Meeting { Date = new DateOnly(2025, 8, 27), Start = Two, End = Four, Items = Syd.AgendaOf27August2025() };

        var timeline = meeting.Timeline;

        Assert.Equal(August2025Durations, timeline.Slots.Select(s => s.DurationMinutes));
        Assert.Equal(At(15, 55), timeline.Slots[^1].Start);
        Assert.Equal(Four, timeline.PlannedEnd);
        Assert.False(timeline.Overruns);
    }

    [Theory]
    [InlineData(new[] { 5, 50, 25, 25, 10, 5, 1 }, 1, 16, 1)]
    [InlineData(new[] { 5, 50, 25, 25, 10, 5, 20 }, 20, 16, 20)]
    [InlineData(new[] { 5, 55, 25, 25, 10, 5 }, 5, 16, 5)]
    [InlineData(new[] { 60, 90 }, 30, 16, 30)]
    [InlineData(new[] { 180 }, 60, 17, 0)]
    public void Agenda_running_past_the_end_is_flagged_with_the_minutes_over(int[] durations, int minutesOver, int endHour, int endMinute)
    {
        var timeline = Timeline.Compute(Two, Four, durations);

        Assert.True(timeline.Overruns);
        Assert.Equal(minutesOver, timeline.OverrunMinutes);
        Assert.Equal(At(endHour, endMinute), timeline.PlannedEnd);
        Assert.Equal(Four, timeline.MeetingEnd);
    }

    [Theory]
    [InlineData(new[] { 120 }, 16, 0)]
    [InlineData(new[] { 60, 30 }, 15, 30)]
    [InlineData(new[] { 5 }, 14, 5)]
    public void Agenda_ending_at_or_before_the_end_is_not_flagged(int[] durations, int endHour, int endMinute)
    {
        var timeline = Timeline.Compute(Two, Four, durations);

        Assert.False(timeline.Overruns);
        Assert.Equal(0, timeline.OverrunMinutes);
        Assert.Equal(At(endHour, endMinute), timeline.PlannedEnd);
    }

    [Fact]
    public void Empty_agenda_has_no_slots_ends_where_it_starts_and_does_not_overrun()
    {
        var timeline = Timeline.Compute(Two, Four, []);

        Assert.Empty(timeline.Slots);
        Assert.Equal(0, timeline.TotalMinutes);
        Assert.Equal(Two, timeline.PlannedEnd);
        Assert.Equal(Four, timeline.MeetingEnd);
        Assert.False(timeline.Overruns);
        Assert.Equal(0, timeline.OverrunMinutes);
    }

    [Fact]
    public void Zero_minute_items_start_and_end_at_the_same_time_and_take_no_time_from_the_next_item()
    {
        var timeline = Timeline.Compute(Two, Four, [5, 0, 50, 0]);

        Assert.Equal([At(14, 0), At(14, 5), At(14, 5), At(14, 55)], timeline.Slots.Select(s => s.Start));
        Assert.Equal([At(14, 5), At(14, 5), At(14, 55), At(14, 55)], timeline.Slots.Select(s => s.End));
        Assert.Equal(55, timeline.TotalMinutes);
        Assert.Equal(At(14, 55), timeline.PlannedEnd);
        Assert.False(timeline.Overruns);
    }

    [Fact]
    public void Zero_minute_item_at_the_very_end_of_the_meeting_is_not_an_overrun()
    {
        var timeline = Timeline.Compute(Two, Four, [120, 0]);

        Assert.Equal(Four, timeline.Slots[^1].Start);
        Assert.Equal(Four, timeline.Slots[^1].End);
        Assert.False(timeline.Overruns);
    }

    [Fact]
    public void Agenda_of_only_zero_minute_items_ends_where_it_starts()
    {
        var timeline = Timeline.Compute(Two, Four, [0, 0, 0]);

        Assert.Equal(3, timeline.Slots.Count);
        Assert.All(timeline.Slots, s => Assert.Equal(Two, s.Start));
        Assert.Equal(Two, timeline.PlannedEnd);
        Assert.False(timeline.Overruns);
        Assert.Equal(0, timeline.OverrunMinutes);
    }

    [Theory]
    // start, end, durations, minutes over, planned end (after midnight, so earlier on the clock than the meeting's end)
    [InlineData(23, 0, 23, 59, new[] { 30, 40 }, 11, 0, 10)]
    [InlineData(23, 0, 23, 59, new[] { 60 }, 1, 0, 0)]
    [InlineData(23, 30, 23, 59, new[] { 30 }, 1, 0, 0)]
    [InlineData(22, 0, 23, 30, new[] { 60, 60, 60 }, 90, 1, 0)]
    // An agenda longer than a day ends "before" the meeting's end on the clock.
    [InlineData(10, 0, 12, 0, new[] { 1500 }, 1380, 11, 0)]
    public void Agenda_crossing_midnight_is_flagged_as_an_overrun(
        int startHour, int startMinute, int endHour, int endMinute, int[] durations, int minutesOver, int plannedEndHour, int plannedEndMinute)
    {
        var timeline = Timeline.Compute(At(startHour, startMinute), At(endHour, endMinute), durations);

        Assert.True(timeline.Overruns);
        Assert.Equal(minutesOver, timeline.OverrunMinutes);
        Assert.Equal(At(plannedEndHour, plannedEndMinute), timeline.PlannedEnd);
        Assert.True(timeline.PlannedEnd < timeline.MeetingEnd);
    }

    [Fact]
    public void Late_agenda_ending_just_before_midnight_is_not_flagged()
    {
        var timeline = Timeline.Compute(At(23, 30), At(23, 59), [29]);

        Assert.False(timeline.Overruns);
        Assert.Equal(At(23, 59), timeline.PlannedEnd);
    }

    private static TimeOnly At(int hour, int minute) => new(hour, minute);
}
