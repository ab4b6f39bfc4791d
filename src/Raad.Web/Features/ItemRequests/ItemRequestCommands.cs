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

/// <summary>A member asks for an item on a meeting's agenda (§ 3, stk. 2). Received now; judged against the deadline when shown.</summary>
public sealed class SubmitItemRequest(AppDbContext db, ViewerAccessor viewers, IOptions<AttachmentOptions> options, TimeProvider clock) : IUseCase
{
    public async Task<Result> HandleAsync(int meetingId, string? title, string? wanted, IReadOnlyList<IFormFile> files, CancellationToken ct)
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
        var now = clock.GetUtcNow();
        var request = new ItemRequest
        {
            MeetingId = meetingId,
            PersonId = personId,
            Title = title!.Trim(),
            Wanted = wanted!.Replace("\r\n", "\n").Trim(),
            ReceivedAt = now,
        };
        // Every file must pass, or nothing is sent: the member fixes the one refused and sends again.
        foreach (var file in files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            var (content, contentType, error) = await UploadedFile.ReadAsync(file, options.Value.MaxBytes, ct);
            if (error is not null)
            {
                return error with { Field = "Files" };
            }
            request.Attachments.Add(new ItemRequestAttachment
            {
                FileName = Path.GetFileName(file.FileName),
                ContentType = contentType!,
                Size = content!.Length,
                Sha256 = UploadedFile.Sha256(content),
                Content = content,
                UploadedAt = now,
            });
        }
        db.ItemRequests.Add(request);
        return await db.SaveAsync("Ønsket", ct);
    }
}

/// <summary>The secretariat takes a requested item onto the meeting's agenda draft, or declines it with a reason the member sees.</summary>
public sealed class AnswerItemRequest(AppDbContext db, AddItem addItem, Outbox outbox, TimeProvider clock) : IUseCase
{
    public async Task<Result> AcceptAsync(int requestId, int version, CancellationToken ct)
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
        var (added, itemId) = await addItem.HandleAsync(request.MeetingId,
            new NewItemInput { Title = request.Title, Kind = ItemKind.Discussion, DurationMinutes = 15 }, ct);
        if (!added.IsSuccess)
        {
            return added;
        }
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
            return accepted;
        }
        await TellMemberAsync(request, "Dit ønske er optaget på dagsordenen", "Punktet er optaget på dagsordenen til mødet.", ct);
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
        if (!declined.IsSuccess)
        {
            return declined;
        }
        await TellMemberAsync(request, "Dit ønske er afvist", $"Sekretariatet har afvist ønsket med denne begrundelse: {request.DeclineReason}", ct);
        return await db.SaveAsync("Ønsket", ct);
    }

    private async Task TellMemberAsync(ItemRequest request, string headline, string text, CancellationToken ct)
    {
        if (await outbox.AddressOfAsync(request.PersonId, ct) is not { } address)
        {
            return;
        }
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Body).FirstAsync(m => m.Id == request.MeetingId, ct);
        outbox.Add("item_request_answered", address, $"{headline}: {request.Title}",
            $"""
            Du ønskede punktet "{request.Title}" på dagsordenen til mødet i {meeting.Body!.Name} {DanishFormat.Date(meeting.Date)}.
            {text}

            Se dine ønsker: {outbox.Link("/punktoensker")}
            """);
    }
}

/// <summary>The files sent with item requests: listed without their content, downloaded by the member who sent them or the secretariat.</summary>
public static class ItemRequestFiles
{
    public sealed record FileLink(int Id, string FileName, long Size);

    public static async Task<Dictionary<int, List<FileLink>>> ForAsync(AppDbContext db, IReadOnlyCollection<int> requestIds, CancellationToken ct) =>
        (await db.ItemRequestAttachments.AsNoTracking().Where(a => requestIds.Contains(a.ItemRequestId))
            .OrderBy(a => a.Id)
            .Select(a => new { a.ItemRequestId, Link = new FileLink(a.Id, a.FileName, a.Size) })
            .ToListAsync(ct))
        .GroupBy(a => a.ItemRequestId)
        .ToDictionary(g => g.Key, g => g.Select(a => a.Link).ToList());

    public static void MapItemRequestFiles(this WebApplication app) =>
        app.MapGet("/punktoensker/bilag/{id:int}", async (int id, AppDbContext db, ViewerAccessor viewers, CancellationToken ct) =>
        {
            var meta = await db.ItemRequestAttachments.AsNoTracking().Where(a => a.Id == id)
                .Join(db.ItemRequests, a => a.ItemRequestId, r => r.Id, (a, r) => new { a.FileName, a.ContentType, r.PersonId })
                .FirstOrDefaultAsync(ct);
            var viewer = await viewers.GetAsync(ct);
            // Not found rather than forbidden: a member's request is between them and the secretariat.
            if (meta is null || !(viewer.CanEdit || viewer.PersonId == meta.PersonId))
            {
                return Results.NotFound();
            }
            var content = await db.ItemRequestAttachments.Where(a => a.Id == id).Select(a => a.Content).FirstAsync(ct);
            return Results.File(content, meta.ContentType, meta.FileName);
        }).Needs(Permission.SignedIn).ExcludeFromDescription();
}
