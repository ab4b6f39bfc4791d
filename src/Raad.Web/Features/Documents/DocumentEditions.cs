using Microsoft.Extensions.Options;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Web.Features.Agenda;
using Raad.Web.Features.Meetings;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Documents;

/// <summary>
/// Which document a reader gets in which edition, decided once for every format (PDF, Word, the package): the public
/// edition reads the meeting as the public does, the members' edition needs a member of the body or the secretariat.
/// </summary>
public sealed class DocumentEditions(MeetingQuery query, ViewerAccessor viewers, IOptions<MailOptions> mail)
{
    public const string NotFoundCode = "document.not_found";
    public const string NotAllowedCode = "document.not_allowed";

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
        if (!publicView && !allowed && !Visibility.IsInsider((await viewers.GetAsync(ct)).Facts, view.Body.Id, view.Meeting.Date))
        {
            return (null, new Error(NotAllowedCode, "Medlemsudgaven med lukkede punkter er kun for udvalgets medlemmer og sekretariatet."));
        }
        var exists = kind == DocumentKind.Agenda
            ? view.AgendaVisible
            : view.Meeting.HasMinutes && view.ShowDecisions;
        if (!exists)
        {
            return (null, new Error(NotFoundCode, kind == DocumentKind.Agenda ? "Dagsordenen er ikke udsendt." : "Referatet er ikke godkendt."));
        }
        var draft = kind == DocumentKind.Agenda ? !view.Meeting.AgendaIsPublic : view.Meeting.Status != Domain.Meetings.MeetingStatus.MinutesApproved;
        return (new DocumentModel(view, kind == DocumentKind.Minutes, draft, Print: true, LinkBase: mail.Value.PublicUrl.TrimEnd('/')), null);
    }
}
