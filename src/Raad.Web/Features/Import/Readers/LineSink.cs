using System.Globalization;
using System.Text;
using Raad.Domain.Import;

namespace Raad.Web.Features.Import;

/// <summary>
/// Collects a reader's lines: numbers them, keeps the current page, tidies the text the same way for every format
/// (no-break spaces to spaces, ligatures to letters, a leading bullet symbol to "-", soft hyphens, zero-width and
/// private-use characters out, trailing whitespace off) and keeps blank lines to single paragraph breaks between text.
/// </summary>
internal sealed class LineSink
{
    private const string Bullets = "•●▪■◦○‣⁃∙·";

    /// <summary>U+FB00-FB06, which PDFs from typesetting programs use for "fi", "fl" and the like.</summary>
    private static readonly string[] Ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    private readonly List<SourceLine> lines = [];
    private bool pendingBlank;

    public int Page { get; set; } = 1;

    public bool HasText { get; private set; }

    public void Add(string text, int? headingLevel = null, double? fontSize = null, bool bold = false)
    {
        var tidy = Tidy(text);
        if (tidy.Length == 0)
        {
            Blank();
            return;
        }
        if (pendingBlank)
        {
            lines.Add(new SourceLine("", lines.Count + 1, lines[^1].Page));
            pendingBlank = false;
        }
        lines.Add(new SourceLine(tidy, lines.Count + 1, Page, headingLevel, fontSize, bold));
        HasText = true;
    }

    /// <summary>A paragraph break; written only when text follows, so none lead, trail or double.</summary>
    public void Blank() => pendingBlank = lines.Count > 0;

    public IReadOnlyList<SourceLine> Lines => lines;

    private static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        var start = 0;
        while (start < text.Length && text[start] is ' ' or '\t')
        {
            start++;
        }
        // A bullet, whatever symbol the format draws it with (private-use symbol font glyphs included), is "-".
        if (start < text.Length && (Bullets.Contains(text[start]) || char.GetUnicodeCategory(text[start]) == UnicodeCategory.PrivateUse)
            && (start + 1 == text.Length || text[start + 1] is ' ' or '\t' or '\u00A0'))
        {
            text = string.Concat(text.AsSpan(0, start), "-", text.AsSpan(start + 1));
        }
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u00A0' or '\u2007' or '\u202F':
                    builder.Append(' ');
                    break;
                case >= '\uFB00' and <= '\uFB06':
                    builder.Append(Ligatures[c - '\uFB00']);
                    break;
                case >= '\uE000' and <= '\uF8FF':
                    // Private-use glyphs (symbol fonts) mean nothing as text.
                    break;
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break;
                default:
                    // Other control characters (not tab) carry nothing for the parser.
                    if (c == '\t' || !char.IsControl(c))
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        var end = builder.Length;
        while (end > 0 && char.IsWhiteSpace(builder[end - 1]))
        {
            end--;
        }
        return builder.ToString(0, end);
    }
}
