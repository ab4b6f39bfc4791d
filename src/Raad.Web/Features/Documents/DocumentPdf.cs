using Microsoft.Extensions.Options;
using Raad.Domain.Common;
using Raad.Web.Features.Agenda;
using Raad.Web.Features.Meetings;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;
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

/// <summary>
/// The agenda or the minutes as a tagged PDF with an outline, "Side N af M" and page numbers in the contents.
/// Chromium has no target-counter, so the document is printed once, the page of each item read from the PDF's
/// outline, and printed again with the numbers filled in; the page column has a fixed width, so nothing moves.
/// </summary>
public sealed class DocumentPdf(MeetingQuery query, DocumentHtml html, ChromiumPrinter printer, ViewerAccessor viewers,
    IOptions<MailOptions> mail, TimeProvider clock) : IUseCase
{
    public const string NotFoundCode = "document.not_found";
    public const string NotAllowedCode = "document.not_allowed";

    public async Task<Result<DocumentFile>> RenderAsync(int meetingId, DocumentKind kind, DocumentVersion version, CancellationToken ct)
    {
        var (document, error) = await DocumentAsync(meetingId, kind, version, ct);
        if (error is not null)
        {
            return error;
        }
        var v = document!.View;
        var (title, subject) = Describe(v, kind, version);

        var printed = await PrintAsync(document, title, v.Body.Name, null, ct);
        if (!printed.IsSuccess)
        {
            return Result<DocumentFile>.Fail(printed.Errors);
        }
        return new DocumentFile(PdfMetadata.WithInfo(printed.Value!, title, v.Body.Name, subject, clock.GetUtcNow()), FileName(v, kind, version, "pdf"), "application/pdf");
    }

    /// <summary>
    /// Prints the document until the page numbers it gives are the pages things land on: once with the page column
    /// empty, then with the numbers read from the outline (and, in the agenda package, the attachments' pages, which
    /// start after the agenda's last page). Twice is enough when nothing moves; a third round only if something did.
    /// </summary>
    public async Task<Result<byte[]>> PrintAsync(DocumentModel document, string title, string author,
        Func<int, IReadOnlyList<PackageEntry>>? package, CancellationToken ct)
    {
        IReadOnlyDictionary<string, int>? pages = null;
        var pageCount = -1;
        var model = document with { Package = package?.Invoke(0) };
        byte[] pdf = [];
        for (var round = 0; round < 3; round++)
        {
            var printed = await printer.PrintAsync(await html.RenderAsync(new PrintModel(model, title, author)), ct);
            if (!printed.IsSuccess)
            {
                return printed;
            }
            pdf = printed.Value!;
            var (found, count) = ItemPages(pdf, document.View.Items.Select(i => i.Number));
            if (pages is not null && count == pageCount && found.Count == pages.Count && found.All(p => pages.GetValueOrDefault(p.Key) == p.Value))
            {
                break;
            }
            (pages, pageCount) = (found, count);
            model = document with { PageNumbers = pages, Package = package?.Invoke(count) };
        }
        return pdf;
    }


    /// <summary>The title and subject a document's metadata gives, the same in the PDF and the Word file.</summary>
    public static (string Title, string Subject) Describe(MeetingView v, DocumentKind kind, DocumentVersion version)
    {
        var what = kind == DocumentKind.Agenda ? "Dagsorden" : "Referat";
        return ($"{what} – {v.Body.Name} – {DanishFormat.Date(v.Meeting.Date)}",
            $"{what} for mødet i {v.Body.Name} {DanishFormat.LongDate(v.Meeting.Date)}, {DanishFormat.TimeRange(v.Meeting.Start, v.Meeting.End)}"
            + (version == DocumentVersion.Members ? " (medlemsudgave med lukkede punkter)" : ""));
    }

    /// <summary>"dagsorden-2025-08-27.pdf", "referat-2023-01-18-medlemmer.docx".</summary>
    public static string FileName(MeetingView v, DocumentKind kind, DocumentVersion version, string extension) =>
        $"{(kind == DocumentKind.Agenda ? "dagsorden" : "referat")}-{v.Meeting.Date:yyyy-MM-dd}{(version == DocumentVersion.Members ? "-medlemmer" : "")}.{extension}";

    /// <summary>The document as the edition allows, or why not: not found for what the asker may not know exists.</summary>
    /// <param name="allowed">Background work that was allowed when it was asked for: the members' edition without a viewer.</param>
    public async Task<(DocumentModel? Document, Error? Error)> DocumentAsync(int meetingId, DocumentKind kind, DocumentVersion version,
        CancellationToken ct, bool allowed = false)
    {
        var publicView = version == DocumentVersion.Public;
        var view = await query.GetAsync(meetingId, ct, asPublic: publicView, asInsider: allowed && !publicView);
        if (view is null)
        {
            return (null, new Error(NotFoundCode, "Mødet findes ikke."));
        }
        if (!publicView && !allowed && !(await viewers.GetAsync(ct)).IsInsider(view.Body.Id))
        {
            return (null, new Error(NotAllowedCode, "Medlemsudgaven med lukkede punkter er kun for udvalgets medlemmer og sekretariatet."));
        }
        var exists = kind == DocumentKind.Agenda
            ? view.IsInsider || view.Meeting.AgendaIsPublic
            : view.Meeting.HasMinutes && view.ShowDecisions;
        if (!exists)
        {
            return (null, new Error(NotFoundCode, kind == DocumentKind.Agenda ? "Dagsordenen er ikke udsendt." : "Referatet er ikke godkendt."));
        }
        var draft = kind == DocumentKind.Agenda ? !view.Meeting.AgendaIsPublic : view.Meeting.Status != Domain.Meetings.MeetingStatus.MinutesApproved;
        return (new DocumentModel(view, kind == DocumentKind.Minutes, draft, Print: true, LinkBase: mail.Value.PublicUrl.TrimEnd('/')), null);
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
