using System.Globalization;
using System.Linq.Expressions;
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
    public async Task<DateTimeOffset> OriginAsync(CancellationToken ct) =>
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
    public Task<List<Tombstone>> DeletedAsync(string type, CancellationToken ct, int? id = null) =>
        DeletedAsync(type, id is null ? null : [id.Value], null, ct);

    /// <summary>
    /// The deleted rows of <paramref name="type"/>, newest deletion last: only these ids (null: all), only those whose last
    /// deletion is at or after <paramref name="since"/> (null: all). Read in SQL by type, act and time, so a list with
    /// modified_since reads the recent deletions only.
    /// </summary>
    public async Task<List<Tombstone>> DeletedAsync(string type, IReadOnlyCollection<int>? ids, DateTimeOffset? since, CancellationToken ct)
    {
        var keys = ids?.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (keys is { Count: 0 })
        {
            return [];
        }
        var query = db.AuditEntries.AsNoTracking().Where(e => e.EntityType == type && e.Act == AuditAct.Deleted);
        if (keys is not null)
        {
            query = query.Where(e => keys.Contains(e.EntityId));
        }
        if (since is { } from)
        {
            query = query.Where(e => e.At >= from);
        }
        var deletions = await query.OrderBy(e => e.Id).Select(e => new { e.EntityId, e.At, e.Before }).ToListAsync(ct);
        if (deletions.Count == 0)
        {
            return [];
        }
        var deleted = deletions.Select(d => d.EntityId).Distinct().ToList();
        var firsts = (await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == type && deleted.Contains(e.EntityId))
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

    /// <summary>The four list filters (spec 2.7.2); null where not asked.</summary>
    public sealed record Window(DateTimeOffset? CreatedSince, DateTimeOffset? CreatedUntil, DateTimeOffset? ModifiedSince, DateTimeOffset? ModifiedUntil)
    {
        public bool In(DateTimeOffset created, DateTimeOffset modified) =>
            (CreatedSince is not { } cs || created >= cs) && (CreatedUntil is not { } cu || created <= cu)
            && (ModifiedSince is not { } ms || modified >= ms) && (ModifiedUntil is not { } mu || modified <= mu);
    }

    /// <summary>
    /// The window as a condition in SQL on rows of <paramref name="type"/>, so a list pages and counts in the database.
    /// created is an object's first entry and modified its last, so each bound is an EXISTS over that object's entries
    /// (index on EntityType, EntityId): created ≥ x when no entry is before x, modified ≥ x when some entry is at or after
    /// x, and so on. A row the log has never seen has the log's origin as both (as in <see cref="OfAsync(string, IEnumerable{int}, CancellationToken)"/>).
    /// </summary>
    public async Task<Expression<Func<T, bool>>> WhereAsync<T>(string type, Expression<Func<T, int>> idOf, Window window, CancellationToken ct)
    {
        var origin = await OriginAsync(ct);
        var log = db.AuditEntries.Where(e => e.EntityType == type);
        Expression<Func<int, bool>> rule = id => true;
        void And(Expression<Func<int, bool>> more) =>
            rule = Expression.Lambda<Func<int, bool>>(Expression.AndAlso(rule.Body, Swap(more.Body, more.Parameters[0], rule.Parameters[0])), rule.Parameters);
        if (window.CreatedSince is { } cs)
        {
            And(id => !log.Any(e => e.EntityId == id.ToString() && e.At < cs));
            if (origin < cs)
            {
                And(id => log.Any(e => e.EntityId == id.ToString()));
            }
        }
        if (window.CreatedUntil is { } cu)
        {
            And(origin <= cu
                ? id => log.Any(e => e.EntityId == id.ToString() && e.At <= cu) || !log.Any(e => e.EntityId == id.ToString())
                : id => log.Any(e => e.EntityId == id.ToString() && e.At <= cu));
        }
        if (window.ModifiedSince is { } ms)
        {
            And(origin >= ms
                ? id => log.Any(e => e.EntityId == id.ToString() && e.At >= ms) || !log.Any(e => e.EntityId == id.ToString())
                : id => log.Any(e => e.EntityId == id.ToString() && e.At >= ms));
        }
        if (window.ModifiedUntil is { } mu)
        {
            And(id => !log.Any(e => e.EntityId == id.ToString() && e.At > mu));
            if (origin > mu)
            {
                And(id => log.Any(e => e.EntityId == id.ToString()));
            }
        }
        return Expression.Lambda<Func<T, bool>>(Swap(rule.Body, rule.Parameters[0], idOf.Body), idOf.Parameters);
    }

    /// <summary>An expression with one parameter replaced by another expression, to put conditions together.</summary>
    public static Expression Swap(Expression body, ParameterExpression from, Expression to) => new Swapper(from, to).Visit(body);

    private sealed class Swapper(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>A true/false value of the "before" values; false when missing.</summary>
    public static bool BoolOf(JsonElement before, string name) =>
        before.ValueKind == JsonValueKind.Object && before.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static int? IntOf(JsonElement before, string name) =>
        before.ValueKind == JsonValueKind.Object && before.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetInt32() : null;
}
