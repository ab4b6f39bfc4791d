namespace Raad.Web.Features.Agenda;

/// <summary>A piece of a text field: lines of text, or a list when the lines were typed as "- " (or "• ", "– ").</summary>
public sealed record ProseBlock(string? Text, IReadOnlyList<string> Items);

/// <summary>How the documents (web, PDF, Word) read a text field: lines typed as a list become a list.</summary>
public static class Prose
{
    private static readonly string[] Bullets = ["- ", "– ", "• "];

    public static IReadOnlyList<ProseBlock> Blocks(string text)
    {
        var blocks = new List<ProseBlock>();
        var lines = new List<string>();
        var items = new List<string>();
        void Flush()
        {
            if (lines.Count > 0)
            {
                blocks.Add(new ProseBlock(string.Join('\n', lines), []));
                lines.Clear();
            }
            if (items.Count > 0)
            {
                blocks.Add(new ProseBlock(null, [.. items]));
                items.Clear();
            }
        }
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (Bullets.FirstOrDefault(b => trimmed.StartsWith(b, StringComparison.Ordinal)) is { } bullet)
            {
                if (lines.Count > 0)
                {
                    Flush();
                }
                items.Add(trimmed[bullet.Length..].Trim());
            }
            else
            {
                if (items.Count > 0)
                {
                    Flush();
                }
                lines.Add(line);
            }
        }
        Flush();
        // Blank lines around a list are the list's spacing, not text.
        return [.. blocks.Where(b => b.Text is null || !string.IsNullOrWhiteSpace(b.Text))
            .Select(b => b.Text is null ? b : b with { Text = b.Text.Trim('\n') })];
    }
}
