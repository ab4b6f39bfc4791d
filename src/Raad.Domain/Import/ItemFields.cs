namespace Raad.Domain.Import;

/// <summary>The one-line fields of an item: duration, case, journal and document numbers, presenters, open or closed.</summary>
internal static class ItemFields
{
    private static readonly string[] Duration = ["forventet varighed", "varighed", "tidsforbrug", "forventet tidsforbrug", "tid til punktet"];
    private static readonly string[] Case = ["sagsnr", "sags nr", "sags id", "sags-id", "sagsid", "sagsnummer", "sag nr", "emnenr"];
    private static readonly string[] Journal = ["j.nr", "j. nr", "jnr", "journalnr", "journalnummer", "journal nr"];
    private static readonly string[] Document = ["dok id", "dok. id", "dokid", "dok.id", "dokumentnr", "dokument id", "dokumentid", "dok.nr", "dok nr"];
    private static readonly string[] Presenter = ["fremlægger", "fremlæggere", "oplægsholder", "oplægsholdere", "oplæg ved", "præsenteres af", "fremlægges af"];

    private static readonly (string Name, string[] Labels)[] Fields =
        [("duration", Duration), ("case", Case), ("journal", Journal), ("document", Document), ("presenter", Presenter)];

    public static bool IsFieldLine(string text) => Match(text, out _, out _) || OpenClosed(text) is not null;

    /// <summary>The field a line sets ("duration", "case", ...) and its value after the label.</summary>
    public static bool Match(string text, out string field, out string value)
    {
        field = "";
        value = "";
        if (text.Length > 200)
            return false;
        foreach (var (name, labels) in Fields)
        {
            foreach (var label in labels)
            {
                if (!text.StartsWith(label, StringComparison.OrdinalIgnoreCase))
                    continue;
                var rest = text[label.Length..];
                // The label must end there: "Varighed:" but not "Varighedsplan".
                if (rest.Length > 0 && char.IsLetter(rest[0]))
                    continue;
                if (name == "presenter" && !rest.TrimStart().StartsWith(':'))
                    continue;
                value = rest.TrimStart('.', ':', ' ', '\t').Trim();
                if (value.Length == 0 && name != "journal")
                    continue;
                field = name;
                return true;
            }
        }

        return false;
    }

    /// <summary>true for a closed-item marker, false for an open one, null when the line is neither.</summary>
    public static bool? OpenClosed(string text) => OpenClosed(text, out _);

    /// <param name="rest">What the marker line says besides the marker ("Lukket: why"), to be kept as text.</param>
    public static bool? OpenClosed(string text, out string? rest)
    {
        if (ClosedMarker.Line(text, out rest) is { } marked)
            return marked;
        if (text.Length > 200)
            return null;
        // "1 (Åben) Godkendelse af dagsorden" in the "Punkt N:" layout.
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        if (i == 0)
            return null;
        var after = text.AsSpan(i).TrimStart();
        if (after.StartsWith("(åben)", StringComparison.OrdinalIgnoreCase) || after.StartsWith("[åben]", StringComparison.OrdinalIgnoreCase))
            return false;
        if (after.StartsWith("(lukket)", StringComparison.OrdinalIgnoreCase) || after.StartsWith("[lukket]", StringComparison.OrdinalIgnoreCase))
            return true;
        return null;
    }

    /// <summary>A bare case id on its own line ("EMN-2022-04994", "24/12345"): no spaces, letters and digits with - or /.</summary>
    public static bool IsBareCaseId(string text)
    {
        if (text.Length is < 5 or > 30 || text.Contains(' ', StringComparison.Ordinal))
            return false;
        var digits = 0;
        var sep = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
                digits++;
            else if (c is '-' or '/' or '.')
                sep = true;
            else if (!char.IsLetter(c))
                return false;
        }

        return sep && digits >= 4;
    }
}
