using Raad.Domain.Common;
using Raad.Domain.Import;

namespace Raad.Web.Features.Import;

/// <summary>The formats an uploaded file can be read as; detected from its bytes, not its name.</summary>
public enum SourceFormat
{
    Pdf,
    Docx,
    Text,
}

/// <summary>
/// A file read into lines for the import parser, with what the reader noticed but could still read past
/// (e.g. PDF pages without text).
/// </summary>
/// <param name="Format">What the bytes turned out to be.</param>
/// <param name="Lines">Numbered from 1; blank lines mark paragraph breaks, never two in a row, none first or last.</param>
/// <param name="Pages">Pages in the file (PDF), or counted from explicit page breaks (DOCX) and form feeds (text).</param>
/// <param name="Warnings">Danish, for the preview; empty when the reader had nothing to say.</param>
public sealed record SourceDocument(SourceFormat Format, IReadOnlyList<SourceLine> Lines, int Pages, IReadOnlyList<ImportWarning> Warnings);

/// <summary>What a reader accepts: bounds on the work one upload may cause.</summary>
/// <param name="MaxBytes">The largest file read at all.</param>
/// <param name="MaxPages">The most pages read (a 500-page document must pass comfortably).</param>
public sealed record ReadLimits(long MaxBytes = ReadLimits.DefaultMaxBytes, int MaxPages = ReadLimits.DefaultMaxPages)
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;
    public const int DefaultMaxPages = 1000;

    public static ReadLimits Default { get; } = new();
}

/// <summary>
/// Turns an uploaded file into <see cref="SourceLine"/>s: PDF (PdfPig), DOCX (Open XML SDK) or plain text. The format
/// is found from the bytes. Never throws on bad input: every failure is a <see cref="Result{T}"/> with a Danish
/// message, and nothing is read in part. Only cancellation throws.
/// </summary>
public static class DocumentReader
{
    public static Result<SourceDocument> Read(string? fileName, ReadOnlyMemory<byte> content, ReadLimits? limits = null, CancellationToken ct = default)
    {
        limits ??= ReadLimits.Default;
        if (content.Length == 0)
        {
            return ReadErrors.Empty(fileName);
        }
        if (content.Length > limits.MaxBytes)
        {
            return ReadErrors.TooLarge(content.Length, limits.MaxBytes);
        }
        var bytes = content.Span;
        try
        {
            if (IsPdf(bytes))
            {
                return PdfSourceReader.Read(content, limits, ct);
            }
            if (bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8))
            {
                return DocxSourceReader.Read(content, limits, ct);
            }
            if (KnownBinary(bytes) is { } binary)
            {
                return binary;
            }
            var text = PlainTextReader.Read(bytes, limits, ct);
            return text.IsSuccess && MisnamedAs(fileName) is { } named
                ? text.Value! with { Warnings = [new ImportWarning(0, "", $"Filen hedder {named}, men er en tekstfil; den er læst som tekst.")] }
                : text;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The readers' libraries throw many kinds of exceptions on bad input; each is the user's file, not a bug here.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ReadErrors.Unreadable(fileName);
        }
    }

    /// <summary>
    /// Reads an upload from a stream, buffering at most <see cref="ReadLimits.MaxBytes"/> (and one byte more to know
    /// it is too large), so an oversized upload is refused without holding it all. Errors of the stream itself (a
    /// broken upload) are not the file's and are not caught.
    /// </summary>
    public static async Task<Result<SourceDocument>> ReadAsync(string? fileName, Stream content, ReadLimits? limits = null, CancellationToken ct = default)
    {
        limits ??= ReadLimits.Default;
        if (content.CanSeek && content.Length - content.Position > limits.MaxBytes)
        {
            return ReadErrors.TooLarge(content.Length - content.Position, limits.MaxBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int count;
        while ((count = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, count);
            if (buffer.Length > limits.MaxBytes)
            {
                return ReadErrors.TooLargeUnknown(limits.MaxBytes);
            }
        }
        return Read(fileName, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), limits, ct);
    }

    /// <summary>".pdf" or ".docx" when the name says so (for a text file that is not what its name says).</summary>
    private static string? MisnamedAs(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return extension is ".pdf" or ".docx" or ".doc" ? extension : null;
    }

    /// <summary>The header may follow some junk (the PDF specification allows it, and readers accept it within 1 KB).</summary>
    private static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>Formats people upload by mistake, named so the message can say what to do instead.</summary>
    private static Error? KnownBinary(ReadOnlySpan<byte> bytes)
    {
        if (Starts(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))
        {
            return ReadErrors.OldOffice;
        }
        if (IsHtml(bytes))
        {
            return ReadErrors.Html;
        }
        if (bytes.StartsWith("{\\rtf"u8))
        {
            return ReadErrors.Rtf;
        }
        if (Starts(bytes, 0x89, (byte)'P', (byte)'N', (byte)'G') || Starts(bytes, 0xFF, 0xD8, 0xFF)
            || bytes.StartsWith("GIF8"u8) || bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8))
        {
            return ReadErrors.Image;
        }
        return null;
    }

    /// <summary>A web page, e.g. a login page saved instead of the document it should have downloaded.</summary>
    private static bool IsHtml(ReadOnlySpan<byte> bytes)
    {
        var start = bytes[..Math.Min(bytes.Length, 512)];
        if (start.StartsWith("\xEF\xBB\xBF"u8))
        {
            start = start[3..];
        }
        start = start.TrimStart(" \t\r\n"u8);
        return StartsIgnoringCase(start, "<!doctype html") || StartsIgnoringCase(start, "<html");
    }

    private static bool StartsIgnoringCase(ReadOnlySpan<byte> bytes, string prefix)
    {
        if (bytes.Length < prefix.Length)
        {
            return false;
        }
        for (var i = 0; i < prefix.Length; i++)
        {
            if (char.ToLowerInvariant((char)bytes[i]) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    internal static bool Starts(ReadOnlySpan<byte> bytes, params ReadOnlySpan<byte> prefix) => bytes.StartsWith(prefix);
}
