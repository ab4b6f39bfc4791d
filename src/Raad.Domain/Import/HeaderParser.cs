using Raad.Domain.Meetings;

namespace Raad.Domain.Import;

/// <summary>
/// The meeting's header before the first item: the title word ("Dagsorden", "Referat"), the body ("Møde i:", or the
/// rest of the title line, or a line of its own), the date and times ("Dato:", "Mødedato", "Kl.:"), the place
/// ("Sted:", "Mødested") or a virtual meeting.
/// </summary>
internal static class HeaderParser
{
    private static readonly string[] TitleWords = ["dagsorden", "referat", "beslutningsprotokol", "mødereferat", "protokol", "beslutningsreferat"];
    private static readonly string[] BodyLabels = ["møde i", "udvalg", "forum", "råd"];
    private static readonly string[] DateLabels = ["dato", "mødedato", "tidspunkt", "mødetidspunkt", "tid", "dato og tid", "dato og tidspunkt", "mødedato og tidspunkt"];
    private static readonly string[] TimeLabels = ["kl", "klokken", "tidsrum"];
    private static readonly string[] PlaceLabels = ["sted", "mødested", "mødelokale", "lokale", "adresse", "mødested og lokale"];
    private static readonly string[] SpaceLabels = ["mødedato", "mødested", "mødetidspunkt", "mødelokale"];
    private static readonly string[] BodyWords = ["udvalg", "råd", "forum", "klynge", "bestyrelse", "komité", "nævn"];
    private static readonly string[] VirtualWords = ["teams", "virtuel", "online", "zoom", "skype", "videomøde", "webex"];

    /// <summary>A labelled header line ("Dato: ...", "Mødested ...") or the title line; ends a list of people.</summary>
    public static bool IsHeaderLine(string text) => Label(text, out _, out _) || TitleWordOf(text, out _) is not null;

    public static void Parse(List<SourceLine> header, ParsedMeeting meeting, List<ImportWarning> warnings)
    {
        SourceLine? titleLine = null;
        SourceLine? dateLine = null;
        SourceLine? timeLine = null;
        string? placeText = null;
        string? bodyFromTitle = null;
        var firstLabelIndex = header.Count;

        for (var i = 0; i < header.Count; i++)
        {
            var line = header[i];
            if (line.Text.Contains("ekstraordinær", StringComparison.OrdinalIgnoreCase))
                meeting.Kind = MeetingKind.Extraordinary;

            if (titleLine is null && TitleWordOf(line.Text, out var rest) is { } word)
            {
                titleLine = line;
                meeting.Title = DanishText.SentenceCase(word);
                bodyFromTitle = BodyFromTitleRest(rest);
                continue;
            }

            if (!Label(line.Text, out var label, out var value))
                continue;
            firstLabelIndex = Math.Min(firstLabelIndex, i);
            if (BodyLabels.Contains(label) && meeting.BodyName is null)
                meeting.BodyName = StripExtraordinary(value);
            else if (DateLabels.Contains(label) && dateLine is null && DanishText.TryFindDate(value, out _))
                dateLine = line;
            else if ((TimeLabels.Contains(label) || DateLabels.Contains(label)) && timeLine is null && DanishText.FindTimes(value).Count > 0)
                timeLine = line;
            else if (PlaceLabels.Contains(label) && placeText is null)
                placeText = value;
        }

        meeting.BodyName ??= bodyFromTitle ?? BodyFromLoneLine(header, titleLine, firstLabelIndex);
        if (meeting.BodyName is null)
            warnings.Add(new ImportWarning(0, "", "Udvalgets navn blev ikke fundet i dokumentets hoved."));

        if (dateLine is null)
        {
            // A date in the title line or elsewhere in the header, but not under a "Dato" label: say so.
            dateLine = header.FirstOrDefault(l => DanishText.TryFindDate(l.Text, out _));
            if (dateLine is not null)
                warnings.Add(new ImportWarning(dateLine.Number, dateLine.Text, "Mødedatoen er læst fra en linje uden \"Dato:\"; kontrollér den."));
        }

        if (dateLine is not null && DanishText.TryFindDate(dateLine.Text, out var date))
        {
            meeting.Date = date;
            meeting.DateLine = dateLine.Number;
        }
        else
        {
            warnings.Add(new ImportWarning(0, "", "Mødedatoen blev ikke fundet."));
        }

        var times = timeLine is not null ? DanishText.FindTimes(timeLine.Text) : [];
        if (times.Count == 0 && dateLine is not null)
            times = DanishText.FindTimes(dateLine.Text);
        if (times.Count > 0)
        {
            meeting.Start = times[0];
            if (times.Count > 1 && times[1] > times[0])
                meeting.End = times[1];
        }
        else
        {
            warnings.Add(new ImportWarning(dateLine?.Number ?? 0, dateLine?.Text ?? "", "Mødets starttidspunkt blev ikke fundet."));
        }

        var isVirtual = placeText is not null && VirtualWords.Any(w => placeText.Contains(w, StringComparison.OrdinalIgnoreCase));
        meeting.IsVirtual = isVirtual;
        if (placeText is not null && (!isVirtual || HasPostcode(placeText)))
            meeting.Place = placeText;
        if (placeText is null)
            warnings.Add(new ImportWarning(0, "", "Mødestedet blev ikke fundet."));
    }

    /// <summary>"Dato: 27. august 2025" gives ("dato", "27. august 2025"); "Mødedato Onsdag d. 29. ..." too, without a colon.</summary>
    public static bool Label(string text, out string label, out string value)
    {
        label = "";
        value = "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 0 and < 30)
        {
            var candidate = DanishText.Key(text[..colon]);
            if (BodyLabels.Contains(candidate) || DateLabels.Contains(candidate) || TimeLabels.Contains(candidate) || PlaceLabels.Contains(candidate))
            {
                label = candidate;
                value = text[(colon + 1)..].Trim();
                return value.Length > 0;
            }
        }

        foreach (var l in SpaceLabels)
        {
            if (text.Length > l.Length + 1 && text.StartsWith(l, StringComparison.OrdinalIgnoreCase) && text[l.Length] == ' ')
            {
                label = l;
                value = text[(l.Length + 1)..].Trim();
                return value.Length > 0;
            }
        }

        // "Kl. 14.00-16.00" without a colon.
        if (text.StartsWith("kl. ", StringComparison.OrdinalIgnoreCase) && DanishText.FindTimes(text).Count > 0)
        {
            label = "kl";
            value = text[4..].Trim();
            return true;
        }

        return false;
    }

    /// <summary>"DAGSORDEN", "REFERAT HOL Sundhedsklynge ...", "Referat fra mødet i Økonomiudvalget": the title word and the rest.</summary>
    private static string? TitleWordOf(string text, out string rest)
    {
        rest = "";
        var lower = text.ToLowerInvariant();
        foreach (var w in TitleWords)
        {
            if (lower.StartsWith(w, StringComparison.Ordinal) && (lower.Length == w.Length || !char.IsLetter(lower[w.Length])))
            {
                rest = text[w.Length..].Trim(' ', ':', '-', '–');
                // A heading "Dagsorden" in a long sentence is prose, not a title.
                return rest.Length <= 100 ? text[..w.Length] : null;
            }
        }

        return null;
    }

    private static string? BodyFromTitleRest(string rest)
    {
        if (rest.Length == 0)
            return null;
        var r = rest;
        foreach (var lead in new[] { "fra mødet i ", "for mødet i ", "af mødet i ", "til mødet i ", "fra møde i ", "for møde i ", "mødet i ", "fra ", "for ", "til " })
        {
            if (r.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                r = r[lead.Length..];
                break;
            }
        }

        // Cut at the date: " d. 29-10-2025", " den 12. marts 2025".
        foreach (var cut in new[] { " d. ", " den ", " - ", " – ", ", " })
        {
            var at = r.IndexOf(cut, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
                r = r[..at];
        }

        r = r.Trim();
        return r.Length > 1 && r.Any(char.IsLetter) && !DanishText.TryFindDate(r, out _) ? StripExtraordinary(r) : null;
    }

    // The first short line before the labels that is neither title, date nor a list heading: "Økonomiudvalget".
    private static string? BodyFromLoneLine(List<SourceLine> header, SourceLine? titleLine, int firstLabelIndex)
    {
        string? first = null;
        for (var i = 0; i < header.Count && i < firstLabelIndex && i < 8; i++)
        {
            var t = header[i].Text;
            if (header[i] == titleLine || t.Length > 80 || DanishText.TryFindDate(t, out _) || ItemHeadings.IsNumberedLine(t))
                continue;
            // "Region Sjælland" above "Udvalget for Sundhed": the line that names a body wins.
            var lower = t.ToLowerInvariant();
            if (BodyWords.Any(w => lower.Contains(w, StringComparison.Ordinal)))
                return StripExtraordinary(t);
            first ??= t;
        }

        return first is null ? null : StripExtraordinary(first);
    }

    private static string StripExtraordinary(string value)
    {
        var v = value.Trim();
        foreach (var lead in new[] { "ekstraordinært møde i ", "ekstraordinært møde ", "ekstraordinært " })
            if (v.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
                return v[lead.Length..].Trim();
        return v;
    }

    private static bool HasPostcode(string s)
    {
        for (var i = 0; i + 4 <= s.Length; i++)
        {
            if ((i == 0 || !char.IsAsciiDigit(s[i - 1])) && char.IsAsciiDigit(s[i]) && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2])
                && char.IsAsciiDigit(s[i + 3]) && (i + 4 == s.Length || s[i + 4] == ' '))
                return true;
        }

        return false;
    }
}
