using Raad.Domain.Agenda;

namespace Raad.Domain.Import;

/// <summary>
/// Turns the lines of an agenda or minutes into a <see cref="ParsedMeeting"/>, or an annex document into
/// <see cref="ParsedAnnexes"/>, or says in Danish why neither. Never throws; runs in time linear in the input.
/// </summary>
public static class MeetingDocumentParser
{
    public const string EmptyError = "Dokumentet er tomt: der er ingen tekst at indlæse.";
    public const string UnreadableError = "Dokumentet indeholder ikke læsbar tekst. Er det den rigtige fil, og er den gemt som tekst, PDF eller Word?";
    public const string LanguageError = "Dokumentet ser ikke ud til at være en dansk dagsorden eller et dansk referat: teksten er ikke på dansk.";
    public const string NoItemsError = "Der blev ikke fundet nogen dagsordenspunkter i dokumentet (fx \"1. Godkendelse af dagsorden\" eller \"Punkt 1: ...\"), så der er intet at indlæse.";
    public const string InternalError = "Dokumentet kunne ikke læses på grund af en fejl i indlæsningen. Prøv igen, eller indtast mødet manuelt.";

    public static ParsedDocument Parse(IReadOnlyList<SourceLine>? lines)
    {
        try
        {
            return ParseCore(lines);
        }
#pragma warning disable CA1031 // the contract is "never throws": an unexpected fault becomes an error for the user
        catch (Exception)
#pragma warning restore CA1031
        {
            return new ParsedDocument { Error = InternalError };
        }
    }

    private static ParsedDocument ParseCore(IReadOnlyList<SourceLine>? source)
    {
        var doc = new ParsedDocument();
        var cleaned = LineCleanup.Clean(source);
        var lines = cleaned.Lines;
        if (lines.Count == 0 && cleaned.Contents.Count == 0)
        {
            doc.Error = EmptyError;
            return doc;
        }

        if (Language.Check(lines) is { } languageError)
        {
            doc.Error = languageError;
            return doc;
        }

        var headings = ItemHeadings.Find(cleaned, doc.Warnings);
        if (headings.Count == 0)
        {
            var rules = RulesParser.TryParse(lines, doc.Warnings);
            var titles = AnnexTitles(lines, source);
            if (rules is not null || IsAnnexDocument(lines))
            {
                doc.Kind = ImportedKind.Annexes;
                doc.Annexes = new ParsedAnnexes { Rules = rules };
                doc.Annexes.Titles.AddRange(titles);
                return doc;
            }

            doc.Warnings.Clear();
            doc.Error = NoItemsError;
            return doc;
        }

        var meeting = new ParsedMeeting();
        var header = lines.GetRange(0, headings[0].Index);
        HeaderParser.Parse(header, meeting, doc.Warnings);
        ParticipantParser.Parse(header, meeting, doc.Warnings);

        for (var h = 0; h < headings.Count; h++)
        {
            var end = h + 1 < headings.Count ? headings[h + 1].Index : lines.Count;
            meeting.Items.Add(ItemParser.Parse(lines, headings[h], end, meeting.BodyName, doc.Warnings));
        }

        var hasDecisions = meeting.Items.Any(i => i.Decision is not null);
        var minutesTitle = meeting.Title is { } t && !t.Equals("Dagsorden", StringComparison.OrdinalIgnoreCase);
        doc.Kind = hasDecisions || minutesTitle ? ImportedKind.Minutes : ImportedKind.Agenda;
        if (doc.Kind == ImportedKind.Minutes)
        {
            foreach (var item in meeting.Items.Where(i => i.Decision is null && i.Kind != ItemKind.AnyOtherBusiness))
                doc.Warnings.Add(new ImportWarning(item.Line, item.Title, $"Punkt {item.Number} har ingen beslutning, selv om dokumentet er et referat."));
        }

        if (cleaned.Contents.Count > 0 && cleaned.Contents.Count != meeting.Items.Count)
        {
            var first = cleaned.Contents[0];
            doc.Warnings.Add(new ImportWarning(first.Number, first.Text,
                $"Indholdsfortegnelsen nævner {cleaned.Contents.Count} punkter, men der blev fundet {meeting.Items.Count}."));
        }

        doc.Meeting = meeting;
        return doc;
    }

    // An annex document says so near its top ("Bilag 1", "Bilag til ...").
    private static bool IsAnnexDocument(List<SourceLine> lines) =>
        lines.Take(5).Any(l => l.Text.StartsWith("bilag", StringComparison.OrdinalIgnoreCase) && l.Text.Length < 120);

    /// <summary>The parts of an annex document: lines in capitals, and the "Rammeoplæg"/"Forretningsorden" titles.</summary>
    private static List<string> AnnexTitles(List<SourceLine> lines, IReadOnlyList<SourceLine>? source)
    {
        var titles = new List<string>();
        foreach (var l in lines)
        {
            var t = l.Text;
            if (t.Length is < 4 or > 120)
                continue;
            var key = t.ToLowerInvariant();
            var title = l.HeadingLevel == 1 || (DanishText.IsAllCaps(t) && t.Count(char.IsLetter) >= 5)
                        || key.StartsWith("forretningsorden for", StringComparison.Ordinal) || key.StartsWith("rammeoplæg for", StringComparison.Ordinal);
            if (title && !titles.Contains(t))
                titles.Add(t);
        }

        return titles;
    }
}
