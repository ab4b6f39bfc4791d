using System.IO.Compression;
using System.Text;

namespace Raad.Web.Tests.Import;

/// <summary>
/// Word files made to hurt a reader, written zip entry by zip entry (not through the Open XML SDK, which would refuse
/// to write most of them): nesting, size, element count, entity expansion, and zip oddities (bad CRC, truncated, zip
/// bomb ratio, duplicate entries, missing parts, not a zip). Each is small to make, so the fuzz runs in seconds.
/// </summary>
internal static class HostileDocx
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string Rels =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    public const string Text = "Dagsorden for mødet";

    /// <summary>A well-formed document.xml around <paramref name="body"/>.</summary>
    public static string Document(string body) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>""";

    public static string Paragraph(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";

    /// <summary>A zip of the named entries, each written with its level (Stored keeps the ratio at 1, so only the size limits apply).</summary>
    public static byte[] Zip(params (string Name, string Content, CompressionLevel Level)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, level) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return stream.ToArray();
    }

    public static byte[] Word(string documentXml, CompressionLevel level = CompressionLevel.Optimal, params (string Name, string Content)[] more) =>
        Zip([("[Content_Types].xml", ContentTypes, CompressionLevel.Optimal), ("_rels/.rels", Rels, CompressionLevel.Optimal),
            ("word/document.xml", documentXml, level), .. more.Select(m => (m.Name, m.Content, CompressionLevel.Optimal))]);

    public static byte[] Valid() => Word(Document(Paragraph(Text)), CompressionLevel.NoCompression);

    /// <summary>Content controls inside each other: a 3 KB file that overflowed the stack inside the Open XML SDK.</summary>
    public static byte[] NestedContentControls(int depth) =>
        Word(Document(string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + Paragraph(Text)
            + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth))));

    /// <summary>XML of about <paramref name="megabytes"/> MB stored without compression: within the upload limit, past the XML budget.</summary>
    public static byte[] LargeXml(int megabytes)
    {
        var paragraph = Paragraph("Sagsfremstilling med almindelig tekst, som et langt dokument har den.");
        var count = megabytes * 1024 * 1024 / paragraph.Length;
        var body = new StringBuilder(megabytes * 1024 * 1024 + 1024);
        for (var i = 0; i < count; i++)
        {
            body.Append(paragraph);
        }
        return Word(Document(body.ToString()), CompressionLevel.NoCompression);
    }

    /// <summary>Many tiny elements, stored: few bytes, past the element budget.</summary>
    public static byte[] ManyElements(int count) =>
        Word(Document(string.Concat(Enumerable.Repeat("<w:p/>", count))), CompressionLevel.NoCompression);

    /// <summary>A document.xml of <paramref name="megabytes"/> MB that packs 1000 times: a zip bomb.</summary>
    public static byte[] Bomb(int megabytes) =>
        Word(Document(new string(' ', megabytes * 1024 * 1024) + Paragraph(Text)), CompressionLevel.SmallestSize);

    /// <summary>"Billion laughs": entities that expand to gigabytes.</summary>
    public static byte[] EntityExpansion()
    {
        var dtd = new StringBuilder("<!DOCTYPE w:document [<!ENTITY a0 \"hahahahahahahahahaha\">");
        for (var i = 1; i < 10; i++)
        {
            dtd.Append($"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&a{i - 1};", 10))}\">");
        }
        dtd.Append("]>");
        return Word($"""<?xml version="1.0" encoding="UTF-8"?>{dtd}<w:document xmlns:w="{W}"><w:body>{Paragraph("&a9;")}</w:body></w:document>""");
    }

    /// <summary>Every kind of attack with a name, for the fuzz through the reader, the CLI and the upload page.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> All()
    {
        var valid = Valid();
        var badCrc = (byte[])valid.Clone();
        // Stored: the text is in the file as it is; one letter changed keeps the XML well-formed but breaks the CRC.
        badCrc[badCrc.AsSpan().IndexOf("for m"u8)] = (byte)'x';
        var notZip = Encoding.ASCII.GetBytes("PK\u0003\u0004" + new string('x', 200));
        return
        [
            ("indlejret-20000.docx", NestedContentControls(20_000)),
            ("indlejret-i-styles.docx", Word(Document(Paragraph(Text)), CompressionLevel.Optimal,
                ("word/styles.xml", $"<w:styles xmlns:w=\"{W}\">{string.Concat(Enumerable.Repeat("<w:style>", 5000))}{string.Concat(Enumerable.Repeat("</w:style>", 5000))}</w:styles>"))),
            ("stor-xml.docx", LargeXml(42)),
            ("mange-elementer.docx", ManyElements(1_600_000)),
            ("zip-bombe.docx", Bomb(64)),
            ("entiteter.docx", EntityExpansion()),
            ("forkert-crc.docx", badCrc),
            ("afkortet.docx", valid[..(valid.Length / 2)]),
            ("dobbelt-dokument.docx", Zip(("[Content_Types].xml", ContentTypes, CompressionLevel.Optimal), ("_rels/.rels", Rels, CompressionLevel.Optimal),
                ("word/document.xml", Document(Paragraph(Text)), CompressionLevel.Optimal),
                ("word/document.xml", NestedXml(20_000), CompressionLevel.Optimal))),
            ("uden-dokument.docx", Zip(("[Content_Types].xml", ContentTypes, CompressionLevel.Optimal), ("_rels/.rels", Rels, CompressionLevel.Optimal))),
            ("uden-indholdstyper.docx", Zip(("_rels/.rels", Rels, CompressionLevel.Optimal), ("word/document.xml", Document(Paragraph(Text)), CompressionLevel.Optimal))),
            ("ikke-zip.docx", notZip),
        ];
    }

    private static string NestedXml(int depth) =>
        Document(string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth)));
}
