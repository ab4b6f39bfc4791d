using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raad.Domain.Access;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

/// <summary>Attaches a file to an item on a draft agenda after checking its size and type (by name and by content).</summary>
public sealed class UploadAttachment(AppDbContext db, IOptions<AttachmentOptions> options, TimeProvider clock) : IUseCase
{
    public async Task<Result> HandleAsync(int itemId, string? title, IFormFile? file, CancellationToken ct)
    {
        var (content, contentType, error) = await UploadedFile.ReadAsync(file, options.Value.MaxBytes, ct);
        if (error is not null)
        {
            return error;
        }
        var (meeting, guard) = await AgendaGuard.EditableMeetingOfItemAsync(db, itemId, ct);
        if (!guard.IsSuccess)
        {
            return guard;
        }
        var order = await db.Attachments.Where(a => a.AgendaItemId == itemId).MaxAsync(a => (int?)a.Order, ct) ?? 0;
        db.Attachments.Add(new Attachment
        {
            AgendaItemId = itemId,
            Title = string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(file!.FileName) : title.Trim(),
            FileName = Path.GetFileName(file!.FileName),
            ContentType = contentType!,
            Size = content!.Length,
            Sha256 = UploadedFile.Sha256(content),
            Content = content,
            Order = order + 1,
            UploadedAt = clock.GetUtcNow(),
        });
        return await db.SaveAsync("Punktet", ct);
    }

    public async Task<Result> RemoveAsync(int attachmentId, CancellationToken ct)
    {
        var row = await db.Attachments.Where(a => a.Id == attachmentId)
            .Select(a => new { a.Id, a.AgendaItem!.MeetingId }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return new Error("attachment.not_found", "Bilaget findes ikke.");
        }
        var (_, guard) = await AgendaGuard.EditableMeetingAsync(db, row.MeetingId, ct);
        if (!guard.IsSuccess)
        {
            return guard;
        }
        // One transaction: the delete (without loading the file) and a planned meeting's move to draft.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Attachments.Where(a => a.Id == row.Id).ExecuteDeleteAsync(ct);
        var saved = await db.SaveAsync("Bilaget", ct);
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(ct);
        }
        return saved;
    }
}

public static class AttachmentsApi
{
    /// <summary>Downloads a file if the agenda is visible to the caller and the item is open or the caller an insider.</summary>
    public static void MapAttachmentDownload(this WebApplication app) =>
        app.MapGet("/bilag/{id:int}", async (int id, AppDbContext db, ViewerAccessor viewers, CancellationToken ct) =>
        {
            var meta = await db.Attachments.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.FileName, a.ContentType, a.AgendaItemId, a.AgendaItem!.IsClosed, a.AgendaItem.Meeting!.BodyId, a.AgendaItem.Meeting.Status })
                .FirstOrDefaultAsync(ct);
            if (meta is null)
            {
                return Results.NotFound();
            }
            var viewer = await viewers.GetAsync(ct);
            if (!Visibility.Attachment(viewer.Facts, new MeetingState(meta.BodyId, meta.Status), new ItemState(meta.AgendaItemId, meta.IsClosed)))
            {
                // Not found rather than forbidden: a closed item's files do not exist for outsiders.
                return Results.NotFound();
            }
            var content = await db.Attachments.Where(a => a.Id == id).Select(a => a.Content).FirstAsync(ct);
            return Results.File(content, meta.ContentType, meta.FileName);
        }).ExcludeFromDescription();
}

/// <summary>An uploaded file read into memory once its size and type (by name and by first bytes) have passed the policy.</summary>
public static class UploadedFile
{
    public static async Task<(byte[]? Content, string? ContentType, Error? Error)> ReadAsync(IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null)
        {
            return (null, null, new Error("attachment.missing", "Vælg en fil.", "File"));
        }
        var head = new byte[8];
        int read;
        await using (var peek = file.OpenReadStream())
        {
            read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }
        var (contentType, error) = AttachmentPolicy.Check(file.FileName, file.Length, head.AsSpan(0, read), maxBytes);
        if (error is not null)
        {
            return (null, null, error);
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), contentType, null);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
