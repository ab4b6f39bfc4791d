using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.Agenda;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Audit;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.ItemRequests;

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
                .Join(db.ItemRequests, a => a.ItemRequestId, r => r.Id, (a, r) => new { a.FileName, a.ContentType, r.PersonId, r.Meeting!.BodyId })
                .FirstOrDefaultAsync(ct);
            var viewer = await viewers.GetAsync(ct);
            // Not found rather than forbidden: a member's request is between them and the secretariat.
            if (meta is null || !(viewer.CanEditBody(meta.BodyId) || viewer.PersonId == meta.PersonId))
            {
                return Results.NotFound();
            }
            var content = await db.ItemRequestAttachments.Where(a => a.Id == id).Select(a => a.Content).FirstAsync(ct);
            return Results.File(content, meta.ContentType, meta.FileName);
        }).Needs(Permission.SignedIn).RecordsExport("ItemRequestAttachment").ExcludeFromDescription();
}
