using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure.Audit;

namespace Raad.Web.Features.OParl;

/// <summary>
/// OParl's created, modified and deleted, read from the audit log (Infrastructure/Audit): every insert, change and
/// delete of every entity is recorded there with its time, inside the same transaction, so no extra columns are needed.
/// An object's created is its first entry, modified its last; a deleted object has a Deleted entry, whose "before"
/// values say which body (or meeting, item) it belonged to.
/// </summary>
public sealed class OParlStamps(AppDbContext db)
{
    public sealed record Stamp(DateTimeOffset Created, DateTimeOffset Modified);

    /// <summary>A deleted object: its id, when it was deleted, its values before (BodyId, MeetingId …) and its first entry.</summary>
    public sealed record Tombstone(string Id, DateTimeOffset Deleted, DateTimeOffset Created, JsonElement Before);

    private DateTimeOffset? origin;

    /// <summary>
    /// For rows the log has never seen (seeded by a migration): the log's first entry, so they are older than everything else.
    /// </summary>
    private async Task<DateTimeOffset> OriginAsync(CancellationToken ct) =>
        origin ??= await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct)
            ?? DateTimeOffset.UnixEpoch;

    /// <summary>The stamps of the rows of <paramref name="type"/> (the entity's class name) with these ids.</summary>
    public async Task<Func<int, Stamp>> OfAsync(string type, IEnumerable<int> ids, CancellationToken ct)
    {
        var keys = ids.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var rows = keys.Count == 0 ? [] : await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == type && keys.Contains(e.EntityId))
            .Select(e => new { e.EntityId, e.At })
            .ToListAsync(ct);
        var stamps = rows.GroupBy(r => r.EntityId).ToDictionary(g => g.Key, g => new Stamp(g.Min(r => r.At), g.Max(r => r.At)));
        var fallback = await OriginAsync(ct);
        return id => stamps.GetValueOrDefault(id.ToString(CultureInfo.InvariantCulture)) ?? new Stamp(fallback, fallback);
    }

    public async Task<Stamp> OfAsync(string type, int id, CancellationToken ct) => (await OfAsync(type, [id], ct))(id);

    /// <summary>The deleted rows of <paramref name="type"/>, newest deletion last; optionally only this id.</summary>
    public async Task<List<Tombstone>> DeletedAsync(string type, CancellationToken ct, int? id = null)
    {
        var key = id?.ToString(CultureInfo.InvariantCulture);
        var deletions = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == type && e.Act == AuditAct.Deleted && (key == null || e.EntityId == key))
            .OrderBy(e => e.Id)
            .Select(e => new { e.EntityId, e.At, e.Before })
            .ToListAsync(ct);
        if (deletions.Count == 0)
        {
            return [];
        }
        var ids = deletions.Select(d => d.EntityId).Distinct().ToList();
        var firsts = (await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == type && ids.Contains(e.EntityId))
                .Select(e => new { e.EntityId, e.At }).ToListAsync(ct))
            .GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => g.Min(e => e.At));
        // SQLite reuses the ids of deleted rows: a row that lives again under the same id is not deleted.
        var last = deletions.GroupBy(d => d.EntityId).Select(g => g.Last()).ToList();
        return [.. last.Select(d => new Tombstone(d.EntityId, d.At, firsts.GetValueOrDefault(d.EntityId, d.At),
            d.Before is null ? default : JsonDocument.Parse(d.Before).RootElement.Clone()))];
    }

    /// <summary>When each meeting was last published (its agenda went public), for meetings that are no longer public.</summary>
    public async Task<HashSet<int>> EverPublishedAsync(IEnumerable<int> meetingIds, CancellationToken ct)
    {
        var keys = meetingIds.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var published = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Meeting" && e.Act == AuditAct.Published && keys.Contains(e.EntityId))
            .Select(e => e.EntityId).Distinct().ToListAsync(ct);
        return [.. published.Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
    }

    public static int? IntOf(JsonElement before, string name) =>
        before.ValueKind == JsonValueKind.Object && before.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetInt32() : null;
}
