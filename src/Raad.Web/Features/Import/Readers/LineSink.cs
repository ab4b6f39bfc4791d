using System.Text;
using Raad.Domain.Import;

namespace Raad.Web.Features.Import;

/// <summary>
/// Collects a reader's lines: numbers them, keeps the current page, tidies the text the same way for every format
/// (no-break spaces to spaces, soft hyphens and zero-width characters out, trailing whitespace off) and keeps blank
/// lines to single paragraph breaks between text.
/// </summary>
internal sealed class LineSink
{
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
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u00A0' or '\u2007' or '\u202F':
                    builder.Append(' ');
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
