using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Meetings;
using Raad.Domain.Search;
using Raad.Web.Data;

namespace Raad.Web.Features.Search;

/// <summary>What was asked: words, and optionally a body, a year, a kind (<see cref="SearchKind"/>), a page from 1.</summary>
public sealed record SearchRequest(string? Q, int? Body = null, int? Year = null, string? Kind = null, int Page = 1);

/// <summary>One result. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are escaped HTML with the matching words in &lt;mark&gt;.</summary>
public sealed record SearchHit(string Kind, string Title, string TitleHtml, string SnippetHtml, string Url,
    int? BodyId, string? BodyName, int? MeetingId, DateOnly? MeetingDate);

/// <param name="Keys">The query's stem keys; none: the query was too short to search.</param>
/// <param name="Total">Results the viewer may see, of the newest <see cref="SearchQuery.RankedMatches"/> matches.</param>
/// <param name="Capped">The query matched more than <see cref="SearchQuery.RankedMatches"/> entries; the count says "more than".</param>
public sealed record SearchResults(IReadOnlyList<string> Keys, IReadOnlyList<SearchHit> Hits, int Total, bool Capped, int Page, int Pages);

/// <summary>
/// Ranked full-text search over <see cref="SearchEntry"/>. The provider's index finds the newest
/// <see cref="RankedMatches"/> entries that match the words and the filters (body, year, kind) and ranks them (FTS5 bm25
/// on SQLite, ts_rank on PostgreSQL, both over our own stem keys); <see cref="Visibility"/>, the one rule, then confirms
/// each one before it is counted or shown.
/// </summary>
public sealed class SearchQuery(AppDbContext db)
{
    public const int PageSize = 20;

    /// <summary>
    /// Matches ranked: the newest this many (by index entry, which follows the archive's order), after the filters. A word
    /// in half of a 100,000-item archive would otherwise rank 50,000 entries on every search; past the cap the newest
    /// matches are what a reader of an archive wants first, the count says "more than", and a filter narrows the rest.
    /// </summary>
    public const int RankedMatches = 1000;

    /// <summary>A row of the index's answer: the entry and its rank (higher is better on both providers).</summary>
    public sealed record Match(int Id, double Rank);

    private sealed record Candidate(int Id, double Rank, string Kind, int SourceId, int? ItemId, bool IsClosed,
        int? MeetingId, int? MeetingBodyId, MeetingStatus? Status, DateOnly? Date, int? CaseId, int? CaseBodyId);

    public async Task<SearchResults> SearchAsync(SearchRequest request, ViewerFacts viewer, CancellationToken ct)
    {
        var keys = SearchText.QueryKeys(request.Q);
        if (keys.Count == 0)
        {
            return new SearchResults(keys, [], 0, false, 1, 0);
        }
        List<Candidate> candidates;
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is null)
        {
            // The planner's guesses fail both ways on an archive: it walks the primary key backwards, reading each row's
            // vector, for a word found in a few thousand old entries, and scans the whole table for a common word. The
            // GIN index's bitmap over the narrow rows (SearchSql.PostgresNarrowRows) is fast for every word, so the
            // search asks for it, and only for it: SET LOCAL ends with this read-only transaction.
            await using var read = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", ct);
            candidates = await CandidatesAsync(keys, request, ct);
            await read.CommitAsync(ct);
        }
        else
        {
            candidates = await CandidatesAsync(keys, request, ct);
        }
        // The one match past the cap (the oldest) only tells that there are more.
        var capped = candidates.Count > RankedMatches;
        candidates = [.. candidates.OrderByDescending(c => c.Id).Take(RankedMatches).OrderByDescending(c => c.Rank).ThenBy(c => c.Id)];
        var caseSight = await CasesVisibleAsync(candidates.Where(c => c.Kind == SearchKind.Case).Select(c => c.SourceId).ToList(), viewer, ct);
        var visible = candidates.Where(c => Visible(c, viewer, caseSight)).ToList();
        var pages = (visible.Count + PageSize - 1) / PageSize;
        var page = Math.Clamp(request.Page, 1, Math.Max(1, pages));
        var shown = visible.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        return new SearchResults(keys, await HitsAsync(shown, keys, ct), visible.Count, capped, page, pages);
    }

    /// <summary>
    /// The provider's full-text match over the stem keys, within the filters, of the newest <see cref="RankedMatches"/>
    /// + 1 matches (the one more tells that there are more), ranked. The keys, the filters and the cap are parameters.
    /// </summary>
    private IQueryable<Match> Matches(IReadOnlyList<string> keys, SearchRequest request)
    {
        var postgres = db.Database.IsNpgsql();
        var parameters = new List<object>();
        string P(object value)
        {
            parameters.Add(value);
            return $"{{{parameters.Count - 1}}}";
        }
        var query = postgres ? P(string.Join(' ', keys))
            // Each key a quoted phrase (they hold letters and digits only), all of them required.
            : P(string.Join(' ', keys.Select(k => $"\"{k}\"")));
        var filters = Filters(request, postgres, P);
        var limit = P(RankedMatches + 1);
        var sql = postgres
            // The inner query only finds ids (a bitmap over the GIN index, no vector read); ts_rank reads the vectors of
            // the newest matches alone. "Id" + 0: ordered by a sort over the bitmap, never by a walk of the primary key.
            ? $"""
               SELECT e."Id", ts_rank(e."SearchVector", plainto_tsquery('danish', {query}))::float8 AS "Rank"
               FROM (SELECT se."Id" FROM "SearchEntries" se WHERE se."SearchVector" @@ plainto_tsquery('danish', {query}){filters}
                     ORDER BY se."Id" + 0 DESC LIMIT {limit}) s
               JOIN "SearchEntries" e ON e."Id" = s."Id"
               """
            // bm25 is worked out only for the rows the query returns.
            : $"""
               SELECT "SearchFts".rowid AS "Id", -bm25("SearchFts", 10.0, 1.0) AS "Rank"
               FROM "SearchFts" JOIN "SearchEntries" se ON se."Id" = "SearchFts".rowid
               WHERE "SearchFts" MATCH {query}{filters} ORDER BY "SearchFts".rowid DESC LIMIT {limit}
               """;
        return db.Database.SqlQueryRaw<Match>(sql, [.. parameters]);
    }

    /// <summary>The request's filters as SQL over the entry <c>se</c>, the same on both providers; values through <paramref name="p"/>.</summary>
    private static string Filters(SearchRequest request, bool postgres, Func<object, string> p)
    {
        var sql = "";
        if (request.Kind is { } kind && SearchKind.All.Contains(kind))
        {
            sql += $"""
                 AND se."Kind" = {p(kind)}
                """;
        }
        var meeting = new List<string>();
        if (request.Body is { } body)
        {
            meeting.Add($"""m."BodyId" = {p(body)}""");
        }
        if (request.Year is { } year and > 0 and < 10000)
        {
            // SQLite keeps a date as its ISO text, which sorts as the date does.
            var from = new DateOnly(year, 1, 1);
            object Value(DateOnly d) => postgres ? d : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            meeting.Add($"""m."Date" >= {p(Value(from))} AND m."Date" < {p(Value(from.AddYears(1)))}""");
        }
        if (meeting.Count > 0)
        {
            // IN over a set, not EXISTS per match: the database builds the body's (or the year's) items once, as a hash.
            var ofItem = $"""se."ItemId" IN (SELECT i."Id" FROM "AgendaItems" i JOIN "Meetings" m ON m."Id" = i."MeetingId" WHERE {string.Join(" AND ", meeting)})""";
            // A case has no date: a year leaves cases out; a body keeps its own.
            sql += request.Year is > 0 and < 10000 || request.Body is not { } caseBody
                ? $" AND {ofItem}"
                : $"""
                   AND ({ofItem} OR se."CaseId" IN (SELECT c."Id" FROM "Cases" c WHERE c."BodyId" = {p(caseBody)}))
                  """;
        }
        return sql;
    }

    /// <summary>The matches with what Visibility asks about each: the item's meeting, or the case's body.</summary>
    private async Task<List<Candidate>> CandidatesAsync(IReadOnlyList<string> keys, SearchRequest request, CancellationToken ct) =>
        await (
            from h in Matches(keys, request)
            join e in db.SearchEntries on h.Id equals e.Id
            join i in db.AgendaItems on e.ItemId equals (int?)i.Id into items
            from i in items.DefaultIfEmpty()
            join m in db.Meetings on i.MeetingId equals m.Id into meetings
            from m in meetings.DefaultIfEmpty()
            join c in db.Cases on e.CaseId equals (int?)c.Id into cases
            from c in cases.DefaultIfEmpty()
                // An entry whose item has gone (a deleted meeting's) is never shown.
            where e.ItemId == null || m != null
            select new Candidate(e.Id, h.Rank, e.Kind, e.SourceId, e.ItemId,
                i != null && i.IsClosed, m != null ? m.Id : null, m != null ? m.BodyId : null,
                m != null ? m.Status : null, m != null ? m.Date : null, e.CaseId, c != null ? c.BodyId : null))
            .ToListAsync(ct);

    private static bool Visible(Candidate c, ViewerFacts viewer, IReadOnlySet<int> casesVisible)
    {
        if (c.Kind == SearchKind.Case)
        {
            return casesVisible.Contains(c.SourceId);
        }
        if (c.MeetingBodyId is not { } body || c.Status is not { } status || c.Date is not { } date || c.ItemId is not { } itemId)
        {
            return false;
        }
        var meeting = new MeetingState(body, status, date);
        var item = new ItemState(itemId, c.IsClosed);
        return c.Kind switch
        {
            SearchKind.Item => Visibility.Item(viewer, meeting, item) == ItemSight.Full,
            SearchKind.Decision => Visibility.Decision(viewer, meeting, item),
            SearchKind.Attachment => Visibility.Attachment(viewer, meeting, item),
            _ => false,
        };
    }

    /// <summary>Which of the cases the viewer may see, by <see cref="Visibility.Case"/> over their items and written procedures.</summary>
    private async Task<IReadOnlySet<int>> CasesVisibleAsync(List<int> caseIds, ViewerFacts viewer, CancellationToken ct)
    {
        if (caseIds.Count == 0)
        {
            return new HashSet<int>();
        }
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.BodyId }).ToListAsync(ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.CaseId != null && caseIds.Contains(i.CaseId.Value))
            .Select(i => new { CaseId = i.CaseId!.Value, i.Id, i.IsClosed, i.Meeting!.BodyId, i.Meeting.Status, i.Meeting.Date })
            .ToListAsync(ct);
        var procedures = await db.WrittenProcedures.AsNoTracking().Where(p => caseIds.Contains(p.CaseId))
            .Select(p => new { p.CaseId, p.BodyId, p.Status }).ToListAsync(ct);
        return cases.Where(c => Visibility.Case(viewer, c.BodyId,
                items.Where(i => i.CaseId == c.Id).Select(i => (new MeetingState(i.BodyId, i.Status, i.Date), new ItemState(i.Id, i.IsClosed))),
                procedures.Where(p => p.CaseId == c.Id).Select(p => (p.BodyId, p.Status))))
            .Select(c => c.Id).ToHashSet();
    }

    private async Task<List<SearchHit>> HitsAsync(List<Candidate> shown, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var ids = shown.Select(c => c.Id).ToList();
        var entries = await db.SearchEntries.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, e.Text }).ToDictionaryAsync(e => e.Id, ct);
        var itemIds = shown.Where(c => c.ItemId != null).Select(c => c.ItemId!.Value).Distinct().ToList();
        var numbers = await db.AgendaItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, i.Position }).ToDictionaryAsync(i => i.Id, i => i.Number ?? i.Position, ct);
        var bodyIds = shown.Select(c => c.MeetingBodyId ?? c.CaseBodyId).OfType<int>().Distinct().ToList();
        var bodies = await db.Bodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var keySet = keys.ToHashSet();
        return [.. shown.Where(c => entries.ContainsKey(c.Id)).Select(c =>
        {
            var entry = entries[c.Id];
            var bodyId = c.MeetingBodyId ?? c.CaseBodyId;
            var number = c.ItemId is { } itemId && numbers.TryGetValue(itemId, out var n) ? n : 0;
            var url = c.Kind switch
            {
                SearchKind.Item => $"/moeder/{c.MeetingId}/dagsorden#punkt-{number}",
                SearchKind.Decision => $"/moeder/{c.MeetingId}/referat#punkt-{number}",
                SearchKind.Attachment => $"/bilag/{c.SourceId}",
                _ => $"/sager/{c.SourceId}",
            };
            return new SearchHit(c.Kind, entry.Title, SearchText.Snippet(entry.Title, keySet, SearchEntryTitleLength),
                SearchText.Snippet(entry.Text, keySet), url, bodyId, bodyId is { } b && bodies.TryGetValue(b, out var name) ? name : null,
                c.MeetingId, c.Date);
        })];
    }

    private const int SearchEntryTitleLength = 1000;
}
