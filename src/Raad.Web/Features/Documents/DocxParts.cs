using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Raad.Web.Features.Documents;

/// <summary>
/// What every Raad Word file has besides its text: styles with Word's own ids and names ("Heading1", "heading 1"),
/// so Word and LibreOffice treat the headings as headings and the contents field finds them; settings that make
/// Word refresh the fields on opening; a font table; A4 with the PDF's margins; the footer "Side N af M".
/// </summary>
internal static class DocxParts
{
    public const string Language = "da-DK";
    private const string Font = "IBM Plex Sans";
    private const string Ink = "1A3B5D";

    // A4 and the print stylesheet's margins (22/20/24/25 mm), in twentieths of a point.
    private const int PageWidth = 11906, PageHeight = 16838, MarginTop = 1247, MarginRight = 1134, MarginBottom = 1361, MarginLeft = 1417;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>Adds styles, settings, fonts and the footer; returns the footer's relationship id for the section.</summary>
    public static string AddTo(MainDocumentPart main)
    {
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<DocumentSettingsPart>().Settings = Settings();
        // Word and LibreOffice fall back to Arial where IBM Plex Sans is not installed.
        main.AddNewPart<FontTablePart>().Fonts = new Fonts(FontEntry(Font, alternative: "Arial"), FontEntry("Arial", alternative: null));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            [new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "Footer" } },
             Text("Side "), .. Field("PAGE", "1"), Text(" af "), .. Field("NUMPAGES", "1")]));
        return main.GetIdOfPart(footer);
    }

    public static SectionProperties Section(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = PageWidth, Height = PageHeight },
        new PageMargin
        {
            Top = MarginTop,
            Right = MarginRight,
            Bottom = MarginBottom,
            Left = MarginLeft,
            Header = 709,
            Footer = 567,
            Gutter = 0,
        });

    public static Run Text(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>A field as Word writes it (begin, code, separate, result, end), so both Word and LibreOffice keep it a field.</summary>
    public static IEnumerable<Run> Field(string code, string result) => [.. FieldStart(code), Text(result), FieldEnd()];

    /// <summary>Marked dirty, so Word computes the field's result when it opens the file.</summary>
    public static IEnumerable<Run> FieldStart(string code, bool dirty = false) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = dirty ? true : null }),
        new Run(new FieldCode($" {code} ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
    ];

    public static Run FieldEnd() => new(new FieldChar { FieldCharType = FieldCharValues.End });

    private static DocumentFormat.OpenXml.Wordprocessing.Font FontEntry(string name, string? alternative)
    {
        var font = new DocumentFormat.OpenXml.Wordprocessing.Font { Name = name };
        if (alternative is not null)
        {
            font.Append(new AltName { Val = alternative });
        }
        font.Append(new FontFamily { Val = FontFamilyValues.Swiss }, new Pitch { Val = FontPitchValues.Variable });
        return font;
    }

    private static Settings Settings() => new(
        new DefaultTabStop { Val = 709 },
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        // Word fills in the contents and the page count when it opens the file.
        new UpdateFieldsOnOpen { Val = true },
        // Word 2013 and later layout, so Word does not open the file in compatibility mode.
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { Val = Language },
        new DecimalSymbol { Val = "," },
        new ListSeparator { Val = ";" });

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                FontSize = new FontSize { Val = "21" },
                FontSizeComplexScript = new FontSizeComplexScript { Val = "21" },
                Languages = new Languages { Val = Language, EastAsia = Language, Bidi = "ar-SA" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                // 2.5 mm after a paragraph, lines at 1.45 as in the PDF.
                SpacingBetweenLines = new SpacingBetweenLines { After = "142", Line = "348", LineRule = LineSpacingRuleValues.Auto },
            })),
        Paragraph("Normal", "Normal", null, new StyleParagraphProperties(), new StyleRunProperties(), isDefault: true),
        Paragraph("Title", "Title", "Normal",
            new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "340" } },
            new StyleRunProperties { Bold = new Bold(), Spacing = new Spacing { Val = 16 }, FontSize = new FontSize { Val = "40" } }),
        Heading(1, before: 454, after: 170, size: 26),
        Heading(2, before: 283, after: 85, size: 21),
        Heading(3, before: 227, after: 57, size: 21, caps: false),
        // Based on the headings but outside the outline: the front matter and "Indhold" stay out of the contents.
        Paragraph("TOCHeading", "TOC Heading", "Heading1", new StyleParagraphProperties { OutlineLevel = new OutlineLevel { Val = 9 } }, null, ui: 39),
        Paragraph("FrontHeading", "Forsideoverskrift", "Heading1", new StyleParagraphProperties { OutlineLevel = new OutlineLevel { Val = 9 } }, null),
        Paragraph("FrontSubheading", "Forsideunderoverskrift", "Heading2", new StyleParagraphProperties { OutlineLevel = new OutlineLevel { Val = 9 } }, null),
        Toc(1, indent: 0),
        Toc(2, indent: 227),
        Bordered("Decision", "Beslutning", Ink),
        Bordered("Flag", "Markering", "C9302C"),
        Paragraph("ListParagraph", "List Paragraph", "Normal",
            new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "57" } }, null, ui: 34),
        Paragraph("Clause", "Indstillingspunkt", "Normal",
            new StyleParagraphProperties { Indentation = new Indentation { Left = "284", Hanging = "284" } }, null),
        Paragraph("Footer", "footer", "Normal",
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "0" },
                Justification = new Justification { Val = JustificationValues.Right },
            },
            new StyleRunProperties { FontSize = new FontSize { Val = "18" } }, ui: 99, primary: false),
        new Style(
            new StyleName { Val = "Hyperlink" },
            new UIPriority { Val = 99 },
            new StyleRunProperties { Color = new Color { Val = Ink }, Underline = new Underline { Val = UnderlineValues.Single } })
        { Type = StyleValues.Character, StyleId = "Hyperlink" });

    private static Style Heading(int level, int before, int after, int size, bool caps = true) =>
        Paragraph($"Heading{level}", $"heading {level}", "Normal",
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                KeepLines = new KeepLines(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = $"{before}", After = $"{after}" },
                OutlineLevel = new OutlineLevel { Val = level - 1 },
            },
            new StyleRunProperties { Bold = new Bold(), Caps = caps ? new Caps() : null, FontSize = new FontSize { Val = $"{size}" } },
            ui: 9);

    private static Style Toc(int level, int indent) =>
        Paragraph($"TOC{level}", $"toc {level}", "Normal",
            new StyleParagraphProperties
            {
                Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth }),
                SpacingBetweenLines = new SpacingBetweenLines { After = "68" },
                Indentation = new Indentation { Left = $"{indent}" },
            },
            null, ui: 39, primary: false);

    /// <summary>A paragraph with a rule on its left, as the PDF marks decisions and flags.</summary>
    private static Style Bordered(string id, string name, string color) =>
        Paragraph(id, name, "Normal",
            new StyleParagraphProperties
            {
                ParagraphBorders = new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 24, Space = 8, Color = color }),
                Indentation = new Indentation { Left = "284" },
            },
            null);

    private static Style Paragraph(string id, string name, string? basedOn, StyleParagraphProperties? paragraph,
        StyleRunProperties? run, bool isDefault = false, int? ui = null, bool primary = true) =>
        new()
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
            Default = isDefault ? true : null,
            StyleName = new StyleName { Val = name },
            BasedOn = basedOn is null ? null : new BasedOn { Val = basedOn },
            NextParagraphStyle = new NextParagraphStyle { Val = "Normal" },
            UIPriority = ui is { } priority ? new UIPriority { Val = priority } : null,
            PrimaryStyle = primary ? new PrimaryStyle() : null,
            StyleParagraphProperties = paragraph,
            StyleRunProperties = run,
        };
}
