using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.Agenda;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.ItemRequests;

internal static class ItemRequestMail
{
    /// <summary>Mails the member who asked how the request was answered, if they have an address.</summary>
    public static async Task TellMemberAsync(AppDbContext db, Outbox outbox, ItemRequest request, string headline, string text, CancellationToken ct)
    {
        if (await outbox.AddressOfAsync(request.PersonId, Raad.Domain.People.MailKinds.ItemRequestAnswered, ct) is not { } address)
        {
            return;
        }
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Body).FirstAsync(m => m.Id == request.MeetingId, ct);
        outbox.Add(Raad.Domain.People.MailKinds.ItemRequestAnswered, address, $"{headline}: {request.Title}", outbox.WithChoices($"""
            Du ønskede punktet "{request.Title}" på dagsordenen til mødet i {meeting.Body!.Name} {DanishFormat.Date(meeting.Date)}.
            {text}

            Se dine ønsker: {outbox.Link("/punktoensker")}
            """, request.PersonId), request.MeetingId, request.PersonId);
    }
}
