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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DanishLookup = Danish.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup = English.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words up to 20 letters, lower-cased into a stack buffer: no allocation per word.
    private static void CountWords(string text, ref int words, ref int danish, ref int english)
    {
        Span<char> buffer = stackalloc char[20];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
                start = i;
            else if (!letter && start >= 0)
            {
                words++;
                var length = i - start;
                if (length <= buffer.Length)
                {
                    var word = buffer[..length];
                    text.AsSpan(start, length).ToLowerInvariant(word);
                    if (DanishLookup.Contains(word))
                        danish++;
                    else if (EnglishLookup.Contains(word))
                        english++;
                }

                start = -1;
            }
        }
    }

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

            if (words < 5000)
                CountWords(line.Text, ref words, ref danish, ref english);
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
