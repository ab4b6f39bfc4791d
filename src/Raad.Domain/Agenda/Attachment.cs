using Raad.Domain.Common;

namespace Raad.Domain.Agenda;

/// <summary>A file attached to an item ("bilag"), stored with its SHA-256, size and content type.</summary>
public class Attachment
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public required string Title { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public byte[] Content { get; set; } = [];
    public int Order { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The file's words for search, read from PDF and DOCX; null until read, empty when the file has none.</summary>
    public string? Text { get; set; }
}

/// <summary>Which files an item may carry. Checked on the name and on the file's first bytes.</summary>
public static class AttachmentPolicy
{
    public const long DefaultMaxBytes = 25L * 1024 * 1024;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    public static string AllowedText => "PDF, DOCX, XLSX, PNG og JPEG";

    /// <summary>Returns the content type to store, or an error saying why the file is refused.</summary>
    public static (string? ContentType, Error? Error) Check(string fileName, long size, ReadOnlySpan<byte> head, long maxBytes)
    {
        if (size == 0)
        {
            return (null, new Error("attachment.empty", $"Filen \"{fileName}\" er tom.", "File"));
        }
        if (size > maxBytes)
        {
            return (null, new Error("attachment.too_large",
                $"Filen \"{fileName}\" fylder {FormatSize(size)}. Bilag må højst fylde {FormatSize(maxBytes)}.", "File"));
        }
        var extension = Path.GetExtension(fileName);
        if (!ContentTypes.TryGetValue(extension, out var contentType))
        {
            return (null, new Error("attachment.type_not_allowed",
                $"Filtypen \"{(extension.Length > 0 ? extension : fileName)}\" kan ikke bruges som bilag. Tilladte typer: {AllowedText}.", "File"));
        }
        if (!MatchesSignature(extension.ToLowerInvariant(), head))
        {
            return (null, new Error("attachment.content_mismatch",
                $"Filen \"{fileName}\" er ikke en gyldig {extension.TrimStart('.').ToUpperInvariant()}-fil.", "File"));
        }
        return (contentType, null);
    }

    private static bool MatchesSignature(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        ".pdf" => head.StartsWith("%PDF-"u8),
        ".docx" or ".xlsx" => head.StartsWith("PK\x03\x04"u8),
        ".png" => head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
        ".jpg" or ".jpeg" => head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        _ => false,
    };

    /// <summary>Rounded up, so a file just over the limit never reads as the limit itself.</summary>
    public static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? $"{(Math.Ceiling(bytes * 10m / (1024m * 1024m)) / 10m).ToString("0.#", DanishFormat.Culture)} MB"
        : $"{Math.Max(1, (bytes + 1023) / 1024)} kB";
}
