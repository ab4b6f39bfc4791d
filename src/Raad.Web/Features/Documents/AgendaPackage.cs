using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Features.Agenda;
using Raad.Web.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Writer;

namespace Raad.Web.Features.Documents;

/// <summary>
/// The members' reading on a tablet: the agenda followed by every PDF attachment in item order, as one PDF with a
/// bookmark per item and per attachment, and the agenda's contents giving the page each attachment begins on.
/// Other files (DOCX, XLSX) are listed with their title and a link.
/// </summary>
public sealed class AgendaPackage(AppDbContext db, DocumentEditions editions, DocumentPdf pdf, DocumentHtml html)
{
    private sealed record Part(PackageEntry Entry, int AttachmentId, byte[]? Content, int Pages);

    /// <summary>What the package is made of: the agenda's HTML and the attachments' checksums. Same inputs, same package.</summary>
    public async Task<(string? Fingerprint, Error? Error)> FingerprintAsync(int meetingId, DocumentVersion version, CancellationToken ct, bool allowed = false)
    {
        var (document, error) = await editions.DocumentAsync(meetingId, DocumentKind.Agenda, version, ct, allowed);
        if (error is not null)
        {
            return (null, error);
        }
        var ids = document!.View.Items.SelectMany(i => i.Attachments).Select(a => $"{a.Id}:{a.Sha256}:{a.Title}");
        var page = await html.RenderAsync(new PrintModel(document, "", ""));
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(page + "\n" + string.Join("\n", ids) + "\n" + version));
        return (Convert.ToHexStringLower(hash), null);
    }

    public async Task<Result<DocumentFile>> BuildAsync(int meetingId, DocumentVersion version, IProgress<int>? progress, CancellationToken ct, bool allowed = false)
    {
        var (document, error) = await editions.DocumentAsync(meetingId, DocumentKind.Agenda, version, ct, allowed);
        if (error is not null)
        {
            return error;
        }
        var v = document!.View;
        progress?.Report(5);
        var parts = await PartsAsync(document, ct);
        var title = $"Samlet dagsorden med bilag – {v.Body.Name} – {DanishFormat.Date(v.Meeting.Date)}";
        progress?.Report(15);

        // The attachments start after the agenda's last page, which is known once the agenda has been printed.
        IReadOnlyList<PackageEntry> Entries(int agendaPages)
        {
            var next = agendaPages + 1;
            return [.. parts.Select(p =>
            {
                if (p.Content is null)
                {
                    return p.Entry;
                }
                var entry = p.Entry with { Page = agendaPages > 0 ? next : null };
                next += p.Pages;
                return entry;
            })];
        }
        var printed = await pdf.PrintAsync(document, title, v.Body.Name, Entries, ct);
        if (!printed.IsSuccess)
        {
            return Result<DocumentFile>.Fail(printed.Errors);
        }
        progress?.Report(60);

        // The last print's own item pages and page count: the numbers printed in it, read from it once.
        var (agendaPdf, itemPages, agendaPages, _) = printed.Value!;
        using var agenda = PdfDocument.Open(agendaPdf);
        var entries = Entries(agendaPages);
        using var builder = new PdfDocumentBuilder();
        for (var page = 1; page <= agenda.NumberOfPages; page++)
        {
            builder.AddPage(agenda, page);
        }
        var merged = 0;
        var stampFont = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var part in parts.Where(p => p.Content is not null))
        {
            using var attachment = PdfDocument.Open(part.Content!);
            for (var page = 1; page <= attachment.NumberOfPages; page++)
            {
                Stamp(builder.AddPage(attachment, page), attachment.GetPage(page), stampFont,
                    $"Bilag {part.Entry.Number} – {part.Entry.Title} · side {page} af {attachment.NumberOfPages}");
            }
            progress?.Report(60 + (35 * ++merged / Math.Max(1, parts.Count(p => p.Content is not null))));
        }
        builder.Bookmarks = new Bookmarks([Mark("Dagsorden", 0, 1,
        [
            .. v.Items.Where(i => itemPages.ContainsKey(i.Number)).Select(i => Mark($"{i.Number}. {i.Item.Heading}", 1, itemPages[i.Number],
            [
                .. entries.Where(e => e.ItemNumber == i.Number && e.Page is not null)
                    .Select(e => Mark($"Bilag {e.Number} – {e.Title}", 2, e.Page!.Value, [])),
            ])),
        ])]);
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Author = v.Body.Name;
        builder.DocumentInformation.Subject = $"Dagsorden med bilag for mødet i {v.Body.Name} {DanishFormat.LongDate(v.Meeting.Date)}";
        builder.DocumentInformation.Creator = "Raad";
        var bytes = builder.Build();
        progress?.Report(100);
        var file = $"samlet-dagsorden-{v.Meeting.Date:yyyy-MM-dd}{(version == DocumentVersion.Members ? "-medlemmer" : "")}.pdf";
        return new DocumentFile(bytes, file, "application/pdf");
    }

    /// <summary>The attachments in item order, numbered as the agenda numbers them. A PDF that cannot be read is listed, not merged.</summary>
    private async Task<List<Part>> PartsAsync(DocumentModel document, CancellationToken ct)
    {
        var listed = document.View.Items.SelectMany(i => i.Attachments.Select(a => (Item: i, Attachment: a))).ToList();
        var pdfIds = listed.Where(x => x.Attachment.ContentType == "application/pdf").Select(x => x.Attachment.Id).ToList();
        var contents = await db.Attachments.AsNoTracking().Where(a => pdfIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Content }).ToDictionaryAsync(a => a.Id, a => a.Content, ct);
        var parts = new List<Part>();
        foreach (var (item, attachment) in listed)
        {
            var entry = new PackageEntry(attachment.Number, attachment.Title, item.Number, null, null);
            var link = $"{document.LinkBase}/bilag/{attachment.Id}";
            if (contents.TryGetValue(attachment.Id, out var content) && PageCount(content) is { } pages)
            {
                parts.Add(new Part(entry with { Pages = pages }, attachment.Id, content, pages));
            }
            else
            {
                var note = attachment.ContentType == "application/pdf" ? "kan ikke læses; hentes separat" : $"{Kind(attachment.FileName)}, hentes separat";
                parts.Add(new Part(entry with { Link = link, Note = note }, attachment.Id, null, 0));
            }
        }
        return parts;
    }

    private static int? PageCount(byte[] content)
    {
        try
        {
            using var document = PdfDocument.Open(content);
            return document.NumberOfPages;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged file is the uploader's problem, not the package's: it is listed with a link instead.
            return null;
        }
    }

    /// <summary>
    /// "Bilag 3 – Budget · side 2 af 5" in small type at the top of an attachment's page, so a printed page says where it
    /// belongs. Helvetica (WinAnsi) has æ, ø, å, the dash and the dot; other characters are written as "?".
    /// </summary>
    private static void Stamp(PdfPageBuilder target, Page source, PdfDocumentBuilder.AddedFont font, string text)
    {
        var safe = new string([.. text.Select(c => c is '–' or '·' || (c >= ' ' && c <= '~') || (c >= '\u00A0' && c <= '\u00FF') ? c : '?')]);
        if (safe.Length > 110)
        {
            safe = safe[..107] + "...";
        }
        var box = source.CropBox.Bounds;
        try
        {
            // A stream of its own after the page's: the attachment's content stays as it was.
            target.NewContentStreamAfter();
            target.SetTextAndFillColor(80, 80, 80);
            target.AddText(safe, 8, new PdfPoint(box.Left + 28, box.Top - 16), font);
            target.ResetColor();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            // A character the font cannot write: the page goes in without its stamp rather than not at all.
        }
    }

    private static string Kind(string fileName) => Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant();

    private static DocumentBookmarkNode Mark(string title, int level, int page, IReadOnlyList<BookmarkNode> children) =>
        new(title, level, new ExplicitDestination(page, ExplicitDestinationType.FitPage, ExplicitDestinationCoordinates.Empty), children);
}
