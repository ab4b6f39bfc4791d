using System.Text;

namespace Raad.Domain.Import;

/// <summary>What is left of a document after its page furniture, contents list and line-end hyphens are dealt with.</summary>
public sealed class CleanedLines
{
    /// <summary>Non-blank lines, trimmed; a line joined from several keeps the first one's number.</summary>
    public List<SourceLine> Lines { get; } = [];

    /// <summary>Entries of a contents list ("1. VELKOMST .....4"), without their page numbers.</summary>
    public List<SourceLine> Contents { get; } = [];

    /// <summary>Lines dropped as page furniture (page numbers, running headers and footers).</summary>
    public int FurnitureDropped { get; set; }
}

/// <summary>
/// The damage of PDF text extraction, undone before parsing: blank lines, "Side 3 af 7" and lone page numbers,
/// running headers and footers, contents lines with dot leaders, and words hyphenated across lines.
/// </summary>
public static class LineCleanup
{
    public static CleanedLines Clean(IReadOnlyList<SourceLine>? source)
    {
        var result = new CleanedLines();
        if (source is null)
            return result;

        var lines = new List<SourceLine>(source.Count);
        foreach (var line in source)
        {
            if (line is null)
                continue;
            var text = Normalise(line.Text);
            if (text.Length > 0)
                lines.Add(line with { Text = text });
        }

        var keep = new bool[lines.Count];
        Array.Fill(keep, true);
        DropPageNumbers(lines, keep, result);
        DropRunningLines(lines, keep, result);

        var kept = new List<SourceLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
                continue;
            var line = lines[i];
            if (IsContentsHeading(line.Text))
                continue;

            if (TryContentsEntry(line.Text, out var entry))
            {
                result.Contents.Add(line with { Text = entry });
                continue;
            }

            kept.Add(line);
        }

        JoinHyphenated(kept, result.Lines);
        return result;
    }

    /// <summary>Trimmed, non-breaking spaces and soft hyphens resolved, control characters and Markdown bold removed.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        if (IsClean(text))
            return text;
        var sb = new StringBuilder(text.Length);
        var lastSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i++;
                continue;
            }

            if (c == '\u00AD')
            {
                // A soft hyphen at the end of a line is where a word was broken.
                if (text.AsSpan(i + 1).Trim().IsEmpty)
                    sb.Append('-');
                continue;
            }

            if (c is '\u00A0' or '\u2007' or '\u202F' or '\u2002' or '\u2003' or '\u2009')
                c = ' ';
            if (c != '\t' && (char.IsControl(c) || c == '\uFEFF'))
                continue;
            if (c == ' ')
            {
                if (lastSpace)
                    continue;
                lastSpace = true;
            }
            else
            {
                lastSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();
    }

    // Most lines need nothing done: checked without allocating.
    private static bool IsClean(string text)
    {
        if (text[0] is ' ' or '\t' || text[^1] is ' ' or '\t')
            return false;
        var lastSpace = false;
        foreach (var c in text)
        {
            if (c < ' ' ? c != '\t' : c is '*' or '\u00AD' or '\u00A0' or '\u2007' or '\u202F' or '\u2002' or '\u2003' or '\u2009' or '\uFEFF' || (c >= '\u007F' && char.IsControl(c)))
                return false;
            if (c == ' ' && lastSpace)
                return false;
            lastSpace = c == ' ';
        }

        return true;
    }

    /// <summary>"Side 16", "Side 3 af 7", "- 3 -", a lone "3", or a footer ending in "Side 3 af 7".</summary>
    public static bool IsPageNumber(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
            return false;
        if (t.Length <= 3 && AllDigits(t))
            return true;
        if (t.Length <= 9 && t[0] is '-' or '–' && t[^1] is '-' or '–' && AllDigits(t.Trim('-', '–', ' ')))
            return true;
        if (t.Length > 120)
            return false;
        var side = t.LastIndexOf("side ", StringComparison.OrdinalIgnoreCase);
        if (side < 0 || (side > 0 && t[side - 1] != ' '))
            return false;
        var key = t.ToLowerInvariant();
        var rest = key[(side + 5)..].Trim();
        var parts = rest.Split([" af ", "/", " of "], StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !parts.All(p => p.Length is > 0 and <= 4 && AllDigits(p)))
            return false;
        // "Side 16" alone, or a footer with "af N"; not prose that happens to end in "side 3".
        return side == 0 || parts.Length == 2;
    }

    private static bool AllDigits(string s)
    {
        if (s.Length == 0)
            return false;
        foreach (var c in s)
            if (!char.IsAsciiDigit(c))
                return false;
        return true;
    }

    private static void DropPageNumbers(List<SourceLine> lines, bool[] keep, CleanedLines result)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsPageNumber(lines[i].Text))
            {
                keep[i] = false;
                result.FurnitureDropped++;
            }
        }
    }

    /// <summary>
    /// Running headers and footers: the same short line (digits aside) at the edge of three or more pages, or, in text
    /// without page breaks, next to two or more page numbers. Headings and item lines are never furniture.
    /// </summary>
    private static void DropRunningLines(List<SourceLine> lines, bool[] keep, CleanedLines result)
    {
        if (lines.Count == 0)
            return;
        var edge = new bool[lines.Count];
        var pages = lines[^1].Page > lines[0].Page;
        if (pages)
        {
            // The first and last line of each page, or the line inside a page number there.
            for (var i = 0; i < lines.Count; i++)
            {
                var first = i == 0 || lines[i - 1].Page != lines[i].Page;
                var last = i == lines.Count - 1 || lines[i + 1].Page != lines[i].Page;
                edge[i] |= first || last;
                if (!keep[i] && first && i + 1 < lines.Count && lines[i + 1].Page == lines[i].Page)
                    edge[i + 1] = true;
                if (!keep[i] && last && i > 0 && lines[i - 1].Page == lines[i].Page)
                    edge[i - 1] = true;
            }
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (keep[i])
                    continue;
                for (var d = -2; d <= 2; d++)
                    if (i + d >= 0 && i + d < lines.Count)
                        edge[i + d] = true;
            }
        }

        var counts = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var keys = new string?[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (!edge[i] || !keep[i] || lines[i].Text.Length is < 4 or > 120 || DanishText.LooksLikeName(lines[i].Text) || Sections.Match(lines[i].Text) is not null || ItemHeadings.IsNumberedLine(lines[i].Text))
                continue;
            var key = DigitsAsHash(lines[i].Text);
            keys[i] = key;
            if (!counts.TryGetValue(key, out var set))
                counts[key] = set = [];
            if (set.Count < 8)
                set.Add(pages ? lines[i].Page : i);
        }

        var needed = pages ? 3 : 2;
        for (var i = 0; i < lines.Count; i++)
        {
            if (keys[i] is { } key && counts[key].Count >= needed)
            {
                keep[i] = false;
                result.FurnitureDropped++;
            }
        }
    }

    private static string DigitsAsHash(string s)
    {
        var chars = s.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (char.IsAsciiDigit(chars[i]))
                chars[i] = '#';
        return new string(chars);
    }

    private static bool IsContentsHeading(string text) =>
        DanishText.Key(text) is "indhold" or "indholdsfortegnelse" or "indholdsliste" or "indhold af dagsorden" or "oversigt over punkter";

    /// <summary>"1. VELKOMST ......... 4", "Godkendelse af dagsorden.....\t3", "2. DRØFTELSE: ...\t5": a title and a page number.</summary>
    public static bool TryContentsEntry(string text, out string title)
    {
        title = "";
        var end = text.Length;
        var i = end;
        while (i > 0 && char.IsAsciiDigit(text[i - 1]))
            i--;
        var digits = end - i;
        if (digits is < 1 or > 3 || i == 0)
            return false;
        var j = i;
        var tab = false;
        while (j > 0 && text[j - 1] is ' ' or '\t')
        {
            tab |= text[j - 1] == '\t';
            j--;
        }

        var dots = 0;
        var k = j;
        while (k > 0 && text[k - 1] is '.' or '…' or ' ' or '_')
        {
            if (text[k - 1] is '.' or '_')
                dots++;
            else if (text[k - 1] == '…')
                dots += 3;
            k--;
        }

        if (dots < 3 && !tab)
            return false;
        var t = text[..k].Trim();
        if (t.Length < 2 || !t.Any(char.IsLetter))
            return false;
        // A table row also ends in a tab and a number; a contents entry has no other tabs.
        if (dots < 3 && t.Contains('\t', StringComparison.Ordinal))
            return false;
        title = t;
        return true;
    }

    /// <summary>"mødele-" + "der." is "mødeleder."; "sundheds-" + "og" keeps its hyphen; "2024-" + "2027" too.</summary>
    public static void JoinHyphenated(List<SourceLine> input, List<SourceLine> output)
    {
        for (var i = 0; i < input.Count; i++)
        {
            var line = input[i];
            var text = line.Text;
            var guard = 0;
            while (i + 1 < input.Count && guard++ < 50 && TryJoin(text, input[i + 1], out var joined))
            {
                text = joined;
                i++;
            }

            output.Add(text == line.Text ? line : line with { Text = text });
        }
    }

    private static bool TryJoin(string text, SourceLine nextLine, out string joined)
    {
        joined = text;
        var next = nextLine.Text;
        if (text.Length < 3 || next.Length == 0 || text[^1] is not ('-' or '\u2010'))
            return false;
        var before = text[^2];
        if (nextLine.HeadingLevel is not null || Sections.Match(next) is not null || ItemHeadings.IsNumberedLine(next))
            return false;
        var firstWordEnd = 0;
        while (firstWordEnd < next.Length && char.IsLetterOrDigit(next[firstWordEnd]))
            firstWordEnd++;
        var firstWord = next[..firstWordEnd];
        var head = text[..^1];

        if (char.IsAsciiDigit(before) && char.IsAsciiDigit(next[0]))
        {
            joined = text + next;
            return true;
        }

        if (!char.IsLetter(before) || firstWord.Length == 0 || !char.IsLetter(next[0]))
            return false;

        var lastWordStart = head.Length;
        while (lastWordStart > 0 && char.IsLetter(head[lastWordStart - 1]))
            lastWordStart--;
        var lastWord = head[lastWordStart..];
        var conjunction = firstWord.ToLowerInvariant() is "og" or "eller" or "samt" or "til" or "som";

        if (char.IsLower(next[0]))
        {
            if (conjunction)
                joined = text + " " + next;
            else if (lastWord.Length >= 2 && DanishText.IsAllCaps(lastWord))
                joined = text + next; // "SSU-" + "sekretariatet"
            else
                joined = head + next;
            return true;
        }

        // Titles in capitals: "KOM-" + "MUNERNE"; never "Indenrigs-" + "Sundhedsministeriet".
        if (lastWord.Length >= 1 && DanishText.IsAllCaps(lastWord + "X") && DanishText.IsAllCaps(firstWord + "X") && !DanishText.HasLower(next))
        {
            joined = conjunction ? text + " " + next : head + next;
            return true;
        }

        return false;
    }
}
