using Raad.Domain.Meetings;

namespace Raad.Domain.Tests.Meetings;

public class TimelineTests
{
    [Fact]
    public void Agenda_of_27_august_2025_starts_each_item_as_printed_and_ends_at_16()
    {
        var timeline = Timeline.Compute(new TimeOnly(14, 0), new TimeOnly(16, 0), [5, 50, 25, 25, 10, 5]);

        Assert.Equal(
            ["14:00", "14:05", "14:55", "15:20", "15:45", "15:55"],
            timeline.Slots.Select(s => s.Start.ToString("HH:mm")));
        Assert.Equal(new TimeOnly(16, 0), timeline.PlannedEnd);
        Assert.False(timeline.Overruns);
    }
}
