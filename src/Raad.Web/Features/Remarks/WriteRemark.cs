using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Domain.Workspace;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Remarks;

/// <summary>
/// A member or the secretariat writes a remark on an item before the meeting: a new thread, or an answer to one
/// (<paramref name="threadId"/> in HandleAsync). Only those <see cref="Visibility.Remarks"/> lets read the item's remarks
/// may write; for anyone else the item is not found.
/// </summary>
public sealed class WriteRemark(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public const string NotFound = "remark.item_not_found";

    public async Task<Result<int>> HandleAsync(int meetingId, int itemId, int? threadId, string? text, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().Where(i => i.Id == itemId && i.MeetingId == meetingId)
            .Select(i => new { i.Id, i.IsClosed, i.Meeting!.BodyId, i.Meeting.Status, i.Meeting.Date, i.Meeting.Body!.AllowsRemarks })
            .FirstOrDefaultAsync(ct);
        var viewer = await viewers.GetAsync(ct);
        if (item is null || viewer.UserId is null
            || !Visibility.Remarks(viewer.Facts, new MeetingState(item.BodyId, item.Status, item.Date), new ItemState(item.Id, item.IsClosed)))
        {
            return new Error(NotFound, "Punktet findes ikke.");
        }
        var allowed = Remark.MayWrite(item.AllowsRemarks, item.Status, item.Date, Clock.Today(clock));
        if (!allowed.IsSuccess)
        {
            return Result<int>.Fail(allowed.Errors);
        }
        var v = Remark.Validate(text);
        if (threadId is { } thread)
        {
            v.Require(await db.Remarks.AnyAsync(r => r.Id == thread && r.AgendaItemId == itemId && r.ThreadId == null, ct),
                "remark.thread_not_found", nameof(Remark.ThreadId), "Den bemærkning, du svarer på, findes ikke længere.");
        }
        if (!v.IsValid)
        {
            return Result<int>.Fail(v.Errors);
        }
        var author = await db.Users.Where(u => u.Id == viewer.UserId).Select(u => u.DisplayName).FirstAsync(ct);
        var remark = new Remark
        {
            AgendaItemId = itemId,
            ThreadId = threadId,
            AuthorUserId = viewer.UserId,
            AuthorName = author,
            Text = text!.Trim(),
            WrittenAt = clock.GetUtcNow(),
        };
        db.Remarks.Add(remark);
        return (await db.SaveAsync("Bemærkningen", ct)).With(remark.Id);
    }
}
