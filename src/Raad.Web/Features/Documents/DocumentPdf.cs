using Raad.Domain.Common;
using Raad.Web.Features.Agenda;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Raad.Web.Features.Documents;

/// <summary>Which edition of a document: the public one (closed items left out), or the members' (everything).</summary>
public enum DocumentVersion
{
    Public,
    Members,
}

public enum DocumentKind
{
    Agenda,
    Minutes,
}

public sealed record DocumentFile(byte[] Content, string FileName, string ContentType);

/// <summary>A printed document and what its last print showed: the page each item begins on, and the page count.</summary>
public sealed record PrintedDocument(byte[] Pdf, IReadOnlyDictionary<string, int> ItemPages, int PageCount);

/// <summary>
/// The agenda or the minutes as a tagged PDF with an outline, "Side N af M" and page numbers in the contents.
/// Chromium has no target-counter, so the document is printed once, the page of each item read from the PDF's
/// outline, and printed again with the numbers filled in; the page column has a fixed width, so nothing moves.
/// </summary>
public sealed class DocumentPdf(DocumentEditions editions, DocumentHtml html, ChromiumPrinter printer, TimeProvider clock) : IUseCase
{
    public async Task<Result<DocumentFile>> RenderAsync(int meetingId, DocumentKind kind, DocumentVersion version, CancellationToken ct)
    {
        var (document, error) = await editions.DocumentAsync(meetingId, kind, version, ct);
        if (error is not null)
        {
            return error;
        }
        var v = document!.View;
        var (title, subject) = DocumentEditions.Describe(v, kind, version);

        var printed = await PrintAsync(document, title, v.Body.Name, null, ct);
        if (!printed.IsSuccess)
        {
            return Result<DocumentFile>.Fail(printed.Errors);
        }
        return new DocumentFile(PdfMetadata.WithInfo(printed.Value!.Pdf, title, v.Body.Name, subject, clock.GetUtcNow()), DocumentEditions.FileName(v, kind, version, "pdf"), "application/pdf");
    }

    /// <summary>
    /// Prints the document until the page numbers it gives are the pages things land on: once with the page column
    /// empty, then with the numbers read from the outline (and, in the agenda package, the attachments' pages, which
    /// start after the agenda's last page). Twice is enough when nothing moves; a third round only if something did.
    /// </summary>
    public async Task<Result<PrintedDocument>> PrintAsync(DocumentModel document, string title, string author,
        Func<int, IReadOnlyList<PackageEntry>>? package, CancellationToken ct)
    {
        IReadOnlyDictionary<string, int> pages = new Dictionary<string, int>();
        var pageCount = -1; // no print yet: the first never counts as settled
        var model = document with { Package = package?.Invoke(0) };
        byte[] pdf = [];
        for (var round = 0; round < 3; round++)
        {
            var printed = await printer.PrintAsync(await html.RenderAsync(new PrintModel(model, title, author)), ct);
            if (!printed.IsSuccess)
            {
                return Result<PrintedDocument>.Fail(printed.Errors);
            }
            pdf = printed.Value!;
            var (found, count) = ItemPages(pdf, document.View.Items.Select(i => i.Number));
            if (count == pageCount && found.Count == pages.Count && found.All(p => pages.GetValueOrDefault(p.Key) == p.Value))
            {
                break;
            }
            (pages, pageCount) = (found, count);
            model = document with { PageNumbers = pages, Package = package?.Invoke(count) };
        }
        return new PrintedDocument(pdf, pages, pageCount);
    }


    /// <summary>The page each item begins on, from the outline Chromium writes for the item headings ("3. Titel"), and the page count.</summary>
    public static (Dictionary<string, int> Pages, int PageCount) ItemPages(byte[] pdf, IEnumerable<string> numbers)
    {
        using var document = PdfDocument.Open(pdf);
        var marks = document.TryGetBookmarks(out var bookmarks)
            ? bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToList()
            : [];
        var pages = new Dictionary<string, int>();
        foreach (var number in numbers)
        {
            if (marks.FirstOrDefault(m => m.Title.StartsWith($"{number}. ", StringComparison.Ordinal)) is { } mark)
            {
                pages[number] = mark.PageNumber;
            }
        }
        return (pages, document.NumberOfPages);
    }
}
