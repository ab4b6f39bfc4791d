using System.Text;
using Raad.Domain.Common;

namespace Raad.Web.Features.Import;

/// <summary>
/// Plain text: UTF-8 (with or without byte order mark), UTF-16 with byte order mark, else Windows-1252, the encoding
/// of Danish text saved by older Windows programs. Form feeds start a new page; CRLF, CR, LF and vertical tab (Word's
/// soft line break when copied) end a line.
/// </summary>
internal static class PlainTextReader
{
    /// <summary>Above this share of control characters the bytes are not text.</summary>
    private const double MaxControlShare = 0.02;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The code pages provider ships with .NET; asking it directly avoids registering it for the whole process.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static Result<SourceDocument> Read(ReadOnlySpan<byte> bytes, ReadLimits limits, CancellationToken ct)
    {
        var text = Decode(bytes);
        if (text is null || LooksBinary(text))
        {
            return ReadErrors.Binary;
        }
        // Form feeds after the last text (a printer's last page eject) start no page.
        var pageCount = text.AsSpan().TrimEnd().Count('\f') + 1;
        if (pageCount > limits.MaxPages)
        {
            return ReadErrors.TooManyPages(pageCount, limits.MaxPages);
        }
        var sink = new LineSink();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? '\n' : text[i];
            if (c is not ('\n' or '\r' or '\v' or '\f'))
            {
                continue;
            }
            if ((i & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            var line = text[start..i];
            if (line.Length > 0 || c != '\f')
            {
                sink.Add(line);
            }
            if (c == '\f')
            {
                sink.Page++;
                // A form feed ending a line ("...\f\n") is one break, not a break and an empty line.
                if (i + 1 < text.Length && text[i + 1] is '\r' or '\n')
                {
                    i += text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n' ? 2 : 1;
                }
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }
            start = i + 1;
        }
        if (!sink.HasText)
        {
            return ReadErrors.Empty(null);
        }
        var pages = sink.Lines[^1].Page;
        return new SourceDocument(SourceFormat.Text, sink.Lines, pages, []);
    }

    /// <summary>The text, or null when the bytes hold NUL characters (binary data; UTF-16 without a byte order mark).</summary>
    private static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (DocumentReader.Starts(bytes, 0xFF, 0xFE) && !DocumentReader.Starts(bytes, 0xFF, 0xFE, 0, 0))
        {
            return Strict(Encoding.Unicode, bytes[2..]);
        }
        if (DocumentReader.Starts(bytes, 0xFE, 0xFF))
        {
            return Strict(Encoding.BigEndianUnicode, bytes[2..]);
        }
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return null;
        }
        if (DocumentReader.Starts(bytes, 0xEF, 0xBB, 0xBF))
        {
            return Strict(Utf8, bytes[3..]);
        }
        return Strict(Utf8, bytes) ?? Windows1252.GetString(bytes);
    }

    private static string? Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var strict = (Encoding)encoding.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            return strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Text has almost no control characters besides line breaks and tabs; binary data decoded as Windows-1252 has
    /// many (and NUL, caught before). One DOS end-of-file mark (0x1A) at the end is allowed.
    /// </summary>
    private static bool LooksBinary(string text)
    {
        var controls = 0;
        foreach (var c in text.AsSpan().TrimEnd('\x1A'))
        {
            if (c is '\0' or '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f' or '\v')))
            {
                controls++;
            }
        }
        return controls > 0 && controls >= Math.Max(1, text.Length * MaxControlShare);
    }
}
