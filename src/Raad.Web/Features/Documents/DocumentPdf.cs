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

/// <summary>A document ready to print, and the fingerprint of what it will print.</summary>
public sealed record PreparedPdf(DocumentModel Document, DocumentKind Kind, string Title, string Subject, string FileName, string Fingerprint);

/// <summary>A printed document and what its last print showed: the page each item begins on, and the page count; and how many prints it took.</summary>
public sealed record PrintedDocument(byte[] Pdf, IReadOnlyDictionary<string, int> ItemPages, int PageCount, int Prints);

/// <summary>
/// The agenda or the minutes as a tagged PDF with an outline, "Side N af M" and page numbers in the contents.
/// Chromium has no target-counter: the page each item begins on is measured from the laid-out page before printing
/// (<see cref="PageLayout"/>) and written into the contents, then checked against the printed PDF's outline; where
/// they differ the document is printed again with the pages read. The page column has a fixed width, so nothing moves.
/// </summary>
public sealed class DocumentPdf(DocumentEditions editions, DocumentHtml html, ChromiumPrinter printer, TimeProvider clock)
{
    public async Task<Result<DocumentFile>> RenderAsync(int meetingId, DocumentKind kind, DocumentVersion version, CancellationToken ct)
    {
        var prepared = await PrepareAsync(meetingId, kind, version, ct);
        return prepared.IsSuccess ? await PrintAsync(prepared.Value!, ct) : Result<DocumentFile>.Fail(prepared.Errors);
    }

    /// <summary>
    /// The document as it would be printed, without printing it: its HTML and the fingerprint of everything the PDF is
    /// made from. Two requests with the same fingerprint get the same PDF (the cache and the ETag rest on this).
    /// </summary>
    public async Task<Result<PreparedPdf>> PrepareAsync(int meetingId, DocumentKind kind, DocumentVersion version, CancellationToken ct)
    {
        var (document, error) = await editions.DocumentAsync(meetingId, kind, version, ct);
        if (error is not null)
        {
            return error;
        }
        var v = document!.View;
        var (title, subject) = DocumentEditions.Describe(v, kind, version);
        var fileName = DocumentEditions.FileName(v, kind, version, "pdf");
        // The HTML is what this viewer's edition shows (closed items only in the members' edition): the same HTML
        // prints the same PDF, given the same program and print stylesheet.
        var page = await html.RenderAsync(new PrintModel(document, title, v.Body.Name));
        var fingerprint = PrintFingerprint.Of("pdf", kind.ToString(), version.ToString(), title, subject, v.Body.Name, fileName, page,
            printer.Fingerprint);
        return new PreparedPdf(document, kind, title, subject, fileName, fingerprint);
    }

    /// <summary>Prints a prepared document, with its metadata.</summary>
    public async Task<Result<DocumentFile>> PrintAsync(PreparedPdf prepared, CancellationToken ct)
    {
        var v = prepared.Document.View;
        var printed = await PrintAsync(prepared.Document, prepared.Title, v.Body.Name, null, ct);
        if (!printed.IsSuccess)
        {
            return Result<DocumentFile>.Fail(printed.Errors);
        }
        return new DocumentFile(PdfMetadata.WithInfo(printed.Value!.Pdf, prepared.Title, v.Body.Name, prepared.Subject, clock.GetUtcNow()),
            prepared.FileName, "application/pdf");
    }

    /// <summary>Lets a test make the prediction wrong, to see the printed PDF overrule it.</summary>
    internal Func<PageLayout, PageLayout> AdjustLayout { get; set; } = layout => layout;

    /// <summary>The item headings, whose pages the contents print (ids "punkt-N").</summary>
    private const string ItemHeadings = ".raad-document > section[aria-labelledby^=\"punkt-\"] > h2";

    /// <summary>
    /// Prints the document until the page numbers it gives are the pages things land on. The first print carries the
    /// pages its layout predicts (<see cref="PageLayout"/>), and the attachments' pages in the agenda package, which
    /// start after the agenda's last page. The items' pages are then read from the PDF's outline: when they and the
    /// page count are what was printed, one print was enough; otherwise the document is printed again with the pages
    /// read, at most three times in all.
    /// </summary>
    public async Task<Result<PrintedDocument>> PrintAsync(DocumentModel document, string title, string author,
        Func<int, IReadOnlyList<PackageEntry>>? package, CancellationToken ct)
    {
        var numbers = document.View.Items.Select(i => i.Number).ToList();
        Task<string> Html(IReadOnlyDictionary<string, int>? pages, int pageCount) =>
            html.RenderAsync(new PrintModel(document with { PageNumbers = pages, Package = package?.Invoke(pageCount) }, title, author));

        // What the printed HTML says: null until a print carries page numbers.
        (IReadOnlyDictionary<string, int> Pages, int Count)? carried = null;
        var predict = new Renumber(ItemHeadings, measured =>
        {
            var layout = AdjustLayout(measured);
            var pages = numbers.Where(n => layout.Pages.ContainsKey($"punkt-{n}")).ToDictionary(n => n, n => layout.Pages[$"punkt-{n}"]);
            carried = (pages, layout.PageCount);
            // The same texts the template prints for these pages (DocumentModel.PageText), written into the loaded page.
            var texts = pages.ToDictionary(p => DocumentModel.ItemPageId(p.Key), p => DocumentModel.PageText(p.Value));
            var entries = package?.Invoke(layout.PageCount) ?? [];
            if (package is not null)
            {
                texts[DocumentModel.PackageFooterId] = DocumentModel.PackageFooter(entries);
            }
            foreach (var entry in entries)
            {
                if (entry.Link is null)
                {
                    texts[DocumentModel.AttachmentPageId(entry.Number)] = DocumentModel.PageText(entry.Page);
                }
            }
            return texts;
        });
        var page = await Html(null, 0);
        byte[] pdf = [];
        IReadOnlyDictionary<string, int> found = new Dictionary<string, int>();
        var count = 0;
        var prints = 0;
        while (prints < 3)
        {
            var printed = await printer.PrintAsync(page, prints++ == 0 ? predict : null, ct);
            if (!printed.IsSuccess)
            {
                return Result<PrintedDocument>.Fail(printed.Errors);
            }
            pdf = printed.Value!;
            (found, count) = ItemPages(pdf, numbers);
            if (carried is { } said && said.Count == count && said.Pages.Count == found.Count
                && found.All(p => said.Pages.GetValueOrDefault(p.Key) == p.Value))
            {
                break;
            }
            carried = (found, count);
            page = await Html(found, count);
        }
        return new PrintedDocument(pdf, found, count, prints);
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
