using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure.Audit;

/// <summary>The chain's check: each entry's hash is that of its own fields, it names the entry before's hash, and the numbers run without a gap.</summary>
public static class AuditVerifier
{
    /// <summary>How many entries held, and the first that did not (with why), or null when the chain holds.</summary>
    public sealed record Outcome(long Checked, AuditEntry? Broken, string? Reason, string LastHash);

    public static async Task<Outcome> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        long count = 0;
        var previousId = 0L;
        var previousHash = AuditEntry.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var reason = entry.Id != previousId + 1
                ? $"post {previousId + 1}{(entry.Id > previousId + 2 ? $"–{entry.Id - 1}" : "")} mangler foran den"
                : entry.PreviousHash != previousHash
                    ? "den peger ikke på den forrige posts hash (den forrige er ændret, eller en post mangler)"
                    : entry.ComputeHash() != entry.Hash
                        ? "dens indhold passer ikke til dens hash (posten er ændret)"
                        : null;
            if (reason is not null)
            {
                return new Outcome(count, entry, reason, previousHash);
            }
            count++;
            previousId = entry.Id;
            previousHash = entry.Hash;
        }
        return new Outcome(count, null, null, previousHash);
    }
}
