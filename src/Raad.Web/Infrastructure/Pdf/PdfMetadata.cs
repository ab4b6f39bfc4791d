using System.Globalization;
using System.Text;
using UglyToad.PdfPig;

namespace Raad.Web.Infrastructure.Pdf;

/// <summary>
/// Sets a PDF's title, author and subject by appending an incremental update (a new information dictionary and a
/// cross-reference section for it). The printed bytes stay as Chromium wrote them, so the tags survive.
/// </summary>
public static class PdfMetadata
{
    public static byte[] WithInfo(byte[] pdf, string title, string author, string subject, DateTimeOffset created)
    {
        using var document = PdfDocument.Open(pdf);
        var trailer = document.Structure.Trailer;
        var number = trailer.Size;
        var update = new StringBuilder();
        update.Append('\n');
        var objectOffset = pdf.Length + Encoding.ASCII.GetByteCount(update.ToString());
        update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n<< /Title {Text(title)} /Author {Text(author)} /Subject {Text(subject)} /Creator (Raad) /Producer (Raad med Chromium) /CreationDate ({Date(created)}) >>\nendobj\n");
        var xrefOffset = pdf.Length + Encoding.ASCII.GetByteCount(update.ToString());
        update.Append(CultureInfo.InvariantCulture, $"xref\n{number} 1\n{objectOffset:D10} 00000 n \n");
        update.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {number + 1} /Root {trailer.Root.ObjectNumber} {trailer.Root.Generation} R /Info {number} 0 R /Prev {document.Structure.XrefOffset} >>\n");
        update.Append(CultureInfo.InvariantCulture, $"startxref\n{xrefOffset}\n%%EOF\n");
        var tail = Encoding.ASCII.GetBytes(update.ToString());
        var result = new byte[pdf.Length + tail.Length];
        pdf.CopyTo(result, 0);
        tail.CopyTo(result, pdf.Length);
        return result;
    }

    /// <summary>A text string as UTF-16BE with byte order mark, in hex: safe for Danish letters and any punctuation.</summary>
    private static string Text(string value) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    private static string Date(DateTimeOffset at) =>
        "D:" + at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
}
