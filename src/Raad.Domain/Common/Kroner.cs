using System.Text.RegularExpressions;

namespace Raad.Domain.Common;

/// <summary>
/// Reads amounts the way Danish documents and secretariats write them: "240.000", "240.000 kr.", "1,5 mio.",
/// "2 mio. kr.", "7.803.439". The dot groups thousands, the comma is the decimal sign.
/// </summary>
public static partial class Kroner
{
    public const string Hint = "Skriv beløbet i kroner, fx 240.000 eller 1,5 mio.";

    public static Result<decimal> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Error("kroner.empty", $"Beløbet mangler. {Hint}");
        }
        var match = Amount().Match(Normalise(text));
        if (!match.Success)
        {
            return new Error("kroner.invalid", $"\"{text.Trim()}\" kan ikke læses som et beløb. {Hint}");
        }
        var number = match.Groups["number"].Value;
        var isMillions = match.Groups["mio"].Success;
        if (number.StartsWith('-'))
        {
            return new Error("kroner.negative", $"Beløbet kan ikke være negativt. {Hint}");
        }
        // "1.5" is neither a thousands group nor a Danish decimal; guessing would be off by a factor of a thousand.
        if (DanishNumber.Read(number) is not { } value)
        {
            return new Error("kroner.grouping", $"\"{text.Trim()}\": punktum adskiller tusinder (240.000); decimaler skrives med komma (1,5 mio.). {Hint}");
        }
        return isMillions ? value * 1_000_000m : value;
    }

    /// <summary>Spaces (also non-breaking) as thousands separators, and a stray dot before "mio." as in "1,68. mio. kr.".</summary>
    private static string Normalise(string text)
    {
        var s = text.Trim().Replace('\u00A0', ' ').Replace('\u2212', '-').ToLowerInvariant();
        string grouped;
        while ((grouped = SpaceGroups().Replace(s, "$1.$2")) != s)
        {
            s = grouped;
        }
        return StrayDot().Replace(s, "$1 mio");
    }

    [GeneratedRegex(@"^(?<number>-?\d[\d.]*(,\d+)?)\s*(?<mio>mio\.?|millioner|million)?\s*(kr\.?|kroner|dkk)?$")]
    private static partial Regex Amount();

    [GeneratedRegex(@"(\d) (\d{3})(?!\d)")]
    private static partial Regex SpaceGroups();

    [GeneratedRegex(@"(\d)\.\s*mio")]
    private static partial Regex StrayDot();
}
