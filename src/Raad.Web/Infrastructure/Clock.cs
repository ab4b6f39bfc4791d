namespace Raad.Web.Infrastructure;

/// <summary>Meetings and deadlines are local Copenhagen days.</summary>
public static class Clock
{
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTimeOffset LocalNow(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Copenhagen);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(LocalNow(clock).DateTime);

    public static DateOnly ToLocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Copenhagen).DateTime);

    /// <summary>An instant as the Danish UI writes it: "27. august 2025 kl. 14.05", in Copenhagen time.</summary>
    public static string Moment(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Copenhagen).DateTime;
        return $"{Domain.Common.DanishFormat.Date(DateOnly.FromDateTime(local))} kl. {Domain.Common.DanishFormat.Time(TimeOnly.FromDateTime(local))}";
    }
}
