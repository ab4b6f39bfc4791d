using System.Diagnostics;
using System.IO.Compression;
using DocumentFormat.OpenXml.Wordprocessing;
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
            new Table(new TableRow(
                new TableCell(P("a")), new TableCell(P("b")))),
            P("Slut")).Build();

        AssertAllVariants([.. Variants(docx, truncations: 150, corruptions: 150, seed: 2), .. XmlCuts(docx, 50)]);
    }

    [Fact]
    public void A_word_document_with_one_odd_attribute_value_in_each_of_200_variants_still_reads()
    {
        var docx = new DocxMaker()
            .WithNumbering(new Numbering(
                new AbstractNum(new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Decimal },
                    new LevelText { Val = "%1." })
                { LevelIndex = 0 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 }))
            .Add(
                P("Heading1", R("Dagsorden")),
                P("Niveau3", R("Niveau tre", bold: true, halfPoints: 24)),
                new Paragraph(
                    new ParagraphProperties(new NumberingProperties(
                        new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })),
                    R("Punkt")),
                P(null, R("Før"), new Run(new Break { Type = BreakValues.Page }), R("efter")))
            .Build();
        var random = new Random(6);
        var variants = new List<(string, byte[])>();
        for (var i = 0; i < 200; i++)
        {
            var odd = new[] { "x", "-5", "99999999999", "", "1.5" }[random.Next(5)];
            variants.Add(($"odd value {odd} ({i})", WithOddValue(docx, random, odd)));
        }

        AssertAllVariants(variants, allRead: true);
    }

    /// <summary>One w:val attribute in each of the main, styles and numbering parts set to a value Word would not write.</summary>
    private static byte[] WithOddValue(byte[] docx, Random random, string odd)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var name in new[] { "word/document.xml", "word/styles.xml", "word/numbering.xml" })
            {
                string xml;
                using (var reader = new StreamReader(zip.GetEntry(name)!.Open()))
                {
                    xml = reader.ReadToEnd();
                }
                var values = System.Text.RegularExpressions.Regex.Matches(xml, "w:val=\"[^\"]*\"");
                var value = values[random.Next(values.Count)];
                xml = string.Concat(xml.AsSpan(0, value.Index), $"w:val=\"{odd}\"", xml.AsSpan(value.Index + value.Length));
                zip.GetEntry(name)!.Delete();
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }
        }
        return stream.ToArray();
    }

    [Fact]
    public void Hostile_word_files_are_refused_each_with_its_own_danish_reason_before_the_open_xml_sdk_reads_them()
    {
        var expected = new Dictionary<string, string>
        {
            ["indlejret-20000.docx"] = ReadErrors.DocxTooComplexCode,
            ["indlejret-i-styles.docx"] = ReadErrors.DocxTooComplexCode,
            ["stor-xml.docx"] = ReadErrors.TooLargeCode,
            ["mange-elementer.docx"] = ReadErrors.DocxTooComplexCode,
            ["zip-bombe.docx"] = ReadErrors.TooLargeCode,
            ["entiteter.docx"] = ReadErrors.DocxDamagedCode,
            ["afkortet.docx"] = ReadErrors.DocxDamagedCode,
            ["dobbelt-dokument.docx"] = ReadErrors.DocxDamagedCode,
            ["uden-dokument.docx"] = ReadErrors.DocxDamagedCode,
            ["uden-indholdstyper.docx"] = ReadErrors.DocxDamagedCode,
            ["ikke-zip.docx"] = ReadErrors.DocxDamagedCode,
        };
        var cases = HostileDocx.All();
        foreach (var (name, bytes) in cases.Where(c => expected.ContainsKey(c.Name)))
        {
            var result = DocumentReader.Read(name, bytes, null, TestContext.Current.CancellationToken);

            Assert.False(result.IsSuccess, name);
            var error = Assert.Single(result.Errors);
            Assert.True(expected[name] == error.Code, $"{name}: {error.Code} {error.Message}");
            output.WriteLine($"{name} ({bytes.Length:N0} bytes): {error.Message}");
        }
        // A wrong checksum is noticed by the zip layer or not at all; either way the answer is lines or a message.
        AssertAllVariants([.. cases.Where(c => !expected.ContainsKey(c.Name))]);
        Assert.True(DocumentReader.Read("gyldig.docx", HostileDocx.Valid(), null, TestContext.Current.CancellationToken).IsSuccess);
    }

    [Fact]
    public void Reading_a_word_file_with_42_mb_of_xml_stays_within_a_memory_budget()
    {
        var bytes = HostileDocx.LargeXml(42);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = DocumentReader.Read("stor.docx", bytes, null, TestContext.Current.CancellationToken);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{allocated / 1024 / 1024} MB allokeret for {bytes.Length / 1024 / 1024} MB fil.");
        Assert.Equal(ReadErrors.TooLargeCode, Assert.Single(result.Errors).Code);
        // The Open XML SDK would build the whole tree: some 20 times the XML. The guard streams it.
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated:N0} bytes allokeret");
    }

    [Fact]
    public void Text_with_random_bytes_spliced_in_gives_lines_or_an_error()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", Enumerable.Range(1, 50).Select(i => $"Linje {i}: Æblegrød på Ærø\f")));

        AssertAllVariants(Variants(text, truncations: 50, corruptions: 150, seed: 3));
    }

    private void AssertAllVariants(IReadOnlyList<(string Name, byte[] Bytes)> variants, bool allRead = false)
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
                if (allRead)
                {
                    problems.Add($"{name}: {result.Errors[0].Code}");
                }
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
