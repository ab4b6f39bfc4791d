using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Raad.Web.Tests.Import;

/// <summary>Builds PDFs in the tests, line by line from the top of an A4 page, as a word processor would place them.</summary>
internal sealed class PdfMaker
{
    public const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public const string DejaVuSansBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private readonly PdfDocumentBuilder builder = new();
    private readonly PdfDocumentBuilder.AddedFont regular;
    private readonly PdfDocumentBuilder.AddedFont bold;
    private PdfPageBuilder? page;
    private double y;

    /// <param name="embedded">DejaVu Sans embedded (for æøå), instead of the standard Helvetica that cannot encode them.</param>
    public PdfMaker(bool embedded = false)
    {
        regular = embedded ? builder.AddTrueTypeFont(File.ReadAllBytes(DejaVuSans)) : builder.AddStandard14Font(Standard14Font.Helvetica);
        bold = embedded ? builder.AddTrueTypeFont(File.ReadAllBytes(DejaVuSansBold)) : builder.AddStandard14Font(Standard14Font.HelveticaBold);
    }

    public PdfPageBuilder CurrentPage => page ?? throw new InvalidOperationException("No page yet.");

    public PdfMaker Page()
    {
        page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        y = 800;
        return this;
    }

    /// <summary>A line one line step (1.2 × size) below the previous one.</summary>
    public PdfMaker Line(string text, double size = 11, bool isBold = false, double x = 56)
    {
        y -= size * 1.2;
        CurrentPage.AddText(text, size, new PdfPoint(x, y), isBold ? bold : regular);
        return this;
    }

    /// <summary>Text on the same baseline as the previous line, further right (a second column).</summary>
    public PdfMaker Beside(string text, double x, double size = 11)
    {
        CurrentPage.AddText(text, size, new PdfPoint(x, y), regular);
        return this;
    }

    /// <summary>A line of words each drawn on its own with a space's width between them, but no space characters (as some PDF writers do).</summary>
    public PdfMaker Words(double size, params string[] words)
    {
        y -= size * 1.2;
        var x = 56.0;
        foreach (var word in words)
        {
            var letters = CurrentPage.AddText(word, size, new PdfPoint(x, y), regular);
            x = letters[^1].EndBaseLine.X + 0.28 * size;
        }
        return this;
    }

    /// <summary>The previous line drawn again a fraction of a point to the right: bold faked by overprinting.</summary>
    public PdfMaker Overprint(string text, double size = 11, double x = 56)
    {
        CurrentPage.AddText(text, size, new PdfPoint(x + 0.3, y), regular);
        return this;
    }

    /// <summary>Small text raised above the previous line's baseline, as a footnote mark.</summary>
    public PdfMaker Superscript(string text, double x, double size = 7)
    {
        CurrentPage.AddText(text, size, new PdfPoint(x, y + 4), regular);
        return this;
    }

    /// <summary>Extra space before the next line, as paragraph spacing gives.</summary>
    public PdfMaker Space(double points = 10)
    {
        y -= points;
        return this;
    }

    public PdfMaker Rectangle()
    {
        CurrentPage.DrawRectangle(new PdfPoint(100, 400), 200, 100, 2, fill: true);
        return this;
    }

    public byte[] Build() => builder.Build();
}

/// <summary>Builds Word documents in the tests with the Open XML SDK: a styles part like Word's, English and Danish heading styles.</summary>
internal sealed class DocxMaker
{
    private readonly List<OpenXmlElement> blocks = [];
    private Numbering? numbering;

    public DocxMaker Add(params OpenXmlElement[] elements)
    {
        blocks.AddRange(elements);
        return this;
    }

    private readonly List<Style> extraStyles = [];

    public DocxMaker WithStyle(Style style)
    {
        extraStyles.Add(style);
        return this;
    }

    public DocxMaker WithNumbering(Numbering value)
    {
        numbering = value;
        return this;
    }

    public static Paragraph P(string? style, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        paragraph.Append(content);
        return paragraph;
    }

    public static Paragraph P(string text) => P(null, R(text));

    public static Run R(string text, bool bold = false, int? halfPoints = null)
    {
        var run = new Run();
        if (bold || halfPoints is not null)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }
            if (halfPoints is { } size)
            {
                properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
            run.Append(properties);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(blocks.Select(b => b.CloneNode(true))));
            var styles = Styles();
            styles.Append(extraStyles.Select(s => s.CloneNode(true)));
            main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
            if (numbering is not null)
            {
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = (Numbering)numbering.CloneNode(true);
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Word's own heading styles, a Danish Word's ("Overskrift1" named "heading 1"; "Overskrift2" named "Overskrift 2"),
    /// a style based on a heading, one with only an outline level, a title, and a Normal of 11 pt.
    /// </summary>
    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, string? basedOn = null, int? outline = null, bool bold = false, int? halfPoints = null, bool isDefault = false)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            if (isDefault)
            {
                style.Default = true;
            }
            style.Append(new StyleName { Val = name });
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
            }
            if (outline is not null)
            {
                style.Append(new StyleParagraphProperties(new OutlineLevel { Val = outline }));
            }
            if (bold || halfPoints is not null)
            {
                var run = new StyleRunProperties();
                if (bold)
                {
                    run.Append(new Bold());
                }
                if (halfPoints is not null)
                {
                    run.Append(new FontSize { Val = halfPoints.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                }
                style.Append(run);
            }
            return style;
        }

        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new FontSize { Val = "22" }))),
            Paragraph("Normal", "Normal", isDefault: true),
            Paragraph("Heading1", "heading 1", "Normal", outline: 0, bold: true, halfPoints: 32),
            Paragraph("Heading2", "heading 2", "Normal", outline: 1, bold: true, halfPoints: 26),
            Paragraph("Overskrift1", "heading 1", "Normal", bold: true, halfPoints: 32),
            Paragraph("Overskrift2", "Overskrift 2", "Normal"),
            Paragraph("Punkt", "Dagsordenspunkt", "Heading2"),
            Paragraph("Niveau3", "Mit niveau", "Normal", outline: 2),
            Paragraph("Title", "Title", "Normal", halfPoints: 56),
            Paragraph("Brodtekst", "Brødtekst", "Normal", outline: 9));
    }
}

internal static class Zip
{
    /// <summary>A zip of the given files (name, text).</summary>
    public static byte[] Of(params (string Name, string Text)[] files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                entry.Write(text);
            }
        }
        return stream.ToArray();
    }
}
