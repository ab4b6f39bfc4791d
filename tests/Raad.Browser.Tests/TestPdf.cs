using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Raad.Browser.Tests;

/// <summary>A small valid PDF written with PdfPig: on each page a heading, a line of text and a dark box to draw.</summary>
public static class TestPdf
{
    public static byte[] Pages(int count, string title)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        for (var n = 1; n <= count; n++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText(title, 18, new PdfPoint(72, 770), bold);
            page.AddText($"Side {n} af {count}", 12, new PdfPoint(72, 740), font);
            page.SetTextAndFillColor(20, 60, 140);
            page.DrawRectangle(new PdfPoint(72, 400), 450, 250, 1, fill: true);
        }
        return builder.Build();
    }
}
