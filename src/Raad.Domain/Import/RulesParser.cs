using System.Text;

namespace Raad.Domain.Import;

/// <summary>
/// The numbers of a forretningsorden ("Forretningsorden for ...", then "§ 1", "Stk. 1" ...), read from its paragraphs by
/// the phrases Danish rules use; each value keeps the line it came from. Values not found stay null, with a warning.
/// </summary>
internal static class RulesParser
{
    private sealed record Paragraph(string Text, List<(int Offset, int Line)> Lines)
    {
        public int LineAt(int offset)
        {
            var line = Lines[0].Line;
            foreach (var (o, l) in Lines)
            {
                if (o > offset)
                    break;
                line = l;
            }

            return line;
        }
    }

    public static ParsedRules? TryParse(List<SourceLine> lines, List<ImportWarning> warnings)
    {
        var start = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var key = DanishText.Key(lines[i].Text);
            if (key.StartsWith("forretningsorden", StringComparison.Ordinal) && key.Length < 120)
            {
                start = i;
                break;
            }
        }

        if (start < 0)
            return null;
        var paragraphs = Split(lines, start + 1);
        if (paragraphs.Count < 2)
            return null;

        var rules = new ParsedRules { Title = lines[start].Text };
        foreach (var p in paragraphs)
            Read(p, rules);

        void Missing(string field, string danish)
        {
            if (!rules.Lines.ContainsKey(field))
                warnings.Add(new ImportWarning(lines[start].Number, lines[start].Text, $"Forretningsordenen: {danish} blev ikke fundet."));
        }

        Missing(nameof(ParsedRules.RegionalSeats), "antallet af regionale medlemmer");
        Missing(nameof(ParsedRules.MunicipalSeats), "antallet af kommunale medlemmer");
        Missing(nameof(ParsedRules.MinOrdinaryMeetingsPerYear), "antallet af møder om året");
        Missing(nameof(ParsedRules.AgendaNoticeDays), "fristen for udsendelse af dagsorden");
        Missing(nameof(ParsedRules.MinutesDispatchDays), "fristen for udsendelse af referat");
        Missing(nameof(ParsedRules.QuorumShare), "reglen om beslutningsdygtighed");
        Missing(nameof(ParsedRules.ValidFrom), "ikrafttrædelsesdatoen");
        return rules;
    }

    /// <summary>Paragraphs split at "§ N" and "Stk. N", and at bullets, each joined to one string.</summary>
    private static List<Paragraph> Split(List<SourceLine> lines, int from)
    {
        var result = new List<Paragraph>();
        var sb = new StringBuilder();
        var map = new List<(int, int)>();

        void Flush()
        {
            if (sb.Length > 0)
                result.Add(new Paragraph(sb.ToString(), [.. map]));
            sb.Clear();
            map.Clear();
        }

        for (var i = from; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            var key = t.ToLowerInvariant();
            if (key.StartsWith('§') || key.StartsWith("stk.", StringComparison.Ordinal) || key.StartsWith("stk ", StringComparison.Ordinal)
                || t.StartsWith('•') || t.StartsWith("- ", StringComparison.Ordinal))
                Flush();
            if (key.StartsWith('§') || ((key.StartsWith("stk", StringComparison.Ordinal)) && key.Length < 10))
                continue;
            if (sb.Length > 0)
                sb.Append(' ');
            map.Add((sb.Length, lines[i].Number));
            sb.Append(t);
        }

        Flush();
        return result;
    }

    private static void Read(Paragraph p, ParsedRules rules)
    {
        var text = p.Text.ToLower(DanishText.DanishCulture);

        void Set(string field, int offset, Action apply)
        {
            if (rules.Lines.ContainsKey(field))
                return;
            apply();
            rules.Lines[field] = p.LineAt(Math.Max(0, offset));
        }

        // Composition bullets: "4 medlemmer fra Regionsrådet", "11 borgmestre", "2 repræsentanter fra almen praksis".
        if (LeadingNumber(text, out var seats))
        {
            if (text.Contains("almen praksis", StringComparison.Ordinal) || text.Contains("praktiserende", StringComparison.Ordinal))
                Set(nameof(ParsedRules.GeneralPracticeSeats), 0, () => rules.GeneralPracticeSeats = seats);
            else if (text.Contains("borgmest", StringComparison.Ordinal) || text.Contains("kommun", StringComparison.Ordinal))
                Set(nameof(ParsedRules.MunicipalSeats), 0, () => rules.MunicipalSeats = seats);
            else if (text.Contains("region", StringComparison.Ordinal))
                Set(nameof(ParsedRules.RegionalSeats), 0, () => rules.RegionalSeats = seats);
        }

        if (text.Contains("suppleant", StringComparison.Ordinal) && (text.Contains(" kan ", StringComparison.Ordinal) || text.Contains(" har ", StringComparison.Ordinal)))
            Set(nameof(ParsedRules.SubstitutesAllowed), text.IndexOf("suppleant", StringComparison.Ordinal), () => rules.SubstitutesAllowed = !text.Contains("ikke", StringComparison.Ordinal));

        if (NumberBefore(text, " møder om året", out var meetings, out var at) || NumberBefore(text, " ordinære møder årligt", out meetings, out at)
            || NumberBefore(text, " møder årligt", out meetings, out at))
            Set(nameof(ParsedRules.MinOrdinaryMeetingsPerYear), at, () => rules.MinOrdinaryMeetingsPerYear = meetings);

        if (NumberBefore(text, " dage forud for mødet", out var days, out at) || NumberBefore(text, " dage før mødet", out days, out at)
            || NumberBefore(text, " dage før mødets", out days, out at))
        {
            if (text.Contains("punkt", StringComparison.Ordinal) && !text.Contains("udsendes", StringComparison.Ordinal))
                Set(nameof(ParsedRules.ItemRequestLeadDays), at, () => rules.ItemRequestLeadDays = days);
            else if (text.Contains("dagsorden", StringComparison.Ordinal))
                Set(nameof(ParsedRules.AgendaNoticeDays), at, () => rules.AgendaNoticeDays = days);
        }

        if ((text.Contains("protokol", StringComparison.Ordinal) || text.Contains("referat", StringComparison.Ordinal))
            && NumberBefore(text, " dage efter", out var minutes, out at))
            Set(nameof(ParsedRules.MinutesDispatchDays), at, () => rules.MinutesDispatchDays = minutes);

        if (text.Contains("indsigelse", StringComparison.Ordinal) && NumberAfter(text, "inden for ", out var window, out at))
            Set(nameof(ParsedRules.ObjectionWindowDays), at, () => rules.ObjectionWindowDays = window);

        var written = IndexOfAny(text, "skriftlig votering", "skriftlig procedure", "skriftlig proces", "skriftlig behandling");
        if (written >= 0)
        {
            Set(nameof(ParsedRules.WrittenProcedureAllowed), written, () => rules.WrittenProcedureAllowed = true);
            var one = IndexOfAny(text, "ét medlem", "et medlem", "én medlem", "et enkelt medlem", "ét enkelt medlem");
            if (one >= 0 && text.Contains("indsigelse", StringComparison.Ordinal))
                Set(nameof(ParsedRules.WrittenProcedureObjectionsToMeeting), one, () => rules.WrittenProcedureObjectionsToMeeting = 1);
            else if (NumberBefore(text, " medlemmer gør indsigelse", out var objections, out at))
                Set(nameof(ParsedRules.WrittenProcedureObjectionsToMeeting), at, () => rules.WrittenProcedureObjectionsToMeeting = objections);
        }

        if (NumberAfter(text, "varsel end ", out var notice, out at) || NumberAfter(text, "varsel på ", out notice, out at)
            || NumberAfter(text, "indkaldes med ", out notice, out at))
            Set(nameof(ParsedRules.OrdinaryNoticeDays), at, () => rules.OrdinaryNoticeDays = notice);

        var quorum = text.IndexOf("beslutningsdygtig", StringComparison.Ordinal);
        if (quorum >= 0)
        {
            decimal? share = text.Contains("halvdelen", StringComparison.Ordinal) ? 0.5m
                : text.Contains("to tredjedele", StringComparison.Ordinal) || text.Contains("2/3", StringComparison.Ordinal) ? 2m / 3m
                : text.Contains("flertal", StringComparison.Ordinal) ? 0.5m : null;
            if (share is { } s)
                Set(nameof(ParsedRules.QuorumShare), quorum, () => rules.QuorumShare = s);
        }

        var force = IndexOfAny(text, "træder i kraft", "gældende fra", "har virkning fra");
        if (force >= 0 && DanishText.TryFindDate(text[force..], out var from))
        {
            Set(nameof(ParsedRules.ValidFrom), force, () => rules.ValidFrom = from);
            var until = IndexOfAny(text, "gældende til", "gælder til", "gældende indtil", "ophører");
            if (until >= 0 && DanishText.TryFindDate(text[until..], out var to))
                Set(nameof(ParsedRules.ValidTo), until, () => rules.ValidTo = to);
        }
    }

    private static int IndexOfAny(string text, params string[] phrases)
    {
        foreach (var p in phrases)
        {
            var at = text.IndexOf(p, StringComparison.Ordinal);
            if (at >= 0)
                return at;
        }

        return -1;
    }

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["en"] = 1,
        ["et"] = 1,
        ["én"] = 1,
        ["ét"] = 1,
        ["to"] = 2,
        ["tre"] = 3,
        ["fire"] = 4,
        ["fem"] = 5,
        ["seks"] = 6,
        ["otte"] = 8,
        ["ti"] = 10,
    };

    // "4 medlemmer fra ...", "• 11 borgmestre ..."
    private static bool LeadingNumber(string text, out int value)
    {
        var t = text.TrimStart('•', '-', ' ');
        var i = 0;
        while (i < t.Length && i < 3 && char.IsAsciiDigit(t[i]))
            i++;
        value = i > 0 ? int.Parse(t.AsSpan(0, i)) : 0;
        return i > 0 && i < t.Length && t[i] == ' ';
    }

    /// <summary>The number (digits or a word) just before the phrase: "mindst 2 møder om året".</summary>
    private static bool NumberBefore(string text, string phrase, out int value, out int at)
    {
        value = 0;
        at = text.IndexOf(phrase, StringComparison.Ordinal);
        if (at <= 0)
            return false;
        var end = at;
        var start = end;
        while (start > 0 && text[start - 1] != ' ')
            start--;
        return ParseNumber(text[start..end], out value);
    }

    /// <summary>The number just after the phrase: "inden for 8 dage", "kortere varsel end 21 dage".</summary>
    private static bool NumberAfter(string text, string phrase, out int value, out int at)
    {
        value = 0;
        at = text.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0)
            return false;
        var start = at + phrase.Length;
        var end = start;
        while (end < text.Length && text[end] != ' ')
            end++;
        var after = text[end..].TrimStart();
        return after.StartsWith("dag", StringComparison.Ordinal) && ParseNumber(text[start..end], out value);
    }

    private static bool ParseNumber(string word, out int value)
    {
        if (int.TryParse(word, out value) && value is > 0 and < 1000)
            return true;
        return NumberWords.TryGetValue(word, out value);
    }
}
