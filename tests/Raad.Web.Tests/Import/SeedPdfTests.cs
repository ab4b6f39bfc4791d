using System.Text.RegularExpressions;
using Raad.Domain.Import;
using Raad.Web.Features.Import;

namespace Raad.Web.Tests.Import;

/// <summary>
/// Each meeting seed laid out as a PDF (as a word processor would: 60 lines a page, contents' page numbers and table
/// columns set apart, long lines wrapped) reads and parses to the same meeting as its text.
/// </summary>
public sealed partial class SeedPdfTests
{
    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    public void A_seed_as_pdf_gives_the_same_meeting_as_the_seed_as_text(string seed)
    {
        var text = File.ReadAllText(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), $"{seed}_*.txt").Single());

        var fromText = MeetingDocumentParser.Parse(TextLines.Split(text));
        var read = DocumentReader.Read($"{seed}.pdf", Pdf(text), ct: TestContext.Current.CancellationToken);
        Assert.True(read.IsSuccess, read.Errors is { Count: > 0 } e ? e[0].Message : "");
        Assert.Equal(SourceFormat.Pdf, read.Value!.Format);
        var fromPdf = MeetingDocumentParser.Parse(read.Value.Lines);

        Assert.Null(fromPdf.Error);
        Assert.Equal(fromText.Kind, fromPdf.Kind);
        var (a, b) = (fromText.Meeting!, fromPdf.Meeting!);
        Assert.Equal((a.Date, a.Start, a.End, a.IsVirtual), (b.Date, b.Start, b.End, b.IsVirtual));
        Assert.Equal(
            a.Items.Select(i => (i.Number, i.Title, i.Kind, i.DurationMinutes, i.IsClosed, i.Recommendation.Count, i.Decision is not null, string.Join("|", i.Absent))),
            b.Items.Select(i => (i.Number, i.Title, i.Kind, i.DurationMinutes, i.IsClosed, i.Recommendation.Count, i.Decision is not null, string.Join("|", i.Absent))));
    }

    private static byte[] Pdf(string text)
    {
        const int perPage = 60;
        var pdf = new PdfMaker(embedded: true);
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').SelectMany(Wrap).ToList();
        for (var n = 0; n < lines.Count; n++)
        {
            if (n % perPage == 0)
            {
                pdf.Page();
            }
            var parts = lines[n].Split('\t');
            pdf.Line(parts[0].Trim(), size: 10, x: 50);
            for (var i = 1; i < parts.Length; i++)
            {
                pdf.Beside(parts[i].Trim(), 50 + (i * 450.0 / (parts.Length - 1)), size: 10);
            }
        }
        return pdf.Build();
    }

    /// <summary>At 95 characters, as 10 pt DejaVu fits an A4 line; a dot leader is as wide as the line allows.</summary>
    private static IEnumerable<string> Wrap(string line)
    {
        line = Leader().Replace(line, ".....");
        while (line.Length > 95 && !line.Contains('\t', StringComparison.Ordinal))
        {
            var cut = line.LastIndexOf(' ', 95);
            cut = cut <= 0 ? 95 : cut;
            yield return line[..cut];
            line = line[cut..].TrimStart();
        }
        yield return line;
    }

    [GeneratedRegex(@"\.{6,}")]
    private static partial Regex Leader();
}
