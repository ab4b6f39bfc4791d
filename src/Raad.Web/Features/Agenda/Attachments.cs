using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

using Raad.Web.Infrastructure.Audit;

namespace Raad.Web.Features.Agenda;

public static class AttachmentsApi
{
    /// <summary>Downloads a file if the agenda is visible to the caller and the item is open or the caller an insider.</summary>
    public static void MapAttachmentDownload(this WebApplication app) =>
        app.MapGet("/bilag/{id:int}", async (int id, AppDbContext db, ViewerAccessor viewers, CancellationToken ct) =>
        {
            var meta = await db.Attachments.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.FileName, a.ContentType, a.AgendaItemId, a.AgendaItem!.IsClosed, a.AgendaItem.Meeting!.BodyId, a.AgendaItem.Meeting.Status, a.AgendaItem.Meeting.Date })
                .FirstOrDefaultAsync(ct);
            if (meta is null)
            {
                return Results.NotFound();
            }
            var viewer = await viewers.GetAsync(ct);
            if (!Visibility.Attachment(viewer.Facts, new MeetingState(meta.BodyId, meta.Status, meta.Date), new ItemState(meta.AgendaItemId, meta.IsClosed)))
            {
                // Not found rather than forbidden: a closed item's files do not exist for outsiders.
                return Results.NotFound();
            }
            var content = await db.Attachments.Where(a => a.Id == id).Select(a => a.Content).FirstAsync(ct);
            return Results.File(content, meta.ContentType, meta.FileName);
        }).Needs(Permission.Public).RecordsExport("Attachment").ExcludeFromDescription();
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
