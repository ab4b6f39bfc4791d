using System.Text;
using Raad.Web.Features.Import;

namespace Raad.Web.Tests.Import;

public sealed class TextReaderTests
{
    private const string Agenda = "DAGSORDEN\r\n\r\nMøde i: Ældrerådet på Ærø\r\nSted: Rådhuset, Ø-salen\r\n\r\n\r\n1. Godkendelse af dagsorden";

    private static readonly string[] AgendaLines = ["DAGSORDEN", "", "Møde i: Ældrerådet på Ærø", "Sted: Rådhuset, Ø-salen", "", "1. Godkendelse af dagsorden"];

    [Fact]
    public void Utf8_without_a_byte_order_mark_reads_with_danish_letters_and_one_blank_line_per_paragraph_break()
    {
        var document = Read.Ok(Encoding.UTF8.GetBytes(Agenda), "dagsorden.txt");

        Assert.Equal(SourceFormat.Text, document.Format);
        Assert.Equal(AgendaLines, document.Texts());
        Assert.Equal([1, 2, 3, 4, 5, 6], document.Lines.Select(l => l.Number));
        Assert.All(document.Lines, l => Assert.Equal((1, null, null, false), (l.Page, l.HeadingLevel, l.FontSize, l.Bold)));
        Assert.Equal(1, document.Pages);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_reads_without_it()
    {
        var document = Read.Ok([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Agenda)]);

        Assert.Equal(AgendaLines, document.Texts());
    }

    [Fact]
    public void Windows_1252_reads_as_such_when_the_bytes_are_not_utf8()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

        var document = Read.Ok(windows1252.GetBytes(Agenda + "\r\nBeløb: 5.000 kr. – ca. 50 €"));

        Assert.Equal([.. AgendaLines, "Beløb: 5.000 kr. – ca. 50 €"], document.Texts());
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_reads_both_byte_orders()
    {
        Assert.Equal(AgendaLines, Read.Ok([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Agenda)]).Texts());
        Assert.Equal(AgendaLines, Read.Ok([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Agenda)]).Texts());
    }

    [Fact]
    public void Form_feeds_start_pages_and_cr_lf_and_vertical_tab_end_lines()
    {
        var document = Read.Ok(Encoding.UTF8.GetBytes("Side et\rstadig et\n\fSide to\vlinje to\f\nSide tre\r\n\f"));

        Assert.Equal(["Side et", "stadig et", "Side to", "linje to", "Side tre"], document.Texts());
        Assert.Equal([1, 1, 2, 2, 3], document.Lines.Select(l => l.Page));
        Assert.Equal(3, document.Pages);
    }

    [Fact]
    public void Tabs_and_indentation_stay_trailing_spaces_and_no_break_spaces_do_not()
    {
        var document = Read.Ok(Encoding.UTF8.GetBytes("Punkt\t1  \n   - at udvalget godkender\u00A0  \n"));

        Assert.Equal(["Punkt\t1", "   - at udvalget godkender"], document.Texts());
    }

    [Fact]
    public void Bullets_become_dashes_ligatures_letters_and_private_use_symbols_disappear()
    {
        var document = Read.Ok(Encoding.UTF8.GetBytes("• at udvalget godkender\n  \uF0B7\tat ﬁnansieringen ﬂyttes\n·\n•punkt\n2 • 3\nTelefon \uF028 12345678"));

        Assert.Equal(["- at udvalget godkender", "  -\tat finansieringen flyttes", "-", "•punkt", "2 • 3", "Telefon  12345678"], document.Texts());
    }

    [Fact]
    public void An_empty_file_says_it_is_empty()
    {
        var error = Read.Fails([], "tom.txt");

        Assert.Equal(ReadErrors.EmptyCode, error.Code);
        Assert.Equal("Filen \"tom.txt\" er tom – der er ingen tekst at importere.", error.Message);
    }

    [Fact]
    public void Only_whitespace_is_empty_too()
    {
        Assert.Equal(ReadErrors.EmptyCode, Read.Fails(Encoding.UTF8.GetBytes(" \r\n\t\n\f\n  ")).Code);
    }

    [Fact]
    public void Random_bytes_are_binary_data_not_text()
    {
        var random = new Random(4711);
        foreach (var length in new[] { 64, 100, 4096, 100_000 })
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            bytes[0] = (byte)'x'; // Not a PDF, zip or image by chance.

            var error = Read.Fails(bytes, "data.bin");

            Assert.Equal(ReadErrors.BinaryCode, error.Code);
            Assert.Contains("binære data", error.Message);
        }
    }

    [Fact]
    public void Text_with_nul_bytes_is_binary()
    {
        Assert.Equal(ReadErrors.BinaryCode, Read.Fails(Encoding.ASCII.GetBytes("DAGSORDEN\0\0\0Punkt 1")).Code);
    }

    [Fact]
    public void Known_formats_that_are_not_read_say_what_to_do_instead()
    {
        Assert.Contains(".docx", Read.Fails([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "gammel.doc").Message);
        Assert.Contains("RTF", Read.Fails(Encoding.ASCII.GetBytes(@"{\rtf1\ansi Dagsorden}"), "dagsorden.rtf").Message);
        Assert.Contains("billede", Read.Fails([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10], "scan.png").Message);
        Assert.Equal(ReadErrors.UnknownFormatCode, Read.Fails([0xFF, 0xD8, 0xFF, 0xE0], "scan.jpg").Code);
    }

    [Fact]
    public void A_web_page_saved_as_the_document_says_so()
    {
        var error = Read.Fails(Encoding.UTF8.GetBytes("\n  <!DOCTYPE html><html><body>Log ind</body></html>"), "dagsorden.pdf");

        Assert.Equal(ReadErrors.UnknownFormatCode, error.Code);
        Assert.Contains("webside", error.Message);
    }

    [Fact]
    public void The_format_comes_from_the_bytes_and_a_misnamed_text_file_is_read_with_a_warning()
    {
        var text = Read.Ok(Encoding.UTF8.GetBytes("DAGSORDEN"), "dagsorden.pdf");
        var word = Read.Ok(new DocxMaker().Add(DocxMaker.P("DAGSORDEN")).Build(), "dagsorden.pdf");

        Assert.Equal((SourceFormat.Text, "Filen hedder .pdf, men er en tekstfil; den er læst som tekst."), (text.Format, Assert.Single(text.Warnings).Message));
        Assert.Equal(SourceFormat.Docx, word.Format);
        Assert.Equal(["DAGSORDEN"], word.Texts());
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var error = Read.Fails(Encoding.UTF8.GetBytes(new string('a', 3 * 1024 * 1024)), limits: new ReadLimits(MaxBytes: 2 * 1024 * 1024));

        Assert.Equal(ReadErrors.TooLargeCode, error.Code);
        Assert.Equal("Filen fylder 3 MB; Raad læser højst 2 MB. Del dokumentet op, eller fjern billeder.", error.Message);
    }

    [Fact]
    public void More_form_feeds_than_the_page_limit_are_too_many_pages()
    {
        var error = Read.Fails(Encoding.UTF8.GetBytes(string.Join('\f', Enumerable.Range(1, 12).Select(i => $"Side {i}"))), limits: new ReadLimits(MaxPages: 10));

        Assert.Equal(ReadErrors.TooManyPagesCode, error.Code);
        Assert.Equal("Dokumentet har 12 sider; Raad læser højst 10 sider. Del dokumentet op.", error.Message);
    }
}
