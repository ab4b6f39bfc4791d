using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;

namespace Raad.Web.Features.Import;

/// <summary>The import page's lists: the bodies to choose from, the files waiting, and the latest imported.</summary>
public sealed class ImportOverview(AppDbContext db)
{
    public sealed record Lists(List<string> Bodies, List<ImportedDocument> Pending, List<ImportedDocument> Imported);

    public async Task<Result<Lists>> LoadAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => b.Name).ToListAsync(ct);
        var documents = db.ImportedDocuments.AsNoTracking().Select(d => new ImportedDocument
        {
            Id = d.Id,
            FileName = d.FileName,
            ContentType = d.ContentType,
            Sha256 = d.Sha256,
            Size = d.Size,
            Status = d.Status,
            Kind = d.Kind,
            MeetingId = d.MeetingId,
            BodyId = d.BodyId,
            RulesId = d.RulesId,
            UploadedBy = d.UploadedBy,
            UploadedAt = d.UploadedAt,
            ImportedAt = d.ImportedAt,
        });
        var pending = await documents.Where(d => d.Status == ImportStatus.Pending).OrderBy(d => d.Id).ToListAsync(ct);
        var imported = await documents.Where(d => d.Status == ImportStatus.Imported).OrderByDescending(d => d.Id).Take(50).ToListAsync(ct);
        return new Lists(bodies, pending, imported);
    }
}
