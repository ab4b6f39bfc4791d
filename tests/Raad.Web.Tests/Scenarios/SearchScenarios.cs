using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Search (/soeg and GET /api/search): Danish word forms meet through the stemmer, filters narrow, a title match ranks
/// above a text match, what Visibility hides never reaches the public in either answer while a member of the body finds
/// it, and the index follows every save (an edit, a deletion, an attachment's text read later) without being told.
/// Each scenario plants words of its own, so the demo's texts never interfere.
/// </summary>
public abstract class SearchScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private const string Council = "Sundhedsråd Amager og Vestegnen";

    private async Task<T> Db<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<int> BodyId(string name) => Db(db => db.Bodies.Where(b => b.Name == name).Select(b => b.Id).SingleAsync());

    private enum Stage { Draft, Published, Held, Approved }

    private static int daysBack = 400;

    /// <summary>A meeting of the body at a past date of its own, brought to the stage, with the items; returns the items' ids.</summary>
    private async Task<(int MeetingId, int[] ItemIds)> Meeting(string body, Stage stage, params AgendaItem[] items)
    {
        var bodyId = await BodyId(body);
        var date = app.Clock.Today.AddDays(-Interlocked.Increment(ref daysBack));
        return await Db(async db =>
        {
            var meeting = new Meeting
            {
                BodyId = bodyId,
                Kind = MeetingKind.Ordinary,
                Date = date,
                Start = new TimeOnly(14, 0),
                End = new TimeOnly(16, 0),
                Location = "Hvidovre Rådhus",
            };
            Assert.True((stage == Stage.Draft ? meeting.StartAgenda() : meeting.RecordPublishedAgenda()).IsSuccess);
            if (stage == Stage.Held)
            {
                Assert.True(meeting.MarkHeld(date).IsSuccess);
            }
            if (stage == Stage.Approved)
            {
                Assert.True(meeting.RecordApprovedMinutes(null).IsSuccess);
            }
            var position = 0;
            foreach (var item in items)
            {
                item.Position = ++position;
                item.Number = position;
                meeting.Items.Add(item);
            }
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return (meeting.Id, items.Select(i => i.Id).ToArray());
        });
    }

    private static AgendaItem Item(string title, string? background = null, bool closed = false, string? decision = null) =>
        new() { Title = title, Kind = ItemKind.Discussion, DurationMinutes = 10, Background = background, IsClosed = closed, Decision = decision };

    private static async Task<JsonElement[]> Api(Visitor visitor, string query)
    {
        var json = await visitor.GetJson($"/api/search?{query}");
        return [.. json.GetProperty("results").EnumerateArray()];
    }

    private static string[] Titles(JsonElement[] results) => [.. results.Select(r => r.GetProperty("title").GetString()!)];

    private static async Task<HtmlPage> Page(Visitor visitor, string query)
    {
        var page = await visitor.Open($"/soeg?{query}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }

    private static string[] PageTitles(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll(".raad-search-result h3").Select(h => h.TextContent.Trim())];

    [Fact]
    public async Task Indsatser_finds_an_item_that_says_indsats_and_sundhedsraadene_one_that_says_sundhedsraad()
    {
        await Meeting(Syd, Stage.Published,
            Item("Kvorbel status", "Klyngen styrker den tværsektorielle indsats for borgerne."),
            Item("Kvorbel samarbejde", "Drøftelse i hvert sundhedsråd om den fælles plan."));
        using var visitor = app.Anonymous();

        Assert.Equal(["Kvorbel status"], Titles(await Api(visitor, "q=indsatser+kvorbel")));
        Assert.Equal(["Kvorbel samarbejde"], Titles(await Api(visitor, "q=Sundhedsrådene+kvorbel")));
        var page = await Page(visitor, "q=indsatser+kvorbel");
        Assert.Equal(["Kvorbel status"], PageTitles(page));
        // The matching forms are marked in the snippet, the rest escaped.
        Assert.Contains("<mark>indsats</mark>", page.Document.QuerySelector(".raad-search-snippet")!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>Kvorbel</mark>", page.Document.QuerySelector(".raad-search-result h3 a")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_body_year_and_kind_narrow_the_results()
    {
        var (sydMeeting, _) = await Meeting(Syd, Stage.Approved, Item("Plovmerk i Syd", decision: "Plovmerk blev vedtaget."));
        await Meeting(Council, Stage.Published, Item("Plovmerk i rådet"));
        var syd = await BodyId(Syd);
        var year = await Db(db => db.Meetings.Where(m => m.Id == sydMeeting).Select(m => m.Date.Year).SingleAsync());
        using var visitor = app.Anonymous();

        var all = await Api(visitor, "q=plovmerk");
        Assert.Equal(3, all.Length);
        Assert.All(await Api(visitor, $"q=plovmerk&body={syd}"), r => Assert.Equal(Syd, r.GetProperty("body").GetString()));
        Assert.Equal(2, (await Api(visitor, $"q=plovmerk&body={syd}")).Length);
        var decisions = await Api(visitor, "q=plovmerk&kind=decision");
        Assert.Equal("decision", Assert.Single(decisions).GetProperty("kind").GetString());
        Assert.StartsWith($"/moeder/{sydMeeting}/referat", decisions[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.All(await Api(visitor, $"q=plovmerk&year={year}"),
            r => Assert.StartsWith(year.ToString(System.Globalization.CultureInfo.InvariantCulture), r.GetProperty("meetingDate").GetString(), StringComparison.Ordinal));
        Assert.Empty(await Api(visitor, "q=plovmerk&year=1990"));
        var page = await Page(visitor, $"q=plovmerk&body={syd}&kind=item");
        Assert.Equal(["Plovmerk i Syd"], PageTitles(page));
        Assert.Equal(syd.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Document.QuerySelector("#search-body option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Past_the_newest_ranked_matches_the_count_says_more_than_and_a_filter_still_finds_the_older_ones()
    {
        // The older match (indexed first), then more newer matches than are ranked.
        await Meeting(Syd, Stage.Published, Item("Trelvik i Syd"));
        await Meeting(Council, Stage.Published,
            [.. Enumerable.Range(1, Raad.Web.Features.Search.SearchQuery.RankedMatches + 5).Select(n => Item($"Trelvik nummer {n}"))]);
        var syd = await BodyId(Syd);
        using var visitor = app.Anonymous();

        var all = await visitor.GetJson("/api/search?q=trelvik");
        Assert.True(all.GetProperty("capped").GetBoolean());
        Assert.Equal(Raad.Web.Features.Search.SearchQuery.RankedMatches, all.GetProperty("total").GetInt32());
        Assert.Contains("Mere end 1000 resultater", (await Page(visitor, "q=trelvik")).Document.Body!.TextContent, StringComparison.Ordinal);
        // The body filter goes into the index's query, before the cap, so the older match is found.
        var filtered = await visitor.GetJson($"/api/search?q=trelvik&body={syd}");
        Assert.False(filtered.GetProperty("capped").GetBoolean());
        Assert.Equal(["Trelvik i Syd"], Titles([.. filtered.GetProperty("results").EnumerateArray()]));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_match_in_the_text()
    {
        // The text match is saved first, so an order by id alone would put it first.
        await Meeting(Syd, Stage.Published,
            Item("Orientering om økonomi", "Punktet handler blandt andet om tranvik og meget andet i en lang tekst om klyngens arbejde."),
            Item("Tranvik", "Orientering."));
        using var visitor = app.Anonymous();

        Assert.Equal(["Tranvik", "Orientering om økonomi"], Titles(await Api(visitor, "q=tranvik")));
        Assert.Equal(["Tranvik", "Orientering om økonomi"], PageTitles(await Page(visitor, "q=tranvik")));
    }

    [Fact]
    public async Task What_is_closed_drafted_or_in_unapproved_minutes_is_found_by_a_member_of_the_body_and_by_no_one_public()
    {
        var (_, published) = await Meeting(Syd, Stage.Published,
            Item("Lukket punkt", "Forhandling om qzxlukket.", closed: true),
            Item("Åbent punkt", "Intet qzxhemmeligt her."));
        await Db(async db =>
        {
            db.Attachments.Add(new Attachment
            {
                AgendaItemId = published[0],
                Title = "Fortroligt bilag",
                FileName = "b.pdf",
                ContentType = "application/pdf",
                Sha256 = "0",
                Text = "Bilaget nævner qzxlukketbilag.",
            });
            return await db.SaveChangesAsync();
        });
        await Meeting(Syd, Stage.Draft, Item("Punkt i kladde", "Udkast om qzxkladde."));
        await Meeting(Syd, Stage.Held, Item("Afholdt punkt", "Åben tekst om qzxaaben.", decision: "Beslutningen om qzxreferat."));
        string[] markers = ["qzxlukket", "qzxlukketbilag", "qzxkladde", "qzxreferat"];
        using var anonymous = app.Anonymous();
        using var member = await app.SignInAs(Role.Member);

        foreach (var marker in markers)
        {
            Assert.Empty(await Api(anonymous, $"q={marker}"));
            var page = await Page(anonymous, $"q={marker}");
            Assert.Empty(PageTitles(page));
            Assert.Contains("Ingen resultater for", page.Text("#results-heading"), StringComparison.Ordinal);
            Assert.DoesNotContain(marker, page.Document.QuerySelector("main")?.TextContent.Replace($"»{marker}«", "", StringComparison.Ordinal) ?? "", StringComparison.OrdinalIgnoreCase);

            Assert.Single(await Api(member, $"q={marker}"));
            Assert.Single(PageTitles(await Page(member, $"q={marker}")));
        }
        // The open item of the same meeting is public, the held meeting's item too (without its decision).
        Assert.Equal(["Åbent punkt"], Titles(await Api(anonymous, "q=qzxhemmeligt")));
        Assert.Equal(["Afholdt punkt"], Titles(await Api(anonymous, "q=qzxaaben")));
        Assert.Equal(["decision"], (await Api(member, "q=qzxreferat")).Select(r => r.GetProperty("kind").GetString()).ToArray());
    }

    [Fact]
    public async Task An_edit_through_the_app_reindexes_the_item_and_a_deletion_removes_it()
    {
        var (_, ids) = await Meeting(Syd, Stage.Draft, Item("Redigeret punkt", "Teksten siger gammelord."));
        using var administrator = await app.SignInAs(Role.Administrator);
        Assert.Single(await Api(administrator, "q=gammelord"));

        var editor = await administrator.Open($"/punkter/{ids[0]}/rediger");
        Assert.Equal(HttpStatusCode.OK, editor.Status);
        var saved = await administrator.SubmitForm(editor.FormWith(["Input.Title", "Input.Background"]),
            new() { ["Input.Background"] = "Teksten siger nu nytord." });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");

        Assert.Empty(await Api(administrator, "q=gammelord"));
        Assert.Equal(["Redigeret punkt"], Titles(await Api(administrator, "q=nytord")));

        await Db(async db =>
        {
            db.AgendaItems.Remove(await db.AgendaItems.SingleAsync(i => i.Id == ids[0]));
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await Api(administrator, "q=nytord"));
    }

    [Fact]
    public async Task An_attachments_text_read_after_the_upload_is_found_with_a_link_to_the_file()
    {
        var (_, ids) = await Meeting(Syd, Stage.Published, Item("Punkt med bilag"));
        var attachment = await Db(async db =>
        {
            var added = new Attachment
            {
                AgendaItemId = ids[0],
                Title = "Rapport",
                FileName = "rapport.pdf",
                ContentType = "application/pdf",
                Sha256 = "0",
            };
            db.Attachments.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        using var visitor = app.Anonymous();
        Assert.Empty(await Api(visitor, "q=qzxbilagstekst"));

        // As the worker that reads a file's words does it: Text set later, in a save of its own.
        await Db(async db =>
        {
            (await db.Attachments.SingleAsync(a => a.Id == attachment)).Text = "Side 1\nRapporten om qzxbilagstekst og sundhedsaftaler.";
            return await db.SaveChangesAsync();
        });

        var found = Assert.Single(await Api(visitor, "q=qzxbilagstekst"));
        Assert.Equal("attachment", found.GetProperty("kind").GetString());
        Assert.Equal($"/bilag/{attachment}", found.GetProperty("url").GetString());
        Assert.Contains("<mark>qzxbilagstekst</mark>", found.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_matches_the_database_after_startup()
    {
        var (indexed, expected) = await Db(db => Web.Features.Search.SearchIndex.HealthAsync(db, CancellationToken.None));
        Assert.Equal(expected, indexed);
        Assert.True(indexed > 50, $"Kun {indexed} poster i søgeindekset efter demoen.");
    }

    [Fact]
    public async Task An_index_that_lost_entries_is_rebuilt_at_startup_and_finds_again()
    {
        await Meeting(Syd, Stage.Published, Item("Genopbygget punkt", "Teksten om qzxgenopbygning."));
        await Db(db => db.SearchEntries.Where(e => e.Kind == Web.Features.Search.SearchKind.Item).ExecuteDeleteAsync());
        var (broken, expected) = await Db(db => Web.Features.Search.SearchIndex.HealthAsync(db, CancellationToken.None));
        Assert.NotEqual(expected, broken);

        await Web.Features.Search.SearchIndexStartup.EnsureAsync(app.Services,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);

        var (indexed, now) = await Db(db => Web.Features.Search.SearchIndex.HealthAsync(db, CancellationToken.None));
        Assert.Equal(now, indexed);
        using var visitor = app.Anonymous();
        Assert.Equal(["Genopbygget punkt"], Titles(await Api(visitor, "q=qzxgenopbygning")));
    }

    [Fact]
    public async Task A_query_too_short_or_without_matches_says_so()
    {
        using var visitor = app.Anonymous();
        Assert.Contains("mindst ét ord", (await Page(visitor, "q=a")).Text("#results-heading"), StringComparison.Ordinal);
        Assert.Contains("Ingen resultater for »xqvvjk«", (await Page(visitor, "q=xqvvjk")).Text("#results-heading"), StringComparison.Ordinal);
        var json = await visitor.GetJson("/api/search?q=xqvvjk");
        Assert.Equal(0, json.GetProperty("total").GetInt32());
    }
}

public sealed class SearchOnSqlite(SqliteApp app) : SearchScenarios(app), IClassFixture<SqliteApp>;

public sealed class SearchOnPostgres(PostgresApp app) : SearchScenarios(app), IClassFixture<PostgresApp>;
