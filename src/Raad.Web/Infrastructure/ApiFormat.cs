using System.Globalization;

namespace Raad.Web.Infrastructure;

/// <summary>The value formats of the JSON API: dates yyyy-MM-dd, times HH:mm, enum names in camelCase.</summary>
public static class ApiFormat
{
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Iso(DateOnly? d) => d is { } value ? Iso(value) : null;

    public static string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Camel<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }
}
