using Raad.Domain.Common;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Search;

public sealed record SearchResultDto(string Kind, string Title, string TitleHtml, string Snippet, string Url,
    int? BodyId, string? Body, int? MeetingId, string? MeetingDate);

/// <summary>The answer; the query is not echoed (the caller has it).</summary>
public sealed record SearchAnswerDto(int Total, bool Capped, int Page, int Pages, int PageSize,
    IReadOnlyList<SearchResultDto> Results);

/// <summary>GET /api/search: the same search as /soeg, as JSON, for what the caller may see.</summary>
public static class SearchApi
{
    public static void MapSearchApi(this RouteGroupBuilder api) =>
        api.MapGet("/search", async (string? q, int? body, int? year, string? kind, int? page, SearchQuery search,
            ViewerAccessor viewers, CancellationToken ct) =>
        {
            var viewer = await viewers.GetAsync(ct);
            var results = await search.SearchAsync(new SearchRequest(q, body, year, kind, page ?? 1), viewer.Facts, ct);
            return new SearchAnswerDto(results.Total, results.Capped, results.Page, results.Pages, SearchQuery.PageSize,
                [.. results.Hits.Select(h => new SearchResultDto(h.Kind, h.Title, h.TitleHtml, h.SnippetHtml, h.Url, h.BodyId,
                    h.BodyName, h.MeetingId, h.MeetingDate is { } d ? ApiFormat.Iso(d) : null))]);
        }).Needs(Permission.Public)
        .WithName("Search").WithSummary("Søg i punkter, beslutninger, bilag og sager (det, kalderen må se).");
}
