using System.Text;

namespace Raad.Domain.Import;

/// <summary>Small hand-written scanners for Danish dates, times, durations and names: linear, no regex backtracking.</summary>
internal static class DanishText
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januar"] = 1,
        ["jan"] = 1,
        ["februar"] = 2,
        ["feb"] = 2,
        ["marts"] = 3,
        ["mar"] = 3,
        ["april"] = 4,
        ["apr"] = 4,
        ["maj"] = 5,
        ["juni"] = 6,
        ["jun"] = 6,
        ["juli"] = 7,
        ["jul"] = 7,
        ["august"] = 8,
        ["aug"] = 8,
        ["september"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["oktober"] = 10,
        ["okt"] = 10,
        ["november"] = 11,
        ["nov"] = 11,
        ["december"] = 12,
        ["dec"] = 12,
    };

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal) { "la", "de", "von", "van", "af", "du", "le", "da" };

    public static bool HasLower(string s)
    {
        foreach (var c in s)
            if (char.IsLower(c))
                return true;
        return false;
    }

    /// <summary>At least two letters and none of them lower case: "DRØFTELSE: AFRAPPORTERING", "EVT".</summary>
    public static bool IsAllCaps(string s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsLetter(c))
                letters++;
        }

        return letters >= 2;
    }

    public static string SentenceCase(string s)
    {
        var lower = s.ToLower(DanishCulture);
        for (var i = 0; i < lower.Length; i++)
            if (char.IsLetter(lower[i]))
                return string.Concat(lower.AsSpan(0, i), char.ToUpper(lower[i], DanishCulture).ToString(), lower.AsSpan(i + 1));
        return lower;
    }

    public static readonly System.Globalization.CultureInfo DanishCulture = System.Globalization.CultureInfo.GetCultureInfo("da-DK");

    /// <summary>Lower case, without trailing colon, dots and spaces: how headings are compared.</summary>
    public static string Key(string s) => s.Trim().TrimEnd(':', '.', ' ', '\t').Trim().ToLower(DanishCulture);

    /// <summary>The first date in the text: "27. august 2025", "d. 29. okt. 2025", "29-10-2025", "29.10.2025", "2025-10-29".</summary>
    public static bool TryFindDate(string s, out DateOnly date)
    {
        date = default;
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) || (i > 0 && char.IsAsciiDigit(s[i - 1])))
                continue;
            var j = i;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
                j++;
            var run = j - i;
            if (run == 4 && TryIso(s, i, out date))
                return true;
            if (run is < 1 or > 2 || j >= s.Length || s[j] is not ('.' or '-' or '/'))
                continue;
            var day = int.Parse(s.AsSpan(i, run));
            var k = j + 1;
            while (k < s.Length && s[k] == ' ')
                k++;
            if (k < s.Length && char.IsLetter(s[k]))
            {
                var w = k;
                while (w < s.Length && char.IsLetter(s[w]))
                    w++;
                if (!Months.TryGetValue(s[k..w], out var month))
                    continue;
                if (w < s.Length && s[w] == '.')
                    w++;
                while (w < s.Length && s[w] == ' ')
                    w++;
                if (TryDigits(s, w, 4, out var year) && Make(year, month, day, out date))
                    return true;
            }
            else if (k == j + 1 && TryDigitsVar(s, k, out var month, out var after) && after < s.Length && s[after] is '.' or '-' or '/'
                     && TryDigits(s, after + 1, 4, out var year) && Make(year, month, day, out date))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryIso(string s, int i, out DateOnly date)
    {
        date = default;
        return TryDigits(s, i, 4, out var y) && i + 4 < s.Length && s[i + 4] == '-' && TryDigits(s, i + 5, 2, out var m)
               && i + 7 < s.Length && s[i + 7] == '-' && TryDigits(s, i + 8, 2, out var d) && Make(y, m, d, out date);
    }

    private static bool TryDigits(string s, int at, int count, out int value)
    {
        value = 0;
        if (at + count > s.Length || (at + count < s.Length && char.IsAsciiDigit(s[at + count])))
            return false;
        for (var i = at; i < at + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return false;
            value = value * 10 + (s[i] - '0');
        }

        return true;
    }

    private static bool TryDigitsVar(string s, int at, out int value, out int after)
    {
        value = 0;
        after = at;
        while (after < s.Length && after - at < 2 && char.IsAsciiDigit(s[after]))
            value = value * 10 + (s[after++] - '0');
        return after > at;
    }

    private static bool Make(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>Clock times "14.00", "9:30" in the text, not parts of dates like "29.10.2025".</summary>
    public static List<TimeOnly> FindTimes(string s)
    {
        var times = new List<TimeOnly>();
        for (var i = 0; i < s.Length && times.Count < 4; i++)
        {
            if (!char.IsAsciiDigit(s[i]) || (i > 0 && (char.IsAsciiDigit(s[i - 1]) || s[i - 1] is '.' or ':' or '/')))
                continue;
            var j = i;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
                j++;
            if (j - i is < 1 or > 2 || j + 2 >= s.Length || s[j] is not ('.' or ':'))
                continue;
            if (!char.IsAsciiDigit(s[j + 1]) || !char.IsAsciiDigit(s[j + 2]))
                continue;
            var after = j + 3;
            if (after < s.Length && (char.IsAsciiDigit(s[after]) || (s[after] is '.' or '-' or '/' && after + 1 < s.Length && char.IsAsciiDigit(s[after + 1]) && !IsRangeDash(s, after))))
                continue;
            var h = int.Parse(s.AsSpan(i, j - i));
            var m = (s[j + 1] - '0') * 10 + (s[j + 2] - '0');
            if (h < 24 && m < 60)
                times.Add(new TimeOnly(h, m));
            i = after - 1;
        }

        return times;
    }

    // "14.00-16.00": a dash followed by another time is a range, not a date.
    private static bool IsRangeDash(string s, int at)
    {
        if (s[at] != '-')
            return false;
        var k = at + 1;
        while (k < s.Length && char.IsAsciiDigit(s[k]))
            k++;
        return k < s.Length && k - at - 1 is 1 or 2 && s[k] is '.' or ':';
    }

    /// <summary>"5 minutter", "10 min.", "1 time", "1½ time", "1 time og 30 min": minutes, or null.</summary>
    public static int? ParseDuration(string s)
    {
        var text = s.ToLower(DanishCulture).Replace("½", ",5", StringComparison.Ordinal);
        var sb = new StringBuilder(text.Length + 8);
        // Split "5min" into "5 min".
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(text[i]);
            if (i + 1 < text.Length && char.IsAsciiDigit(text[i]) && char.IsLetter(text[i + 1]))
                sb.Append(' ');
        }

        var tokens = sb.ToString().Split([' ', '\t', '(', ')', ':'], StringSplitOptions.RemoveEmptyEntries);
        double total = 0;
        var found = false;
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (!double.TryParse(tokens[i].Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 0 || n > 1000)
                continue;
            var unit = tokens[i + 1];
            if (unit.StartsWith("min", StringComparison.Ordinal))
            {
                total += n;
                found = true;
            }
            else if (unit.StartsWith("time", StringComparison.Ordinal) || unit is "t" or "t.")
            {
                total += n * 60;
                found = true;
            }
        }

        return found && total > 0 ? (int)Math.Round(total) : null;
    }

    /// <summary>"Merete Amdisen", "Allan S. Andersen", "Jens la Cour": capitalised words, no digits.</summary>
    public static bool LooksLikeName(string s)
    {
        var t = s.Trim();
        if (t.Length is < 3 or > 60)
            return false;
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 6)
            return false;
        foreach (var w in words)
        {
            foreach (var c in w)
                if (!(char.IsLetter(c) || c is '-' or '.' or '\''))
                    return false;
            if (!char.IsUpper(w[0]) && !NameParticles.Contains(w))
                return false;
        }

        return char.IsUpper(words[^1][0]);
    }

    public static List<string> Words(string s, int max)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= s.Length && words.Count < max; i++)
        {
            var letter = i < s.Length && char.IsLetter(s[i]);
            if (letter && start < 0)
                start = i;
            else if (!letter && start >= 0)
            {
                words.Add(s[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
