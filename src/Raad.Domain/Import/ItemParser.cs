using System.Text;
using Raad.Domain.Agenda;

namespace Raad.Domain.Import;

/// <summary>One item: its title and kind from the heading, its fields, sections, recommendation clauses, decision and attachments.</summary>
internal static class ItemParser
{
    private static readonly string[] PresenterWords = ["oplæg", "orienterer", "fremlægge", "præsentere", "introducere", "fortælle"];

    public static ParsedItem Parse(List<SourceLine> lines, ItemHeading heading, int bodyEnd, string? bodyName, List<ImportWarning> warnings)
    {
        var (kind, title, known, closed, duration) = Classify(heading.RawTitle);
        var item = new ParsedItem { Number = heading.Number, Title = title, Kind = kind, Line = heading.Line, IsClosed = closed, DurationMinutes = duration };
        if (!known)
            warnings.Add(new ImportWarning(heading.Line, heading.FirstLineText, $"Punkt {item.Number}: punkttypen kan ikke ses af titlen; den er sat til Beslutning."));

        var buffers = new Dictionary<SectionKind, List<SourceLine>>();
        var preamble = new List<SourceLine>();
        SectionKind? current = null;
        var bodyKey = bodyName is null ? null : DanishText.Key(bodyName);

        for (var i = heading.EndIndex + 1; i < bodyEnd && i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text;
            if (ItemFields.Match(text, out var field, out var value))
            {
                SetField(item, field, value, line, ref current, warnings);
                continue;
            }

            if (ItemFields.OpenClosed(text, out var why) is { } isClosed)
            {
                item.IsClosed = item.IsClosed || isClosed; // closed stays closed, whichever marker comes last
                if (why is null)
                {
                    current = null; // "2 (Åben) Titel" starts the item's own header in the "Punkt N:" layout
                    continue;
                }
                line = line with { Text = why }; // "Lukket: Sagen vedrører ..." keeps its why as text
                text = why;
            }

            if (bodyKey is not null && current is null or SectionKind.Attachments && DanishText.Key(text) == bodyKey)
                continue;
            if (current is null && item.CaseNumber is null && ItemFields.IsBareCaseId(text))
            {
                item.CaseNumber = text;
                continue;
            }

            if (Sections.Match(text) is { } section)
            {
                if (section.Kind == SectionKind.Recommendation && current == SectionKind.Recommendation && section.Inline is null)
                    continue; // "Det indstilles:" under "INDSTILLING"
                current = section.Kind;
                if (section.Inline is { } inline)
                    Add(buffers, current.Value, line with { Text = inline });
                continue;
            }

            if (TryInlineRecommendation(text, out var clause))
            {
                current = SectionKind.Recommendation;
                Add(buffers, current.Value, line with { Text = clause });
                continue;
            }

            if (current is { } c)
                Add(buffers, c, line);
            else
                preamble.Add(line);
        }

        item.Background = Join(buffers, SectionKind.Background);
        item.Summary = Join(buffers, SectionKind.Summary);
        item.Presentation = Join(buffers, SectionKind.Presentation);
        item.Economy = Join(buffers, SectionKind.Economy);
        item.PreviousDecisions = Join(buffers, SectionKind.PreviousDecisions);
        item.FurtherProcess = Join(buffers, SectionKind.FurtherProcess);
        item.Decision = Join(buffers, SectionKind.Decision);
        Recommendation(item, buffers.GetValueOrDefault(SectionKind.Recommendation), warnings);
        Absences(item, buffers.GetValueOrDefault(SectionKind.Absent), warnings);
        Attachments(item, buffers.GetValueOrDefault(SectionKind.Attachments));
        Journal(item, buffers.GetValueOrDefault(SectionKind.Journal), warnings);

        if (Join(preamble) is { } preambleText)
        {
            var lower = preambleText.ToLowerInvariant();
            if (item.Presenters is null && PresenterWords.Any(w => lower.Contains(w, StringComparison.Ordinal)))
                item.Presenters = preambleText;
            else
                item.Presentation = item.Presentation is null ? preambleText : preambleText + "\n" + item.Presentation;
        }

        return item;
    }

    private static void SetField(ParsedItem item, string field, string value, SourceLine line, ref SectionKind? current, List<ImportWarning> warnings)
    {
        var empty = value.Length == 0 || value is "-" or "." or "–";
        switch (field)
        {
            case "duration":
                var minutes = DanishText.ParseDuration(value);
                if (minutes is null)
                    warnings.Add(new ImportWarning(line.Number, line.Text, $"Punkt {item.Number}: den forventede varighed kunne ikke læses."));
                else
                    item.DurationMinutes ??= minutes;
                break;
            case "case":
                if (!empty)
                    item.CaseNumber ??= value;
                break;
            case "journal":
                if (empty)
                    current = SectionKind.Journal;
                else
                    item.JournalNumber ??= value;
                break;
            case "document":
                if (!empty)
                    item.DocumentId ??= value;
                break;
            case "presenter":
                item.Presenters ??= value;
                break;
        }
    }

    private static void Add(Dictionary<SectionKind, List<SourceLine>> buffers, SectionKind kind, SourceLine line)
    {
        if (!buffers.TryGetValue(kind, out var list))
            buffers[kind] = list = [];
        list.Add(line);
    }

    private static string? Join(Dictionary<SectionKind, List<SourceLine>> buffers, SectionKind kind) =>
        buffers.TryGetValue(kind, out var lines) ? Join(lines) : null;

    /// <summary>Lines as paragraphs: a line break after a sentence or before a bullet, a space inside a broken sentence.</summary>
    public static string? Join(List<SourceLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            var t = line.Text;
            if (t is "." or "-" or "–")
                continue;
            if (sb.Length > 0)
            {
                var last = sb[^1];
                sb.Append(last is '.' or ':' or '!' or '?' || IsBullet(t) ? '\n' : ' ');
            }

            sb.Append(t);
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    private static bool IsBullet(string t) => t.Length > 1 && t[0] is '•' or '-' or '–' or '▪' or '◦' or '\uF0B7' && t[1] == ' ';

    /// <summary>"- at ...", "• at ...", "1. at ...", "a) at ..." without the bullet.</summary>
    private static string StripBullet(string t)
    {
        if (IsBullet(t))
            return t[2..].TrimStart();
        var i = 0;
        while (i < t.Length && i < 3 && (char.IsAsciiDigit(t[i]) || (i == 0 && char.IsAsciiLetterLower(t[i]))))
            i++;
        if (i > 0 && i + 1 < t.Length && t[i] is '.' or ')' && t[i + 1] == ' ')
            return t[(i + 2)..].TrimStart();
        return t;
    }

    private static readonly string[] Leads = ["indstiller, at", "indstiller at", "indstilles, at", "indstilles at"];

    /// <summary>Where "at" begins after "... indstiller, at", or -1.</summary>
    private static int LeadEnd(string t)
    {
        foreach (var lead in Leads)
        {
            var at = t.IndexOf(lead, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at + lead.Length == t.Length || t[at + lead.Length] == ' '))
                return at + lead.Length - 2;
        }

        return -1;
    }

    private static bool StartsClause(string t) =>
        t.Length > 3 && (t[0] is 'a' or 'A') && t[1] == 't' && t[2] == ' ';

    /// <summary>"Det indstilles, at dagsordenen godkendes." gives "at dagsordenen godkendes.".</summary>
    private static bool TryInlineRecommendation(string text, out string clause)
    {
        clause = "";
        string[] leads = ["det indstilles, at ", "det indstilles at ", "forvaltningen indstiller, at ", "forvaltningen indstiller at ",
            "administrationen indstiller, at ", "administrationen indstiller at ", "direktionen indstiller, at ", "direktionen indstiller at "];
        foreach (var lead in leads)
        {
            if (text.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                clause = text[(lead.Length - 3)..];
                return true;
            }
        }

        return false;
    }

    private static void Recommendation(ParsedItem item, List<SourceLine>? lines, List<ImportWarning> warnings)
    {
        if (lines is null)
            return;
        StringBuilder? current = null;
        SourceLine? unparsed = null;
        var bulletsAreClauses = false;
        foreach (var line in lines)
        {
            var t = StripBullet(line.Text);
            var bullet = t.Length != line.Text.Length;
            // "Direktøren indstiller, at udvalget drøfter ...": the clause starts mid-line.
            var lead = LeadEnd(t);
            if (lead >= 0 && !StartsClause(t))
            {
                t = t[lead..];
                if (t.Length <= 3)
                {
                    bulletsAreClauses = true; // "indstiller, at" followed by bullets, one clause each
                    continue;
                }
            }

            if (bullet && bulletsAreClauses && !StartsClause(t))
                t = "at " + t;
            if (StartsClause(t))
            {
                if (current is not null)
                    item.Recommendation.Add(current.ToString());
                current = new StringBuilder("at").Append(t.AsSpan(2));
            }
            else if (current is not null)
            {
                current.Append(' ').Append(t);
            }
            else if (t is not ("." or "-") && DanishText.Key(t) is not ("det indstilles" or "forvaltningen indstiller" or "administrationen indstiller"))
            {
                unparsed ??= line;
            }
        }

        if (current is not null)
            item.Recommendation.Add(current.ToString());
        if (item.Recommendation.Count == 0 && unparsed is not null)
            warnings.Add(new ImportWarning(unparsed.Number, unparsed.Text, $"Punkt {item.Number}: indstillingen har ingen at-led; teksten er ikke overført som indstilling."));
    }

    private static void Absences(ParsedItem item, List<SourceLine>? lines, List<ImportWarning> warnings)
    {
        if (lines is null)
            return;
        foreach (var line in lines)
        {
            foreach (var entry in SplitNames(line.Text))
            {
                var name = ParticipantParser.StripParentheses(entry, out _);
                if (name.Length == 0 || DanishText.Key(name) is "ingen" or "." or "-")
                    continue;
                if (DanishText.LooksLikeName(name))
                {
                    if (!item.Absent.Contains(name))
                        item.Absent.Add(name);
                }
                else if (name.Contains(' ', StringComparison.Ordinal))
                {
                    warnings.Add(new ImportWarning(line.Number, line.Text, $"Punkt {item.Number}: \"{name}\" under fraværende ligner ikke et navn og er ikke overført."));
                }
                // Single words ("Borgmester", "Medlem") are the titles column of a flattened table.
            }
        }
    }

    /// <summary>"A, B og C" as names.</summary>
    public static IEnumerable<string> SplitNames(string text)
    {
        foreach (var part in ParticipantParser.SplitTopLevel(text, ','))
        {
            var p = part.Trim();
            var og = p.IndexOf(" og ", StringComparison.Ordinal);
            if (og > 0 && DanishText.LooksLikeName(ParticipantParser.StripParentheses(p[..og], out _)))
            {
                yield return p[..og].Trim();
                yield return p[(og + 4)..].Trim();
            }
            else if (p.Length > 0)
            {
                yield return p;
            }
        }
    }

    private static void Attachments(ParsedItem item, List<SourceLine>? lines)
    {
        if (lines is null)
            return;
        // A line after a numbered attachment continues its title; unnumbered lists have one title a line.
        var currentNumbered = false;
        string? current = null;
        foreach (var line in lines)
        {
            var t = line.Text;
            if (t is "." or "-" || DanishText.Key(t) is "ingen" or "ingen bilag")
                continue;
            if (AttachmentNumber(t, out var rest))
            {
                AddAttachment(item, current);
                current = rest;
                currentNumbered = true;
            }
            else if (currentNumbered && current is not null && !t.StartsWith("bilag", StringComparison.OrdinalIgnoreCase) && char.IsLower(t[0]))
            {
                current += " " + t;
            }
            else
            {
                AddAttachment(item, current);
                current = t;
                currentNumbered = false;
            }
        }

        AddAttachment(item, current);
    }

    private static void AddAttachment(ParsedItem item, string? title)
    {
        if (title is null)
            return;
        var t = title.Trim();
        // "Plancher (DokID: 12439062 - EMN-2022-04994)": the id is not part of the title.
        var open = t.LastIndexOf('(');
        if (open > 0 && t.EndsWith(')') && t[open..].Contains("dok", StringComparison.OrdinalIgnoreCase))
            t = t[..open].Trim();
        if (t.Length == 0 || item.Attachments.Any(a => string.Equals(a, t, StringComparison.OrdinalIgnoreCase)))
            return;
        item.Attachments.Add(t);
    }

    /// <summary>"Bilag 1 – Titel", "Bilag 1- Titel", "Bilag 2: Titel", "1. Titel": the title after the number.</summary>
    private static bool AttachmentNumber(string t, out string rest)
    {
        rest = "";
        var i = 0;
        if (t.StartsWith("bilag ", StringComparison.OrdinalIgnoreCase))
            i = 6;
        var start = i;
        while (i < t.Length && char.IsAsciiDigit(t[i]))
            i++;
        if (i == start || i - start > 3)
            return false;
        if (start == 0 && (i >= t.Length || t[i] is not ('.' or ')')))
            return false;
        if (i < t.Length && char.IsLetter(t[i]))
            return false;
        rest = t[i..].TrimStart(' ', '.', ')', '-', '–', ':', '\t').Trim();
        return rest.Length > 0;
    }

    private static void Journal(ParsedItem item, List<SourceLine>? lines, List<ImportWarning> warnings)
    {
        if (lines is null || lines.Count == 0)
            return;
        var first = lines[0].Text;
        if (first is not ("-" or "." or "–") && first.Length <= 60)
            item.JournalNumber ??= first;
        foreach (var extra in lines.Skip(first.Length <= 60 ? 1 : 0))
        {
            warnings.Add(new ImportWarning(extra.Number, extra.Text, $"Punkt {item.Number}: teksten efter journalnummeret hører ikke til et kendt afsnit og er ikke overført."));
            break;
        }
    }

    /// <summary>The kind from the title's prefix, the title without a "DRØFTELSE:" prefix, in sentence case when printed in capitals.</summary>
    public static (ItemKind Kind, string Title, bool Known, bool Closed, int? Duration) Classify(string raw)
    {
        var t = raw.Trim();
        int? duration = null;
        // Trailing durations: "(5 min.)", between or beside the open/closed markers.
        var (stripped, marked) = ClosedMarker.Strip(t);
        t = stripped;
        for (var guard = 0; guard < 3 && t.EndsWith(')'); guard++)
        {
            var open = t.LastIndexOf('(');
            if (open < 0 || DanishText.ParseDuration(DanishText.Key(t[(open + 1)..^1])) is not { } d)
                break;
            duration = d;
            t = t[..open].TrimEnd();
            (t, var again) = ClosedMarker.Strip(t);
            marked = marked == true || again == true ? true : marked ?? again;
        }

        var closed = marked == true;
        ItemKind? kind = null;
        var colon = t.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 0 and <= 30 && KindOf(DanishText.Key(t[..colon]), exact: true) is { } k)
        {
            kind = k;
            t = t[(colon + 1)..].Trim();
        }

        kind ??= KindOf(t.ToLower(DanishText.DanishCulture), exact: false);
        if (DanishText.IsAllCaps(t))
            t = DanishText.SentenceCase(t);
        if (t.Length == 0)
            t = raw.Trim();
        return (kind ?? ItemKind.Decision, t, kind is not null, closed, duration);
    }

    private static ItemKind? KindOf(string lower, bool exact)
    {
        (string Word, ItemKind Kind)[] starts =
        [
            ("temadrøftelse", ItemKind.Discussion), ("drøftelse", ItemKind.Discussion), ("til drøftelse", ItemKind.Discussion),
            ("orientering", ItemKind.Information), ("til orientering", ItemKind.Information), ("meddelelser", ItemKind.Announcement),
            ("meddelelse", ItemKind.Announcement), ("beslutning", ItemKind.Decision), ("til beslutning", ItemKind.Decision),
            ("godkendelse", ItemKind.Approval), ("til godkendelse", ItemKind.Approval), ("eventuelt", ItemKind.AnyOtherBusiness),
            ("evt", ItemKind.AnyOtherBusiness),
        ];
        foreach (var (word, kind) in starts)
        {
            if (exact ? lower == word : lower.StartsWith(word, StringComparison.Ordinal) && (lower.Length == word.Length || !char.IsLetter(lower[word.Length])))
                return kind;
        }

        if (exact)
            return null;
        (string Phrase, ItemKind Kind)[] contains =
        [
            ("godkendelse af", ItemKind.Approval), ("til godkendelse", ItemKind.Approval), ("til orientering", ItemKind.Information),
            ("til drøftelse", ItemKind.Discussion), ("til beslutning", ItemKind.Decision), ("eventuelt", ItemKind.AnyOtherBusiness),
        ];
        foreach (var (phrase, kind) in contains)
            if (lower.Contains(phrase, StringComparison.Ordinal))
                return kind;
        return null;
    }
}
