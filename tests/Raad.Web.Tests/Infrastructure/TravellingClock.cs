namespace Raad.Web.Tests.Infrastructure;

/// <summary>
/// The real clock, moved forward on request, so a scenario can let an objection window or a written procedure's
/// deadline pass. Every use of time in the app goes through the injected TimeProvider, so the whole app travels.
/// </summary>
public sealed class TravellingClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Travel(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void BackToToday() => Interlocked.Exchange(ref offsetTicks, 0);

    /// <summary>Today in Copenhagen as the app sees it.</summary>
    public DateOnly Today => Raad.Web.Infrastructure.Clock.Today(this);
}
