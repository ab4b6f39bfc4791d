namespace Raad.Domain.Workspace;

/// <summary>
/// "New since your last visit" on the start page: a visit is a run of requests less than <see cref="Gap"/> apart, so
/// reloading the page does not make what was new old, and the next day's visit compares with yesterday's.
/// </summary>
public static class Visits
{
    public static readonly TimeSpan Gap = TimeSpan.FromHours(1);

    /// <summary>The start page was asked for <paramref name="now"/>: the new last and previous visit.</summary>
    public static (DateTimeOffset Last, DateTimeOffset? Previous) Record(DateTimeOffset? last, DateTimeOffset? previous, DateTimeOffset now) =>
        last is { } l && now - l < Gap ? (now, previous) : (now, last);
}
