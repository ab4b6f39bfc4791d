using Raad.Domain.Common;
using Raad.Web.Features.Agenda;
using Raad.Web.Features.Documents;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Pdf;

namespace Raad.Web.Features.Workspace;

/// <summary>
/// "Mine noter": the agenda as the member reads it, with his own notes after each item, as a PDF. Printed for him
/// alone, never cached or stored: no other document, edition or export carries notes.
/// </summary>
public sealed class PrintMyNotes(DocumentEditions editions, DocumentPdf pdf, NotesQuery notes, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public async Task<Result<DocumentFile>> HandleAsync(int meetingId, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        if (viewer.UserId is null)
        {
            return new Error(DocumentEditions.NotFoundCode, "Mødet findes ikke.");
        }
        // The members' edition for the body's members and secretariat (DocumentEditions decides), else the public one.
        var version = DocumentVersion.Members;
        var (document, error) = await editions.DocumentAsync(meetingId, DocumentKind.Agenda, version, ct);
        if (error?.Code == DocumentEditions.NotAllowedCode)
        {
            version = DocumentVersion.Public;
            (document, error) = await editions.DocumentAsync(meetingId, DocumentKind.Agenda, version, ct);
        }
        if (error is not null)
        {
            return error;
        }
        var view = document!.View;
        var attachmentNumbers = view.Items.SelectMany(i => i.Attachments).ToDictionary(a => a.Id, a => a.Number);
        var mine = (await notes.MineAsync(meetingId, ct))
            .Where(n => n.Text.Trim().Length > 0)
            .GroupBy(n => n.AgendaItemId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PrintedNote>)[.. g
                .OrderBy(n => n.AttachmentId is null ? 0 : 1).ThenBy(n => n.AttachmentId).ThenBy(n => n.Page).ThenBy(n => n.Y)
                .Select(n => new PrintedNote(
                    n.AttachmentId is { } a && attachmentNumbers.TryGetValue(a, out var number) ? $"Bilag {number}, side {n.Page}" : "Til punktet",
                    n.Text.Trim()))]);

        var (title, _) = DocumentEditions.Describe(view, DocumentKind.Agenda, version);
        title = $"Mine noter – {title}";
        var printed = await pdf.PrintAsync(document with { Notes = mine }, title, view.Body.Name, null, ct);
        if (!printed.IsSuccess)
        {
            return Result<DocumentFile>.Fail(printed.Errors);
        }
        var subject = $"Dagsordenen med mine egne noter ({mine.Values.Sum(n => n.Count)} noter)";
        return new DocumentFile(PdfMetadata.WithInfo(printed.Value!.Pdf, title, view.Body.Name, subject, clock.GetUtcNow()),
            $"mine-noter-{view.Meeting.Date:yyyy-MM-dd}.pdf", "application/pdf");
    }
}
