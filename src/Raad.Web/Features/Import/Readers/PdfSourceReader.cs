using System.Globalization;
using Raad.Domain.Common;
using Raad.Domain.Import;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Raad.Web.Features.Import;

/// <summary>
/// A PDF's text with PdfPig: lines from the letters sharing a baseline, top to bottom and left to right, which is the
/// reading order of a single-column agenda or minutes (a table row becomes one line, its columns separated by tabs);
/// spaces where the PDF has them or the letters are a space apart (so PDFs without space characters read too). A vertical gap clearly wider than
/// the document's line spacing becomes a blank line (a paragraph break). Each line has its page, its dominant letter
/// size and whether all of it is bold.
/// </summary>
internal static class PdfSourceReader
{
    /// <summary>Letters whose baselines differ by less than this share of the larger font size are on one line (superscripts join).</summary>
    private const double SameLine = 0.5;

    /// <summary>A gap between letters wider than this many font sizes is a space, also where the PDF has no space character.</summary>
    private const double WordGap = 0.2;

    /// <summary>A horizontal gap wider than this many font sizes separates columns (tab stops, table cells).</summary>
    private const double ColumnGap = 2.0;

    public static Result<SourceDocument> Read(ReadOnlyMemory<byte> content, ReadLimits limits, CancellationToken ct)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false });
        }
        catch (PdfDocumentEncryptedException)
        {
            return ReadErrors.PdfEncrypted;
        }
#pragma warning disable CA1031 // PdfPig throws many kinds of exceptions on damaged files.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return e.InnerException is PdfDocumentEncryptedException ? ReadErrors.PdfEncrypted : ReadErrors.PdfDamaged;
        }
#pragma warning restore CA1031
        using (document)
        {
            try
            {
                return Read(document, limits, ct);
            }
            catch (PdfDocumentEncryptedException)
            {
                return ReadErrors.PdfEncrypted;
            }
#pragma warning disable CA1031
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return ReadErrors.PdfDamaged;
            }
#pragma warning restore CA1031
        }
    }

    private static Result<SourceDocument> Read(PdfDocument document, ReadLimits limits, CancellationToken ct)
    {
        var pageCount = document.NumberOfPages;
        if (pageCount <= 0)
        {
            return ReadErrors.PdfDamaged;
        }
        if (pageCount > limits.MaxPages)
        {
            return ReadErrors.TooManyPages(pageCount, limits.MaxPages);
        }
        var pages = new List<List<PdfLine>>(pageCount);
        for (var number = 1; number <= pageCount; number++)
        {
            ct.ThrowIfCancellationRequested();
            pages.Add(Lines(document.GetPage(number)));
        }
        var spacing = LineSpacing(pages);
        var sink = new LineSink();
        var empty = new List<int>();
        for (var index = 0; index < pages.Count; index++)
        {
            sink.Page = index + 1;
            if (pages[index].Count == 0)
            {
                empty.Add(index + 1);
            }
            PdfLine? previous = null;
            foreach (var line in pages[index])
            {
                if (previous is not null && IsParagraphBreak(previous, line, spacing))
                {
                    sink.Blank();
                }
                sink.Add(line.Text, fontSize: line.Size > 0 ? line.Size : null, bold: line.Bold);
                previous = line;
            }
        }
        if (!sink.HasText)
        {
            // Letters that are all symbols without a Unicode meaning: fonts without a character map.
            return pages.Any(p => p.Count > 0) ? ReadErrors.PdfUnreadableText : ReadErrors.PdfNoText;
        }
        var warnings = new List<ImportWarning>();
        if (empty.Count > 0)
        {
            warnings.Add(new ImportWarning(0, "", empty.Count == 1
                ? $"Side {empty[0]} har ingen tekst (fx en scannet side eller et billede); dens indhold er ikke med."
                : $"Siderne {Ranges(empty)} har ingen tekst (fx scannede sider eller billeder); deres indhold er ikke med."));
        }
        return new SourceDocument(SourceFormat.Pdf, sink.Lines, pageCount, warnings);
    }

    /// <summary>One page's lines, top to bottom.</summary>
    private static List<PdfLine> Lines(Page page)
    {
        var letters = page.Letters;
        if (letters.Count == 0)
        {
            return [];
        }
        var horizontal = letters.Where(l => l.TextOrientation == TextOrientation.Horizontal && double.IsFinite(l.StartBaseLine.Y) && double.IsFinite(l.StartBaseLine.X))
            .OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X)
            .ToList();
        var lines = new List<PdfLine>();
        var current = new List<Letter>();
        double reference = 0, referenceSize = 0;
        foreach (var letter in horizontal)
        {
            if (current.Count > 0 && Math.Abs(reference - letter.StartBaseLine.Y) > SameLine * Math.Max(1, Math.Max(SizeOf(letter), referenceSize)))
            {
                AddLine(lines, current);
                current = [];
            }
            if (current.Count == 0)
            {
                (reference, referenceSize) = (letter.StartBaseLine.Y, SizeOf(letter));
            }
            current.Add(letter);
        }
        AddLine(lines, current);
        // Rotated text (margin notes, stamps) shares no baselines with the page's text: its words follow it, one line each.
        var rotated = letters.Where(l => l.TextOrientation != TextOrientation.Horizontal).ToList();
        if (rotated.Count > 0)
        {
            foreach (var word in NearestNeighbourWordExtractor.Instance.GetWords(rotated).Where(w => !string.IsNullOrWhiteSpace(w.Text)))
            {
                var visible = word.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
                lines.Add(new PdfLine(word.Text, double.NaN, Size(visible), visible.Count > 0 && visible.All(IsBold)));
            }
        }
        return lines;
    }

    /// <summary>
    /// The letters of one baseline, left to right: a space where the PDF has one or the gap is wider than a narrow
    /// space, a tab where it is wider than <see cref="ColumnGap"/> font sizes. A letter drawn twice on itself (bold
    /// faked by overprinting) counts once.
    /// </summary>
    private static void AddLine(List<PdfLine> lines, List<Letter> letters)
    {
        var visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (visible.Count == 0)
        {
            return;
        }
        letters.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        var text = new System.Text.StringBuilder();
        Letter? previous = null;
        var space = false;
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                space |= previous is not null;
                continue;
            }
            if (previous is not null)
            {
                var size = Math.Max(1, Math.Max(SizeOf(previous), SizeOf(letter)));
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                if (letter.Value == previous.Value && Math.Abs(letter.StartBaseLine.X - previous.StartBaseLine.X) < 0.1 * size)
                {
                    continue;
                }
                if (gap > ColumnGap * size)
                {
                    text.Append('\t');
                }
                else if (space || gap > WordGap * size)
                {
                    text.Append(' ');
                }
            }
            text.Append(letter.Value);
            previous = letter;
            space = false;
        }
        var baseline = visible.Average(l => l.StartBaseLine.Y);
        lines.Add(new PdfLine(text.ToString(), baseline, Size(visible), visible.All(IsBold)));
    }

    private static double SizeOf(Letter letter) => double.IsFinite(letter.PointSize) ? Math.Abs(letter.PointSize) : 0;

    /// <summary>The size most of the letters have, to the half point (headings have one size; a footnote mark does not count).</summary>
    private static double Size(IEnumerable<Letter> letters)
    {
        var sizes = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(Math.Abs(l.PointSize) * 2, MidpointRounding.AwayFromZero) / 2)
            .Select(g => (Size: g.Key, Count: g.Sum(l => l.Value.Length)))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Size)
            .ToList();
        return sizes.Count == 0 || !double.IsFinite(sizes[0].Size) ? 0 : sizes[0].Size;
    }

    private static bool IsBold(Letter letter)
    {
        if (letter.FontDetails?.IsBold == true || letter.RenderingMode is TextRenderingMode.FillThenStroke)
        {
            return true;
        }
        var name = letter.FontName ?? letter.FontDetails?.Name ?? "";
        return name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Black", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The usual distance between baselines for each letter size: a low quantile of the distances between consecutive
    /// lines of that size, so paragraph gaps do not count when most lines are inside paragraphs.
    /// </summary>
    private static Dictionary<double, double> LineSpacing(List<List<PdfLine>> pages)
    {
        var gaps = new Dictionary<double, List<double>>();
        foreach (var page in pages)
        {
            for (var i = 1; i < page.Count; i++)
            {
                var (above, below) = (page[i - 1], page[i]);
                var gap = above.Baseline - below.Baseline;
                if (above.Size == below.Size && below.Size > 0 && gap > 0 && gap < 4 * below.Size)
                {
                    (gaps.TryGetValue(below.Size, out var list) ? list : gaps[below.Size] = []).Add(gap);
                }
            }
        }
        return gaps.ToDictionary(g => g.Key, g =>
        {
            g.Value.Sort();
            return g.Value[(int)(g.Value.Count * 0.25)];
        });
    }

    private static bool IsParagraphBreak(PdfLine above, PdfLine below, Dictionary<double, double> spacing)
    {
        if (!double.IsFinite(above.Baseline) || !double.IsFinite(below.Baseline) || below.Size <= 0)
        {
            return false;
        }
        var gap = above.Baseline - below.Baseline;
        var usual = spacing.TryGetValue(below.Size, out var s) ? s : 1.2 * below.Size;
        return gap > Math.Max(1.35 * usual, 1.45 * below.Size);
    }

    /// <summary>"3, 5-7" for pages 3, 5, 6 and 7.</summary>
    private static string Ranges(List<int> pages)
    {
        var parts = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var first = pages[i];
            while (i + 1 < pages.Count && pages[i + 1] == pages[i] + 1)
            {
                i++;
            }
            parts.Add(first == pages[i] ? first.ToString(CultureInfo.InvariantCulture) : $"{first}-{pages[i]}");
        }
        return string.Join(", ", parts);
    }

    private sealed record PdfLine(string Text, double Baseline, double Size, bool Bold);
}
