using DocumentFormat.OpenXml.Wordprocessing;
using Raad.Web.Features.Import;
using static Raad.Web.Tests.Import.DocxMaker;

namespace Raad.Web.Tests.Import;

public sealed class DocxReaderTests
{
    [Fact]
    public void Heading_levels_come_from_the_style_names_outline_levels_and_based_on_chain_in_english_and_danish_word()
    {
        var document = Read.Ok(new DocxMaker().Add(
            P("Title", R("Dagsorden")),
            P("Heading1", R("Møde i Ældrerådet")),
            P("Overskrift1", R("Dansk overskrift 1")),
            P("Overskrift2", R("Dansk overskrift 2")),
            P("Punkt", R("1. Godkendelse af dagsorden")),
            P("Niveau3", R("Niveau tre")),
            P("Brodtekst", R("Brødtekst")),
            P("Ukendt", R("Ukendt stil")),
            P("Almindelig tekst")).Build(), "dagsorden.docx");

        Assert.Equal(SourceFormat.Docx, document.Format);
        Assert.Equal(
            [("Dagsorden", 1), ("Møde i Ældrerådet", 1), ("Dansk overskrift 1", 1), ("Dansk overskrift 2", 2),
                ("1. Godkendelse af dagsorden", 2), ("Niveau tre", 3), ("Brødtekst", null), ("Ukendt stil", null), ("Almindelig tekst", null)],
            document.Lines.Select(l => (l.Text, l.HeadingLevel)));
        Read.AssertWellFormed(document);
    }

    [Fact]
    public void Bold_and_size_come_from_runs_styles_and_defaults_and_bold_means_the_whole_line()
    {
        var document = Read.Ok(new DocxMaker().Add(
            P("Heading1", R("Overskrift fra stil")),
            P(null, R("Helt fed ", bold: true), R("linje", bold: true)),
            P(null, R("Delvis ", bold: true), R("fed")),
            P(null, R("Stor", halfPoints: 28), R(" og mest stor tekst", halfPoints: 28), R("lille", halfPoints: 16)),
            P("Almindelig")).Build());

        Assert.Equal((16.0, true), (document.Line("Overskrift fra stil").FontSize, document.Line("Overskrift fra stil").Bold));
        Assert.True(document.Line("Helt fed linje").Bold);
        Assert.False(document.Line("Delvis fed").Bold);
        Assert.Equal(14.0, document.Line("Stor og mest stor tekstlille").FontSize);
        Assert.Equal((11.0, false), (document.Line("Almindelig").FontSize, document.Line("Almindelig").Bold));
    }

    [Fact]
    public void Explicit_page_breaks_and_page_break_before_count_pages_and_soft_breaks_split_lines()
    {
        var pageBreakBefore = P("Næste side");
        pageBreakBefore.PrependChild(new ParagraphProperties(new PageBreakBefore()));
        var document = Read.Ok(new DocxMaker().Add(
            P(null, R("Første linje"), new Run(new Break()), R("anden linje")),
            P(null, R("Før skift"), new Run(new Break { Type = BreakValues.Page }), R("efter skift")),
            P(null, new Run(new LastRenderedPageBreak()), R("Ikke et sideskift")),
            pageBreakBefore).Build());

        Assert.Equal(["Første linje", "anden linje", "Før skift", "efter skift", "Ikke et sideskift", "Næste side"], document.Texts());
        Assert.Equal([1, 1, 1, 2, 2, 3], document.Lines.Select(l => l.Page));
        Assert.Equal(3, document.Pages);
    }

    [Fact]
    public void Tables_read_row_by_row_with_cells_separated_by_tabs()
    {
        static TableRow Row(params string[] cells) => new([.. cells.Select(c => new TableCell(P(c)))]);
        var document = Read.Ok(new DocxMaker().Add(
            P("Økonomi"),
            new Table(Row("Indsats", "Beløb", "År"), Row("Overvægt", "1.200.000 kr.", "2025"), Row("Amning", "", "2026")),
            P("Efter tabellen")).Build());

        Assert.Equal(["Økonomi", "", "Indsats\tBeløb\tÅr", "Overvægt\t1.200.000 kr.\t2025", "Amning\t\t2026", "", "Efter tabellen"], document.Texts());
    }

    [Fact]
    public void A_layout_table_with_one_filled_cell_per_row_gives_its_paragraphs_as_lines()
    {
        var document = Read.Ok(new DocxMaker().Add(
            new Table(new TableRow(new TableCell(P("Heading1", R("1. Velkomst")), P("Mødelederen byder velkommen.")), new TableCell(P(""))))).Build());

        Assert.Equal(["1. Velkomst", "Mødelederen byder velkommen."], document.Texts());
        Assert.Equal(1, document.Lines[0].HeadingLevel);
    }

    [Fact]
    public void Empty_paragraphs_and_paragraph_spacing_are_blank_lines_and_list_numbers_are_written_out()
    {
        var spaced = P("Med luft før");
        spaced.PrependChild(new ParagraphProperties(new SpacingBetweenLines { Before = "240" }));
        var document = Read.Ok(new DocxMaker()
            .WithNumbering(new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "%2)" }) { LevelIndex = 1 })
                { AbstractNumberId = 1 },
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "\uF0B7" }) { LevelIndex = 0 }) { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 }))
            .Add(
                P("Dagsorden"),
                P(""),
                P("Efter en tom linje"),
                spaced,
                Listed("Godkendelse af dagsorden", 1, 0),
                Listed("Orientering", 1, 0),
                Listed("fra formanden", 1, 1),
                Listed("fra sekretariatet", 1, 1),
                Listed("Eventuelt", 1, 0),
                Listed("at udvalget godkender", 2, 0)).Build());

        Assert.Equal(
            ["Dagsorden", "", "Efter en tom linje", "", "Med luft før", "1. Godkendelse af dagsorden", "2. Orientering", "a) fra formanden", "b) fra sekretariatet", "3. Eventuelt", "- at udvalget godkender"],
            document.Texts());
    }

    [Fact]
    public void Heading_numbers_from_the_heading_styles_list_follow_the_levels_the_list_links_to_the_styles()
    {
        static Style Numbered(string id, string basedOn) => new(
            new StyleName { Val = id }, new BasedOn { Val = basedOn },
            new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = 3 })))
        { Type = StyleValues.Paragraph, StyleId = id };
        var document = Read.Ok(new DocxMaker()
            .WithStyle(Numbered("PunktOverskrift", "Heading1"))
            .WithStyle(Numbered("UnderOverskrift", "Heading2"))
            .WithNumbering(new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 0 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new ParagraphStyleIdInLevel { Val = "PunktOverskrift" }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new ParagraphStyleIdInLevel { Val = "UnderOverskrift" }, new LevelText { Val = "%1.%2" }) { LevelIndex = 1 })
                { AbstractNumberId = 7 },
                new NumberingInstance(new AbstractNumId { Val = 7 }) { NumberID = 3 }))
            .Add(
                P("PunktOverskrift", R("Meddelelser")),
                P("PunktOverskrift", R("Budget")),
                P("UnderOverskrift", R("Drift")),
                P("UnderOverskrift", R("Anlæg")),
                P("PunktOverskrift", R("Eventuelt"))).Build());

        Assert.Equal(
            [("0. Meddelelser", 1), ("1. Budget", 1), ("1.1 Drift", 2), ("1.2 Anlæg", 2), ("2. Eventuelt", 1)],
            document.Lines.Where(l => l.Text.Length > 0).Select(l => (l.Text, l.HeadingLevel)));
    }

    [Fact]
    public void Word_default_spacing_after_paragraphs_separates_them_but_not_list_items_with_contextual_spacing()
    {
        static Style Spaced(string id, bool contextual) => new(
            new StyleName { Val = id },
            new StyleParagraphProperties(contextual
                ? [new ContextualSpacing(), new SpacingBetweenLines { After = "160" }]
                : [new SpacingBetweenLines { After = "160" }]))
        { Type = StyleValues.Paragraph, StyleId = id };
        var document = Read.Ok(new DocxMaker()
            .WithStyle(Spaced("Luft", contextual: false))
            .WithStyle(Spaced("Liste", contextual: true))
            .Add(
                P("Luft", R("Første afsnit")),
                P("Luft", R("Andet afsnit")),
                P("Liste", R("- at et")),
                P("Liste", R("- at to")),
                P("Luft", R("Efter listen"))).Build());

        Assert.Equal(["Første afsnit", "", "Andet afsnit", "", "- at et", "- at to", "", "Efter listen"], document.Texts());
    }

    private static Paragraph Listed(string text, int list, int level) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = list })), R(text));

    [Fact]
    public void Deleted_and_hidden_text_is_left_out_and_inserted_text_and_hyperlinks_are_in()
    {
        var document = Read.Ok(new DocxMaker().Add(
            new Paragraph(
                R("Mødet "),
                new DeletedRun(new Run(new DeletedText("aflyses"))),
                new InsertedRun(R("holdes")),
                new Hyperlink(R(" på rådhuset")),
                new Run(new RunProperties(new Vanish()), new Text(" (skjult note)"))),
            P(null, R("Kl."), new Run(new TabChar()), R("14.00"))).Build());

        Assert.Equal(["Mødet holdes på rådhuset", "Kl.\t14.00"], document.Texts());
    }

    [Fact]
    public void A_word_document_without_text_has_nothing_to_import()
    {
        var error = Read.Fails(new DocxMaker().Add(P(""), P("  ")).Build(), "tom.docx");

        Assert.Equal(ReadErrors.EmptyCode, error.Code);
        Assert.Equal("Dokumentet indeholder ingen tekst at importere.", error.Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_says_so_and_names_other_office_files()
    {
        var plain = Read.Fails(Zip.Of(("dagsorden.txt", "DAGSORDEN"), ("bilag/bilag1.txt", "Bilag")), "dagsorden.docx");
        var excel = Read.Fails(Zip.Of(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), "budget.docx");

        Assert.Equal(ReadErrors.DocxNotWordCode, plain.Code);
        Assert.Equal("Filen er en zip-fil, men ikke et Word-dokument. Gem dokumentet som .docx eller PDF, og prøv igen.", plain.Message);
        Assert.Equal(ReadErrors.DocxNotWordCode, excel.Code);
        Assert.Contains("Excel-regneark", excel.Message);
    }

    [Fact]
    public void A_damaged_zip_or_word_document_says_it_is_damaged()
    {
        var docx = new DocxMaker().Add(P("Dagsorden")).Build();

        Assert.Equal(ReadErrors.DocxDamagedCode, Read.Fails([.. docx.AsSpan(0, docx.Length / 2)]).Code);
        Assert.Equal(ReadErrors.DocxDamagedCode, Read.Fails(Zip.Of(("word/document.xml", "<w:document>ikke xml"))).Code);
    }

    [Fact]
    public void A_section_break_to_a_new_page_counts_a_page_and_a_continuous_one_does_not()
    {
        // A section's type says how it starts: the second starts on a new page (the default), the third continues.
        static Paragraph EndsSection(string text) => new(new ParagraphProperties(new SectionProperties()), R(text));
        var document = Read.Ok(new DocxMaker().Add(
            EndsSection("Sektion et"),
            EndsSection("Sektion to, ny side"),
            P("Sektion tre, samme side"),
            new SectionProperties(new SectionType { Val = SectionMarkValues.Continuous })).Build());

        Assert.Equal(["Sektion et", "Sektion to, ny side", "Sektion tre, samme side"], document.Texts());
        Assert.Equal([1, 2, 2], document.Lines.Select(l => l.Page));
    }

    [Fact]
    public void Cancellation_is_not_swallowed()
    {
        var docx = new DocxMaker().Add([.. Enumerable.Range(1, 3000).Select(i => P($"Afsnit {i}"))]).Build();

        Assert.Throws<OperationCanceledException>(() => DocumentReader.Read("stor.docx", docx, null, new CancellationToken(canceled: true)));
    }
}
