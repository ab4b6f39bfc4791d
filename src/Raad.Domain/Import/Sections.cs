namespace Raad.Domain.Import;

internal enum SectionKind
{
    Background,
    Summary,
    Recommendation,
    Presentation,
    Economy,
    PreviousDecisions,
    FurtherProcess,
    Decision,
    Absent,
    Attachments,
    Journal,
}

/// <summary>A section heading found on a line, with any text after its colon ("Beslutning: Godkendt.").</summary>
internal sealed record SectionHeading(SectionKind Kind, string? Inline);

/// <summary>The section headings of Danish agendas and minutes, matched on the whole line (case and colon aside).</summary>
internal static class Sections
{
    private static readonly Dictionary<string, SectionKind> Exact = new(StringComparer.Ordinal)
    {
        ["baggrund"] = SectionKind.Background,
        ["baggrund for sagens fremlæggelse"] = SectionKind.Background,
        ["baggrund for sagen"] = SectionKind.Background,
        ["sagens baggrund"] = SectionKind.Background,
        ["resumé"] = SectionKind.Summary,
        ["resume"] = SectionKind.Summary,
        ["sammenfatning"] = SectionKind.Summary,
        ["kort om sagen"] = SectionKind.Summary,
        ["indstilling"] = SectionKind.Recommendation,
        ["indstillinger"] = SectionKind.Recommendation,
        ["forvaltningens indstilling"] = SectionKind.Recommendation,
        ["administrationens indstilling"] = SectionKind.Recommendation,
        ["direktionens indstilling"] = SectionKind.Recommendation,
        ["direktørens indstilling"] = SectionKind.Recommendation,
        ["det indstilles"] = SectionKind.Recommendation,
        ["forslag til beslutning"] = SectionKind.Recommendation,
        ["sagsfremstilling"] = SectionKind.Presentation,
        ["sagsbeskrivelse"] = SectionKind.Presentation,
        ["beskrivelse af sagen"] = SectionKind.Presentation,
        ["økonomi"] = SectionKind.Economy,
        ["økonomiske konsekvenser"] = SectionKind.Economy,
        ["økonomi og finansiering"] = SectionKind.Economy,
        ["økonomiske forhold"] = SectionKind.Economy,
        ["bevillingsmæssige konsekvenser"] = SectionKind.Economy,
        ["tidligere beslutninger"] = SectionKind.PreviousDecisions,
        ["tidligere behandling"] = SectionKind.PreviousDecisions,
        ["tidligere politiske beslutninger"] = SectionKind.PreviousDecisions,
        ["tidsplan og videre proces"] = SectionKind.FurtherProcess,
        ["videre proces"] = SectionKind.FurtherProcess,
        ["den videre proces"] = SectionKind.FurtherProcess,
        ["tidsplan"] = SectionKind.FurtherProcess,
        ["beslutning"] = SectionKind.Decision,
        ["udvalgets beslutning"] = SectionKind.Decision,
        ["politisk behandling"] = SectionKind.Decision,
        ["afgørelse"] = SectionKind.Decision,
        ["fraværende"] = SectionKind.Absent,
        ["afbud"] = SectionKind.Absent,
        ["fravær"] = SectionKind.Absent,
        ["bilag"] = SectionKind.Attachments,
        ["bilagsliste"] = SectionKind.Attachments,
        ["bilag til punktet"] = SectionKind.Attachments,
        ["journalnummer"] = SectionKind.Journal,
        ["journalnr"] = SectionKind.Journal,
    };

    // Headings that may carry their text after a colon on the same line.
    private static readonly string[] InlinePrefixes =
    [
        "beslutning", "udvalgets beslutning", "fraværende", "afbud", "bilag", "indstilling", "resumé", "økonomi",
        "sagsfremstilling", "tidligere beslutninger", "baggrund", "journalnummer",
    ];

    public static SectionHeading? Match(string text)
    {
        if (text.Length > 160)
            return null;
        var key = DanishText.Key(text);
        if (Exact.TryGetValue(key, out var kind))
            return new SectionHeading(kind, null);

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < 40)
        {
            var label = DanishText.Key(text[..colon]);
            var rest = text[(colon + 1)..].Trim();
            foreach (var prefix in InlinePrefixes)
                if (label == prefix && Exact.TryGetValue(prefix, out var k))
                    return new SectionHeading(k, rest.Length > 0 ? rest : null);
            // "Beslutning i Økonomiudvalget den 12. marts 2025: Godkendt."
            if (IsDecisionInBody(label))
                return new SectionHeading(SectionKind.Decision, rest.Length > 0 ? rest : null);
        }

        return IsDecisionInBody(key) ? new SectionHeading(SectionKind.Decision, null) : null;
    }

    // "Beslutning i Social- og Sundhedsudvalget den 3. juni 2025", "Udvalgets beslutning den 12.03.2025".
    private static bool IsDecisionInBody(string key) =>
        key.Length < 120
        && (key.StartsWith("beslutning i ", StringComparison.Ordinal) || key.StartsWith("udvalgets beslutning den", StringComparison.Ordinal)
            || key.StartsWith("beslutning den ", StringComparison.Ordinal))
        && (DanishText.TryFindDate(key, out _) || key.Contains("udvalg", StringComparison.Ordinal) || key.Contains("råd", StringComparison.Ordinal));
}
