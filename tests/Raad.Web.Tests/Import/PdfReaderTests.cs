using System.Diagnostics;
using Raad.Web.Features.Import;

namespace Raad.Web.Tests.Import;

public sealed class PdfReaderTests(ITestOutputHelper output)
{
    /// <summary>An agenda's first page as a word processor lays it out: a bold 16 pt title, paragraphs with space between them.</summary>
    private static PdfMaker Agenda() => new PdfMaker().Page()
        .Line("DAGSORDEN", 16, isBold: true)
        .Space(12)
        .Line("Mode i: Politisk Sundhedsklynge Syd")
        .Line("Dato: 27. august 2025")
        .Line("Kl.: 14.00-16.00")
        .Space(10)
        .Line("1. VELKOMST OG GODKENDELSE AF DAGSORDEN", 13, isBold: true)
        .Space(4)
        .Line("Forventet varighed: 5 minutter")
        .Space(10)
        .Line("Dagsorden godkendes som grundlag for modets afholdelse. Der fremsaettes")
        .Line("evt. bemaerkninger til dagsorden.")
        .Space(10)
        .Line("Udvalgets beslutning:", isBold: true);

    [Fact]
    public void Lines_come_in_reading_order_with_size_bold_and_blank_lines_at_paragraph_gaps()
    {
        var document = Read.Ok(Agenda().Build(), "dagsorden.pdf");

        Assert.Equal(SourceFormat.Pdf, document.Format);
        Assert.Equal(1, document.Pages);
        Assert.Equal(
            [
                "DAGSORDEN", "",
                "Mode i: Politisk Sundhedsklynge Syd", "Dato: 27. august 2025", "Kl.: 14.00-16.00", "",
                "1. VELKOMST OG GODKENDELSE AF DAGSORDEN", "Forventet varighed: 5 minutter", "",
                "Dagsorden godkendes som grundlag for modets afholdelse. Der fremsaettes", "evt. bemaerkninger til dagsorden.", "",
                "Udvalgets beslutning:",
            ],
            document.Texts());
        Assert.Equal((16.0, true), (document.Line("DAGSORDEN").FontSize, document.Line("DAGSORDEN").Bold));
        Assert.Equal((13.0, true), (document.Line("1. VELKOMST OG GODKENDELSE AF DAGSORDEN").FontSize, document.Line("1. VELKOMST OG GODKENDELSE AF DAGSORDEN").Bold));
        Assert.Equal((11.0, false), (document.Line("Dato: 27. august 2025").FontSize, document.Line("Dato: 27. august 2025").Bold));
        Assert.True(document.Line("Udvalgets beslutning:").Bold);
        Assert.All(document.Lines, l => Assert.Null(l.HeadingLevel));
        Assert.Empty(document.Warnings);
        Read.AssertWellFormed(document);
    }

    [Fact]
    public void A_line_partly_bold_is_not_bold()
    {
        var maker = new PdfMaker().Page().Line("Bold start", isBold: true);
        maker.Beside("and regular end", 120);

        var line = Assert.Single(Read.Ok(maker.Build()).Lines);

        Assert.Equal("Bold start and regular end", line.Text);
        Assert.False(line.Bold);
    }

    [Fact]
    public void Columns_far_apart_on_one_baseline_are_one_line_separated_by_a_tab()
    {
        var maker = new PdfMaker().Page().Line("14.00");
        maker.Beside("Velkomst", 150).Line("14.05");
        maker.Beside("Orientering om budget", 150);

        Assert.Equal(["14.00\tVelkomst", "14.05\tOrientering om budget"], Read.Ok(maker.Build()).Texts());
    }

    [Fact]
    public void Words_without_space_characters_between_them_are_still_separate_words()
    {
        var document = Read.Ok(new PdfMaker().Page().Words(11, "Godkendelse", "af", "dagsorden").Build());

        Assert.Equal(["Godkendelse af dagsorden"], document.Texts());
    }

    [Fact]
    public void Overprinted_letters_count_once_and_a_raised_footnote_mark_stays_on_its_line()
    {
        var document = Read.Ok(new PdfMaker().Page()
            .Line("Fed ved overtryk").Overprint("Fed ved overtryk")
            .Line("Se note").Superscript("1", 95)
            .Build());

        Assert.Equal(["Fed ved overtryk", "Se note1"], document.Texts());
        Assert.Equal(11.0, document.Lines[1].FontSize);
    }

    [Fact]
    public void Each_line_has_its_page_and_a_page_break_is_not_a_paragraph_break()
    {
        var document = Read.Ok(new PdfMaker()
            .Page().Line("Side et").Line("mere pa side et")
            .Page().Line("Side to")
            .Page().Line("Side tre")
            .Build());

        Assert.Equal(["Side et", "mere pa side et", "Side to", "Side tre"], document.Texts());
        Assert.Equal([1, 1, 2, 3], document.Lines.Select(l => l.Page));
        Assert.Equal(3, document.Pages);
    }

    [Fact]
    public void Danish_letters_read_from_an_embedded_font()
    {
        Assert.SkipUnless(File.Exists(PdfMaker.DejaVuSans), "DejaVu Sans findes ikke på maskinen.");

        var document = Read.Ok(new PdfMaker(embedded: true).Page()
            .Line("Møde i Ældrerådet på Ærø", 14, isBold: true)
            .Line("Økonomiopfølgning på sundhedsklyngemidler")
            .Build());

        Assert.Equal(["Møde i Ældrerådet på Ærø", "Økonomiopfølgning på sundhedsklyngemidler"], document.Texts());
        Assert.True(document.Lines[0].Bold);
        Assert.Equal(14.0, document.Lines[0].FontSize);
        Assert.False(document.Lines[1].Bold);
    }

    [Fact]
    public void A_pdf_without_text_is_a_scan_and_says_so()
    {
        var error = Read.Fails(new PdfMaker().Page().Rectangle().Page().Rectangle().Build(), "scanning.pdf");

        Assert.Equal(ReadErrors.PdfNoTextCode, error.Code);
        Assert.Equal("PDF'en indeholder ingen tekst – den er formentlig en scanning. Raad kan ikke læse scannede dokumenter; brug en PDF med tekst eller Word-filen.", error.Message);
    }

    [Fact]
    public void Pages_without_text_among_pages_with_text_are_read_past_with_a_warning()
    {
        var document = Read.Ok(new PdfMaker()
            .Page().Line("Dagsorden")
            .Page().Rectangle()
            .Page().Rectangle()
            .Page().Line("Bilag")
            .Page().Rectangle()
            .Build());

        Assert.Equal(["Dagsorden", "Bilag"], document.Texts());
        Assert.Equal([1, 4], document.Lines.Select(l => l.Page));
        var warning = Assert.Single(document.Warnings);
        Assert.Equal("Siderne 2-3, 5 har ingen tekst (fx scannede sider eller billeder); deres indhold er ikke med.", warning.Message);
    }

    [Fact]
    public void An_encrypted_pdf_says_it_needs_a_password()
    {
        var error = Read.Fails(Read.Fixture("encrypted.pdf"), "hemmelig.pdf");

        Assert.Equal(ReadErrors.PdfEncryptedCode, error.Code);
        Assert.Contains("adgangskode", error.Message);
    }

    [Fact]
    public void A_pdf_with_only_an_owner_password_opens_without_one()
    {
        Assert.Equal(["Hemmelig dagsorden"], Read.Ok(Read.Fixture("owner-password-only.pdf")).Texts());
    }

    [Fact]
    public void A_damaged_pdf_says_so()
    {
        var pdf = Agenda().Build();

        var error = Read.Fails([.. pdf.AsSpan(0, 40), .. new byte[200]], "beskadiget.pdf");

        Assert.Equal(ReadErrors.PdfDamagedCode, error.Code);
        Assert.Contains("beskadiget", error.Message);
    }

    [Fact]
    public void More_pages_than_the_limit_are_refused_with_the_count()
    {
        var maker = new PdfMaker();
        for (var i = 1; i <= 5; i++)
        {
            maker.Page().Line($"Side {i}");
        }

        var error = Read.Fails(maker.Build(), limits: new ReadLimits(MaxPages: 4));

        Assert.Equal(ReadErrors.TooManyPagesCode, error.Code);
        Assert.Equal("Dokumentet har 5 sider; Raad læser højst 4 sider. Del dokumentet op.", error.Message);
    }

    [Fact]
    public void A_500_page_document_reads_within_the_default_limits()
    {
        var maker = new PdfMaker();
        for (var page = 1; page <= 500; page++)
        {
            maker.Page().Line($"{page}. PUNKT NUMMER {page}", 13, isBold: true).Space(8);
            for (var line = 1; line <= 40; line++)
            {
                maker.Line($"Sagsfremstilling for punkt {page}, linje {line}: tekst om sundhedsklyngens indsatser og budget.", 10);
            }
        }
        var pdf = maker.Build();
        var clock = Stopwatch.StartNew();

        var document = Read.Ok(pdf, "stor.pdf");

        output.WriteLine($"500 sider ({pdf.Length / 1024} KB) læst på {clock.ElapsedMilliseconds} ms: {document.Lines.Count} linjer.");
        Assert.Equal(500, document.Pages);
        Assert.Equal(500 * 42, document.Lines.Count);
        Assert.Equal("500. PUNKT NUMMER 500", document.Lines[^42].Text);
        Assert.Equal(500, document.Lines[^1].Page);
        Assert.True(document.Lines[^42].Bold);
        Read.AssertWellFormed(document);
    }
}
