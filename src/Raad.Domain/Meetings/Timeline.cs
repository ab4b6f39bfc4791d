namespace Raad.Domain.Meetings;

public sealed record TimeSlot(TimeOnly Start, TimeOnly End, int DurationMinutes);

/// <summary>When each agenda item starts and ends, given the meeting's start and the items' durations.</summary>
public sealed record Timeline(IReadOnlyList<TimeSlot> Slots, TimeOnly MeetingEnd, TimeOnly PlannedEnd)
{
    public int TotalMinutes => Slots.Sum(s => s.DurationMinutes);

    /// <summary>The agenda runs past the meeting's end.</summary>
    public bool Overruns => Slots.Count > 0 && (EndsAfterMidnight || Slots[^1].End > MeetingEnd);

    public int OverrunMinutes => Overruns ? TotalMinutes - (int)(MeetingEnd - PlannedStart).TotalMinutes : 0;

    private TimeOnly PlannedStart => Slots.Count > 0 ? Slots[0].Start : MeetingEnd;

    private bool EndsAfterMidnight { get; init; }

    public static Timeline Compute(TimeOnly start, TimeOnly end, IEnumerable<int> durations)
    {
        var slots = new List<TimeSlot>();
        var cursor = start;
        var elapsed = 0;
        foreach (var minutes in durations)
        {
            var next = cursor.AddMinutes(minutes);
            slots.Add(new TimeSlot(cursor, next, minutes));
            cursor = next;
            elapsed += minutes;
        }
        var wraps = start.ToTimeSpan().TotalMinutes + elapsed >= 24 * 60;
        return new Timeline(slots, end, cursor) { EndsAfterMidnight = wraps };
    }
}
