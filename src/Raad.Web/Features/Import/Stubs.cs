// TEMPORARY until the readers branch is merged.
using Raad.Domain.Common;
using Raad.Domain.Import;

namespace Raad.Web.Features.Import;

public sealed record SourceDocument(IReadOnlyList<SourceLine> Lines, int Pages, string ContentType);

public static class DocumentReader
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public static string TooLarge(string name, long size) => $"{name} er for stor ({size} byte).";

    public static Result<SourceDocument> Read(string fileName, byte[] content, CancellationToken ct)
    {
        var text = System.Text.Encoding.UTF8.GetString(content);
        return new SourceDocument(TextLines.Split(text), 1, "text/plain");
    }
}
