namespace Raad.Domain.Import;

/// <summary>
/// The ways an agenda marks an item closed (or open): in its heading ("Salg af grund (Lukket punkt)", "[lukket]",
/// "- Lukket sag", "Lukket: Salg af grund", "LUKKET PUNKT: ...") or on a line of its own ("Lukket punkt", "Lukket:",
/// "(Lukket)", "Punktet behandles for lukkede døre"). Closed wins: an item marked both ways is closed.
/// </summary>
internal static class ClosedMarker
{
    private static readonly string[] Closed =
        ["lukket", "lukket punkt", "lukket sag", "lukket dagsordenspunkt", "punktet er lukket", "lukket behandling", "lukket møde"];

    private static readonly string[] Open =
        ["åben", "åbent", "åbent punkt", "åben sag", "åbent dagsordenspunkt", "punktet er åbent", "åben behandling"];

    /// <summary>true for a closed marker, false for an open one, null for neither; the text as printed, without brackets.</summary>
    public static bool? Of(string marker)
    {
        var key = DanishText.Key(marker);
        return Closed.Contains(key) ? true : Open.Contains(key) ? false : null;
    }

    /// <summary>A marker in brackets may say more: "(Lukket punkt, jf. § 10)", "[Åben]".</summary>
    private static bool? InBrackets(string inside)
    {
        var key = DanishText.Key(inside);
        return StartsWithWord(key, "lukket") ? true : StartsWithWord(key, "åben") || StartsWithWord(key, "åbent") ? false : null;
    }

    /// <summary>The title without its markers, and what they said (null: no marker).</summary>
    public static (string Title, bool? Closed) Strip(string title)
    {
        var t = title.Trim();
        bool? closed = null;
        void Saw(bool c) => closed = closed == true || c;
        for (var guard = 0; guard < 4 && t.Length > 0; guard++)
        {
            // "... (Lukket punkt)", "... [lukket]"
            if (t[^1] is ')' or ']' && t.LastIndexOf(t[^1] == ')' ? '(' : '[') is var open and >= 0
                && InBrackets(t[(open + 1)..^1]) is { } trailing)
            {
                Saw(trailing);
                t = t[..open].TrimEnd(' ', '-', '–', ',');
                continue;
            }
            // "(Lukket) ...", "[Lukket] ..."
            if (t[0] is '(' or '[' && t.IndexOf(t[0] == '(' ? ')' : ']', StringComparison.Ordinal) is var close and > 0
                && InBrackets(t[1..close]) is { } leading)
            {
                Saw(leading);
                t = t[(close + 1)..].TrimStart(' ', ':', '-', '–');
                continue;
            }
            // "... - Lukket sag", "... – LUKKET PUNKT"
            var dash = Math.Max(t.LastIndexOf(" - ", StringComparison.Ordinal), t.LastIndexOf(" – ", StringComparison.Ordinal));
            if (dash > 0 && Of(t[(dash + 3)..]) is { } suffix)
            {
                Saw(suffix);
                t = t[..dash].TrimEnd();
                continue;
            }
            // "Lukket: ...", "LUKKET PUNKT: ...", "Lukket punkt - ..."
            var colon = t.IndexOf(':', StringComparison.Ordinal);
            if (colon is > 0 and <= 25 && Of(t[..colon]) is { } prefix)
            {
                Saw(prefix);
                t = t[(colon + 1)..].TrimStart();
                continue;
            }
            var lead = FirstDash(t);
            if (lead is > 0 and <= 25 && Of(t[..lead]) is { } before)
            {
                Saw(before);
                t = t[(lead + 3)..].TrimStart();
                continue;
            }
            break;
        }
        return (t.Length == 0 ? title.Trim() : t, closed);
    }

    /// <summary>
    /// A line of its own that marks the item: "Lukket punkt", "LUKKET PUNKT", "Lukket:", "[lukket]", "(Lukket)",
    /// "Punktet behandles for lukkede døre", or "Lukket: why" (the why is <paramref name="rest"/>, kept as text).
    /// </summary>
    public static bool? Line(string text, out string? rest)
    {
        rest = null;
        if (text.Length > 200)
            return null;
        var trimmed = text.Trim();
        if (trimmed.Length < 40 && Of(trimmed) is { } plain)
            return plain;
        if (trimmed.Length > 2 && trimmed[0] is '(' or '[' && trimmed[^1] is ')' or ']' && trimmed.Length < 60
            && InBrackets(trimmed[1..^1]) is { } bracketed)
            return bracketed;
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 0 and <= 25 && Of(trimmed[..colon]) is { } labelled)
        {
            rest = trimmed[(colon + 1)..].Trim();
            if (rest.Length == 0)
                rest = null;
            return labelled;
        }
        var key = DanishText.Key(trimmed);
        if (key.Length < 80 && (key.Contains("for lukkede døre", StringComparison.Ordinal) || key.StartsWith("punktet behandles lukket", StringComparison.Ordinal)))
            return true;
        return null;
    }

    private static bool StartsWithWord(string key, string word) =>
        key.StartsWith(word, StringComparison.Ordinal) && (key.Length == word.Length || !char.IsLetter(key[word.Length]));

    private static int FirstDash(string t)
    {
        var a = t.IndexOf(" - ", StringComparison.Ordinal);
        var b = t.IndexOf(" – ", StringComparison.Ordinal);
        return a < 0 ? b : b < 0 ? a : Math.Min(a, b);
    }
}
