namespace Raad.Domain.Import;

/// <summary>An item heading found in the cleaned lines: its number, its title as printed (lines joined) and where it ends.</summary>
internal sealed record ItemHeading(int Index, int EndIndex, int Number, string RawTitle, int Line, string FirstLineText);

/// <summary>
/// Finds the item headings. "Punkt N: Titel" when the document has such lines; otherwise "N. TITEL" lines that are in
/// capitals, named in the contents, begin with a kind word, are DOCX headings, or are followed by an item's fields.
/// </summary>
internal static class ItemHeadings
{
    private static readonly string[] KindWords =
    [
        "godkendelse", "orientering", "drøftelse", "temadrøftelse", "beslutning", "meddelelse", "eventuelt", "evt", "velkomst",
        "til orientering", "til drøftelse", "til beslutning", "til godkendelse",
    ];

    private static readonly string[] FunctionWords = ["af", "og", "for", "i", "til", "om", "med", "på", "fra", "ved", "samt", "eller", "efter", "under", "den", "det", "de", "en", "et"];

    /// <summary>"3. Titel" or "Punkt 3: Titel": the shapes an item heading can have (not whether this line is one).</summary>
    public static bool IsNumberedLine(string text) => TryPunkt(text, out _, out _) || TryNumbered(text, out _, out _);

    /// <summary>"Punkt 3: Titel", "Pkt. 3 - Titel", "Punkt 3. Titel".</summary>
    public static bool TryPunkt(string text, out int number, out string title)
    {
        number = 0;
        title = "";
        int i;
        if (text.StartsWith("punkt ", StringComparison.OrdinalIgnoreCase))
            i = 6;
        else if (text.StartsWith("pkt. ", StringComparison.OrdinalIgnoreCase))
            i = 5;
        else if (text.StartsWith("pkt ", StringComparison.OrdinalIgnoreCase))
            i = 4;
        else
            return false;
        while (i < text.Length && text[i] == ' ')
            i++;
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 4)
            i++;
        if (i == start || i - start > 3 || (i < text.Length && char.IsAsciiDigit(text[i])))
            return false;
        number = int.Parse(text.AsSpan(start, i - start));
        while (i < text.Length && text[i] is ' ' or ':' or '.' or '-' or '–')
            i++;
        title = text[i..].Trim();
        return number > 0 && title.Length > 0;
    }

    /// <summary>"3. TITEL", "12. Godkendelse af dagsorden", "3) Titel".</summary>
    public static bool TryNumbered(string text, out int number, out string title)
    {
        number = 0;
        title = "";
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && i < 4)
            i++;
        if (i is 0 or > 3 || i + 1 >= text.Length || text[i] is not ('.' or ')') || text[i + 1] is not (' ' or '\t'))
            return false;
        number = int.Parse(text.AsSpan(0, i));
        title = text[(i + 1)..].Trim();
        // "3. [Lukket] Titel" begins with its closed marker.
        return number > 0 && title.Length > 0 && (char.IsLetter(title[0]) || (title[0] is '(' or '[' && ClosedMarker.Strip(title).Closed is not null));
    }

    public static List<ItemHeading> Find(CleanedLines cleaned, List<ImportWarning> warnings)
    {
        var lines = cleaned.Lines;
        var headings = new List<ItemHeading>();
        var punktLayout = false;
        foreach (var l in lines)
        {
            if (TryPunkt(l.Text, out _, out _))
            {
                punktLayout = true;
                break;
            }
        }

        var contents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cleaned.Contents)
        {
            var t = TryNumbered(c.Text, out _, out var ct) ? ct : TryPunkt(c.Text, out _, out var pt) ? pt : c.Text;
            contents.Add(Fold(t));
        }

        // A DOCX with heading styles: only its headings can be items, not numbered lists in the text.
        var headingMode = lines.Any(l => l.HeadingLevel is 1 or 2);
        var last = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text;
            int number;
            string title;
            bool accepted;
            if (headingMode && line.HeadingLevel is not (1 or 2))
                continue;
            if (punktLayout)
            {
                accepted = TryPunkt(text, out number, out title)
                           || (line.HeadingLevel is 1 or 2 && TryNumbered(text, out number, out title));
            }
            else if (TryNumbered(text, out number, out title) || (line.HeadingLevel is 1 or 2 && TryPunkt(text, out number, out title)))
            {
                accepted = line.HeadingLevel is 1 or 2 || IsStrong(lines, i, title, contents);
            }
            else if (line.HeadingLevel == 1 && headings.Count > 0 && Sections.Match(text) is null)
            {
                // A DOCX "Heading 1" without a number, after numbered items: the next item.
                number = last + 1;
                title = text;
                accepted = true;
                warnings.Add(new ImportWarning(line.Number, text, $"Overskriften har intet punktnummer; den er læst som punkt {number}."));
            }
            else
            {
                continue;
            }

            if (!accepted)
                continue;
            if (number <= last)
            {
                if (punktLayout || DanishText.IsAllCaps(title))
                    warnings.Add(new ImportWarning(line.Number, text, $"Linjen ligner en punktoverskrift, men nummeret {number} kommer ikke efter punkt {last}; den er læst som tekst."));
                continue;
            }

            if (last > 0 && number != last + 1)
                warnings.Add(new ImportWarning(line.Number, text, $"Punkt {number} følger efter punkt {last}; der kan mangle et punkt."));

            var end = i;
            var fullTitle = title;
            ExtendTitle(lines, ref end, ref fullTitle);
            headings.Add(new ItemHeading(i, end, number, fullTitle, line.Number, text));
            last = number;
            i = end;
        }

        return headings;
    }

    private static bool IsStrong(List<SourceLine> lines, int i, string title, HashSet<string> contents)
    {
        title = ClosedMarker.Strip(title).Title;
        if (title.Length > 200 || title.StartsWith("at ", StringComparison.OrdinalIgnoreCase) || !char.IsUpper(title[0]))
            return false;
        if (lines[i].Bold)
            return true;
        var letters = 0;
        foreach (var c in title)
            if (char.IsLetter(c))
                letters++;
        if (letters >= 3 && DanishText.IsAllCaps(title))
            return true;
        var folded = Fold(title);
        if (folded.Length > 0 && contents.Contains(folded))
            return true;
        var lower = title.ToLowerInvariant();
        foreach (var w in KindWords)
            if (lower.StartsWith(w, StringComparison.Ordinal) && (lower.Length == w.Length || !char.IsLetter(lower[w.Length])))
                return true;
        // Followed closely by an item's fields: "Sagsnr.", "Forventet varighed", "Resumé", "(Åben)".
        for (var k = i + 1; k < lines.Count && k <= i + 4; k++)
        {
            var next = lines[k].Text;
            if (ItemFields.IsFieldLine(next))
                return true;
            if (Sections.Match(next) is { } s && s.Kind is SectionKind.Summary or SectionKind.Presentation or SectionKind.Background or SectionKind.Recommendation)
                return true;
            if (TryNumbered(next, out _, out _))
                return false;
        }

        return false;
    }

    /// <summary>Titles broken over lines: capital lines after a capital title, or a line after a title that stops mid-phrase.</summary>
    private static void ExtendTitle(List<SourceLine> lines, ref int end, ref string title)
    {
        var caps = DanishText.IsAllCaps(title);
        for (var n = 0; n < 4 && end + 1 < lines.Count; n++)
        {
            var next = lines[end + 1];
            var t = next.Text;
            if (t.Length > 100 || next.HeadingLevel is not null && next.HeadingLevel != lines[end].HeadingLevel
                || Sections.Match(t) is not null || ItemFields.IsFieldLine(t) || IsNumberedLine(t))
                return;
            bool join;
            if (caps)
                join = DanishText.IsAllCaps(t) || t.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '–');
            else
                join = n == 0 && (char.IsLower(t[0]) || EndsMidPhrase(title)) && !t.EndsWith(':');
            if (!join)
                return;
            title = title + " " + t;
            end++;
        }
    }

    private static bool EndsMidPhrase(string title)
    {
        var t = title.TrimEnd();
        if (t.EndsWith(',') || t.EndsWith('-') || t.EndsWith('–'))
            return true;
        var space = t.LastIndexOf(' ');
        var lastWord = (space < 0 ? t : t[(space + 1)..]).ToLowerInvariant();
        return FunctionWords.Contains(lastWord);
    }

    /// <summary>Letters and digits only, lower case: to compare a heading with its contents entry.</summary>
    public static string Fold(string s)
    {
        var chars = new char[Math.Min(s.Length, 300)];
        var n = 0;
        foreach (var c in s)
        {
            if (n == chars.Length)
                break;
            if (char.IsLetterOrDigit(c))
                chars[n++] = char.ToLowerInvariant(c);
        }

        return new string(chars, 0, n);
    }
}
