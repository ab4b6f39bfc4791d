using System.Globalization;
using System.Text.RegularExpressions;
using Raad.Domain.Common;

namespace Raad.Web.Features.Projects;

/// <summary>
/// Numbers typed the Danish way that are not amounts: staff years ("1,5"), baselines, targets and readings ("62,5 %").
/// The comma is the decimal sign, a dot groups thousands ("1.200"); "1.5" is refused rather than guessed.
/// </summary>
public static partial class DanishNumber
{
    /// <summary>Null for a blank field; an error (for <paramref name="field"/>) for anything that is not a number.</summary>
    public static Result<decimal?> ParseOptional(string? text, string field, string example)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (decimal?)null;
        }
        var s = text.Trim().Replace('\u00A0', ' ').Replace('\u2212', '-').TrimEnd('%').Replace(" ", "", StringComparison.Ordinal);
        if (!Plain().IsMatch(s) && !Grouped().IsMatch(s))
        {
            return new Error("number.invalid", $"\"{text.Trim()}\" er ikke et tal. Skriv tallet med komma som decimaltegn, fx {example}.", field);
        }
        return (decimal?)decimal.Parse(s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.'),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>"1,5", "62", "1.200": as the form showed it, so an edit shows the value the way it is typed.</summary>
    public static string Format(decimal? value) => value is { } v ? v.ToString("#,##0.##", DanishFormat.Culture) : "";

    [GeneratedRegex(@"^-?\d+(,\d+)?$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex Grouped();
}
