using System.Globalization;
using System.Text.RegularExpressions;

namespace Raad.Domain.Common;

/// <summary>
/// Numbers written the Danish way: the comma is the decimal sign, a dot groups thousands ("1.200", "62,5").
/// "1.5" is neither, and is refused rather than guessed. Amounts (<see cref="Kroner"/>) and the plain numbers of
/// the forms (staff years, baselines, targets, readings) are read by the same grammar.
/// </summary>
public static partial class DanishNumber
{
    /// <summary>The number, or null when the text (without spaces or unit) is not one.</summary>
    public static decimal? Read(string number) =>
        Plain().IsMatch(number) || Grouped().IsMatch(number)
            ? decimal.Parse(number.Replace(".", "", StringComparison.Ordinal).Replace(',', '.'),
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Null for a blank field; an error (for <paramref name="field"/>) for anything that is not a number. A "%" after it is allowed.</summary>
    public static Result<decimal?> ParseOptional(string? text, string field, string example)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (decimal?)null;
        }
        var s = text.Trim().Replace('\u00A0', ' ').Replace('\u2212', '-').TrimEnd('%').Replace(" ", "", StringComparison.Ordinal);
        return Read(s) is { } value
            ? value
            : new Error("number.invalid", $"\"{text.Trim()}\" er ikke et tal. Skriv tallet med komma som decimaltegn, fx {example}.", field);
    }

    /// <summary>"1,5", "62", "1.200": as the form showed it, so an edit shows the value the way it is typed.</summary>
    public static string Format(decimal? value) => value is { } v ? v.ToString("#,##0.##", DanishFormat.Culture) : "";

    [GeneratedRegex(@"^-?\d+(,\d+)?$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex Grouped();
}
