namespace Raad.Domain.Import;

/// <summary>Is this readable Danish text? Counted from common words, which text in other languages lacks.</summary>
internal static class Language
{
    private static readonly HashSet<string> Danish = new(StringComparer.Ordinal)
    {
        "og", "det", "er", "til", "på", "af", "med", "den", "der", "som", "ikke", "en", "et", "de", "om", "kan", "skal", "vil",
        "fra", "har", "blev", "mødet", "møde", "dagsorden", "referat", "punkt", "beslutning", "indstilling", "udvalg", "kommune",
        "samt", "eller", "også", "være", "bliver", "efter", "mellem", "hvor", "ved", "sig", "sagen", "godkendelse", "orientering",
        "dato", "sted", "bilag", "indstilles", "godkender", "udvalget", "økonomi", "sagsfremstilling", "deltagere", "medlemmer",
        "år", "kr", "mio", "hvis", "når", "jf", "herunder", "dagsordenen", "drøftelse", "eventuelt", "region", "regionen",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "of", "to", "is", "that", "with", "on", "are", "be", "this", "was", "which", "have", "will", "by", "an",
        "meeting", "agenda", "minutes", "item", "it", "as", "in", "from", "has", "were", "would", "should", "their", "been",
        "approval", "decision", "council", "committee", "not", "or", "we", "you", "they", "our", "budget", "report",
    };

    public static string? Check(List<SourceLine> lines)
    {
        long letters = 0, other = 0;
        var danish = 0;
        var english = 0;
        var words = 0;
        foreach (var line in lines)
        {
            foreach (var c in line.Text)
            {
                if (char.IsLetter(c))
                    letters++;
                else if (c == '\uFFFD' || char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.PrivateUse
                         or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.Format)
                    other++;
            }

            if (words < 20000)
            {
                foreach (var w in DanishText.Words(line.Text, 200))
                {
                    words++;
                    if (Danish.Contains(w))
                        danish++;
                    else if (English.Contains(w))
                        english++;
                }
            }
        }

        if (letters == 0 || other * 10 > letters)
            return MeetingDocumentParser.UnreadableError;
        // Few words: one Danish word is enough; more text must be mostly Danish among the words either language marks.
        var needed = words < 30 ? 1 : 3;
        if (danish < needed || english > danish)
            return danish == 0 && english == 0 ? MeetingDocumentParser.UnreadableError : MeetingDocumentParser.LanguageError;
        return null;
    }
}
