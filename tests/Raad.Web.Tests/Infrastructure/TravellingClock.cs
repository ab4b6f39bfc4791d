namespace Raad.Web.Tests.Infrastructure;

/// <summary>
/// The test apps' clock. It starts at a fixed instant, <see cref="Start"/>, whatever the machine's date, and runs
/// on from there at the real pace, so the suite gives the same result today and in a year. A scenario can move it
/// forward to let an objection window or a written procedure's deadline pass. Every use of time in the app goes
/// through the injected TimeProvider, so the whole app travels.
/// </summary>
public sealed class TravellingClock : TimeProvider
{
    /// <summary>
    /// Thursday 3 December 2026, 10.00 in Copenhagen: after the demo's meetings (2022-2025) and four weeks before the
    /// sundhedsråd begin, as the scenarios were written.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(1));

    private readonly long startedAt = System.GetTimestamp();
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() =>
        Start.ToUniversalTime() + System.GetElapsedTime(startedAt) + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Travel(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    /// <summary>Undoes every <see cref="Travel"/>: back to the start day.</summary>
    public void BackToToday() => Interlocked.Exchange(ref offsetTicks, 0);

    /// <summary>Today in Copenhagen as the app sees it.</summary>
    public DateOnly Today => Raad.Web.Infrastructure.Clock.Today(this);
}
