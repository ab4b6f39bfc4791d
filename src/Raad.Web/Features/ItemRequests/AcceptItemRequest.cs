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

/// <summary>
/// The secretariat takes a requested item onto the meeting's agenda draft (with the member's text and files) and tells the
/// member. Answers the new agenda item's id.
/// </summary>
public sealed class AcceptItemRequest(AppDbContext db, AddItem addItem, Outbox outbox, Search.AttachmentTextWorker textWorker, TimeProvider clock) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int requestId, int version, CancellationToken ct)
    {
        var request = await db.ItemRequests.Include(r => r.Attachments).FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return new Error("item_request.not_found", "Ønsket findes ikke.");
        }
        if (request.Status != ItemRequestStatus.Pending)
        {
            return new Error("item_request.answered", "Ønsket er allerede besvaret.");
        }
        // Two saves, one transaction: the new item (through AddItem, which places it before "Eventuelt"), then the answer.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var added = await addItem.HandleAsync(request.MeetingId,
            new NewItemInput { Title = request.Title, Kind = ItemKind.Discussion, DurationMinutes = 15 }, ct);
        if (!added.IsSuccess)
        {
            return added;
        }
        var itemId = added.Value;
        var item = await db.AgendaItems.FirstAsync(i => i.Id == itemId, ct);
        item.Background = request.Wanted;
        var order = 0;
        foreach (var file in request.Attachments.OrderBy(a => a.Id))
        {
            db.Attachments.Add(new Attachment
            {
                AgendaItemId = itemId,
                Title = Path.GetFileNameWithoutExtension(file.FileName),
                FileName = file.FileName,
                ContentType = file.ContentType,
                Size = file.Size,
                Sha256 = file.Sha256,
                Content = file.Content,
                Order = ++order,
                UploadedAt = file.UploadedAt,
            });
        }
        db.ExpectVersion(request, version);
        var accepted = request.Accept(itemId, clock.GetUtcNow());
        if (!accepted.IsSuccess)
        {
            return accepted.With(itemId);
        }
        await ItemRequestMail.TellMemberAsync(db, outbox, request, "Dit ønske er optaget på dagsordenen", "Punktet er optaget på dagsordenen til mødet.", ct);
        var saved = await db.SaveAsync("Ønsket", ct);
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(ct);
            if (order > 0)
            {
                // The member's files are read in the background, not in the secretariat's click (they may be many and large).
                textWorker.Nudge();
            }
        }
        return saved.With(itemId);
    }
}
