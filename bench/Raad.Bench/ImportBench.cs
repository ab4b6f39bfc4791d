using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Raad.Domain.Import;
using Raad.Web.Features.Import;
using UglyToad.PdfPig.Writer;

namespace Raad.Bench;

/// <summary>
/// Pages per second of the importer (DocumentReader.Read, then MeetingDocumentParser.Parse), in this process, for the
/// five seeds and a synthetic 500-page minutes document, each as text and as PDF. The PDFs are the same text laid out
/// by PdfPig's builder (DejaVu Sans 10 pt, 60 lines a page, lines wrapped at 95 characters); a text file's pages are
/// its PDF's pages, so both rows of an input count the same pages.
/// </summary>
internal sealed partial class ImportBench(string seeds, int rounds, string font)
{
    private const int LinesPerPage = 60;
    private const int Wrap = 95;

    private sealed record Input(string Name, byte[] Text, byte[] Pdf, int Pages);

    public async Task<int> RunAsync()
    {
        var inputs = new List<Input>();
        foreach (var file in Directory.GetFiles(seeds, "*.txt").Order())
        {
            inputs.Add(Make(Path.GetFileNameWithoutExtension(file)[..3] + " (seed)", await File.ReadAllTextAsync(file)));
        }
        inputs.Add(Make("synthetic minutes", Synthetic(await File.ReadAllTextAsync(Directory.GetFiles(seeds, "001_*.txt").Single()))));

        Console.WriteLine($"| input | pages | format | lines | items | read (median) | parse (median) | **pages/s** (read + parse) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        double textPages = 0, textSeconds = 0, pdfPages = 0, pdfSeconds = 0;
        foreach (var input in inputs)
        {
            foreach (var (format, bytes) in new[] { ("text", input.Text), ("PDF", input.Pdf) })
            {
                var (lines, items, read, parse) = Measure(input.Name, bytes);
                var seconds = read + parse;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {input.Name} | {input.Pages} | {format} | {lines} | {items} | {read * 1000:0.0} ms | {parse * 1000:0.0} ms | **{input.Pages / seconds:0}** |"));
                if (format == "text")
                {
                    (textPages, textSeconds) = (textPages + input.Pages, textSeconds + seconds);
                }
                else
                {
                    (pdfPages, pdfSeconds) = (pdfPages + input.Pages, pdfSeconds + seconds);
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"All inputs together: text {textPages / textSeconds:0} pages/s, PDF {pdfPages / pdfSeconds:0} pages/s ({textPages} pages each; medians of {rounds} rounds after one warm-up)."));
        return 0;
    }

    private (int Lines, int Items, double Read, double Parse) Measure(string name, byte[] bytes)
    {
        var reads = new List<double>();
        var parses = new List<double>();
        int lines = 0, items = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var read = DocumentReader.Read(name, bytes);
            var afterRead = watch.Elapsed.TotalSeconds;
            if (!read.IsSuccess)
            {
                throw new InvalidOperationException($"{name}: {read.Errors[0].Message}");
            }
            var parsed = MeetingDocumentParser.Parse(read.Value!.Lines);
            var total = watch.Elapsed.TotalSeconds;
            if (round == 0)
            {
                continue; // warm-up: JIT
            }
            reads.Add(afterRead);
            parses.Add(total - afterRead);
            lines = read.Value.Lines.Count;
            items = parsed.Meeting?.Items.Count ?? 0;
        }
        return (lines, items, Median(reads), Median(parses));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private Input Make(string name, string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').SelectMany(WrapLine).ToList();
        using var builder = new PdfDocumentBuilder();
        var dejavu = builder.AddTrueTypeFont(File.ReadAllBytes(font));
        var pages = 0;
        for (var start = 0; start < lines.Count; start += LinesPerPage)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            pages++;
            var y = 800.0;
            foreach (var line in lines.Skip(start).Take(LinesPerPage))
            {
                // Tab-separated parts (a contents line's page number, a table's columns) stand apart, as a word processor sets them.
                var parts = line.Split('\t');
                for (var i = 0; i < parts.Length; i++)
                {
                    if (parts[i].Trim().Length > 0)
                    {
                        var x = parts.Length == 1 ? 50 : 50 + (i * 450.0 / (parts.Length - 1));
                        page.AddText(parts[i].Trim(), 10, new UglyToad.PdfPig.Core.PdfPoint(x, y), dejavu);
                    }
                }
                y -= 12.5;
            }
        }
        var pdf = builder.Build();
        // BENCH_IMPORT_DUMP=DIR keeps the generated PDFs, to look at what the importer made of them (raad import --dry-run --json).
        if (Environment.GetEnvironmentVariable("BENCH_IMPORT_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllBytes(Path.Combine(dump, $"{name.Split(' ')[0]}.pdf"), pdf);
        }
        return new Input(name, Encoding.UTF8.GetBytes(text), pdf, pages);
    }

    private static IEnumerable<string> WrapLine(string line)
    {
        // A contents line's dot leader is as wide as the line allows, as a word processor draws it: never wrapped.
        line = Leader().Replace(line, ".....");
        while (line.Length > Wrap && !line.Contains('\t', StringComparison.Ordinal))
        {
            var cut = line.LastIndexOf(' ', Wrap);
            cut = cut <= 0 ? Wrap : cut;
            yield return line[..cut];
            line = line[cut..].TrimStart();
        }
        yield return line;
    }

    /// <summary>Seed 001's front matter, then its items again and again, renumbered, until 500 pages of 60 lines.</summary>
    private static string Synthetic(string minutes)
    {
        var lines = minutes.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var first = Array.FindIndex(lines, l => ItemHeading().IsMatch(l) && !l.Contains("....", StringComparison.Ordinal));
        var front = lines[..first];
        var body = lines[first..];
        var result = new List<string>(front);
        var number = 0;
        while (result.Sum(l => Math.Max(1, (l.Length + Wrap - 1) / Wrap)) < 500 * LinesPerPage)
        {
            foreach (var line in body)
            {
                var heading = ItemHeading().Match(line);
                result.Add(heading.Success ? $"{++number}. {line[heading.Length..]}" : line);
            }
        }
        return string.Join('\n', result);
    }

    [GeneratedRegex(@"\.{6,}")]
    private static partial Regex Leader();

    [GeneratedRegex(@"^\s*\d+\.\s+(?=[A-ZÆØÅ])")]
    private static partial Regex ItemHeading();
}
