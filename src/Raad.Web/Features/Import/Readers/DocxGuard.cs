using System.IO.Compression;
using System.Xml;
using Raad.Domain.Common;

namespace Raad.Web.Features.Import;

/// <summary>
/// Reads every XML part of a Word file once with a streaming <see cref="XmlReader"/> before the Open XML SDK sees it,
/// and refuses a file whose XML would take Raad down: nested deeper than <see cref="MaxDepth"/> (the SDK recurses per
/// level, and a stack overflow kills the process: it cannot be caught), more than <see cref="MaxElements"/> elements or
/// <see cref="MaxXmlBytes"/> of unpacked XML (the SDK holds the whole tree in memory, about 20 times the XML), a part
/// that unpacks to more than <see cref="MaxRatio"/> times its packed size (a zip bomb), duplicate part names (the SDK
/// and this check could read different ones) and a DTD. The bytes are counted as they unpack, so a zip whose
/// directory lies about the sizes is caught as well. Memory stays within the XmlReader's buffers.
/// </summary>
internal static class DocxGuard
{
    /// <summary>Word's own documents nest tables, content controls and fields a few dozen levels at most.</summary>
    public const int MaxDepth = 128;

    /// <summary>A 500-page agenda has some 200.000 elements.</summary>
    public const long MaxElements = 1_500_000;

    /// <summary>Unpacked XML over all parts: a 500-page agenda has about 10 MB.</summary>
    public const long MaxXmlBytes = 40L * 1024 * 1024;

    /// <summary>Word's XML packs 5-20 times; a part of more than 1 MB packed 200 times tighter is made to explode.</summary>
    public const int MaxRatio = 200;

    private const long RatioFloor = 1024 * 1024;

    private const int MaxEntries = 5000;

    public static Error? Check(ZipArchive zip, CancellationToken ct)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            return ReadErrors.DocxTooManyParts(zip.Entries.Count);
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            if (!names.Add(entry.FullName.Replace('\\', '/').TrimStart('/')))
            {
                return ReadErrors.DocxDamaged;
            }
            if (entry.Length > RatioFloor && entry.Length > entry.CompressedLength * MaxRatio)
            {
                return ReadErrors.DocxZipBomb(entry.Length / Math.Max(1, entry.CompressedLength));
            }
        }
        var budget = new Budget();
        foreach (var entry in zip.Entries)
        {
            ct.ThrowIfCancellationRequested();
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }
            if (CheckPart(entry, budget, ct) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    private sealed class Budget
    {
        public long Bytes;
        public long Elements;
    }

    /// <summary>A part that starts like XML is read to its end; any other (images, fonts) is left to the ratio check.</summary>
    private static Error? CheckPart(ZipArchiveEntry entry, Budget budget, CancellationToken ct)
    {
        if (!LooksLikeXml(entry))
        {
            return null;
        }
        using var counted = new CountingStream(entry.Open(), budget, entry.CompressedLength);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            MaxCharactersFromEntities = 0,
        };
        try
        {
            using var reader = XmlReader.Create(counted, settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (reader.Depth >= MaxDepth)
                {
                    return ReadErrors.DocxTooDeep(MaxDepth);
                }
                if (++budget.Elements > MaxElements)
                {
                    return ReadErrors.DocxTooManyElements(MaxElements);
                }
                if ((budget.Elements & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }
        }
        catch (XmlException)
        {
            // Cut short by the budget, or not well-formed: the SDK could not read it either.
            return counted.Refused ?? ReadErrors.DocxDamaged;
        }
        return counted.Refused;
    }

    private static bool LooksLikeXml(ZipArchiveEntry entry)
    {
        Span<byte> start = stackalloc byte[8];
        int read;
        using (var stream = entry.Open())
        {
            read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }
        var bytes = start[..read];
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        bytes = bytes.TrimStart(" \t\r\n"u8);
        return bytes.Length == 0 || bytes[0] == (byte)'<';
    }

    /// <summary>Counts unpacked bytes against the budget and the part's packed size; stops reading once over.</summary>
    private sealed class CountingStream(Stream inner, Budget budget, long compressed) : Stream
    {
        private long read;

        public Error? Refused { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (Refused is not null)
            {
                return 0;
            }
            var n = inner.Read(buffer);
            read += n;
            budget.Bytes += n;
            if (budget.Bytes > MaxXmlBytes)
            {
                Refused = ReadErrors.TooLargeUnpacked(MaxXmlBytes);
                return 0;
            }
            if (read > RatioFloor && read > Math.Max(1, compressed) * MaxRatio)
            {
                Refused = ReadErrors.DocxZipBomb(read / Math.Max(1, compressed));
                return 0;
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
