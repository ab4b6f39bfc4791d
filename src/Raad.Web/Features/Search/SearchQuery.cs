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
/// <param name="Total">Results the viewer may see (of the best <see cref="SearchQuery.MaxCandidates"/> matches).</param>
public sealed record SearchResults(IReadOnlyList<string> Keys, IReadOnlyList<SearchHit> Hits, int Total, bool Capped, int Page, int Pages);

/// <summary>
/// Ranked full-text search over <see cref="SearchEntry"/>: the provider's index finds and ranks the entries (FTS5 bm25
/// on SQLite, ts_rank on PostgreSQL, both over our own stem keys), SQL drops what the viewer's bodies and the meetings'
/// states rule out, and <see cref="Visibility"/> — the one rule — confirms each candidate before it is counted or shown.
/// </summary>
public sealed class SearchQuery(AppDbContext db)
{
    public const int PageSize = 20;

    /// <summary>The best matches considered; past this the count says "more than".</summary>
    public const int MaxCandidates = 1000;

    // Asked of the domain once: which meeting states publish the agenda, which the minutes.
    private static readonly List<MeetingStatus> AgendaPublic =
        [.. Enum.GetValues<MeetingStatus>().Where(s => new MeetingState(0, s, default).AgendaPublished)];
    private static readonly List<MeetingStatus> MinutesPublic =
        [.. Enum.GetValues<MeetingStatus>().Where(s => new MeetingState(0, s, default).MinutesApproved)];

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
        var candidates = await CandidatesAsync(Matches(keys), request, viewer, ct);
        var capped = candidates.Count > MaxCandidates;
        candidates = [.. candidates.Take(MaxCandidates)];
        var caseSight = await CasesVisibleAsync(candidates.Where(c => c.Kind == SearchKind.Case).Select(c => c.SourceId).ToList(), viewer, ct);
        var visible = candidates.Where(c => Visible(c, viewer, caseSight)).ToList();
        var pages = (visible.Count + PageSize - 1) / PageSize;
        var page = Math.Clamp(request.Page, 1, Math.Max(1, pages));
        var shown = visible.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        return new SearchResults(keys, await HitsAsync(shown, keys, ct), visible.Count, capped, page, pages);
    }

    /// <summary>The provider's full-text match over the stem keys, ranked.</summary>
    private IQueryable<Match> Matches(IReadOnlyList<string> keys)
    {
        if (db.Database.IsNpgsql())
        {
            var words = string.Join(' ', keys);
            // {0} is the one parameter; the stored vector has the GIN index.
            return db.Database.SqlQueryRaw<Match>(
                "SELECT \"Id\", ts_rank(" + SearchSql.PostgresVector + ", q)::float8 AS \"Rank\" FROM \"SearchEntries\", plainto_tsquery('simple', {0}) q WHERE "
                + SearchSql.PostgresVector + " @@ q", words);
        }
        // Each key a quoted phrase (they hold letters and digits only), all of them required. "LIMIT -1" (no limit)
        // keeps SQLite from flattening this into the joins around it, which would run the MATCH once per entry: the
        // matches are found once and the joins look up by key (8 times faster on 4,000 entries, more on more).
        var expression = string.Join(' ', keys.Select(k => $"\"{k}\""));
        return db.Database.SqlQuery<Match>(
            $"""SELECT rowid AS "Id", -bm25("SearchFts", 10.0, 1.0) AS "Rank" FROM "SearchFts" WHERE "SearchFts" MATCH {expression} LIMIT -1""");
    }

    private async Task<List<Candidate>> CandidatesAsync(IQueryable<Match> matches, SearchRequest request, ViewerFacts viewer, CancellationToken ct)
    {
        var query =
            from h in matches
            join e in db.SearchEntries on h.Id equals e.Id
            join i in db.AgendaItems on e.ItemId equals (int?)i.Id into items
            from i in items.DefaultIfEmpty()
            join m in db.Meetings on i.MeetingId equals m.Id into meetings
            from m in meetings.DefaultIfEmpty()
            join c in db.Cases on e.CaseId equals (int?)c.Id into cases
            from c in cases.DefaultIfEmpty()
                // An entry whose item has gone (a deleted meeting's) is never shown.
            where e.ItemId == null || m != null
            select new { h, e, i, m, c };
        if (request.Kind is { } kind && SearchKind.All.Contains(kind))
        {
            query = query.Where(x => x.e.Kind == kind);
        }
        if (request.Body is { } body)
        {
            query = query.Where(x => (x.m != null && x.m.BodyId == body) || (x.c != null && x.c.BodyId == body));
        }
        if (request.Year is { } year and > 0 and < 10000)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            query = query.Where(x => x.m != null && x.m.Date >= from && x.m.Date < to);
        }
        if (!viewer.IsAdministrator)
        {
            // A superset of what Visibility allows: the viewer's own bodies whole, elsewhere published agendas' open
            // items and attachments, and approved minutes' open decisions. Cases are left to Visibility.Case.
            var own = viewer.SecretariatOf.Concat(viewer.Seats.Select(s => s.BodyId)).Distinct().ToList();
            query = query.Where(x => x.e.Kind == SearchKind.Case
                || (x.m != null && own.Contains(x.m.BodyId))
                || (x.m != null && !x.i.IsClosed && AgendaPublic.Contains(x.m.Status)
                    && (x.e.Kind != SearchKind.Decision || MinutesPublic.Contains(x.m.Status))));
        }
        return await query
            .OrderByDescending(x => x.h.Rank).ThenBy(x => x.e.Id)
            .Take(MaxCandidates + 1)
            .Select(x => new Candidate(x.e.Id, x.h.Rank, x.e.Kind, x.e.SourceId, x.e.ItemId,
                x.i != null && x.i.IsClosed, x.m != null ? x.m.Id : null, x.m != null ? x.m.BodyId : null,
                x.m != null ? x.m.Status : null, x.m != null ? x.m.Date : null, x.e.CaseId, x.c != null ? x.c.BodyId : null))
            .ToListAsync(ct);
    }

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
