using System.Diagnostics;
using System.IO.Compression;
using Raad.Domain.Common;
using Raad.Web.Features.Import;
using static Raad.Web.Tests.Import.DocxMaker;

namespace Raad.Web.Tests.Import;

/// <summary>
/// Valid documents cut short and corrupted at many points: every variant gives either well-formed lines or one Danish
/// error with an import code, and no exception escapes the reader.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void A_pdf_truncated_or_corrupted_at_300_points_gives_lines_or_an_error()
    {
        var maker = new PdfMaker();
        for (var page = 1; page <= 3; page++)
        {
            maker.Page().Line($"{page}. PUNKT", 13, isBold: true).Space(8).Line("Sagsfremstilling med tekst.").Line("Mere tekst.");
        }

        AssertAllVariants(Variants(maker.Build(), truncations: 150, corruptions: 150, seed: 1));
    }

    [Fact]
    public void A_docx_truncated_or_corrupted_at_300_points_and_its_xml_cut_at_50_gives_lines_or_an_error()
    {
        var docx = new DocxMaker().Add(
            P("Heading1", R("Dagsorden")),
            P(null, R("Møde i udvalget", bold: true)),
            new DocumentFormat.OpenXml.Wordprocessing.Table(new DocumentFormat.OpenXml.Wordprocessing.TableRow(
                new DocumentFormat.OpenXml.Wordprocessing.TableCell(P("a")), new DocumentFormat.OpenXml.Wordprocessing.TableCell(P("b")))),
            P("Slut")).Build();

        AssertAllVariants([.. Variants(docx, truncations: 150, corruptions: 150, seed: 2), .. XmlCuts(docx, 50)]);
    }

    [Fact]
    public void Text_with_random_bytes_spliced_in_gives_lines_or_an_error()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", Enumerable.Range(1, 50).Select(i => $"Linje {i}: Æblegrød på Ærø\f")));

        AssertAllVariants(Variants(text, truncations: 50, corruptions: 150, seed: 3));
    }

    private void AssertAllVariants(IReadOnlyList<(string Name, byte[] Bytes)> variants)
    {
        var clock = Stopwatch.StartNew();
        var (read, failed) = (0, 0);
        var problems = new List<string>();
        foreach (var (name, bytes) in variants)
        {
            Result<SourceDocument> result;
            try
            {
                result = DocumentReader.Read(name, bytes, null, TestContext.Current.CancellationToken);
            }
#pragma warning disable CA1031 // The point of the test: nothing may escape.
            catch (Exception e)
#pragma warning restore CA1031
            {
                problems.Add($"{name}: {e.GetType().Name}: {e.Message}");
                continue;
            }
            if (result.IsSuccess)
            {
                read++;
                Read.AssertWellFormed(result.Value!);
            }
            else
            {
                failed++;
                var error = Assert.Single(result.Errors);
                Assert.StartsWith("import.", error.Code, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(error.Message), name);
            }
        }
        output.WriteLine($"{variants.Count} varianter på {clock.ElapsedMilliseconds} ms: {read} læst, {failed} med fejlbesked.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Cut at evenly spread lengths, and copies with 1-8 random bytes overwritten.</summary>
    private static List<(string, byte[])> Variants(byte[] original, int truncations, int corruptions, int seed)
    {
        var variants = new List<(string, byte[])>();
        for (var i = 1; i <= truncations; i++)
        {
            var length = (int)((long)original.Length * i / (truncations + 1));
            variants.Add(($"cut at {length}", original[..length]));
        }
        var random = new Random(seed);
        for (var i = 0; i < corruptions; i++)
        {
            var copy = (byte[])original.Clone();
            var count = random.Next(1, 9);
            for (var j = 0; j < count; j++)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }
            variants.Add(($"corruption {i}", copy));
        }
        return variants;
    }

    /// <summary>The Word document with its main XML part cut short: a valid zip of invalid XML.</summary>
    private static List<(string, byte[])> XmlCuts(byte[] docx, int count)
    {
        string xml;
        using (var zip = new ZipArchive(new MemoryStream(docx)))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
        {
            xml = reader.ReadToEnd();
        }
        var variants = new List<(string, byte[])>();
        for (var i = 1; i <= count; i++)
        {
            var length = xml.Length * i / (count + 1);
            using var stream = new MemoryStream();
            stream.Write(docx);
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            {
                zip.GetEntry("word/document.xml")!.Delete();
                using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
                writer.Write(xml[..length]);
            }
            variants.Add(($"xml cut at {length}", stream.ToArray()));
        }
        return variants;
    }
}
