using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// A body's Atom feed, <c>/api/bodies/{id}/feed.atom</c>: valid RFC 4287 (feed and entries with id, title, updated and
/// links), published agendas and approved minutes newest first with stable ids, and nothing of a closed item or a draft.
/// </summary>
public abstract class AtomFeedScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static async Task<(XElement Feed, string Text)> Fetch(Visitor visitor, int body)
    {
        using var response = await visitor.Get($"/api/bodies/{body}/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl is { Public: true, NoStore: false }, $"Cache-Control: {response.Headers.CacheControl}");
        var text = await response.Content.ReadAsStringAsync();
        return (XDocument.Parse(text).Root!, text);
    }

    /// <summary>RFC 4287's musts: atom:feed with one id, title and updated and an author; each entry with one id, title, updated and an alternate link.</summary>
    private static void AssertValidAtom(XElement feed)
    {
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var name in new[] { "id", "title", "updated" })
        {
            Assert.Single(feed.Elements(Atom + name));
        }
        Assert.NotEmpty(feed.Elements(Atom + "author").Elements(Atom + "name"));
        Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (var name in new[] { "id", "title", "updated", "summary" })
            {
                Assert.Single(entry.Elements(Atom + name));
            }
            Assert.True(Uri.TryCreate(entry.Element(Atom + "id")!.Value, UriKind.Absolute, out _), "atom:id er ikke en IRI.");
            _ = DateTimeOffset.Parse(entry.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture);
            Assert.Matches(@"Z$|[+-]\d\d:\d\d$", entry.Element(Atom + "updated")!.Value);
            var link = Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            Assert.StartsWith($"{RaadApp.PublicUrl}/moeder/", (string?)link.Attribute("href"), StringComparison.Ordinal);
        }
        Assert.Equal(feed.Elements(Atom + "entry").Count(), feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
    }

    private static DateTimeOffset Updated(XElement entry) =>
        DateTimeOffset.Parse(entry.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_feed_holds_published_agendas_and_approved_minutes_newest_first_and_never_a_closed_item_or_a_draft()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        using var reader = app.Anonymous();
        var (before, _) = await Fetch(reader, syd);
        AssertValidAtom(before);
        Assert.Contains(before.Elements(Atom + "entry"), e => e.Element(Atom + "id")!.Value.Contains(":raad-referat-", StringComparison.Ordinal));

        // A new agenda with a closed item goes out; another meeting keeps a draft.
        // Past days of the app's clock, a year back, clear of the demo's meetings.
        var day = app.Clock.Today.AddDays(-364);
        var date = ProcedureTestBodies.Iso(day);
        var planned = await secretariat.PlanMeeting(syd, new MeetingPlan(date, "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(syd, date);
        await secretariat.AddItem(meeting, "Åben sag om feeds");
        await secretariat.AddItem(meeting, "Fortrolig personalesag i feedet", closed: true);
        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testmøde, udsendt sent.");
        Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");
        var draftDate = ProcedureTestBodies.Iso(day.AddDays(1));
        await secretariat.PlanMeeting(syd, new MeetingPlan(draftDate, "14:00", "16:00"));
        var draft = await secretariat.MeetingId(syd, draftDate);
        await secretariat.AddItem(draft, "Kladdesag der ikke er udsendt");

        var (feed, text) = await Fetch(reader, syd);

        AssertValidAtom(feed);
        var entries = feed.Elements(Atom + "entry").ToList();
        // Newest first: the agenda just published heads the feed, and links to its meeting.
        Assert.Equal(entries.Select(Updated).OrderDescending(), entries.Select(Updated));
        var first = entries[0];
        Assert.EndsWith($":raad-dagsorden-{meeting}", first.Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Equal($"{RaadApp.PublicUrl}/moeder/{meeting}", (string?)first.Element(Atom + "link")!.Attribute("href"));
        Assert.Contains($"{Raad.Domain.Common.DanishFormat.Date(day)} kl. 14.00-16.00", first.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Fortrolig personalesag", text, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.Element(Atom + "id")!.Value.EndsWith($"-{draft}", StringComparison.Ordinal));
        Assert.DoesNotContain("Kladdesag", text, StringComparison.Ordinal);
        // Stable ids: every entry of the first fetch is there again with the same id.
        var ids = entries.Select(e => e.Element(Atom + "id")!.Value).ToHashSet();
        Assert.All(before.Elements(Atom + "entry"), e => Assert.Contains(e.Element(Atom + "id")!.Value, ids));
    }

    [Fact]
    public async Task The_feed_of_an_unknown_body_is_not_found()
    {
        using var reader = app.Anonymous();
        using var response = await reader.Get("/api/bodies/999999/feed.atom");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class AtomFeedOnSqlite(SqliteApp app) : AtomFeedScenarios(app), IClassFixture<SqliteApp>;

public sealed class AtomFeedOnPostgres(PostgresApp app) : AtomFeedScenarios(app), IClassFixture<PostgresApp>;
