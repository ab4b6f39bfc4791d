using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Import;

/// <summary>"Kassér filen": drops a waiting upload; nothing of it was imported. Answers with the file's name.</summary>
public sealed class DiscardImport(AppDbContext db) : IUseCase
{
    public async Task<Result<string>> RunAsync(int documentId, CancellationToken ct)
    {
        var document = await db.ImportedDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.Status == ImportStatus.Pending, ct);
        if (document is null)
        {
            return new Error("import.not_found", "Filen findes ikke eller er allerede importeret.");
        }
        db.ImportedDocuments.Remove(document);
        await db.SaveChangesAsync(ct);
        return document.FileName;
    }
}
