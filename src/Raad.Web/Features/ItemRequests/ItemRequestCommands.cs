using Microsoft.EntityFrameworkCore;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.Agenda;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.ItemRequests;

/// <summary>A member asks for an item on a meeting's agenda (§ 3, stk. 2). Received now; judged against the deadline when shown.</summary>
public sealed class SubmitItemRequest(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public async Task<Result> HandleAsync(int meetingId, string? title, string? wanted, CancellationToken ct)
    {
        var v = ItemRequest.Validate(title, wanted);
        if (!v.IsValid)
        {
            return v.ToResult();
        }
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        var viewer = await viewers.GetAsync(ct);
        if (viewer.PersonId is not { } personId || !viewer.MemberOfBodies.Contains(meeting.BodyId))
        {
            return new Error("item_request.not_member", "Kun udvalgets medlemmer kan ønske punkter på dagsordenen.");
        }
        if (meeting.Status is not (MeetingStatus.Planned or MeetingStatus.AgendaDraft))
        {
            return new Error("item_request.agenda_closed", "Dagsordenen til mødet er udsendt; ønsk punktet til et senere møde.");
        }
        db.ItemRequests.Add(new ItemRequest
        {
            MeetingId = meetingId,
            PersonId = personId,
            Title = title!.Trim(),
            Wanted = wanted!.Replace("\r\n", "\n").Trim(),
            ReceivedAt = clock.GetUtcNow(),
        });
        return await db.SaveAsync("Ønsket", ct);
    }
}

/// <summary>The secretariat takes a requested item onto the meeting's agenda draft, or declines it with a reason the member sees.</summary>
public sealed class AnswerItemRequest(AppDbContext db, AddItem addItem, TimeProvider clock) : IUseCase
{
    public async Task<Result> AcceptAsync(int requestId, int version, CancellationToken ct)
    {
        var request = await db.ItemRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
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
        var (added, itemId) = await addItem.HandleAsync(request.MeetingId,
            new NewItemInput { Title = request.Title, Kind = ItemKind.Discussion, DurationMinutes = 15 }, ct);
        if (!added.IsSuccess)
        {
            return added;
        }
        var item = await db.AgendaItems.FirstAsync(i => i.Id == itemId, ct);
        item.Background = request.Wanted;
        db.ExpectVersion(request, version);
        var accepted = request.Accept(itemId, clock.GetUtcNow());
        if (!accepted.IsSuccess)
        {
            return accepted;
        }
        var saved = await db.SaveAsync("Ønsket", ct);
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(ct);
        }
        return saved;
    }

    public async Task<Result> DeclineAsync(int requestId, int version, string? reason, CancellationToken ct)
    {
        var request = await db.ItemRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return new Error("item_request.not_found", "Ønsket findes ikke.");
        }
        db.ExpectVersion(request, version);
        var declined = request.Decline(reason, clock.GetUtcNow());
        return declined.IsSuccess ? await db.SaveAsync("Ønsket", ct) : declined;
    }
}
