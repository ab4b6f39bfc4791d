using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raad.Web.Features.Search;
using Raad.Web.Tests.Import;
using static Raad.Web.Tests.Import.DocxMaker;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Raad.Web.Tests.Search;

/// <summary>
/// The words of attachments for search, read from real files made here: a PDF (PdfPig's writer with an embedded font,
/// as the app's agenda package writes), a Word document and a workbook (Open XML SDK); and files that must give ""
/// without throwing: images, damaged PDFs, zip bombs and the importer's other hostile Word files.
/// </summary>
public sealed class AttachmentTextTests
{
    private static readonly AttachmentTextOptions Limits = new();

    private static string Read(byte[] content, AttachmentTextOptions? limits = null) =>
        AttachmentText.Read(content, limits ?? Limits, TestContext.Current.CancellationToken);

    private static byte[] TwoPagePdf() => new PdfMaker(embedded: true)
        .Page().Line("Notat om sundhedsrådenes indsatser", 14, isBold: true).Line("Ældre medborgere på Amager får hjælp.")
        .Page().Line("Side to: økonomi og psykiatri.")
        .Build();

    [Fact]
    public void A_PDF_gives_the_words_of_every_page_with_Danish_letters_and_single_spaces()
    {
        var text = Read(TwoPagePdf());

        Assert.Equal("Notat om sundhedsrådenes indsatser Ældre medborgere på Amager får hjælp. Side to: økonomi og psykiatri.", text);
    }

    [Fact]
    public void A_PDF_is_read_only_to_its_page_limit_and_its_character_limit()
    {
        var firstPage = Read(TwoPagePdf(), new AttachmentTextOptions { MaxPages = 1 });
        var cut = Read(TwoPagePdf(), new AttachmentTextOptions { MaxChars = 20 });

        Assert.Equal("Notat om sundhedsrådenes indsatser Ældre medborgere på Amager får hjælp.", firstPage);
        // Cut at the last word boundary within the limit, never inside a word.
        Assert.Equal("Notat om", cut);
    }

    [Fact]
    public void A_Word_document_gives_paragraphs_tables_tabs_and_words_split_over_runs()
    {
        var docx = new DocxMaker().Add(
            P("Heading1", R("Dagsorden")),
            P(null, R("Sund"), R("heds", bold: true), R("klynge"), new W.Run(new W.TabChar()), R("Syd")),
            new W.Table(new W.TableRow(new W.TableCell(P("Budget")), new W.TableCell(P("2027")))),
            P(null, R("Første linje"), new W.Run(new W.Break()), R("anden linje")),
            P(null, new W.Run(new W.DeletedText("slettet tekst")), R("Slut"))).Build();

        Assert.Equal("Dagsorden Sundhedsklynge Syd Budget 2027 Første linje anden linje Slut", Read(docx));
    }

    [Fact]
    public void A_workbook_gives_the_text_of_its_cells()
    {
        Assert.Equal("Indsats Udgift Forebyggelse i kommunerne", Read(Workbook("Indsats", "Udgift", "Forebyggelse i kommunerne")));
    }

    [Fact]
    public void Whitespace_is_collapsed_and_invisible_and_unpaired_characters_are_dropped()
    {
        var docx = new DocxMaker().Add(P("  mange   mellemrum\u00a0og\u00adorddeling "), P("nul\u200bbredde\tfane"), P("ﬁnansiering")).Build();

        Assert.Equal("mange mellemrum ogorddeling nulbredde fane finansiering", Read(docx));
        // What a PDF's letters may hold and XML cannot: control characters, a lone surrogate, NUL (PostgreSQL refuses the last two).
        Assert.Equal("kontrol tegn lonesurrogat nul 😀", AttachmentText.Normalise("\u0001kontrol\u0007tegn\r\nlone\ud800surrogat nul\0 \ud83d\ude00\udc00", 100));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("tom")]
    public void An_image_or_an_empty_file_has_no_words(string kind)
    {
        byte[] bytes = kind switch
        {
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52],
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46],
            _ => [],
        };

        Assert.Equal("", Read(bytes));
    }

    [Fact]
    public void A_damaged_PDF_has_no_words_and_does_not_throw()
    {
        Assert.Equal("", Read("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nstream\u0000\u00ff garbage"u8.ToArray()));
        Assert.Equal("", Read(TwoPagePdf()[..200]));
    }

    /// <summary>Arrays nested 200.000 deep in an object and in a page's content: a recursive parser would overflow the stack, which kills the process.</summary>
    [Theory]
    [InlineData("object")]
    [InlineData("content")]
    public void A_PDF_nested_deeper_than_any_real_one_does_not_take_the_process_down(string where)
    {
        var deep = new string('[', 200_000) + new string(']', 200_000);
        var content = where == "content" ? $"BT /F1 12 Tf 10 10 Td {deep} TJ ET" : "BT ET";
        var pdf = $"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1 /X {(where == "object" ? deep : "[]")}>> endobj\n"
            + $"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R>> endobj\n4 0 obj <</Length {content.Length}>> stream\n{content}\nendstream endobj\n"
            + "trailer <</Root 1 0 R>>\n%%EOF\n";

        Assert.Equal("", Read(Encoding.ASCII.GetBytes(pdf)));
    }

    [Fact]
    public void Every_truncated_or_corrupted_PDF_and_Word_file_gives_text_or_nothing_and_never_throws()
    {
        var docx = new DocxMaker().Add(P("Heading1", R("Dagsorden")), P("Sagsfremstilling med tekst.")).Build();
        foreach (var (name, bytes) in Variants(TwoPagePdf(), seed: 1).Concat(Variants(docx, seed: 2)))
        {
            var text = Read(bytes);
            Assert.True(text.Length <= Limits.MaxChars, name);
            Assert.DoesNotContain('\0', text);
        }
    }

    [Fact]
    public void A_zip_bomb_and_the_importers_other_hostile_Word_files_give_no_words()
    {
        foreach (var (name, bytes) in HostileDocx.All().Where(h => h.Name != "forkert-crc.docx" && h.Name != "afkortet.docx"))
        {
            Assert.True(Read(bytes) == "", name);
        }
        // A file the guard lets through still reads (so the guard is what refused the others).
        Assert.Equal(HostileDocx.Text, Read(HostileDocx.Valid()));
    }

    [Fact]
    public void A_zip_that_is_neither_Word_nor_Excel_has_no_words()
    {
        Assert.Equal("", Read(Zip.Of(("content.xml", "<office:document>Tekst</office:document>"), ("mimetype", "application/vnd.oasis.opendocument.text"))));
        Assert.Equal("", Read("PK\u0003\u0004 ikke en zip"u8.ToArray()));
    }

    [Fact]
    public async Task Reading_that_takes_longer_than_allowed_gives_null_and_an_upload_too_large_to_read_at_once_is_left_for_the_background()
    {
        var ct = TestContext.Current.CancellationToken;
        var pdf = TwoPagePdf();

        Assert.Null(await AttachmentText.ReadWithinAsync(pdf, Limits, TimeSpan.Zero, ct));
        Assert.Null(await AttachmentText.AtUploadAsync(pdf, new AttachmentTextOptions { ReadAtUploadMaxBytes = pdf.Length - 1 }, ct));
        Assert.StartsWith("Notat om", await AttachmentText.AtUploadAsync(pdf, Limits, ct));
    }

    private static byte[] Workbook(params string[] cells)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(cells.Take(2).Select(c => new SharedStringItem(new Text(c))));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var row = new Row { RowIndex = 1 };
            row.Append(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") });
            row.Append(new Cell { CellReference = "B1", DataType = CellValues.SharedString, CellValue = new CellValue("1") });
            row.Append(new Cell { CellReference = "C1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cells[2])) });
            row.Append(new Cell { CellReference = "D1", CellValue = new CellValue("1234") });
            sheet.Worksheet = new Worksheet(new SheetData(row));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Ark1" }));
        }
        return stream.ToArray();
    }

    /// <summary>The file cut short at 60 points and with a run of bytes overwritten at 60 others.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> Variants(byte[] original, int seed)
    {
        var random = new Random(seed);
        for (var i = 1; i <= 60; i++)
        {
            var length = (int)((long)original.Length * i / 61);
            yield return ($"cut at {length}", original[..length]);
        }
        for (var i = 0; i < 60; i++)
        {
            var bytes = (byte[])original.Clone();
            var at = random.Next(bytes.Length);
            for (var j = at; j < Math.Min(bytes.Length, at + 1 + random.Next(16)); j++)
            {
                bytes[j] = (byte)random.Next(256);
            }
            yield return ($"corrupted at {at}", bytes);
        }
    }
}
