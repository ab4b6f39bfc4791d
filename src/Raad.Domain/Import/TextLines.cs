namespace Raad.Domain.Import;

/// <summary>Plain text to <see cref="SourceLine"/>s; a form feed starts a new page, as PDF-to-text tools mark them.</summary>
public static class TextLines
{
    public static IReadOnlyList<SourceLine> Split(string? text)
    {
        var lines = new List<SourceLine>();
        if (string.IsNullOrEmpty(text))
            return lines;

        var page = 1;
        var start = 0;
        var number = 1;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? '\n' : text[i];
            if (c is not ('\n' or '\r' or '\f'))
                continue;

            // A form feed ends the page; text before it on the same line is still a line of the old page.
            if (c == '\f')
            {
                if (i > start)
                    lines.Add(new SourceLine(text[start..i], number++, page));
                page++;
                start = i + 1;
                continue;
            }

            if (end && i == start && lines.Count > 0)
                break; // no empty line after a final line break
            lines.Add(new SourceLine(text[start..i], number++, page));
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            start = i + 1;
        }

        return lines;
    }
}
