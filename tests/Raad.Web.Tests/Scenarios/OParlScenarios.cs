using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;
using Raad.Web.Tests.OParl;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// OParl 1.1 at /oparl/v1: crawled from the system object along every link into the API, each answer is JSON with
/// CORS for everyone, every object has its type and no nulls, dates are in the spec's format, lists page with
/// links.next, and nothing the public may not see (a closed item's contents, a draft agenda, unapproved decisions) appears.
/// </summary>
public abstract partial class OParlScenarios(RaadApp app)
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex DateTimeFormat();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateFormat();

    private static readonly HashSet<string> DateTimeProperties = ["start", "end", "created", "modified", "licenseValidSince", "oparlSince"];
    private static readonly HashSet<string> DateProperties = ["date", "startDate", "endDate"];

    /// <summary>Every answer reached from the system object, by its address (without the host).</summary>
    private static async Task<(Dictionary<string, string> Answers, List<string> Errors)> Crawl(Visitor visitor)
    {
        var answers = new Dictionary<string, string>();
        var errors = new List<string>();
        var queue = new Queue<string>(["/oparl/v1/system"]);
        while (queue.TryDequeue(out var path))
        {
            if (answers.ContainsKey(path))
            {
                continue;
            }
            using var response = await visitor.Get(path);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            answers[path] = text;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors.Add($"{path}: {(int)response.StatusCode}");
                continue;
            }
            if (!response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) || !origins.Contains("*"))
            {
                errors.Add($"{path}: ingen Access-Control-Allow-Origin: *");
            }
            var node = JsonNode.Parse(text)!;
            var isList = node is JsonObject o && o.ContainsKey("data");
            Check(path, node, errors, isList);
            // Every object against its schema: the object itself, or each element of a list page.
            foreach (var obj in isList ? node["data"]!.AsArray().Select(n => n!.AsObject()) : [node.AsObject()])
            {
                errors.AddRange(OParlSchemas.Errors(obj).Select(e => $"{path}: {e}"));
            }
            foreach (var url in Urls(node))
            {
                var uri = new Uri(url);
                if (uri.AbsolutePath.StartsWith("/oparl/v1/", StringComparison.Ordinal))
                {
                    queue.Enqueue(uri.PathAndQuery);
                }
            }
        }
        return (answers, errors);
    }

    private static IEnumerable<string> Urls(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Urls(p.Value)),
        JsonArray a => a.SelectMany(Urls),
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith("http", StringComparison.Ordinal) => [s],
        _ => [],
    };

    /// <summary>The spec's rules the schemas do not hold: no nulls, types on objects, date formats, list pages' shape.</summary>
    private static void Check(string path, JsonNode node, List<string> errors, bool isList)
    {
        if (isList)
        {
            var list = (JsonObject)node;
            if (list["data"] is not JsonArray || list["pagination"] is not JsonObject || list["links"] is not JsonObject links)
            {
                errors.Add($"{path}: en listeside skal have data, pagination og links");
                return;
            }
            var p = list["pagination"]!;
            var current = (int)p["currentPage"]!;
            var total = (int)p["totalPages"]!;
            if ((current < total) != links.ContainsKey("next"))
            {
                errors.Add($"{path}: links.next skal findes på hver side undtagen den sidste");
            }
        }
        Walk(path, node, errors, parent: null);
    }

    private static void Walk(string path, JsonNode? node, List<string> errors, string? parent)
    {
        switch (node)
        {
            case null:
                errors.Add($"{path}: null i {parent}");
                break;
            case JsonObject o:
                if (parent is not ("links" or "pagination" or null) && parent != "data" && !o.ContainsKey("type"))
                {
                    errors.Add($"{path}: objekt uden type i {parent}");
                }
                if (o.ContainsKey("type") && !(o.ContainsKey("created") && o.ContainsKey("modified")))
                {
                    // The spec asks created and modified of every object, embedded ones too.
                    errors.Add($"{path}: {o["id"]} uden created/modified");
                }
                foreach (var (name, value) in o)
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        if (DateTimeProperties.Contains(name) && !DateTimeFormat().IsMatch(s))
                        {
                            errors.Add($"{path}: {name} = {s} er ikke yyyy-MM-ddTHH:mm:ss+01:00");
                        }
                        if (DateProperties.Contains(name) && !DateFormat().IsMatch(s))
                        {
                            errors.Add($"{path}: {name} = {s} er ikke yyyy-MM-dd");
                        }
                    }
                    Walk(path, value, errors, name);
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Walk(path, item, errors, parent);
                }
                break;
        }
    }

    /// <summary>An attachment on an open item of an approved meeting, so the crawl meets a public file.</summary>
    private async Task AttachToAnOpenItem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = await db.AgendaItems.Include(i => i.Attachments).FirstAsync(i => !i.IsClosed && i.Meeting!.Status == MeetingStatus.MinutesApproved, ct);
        if (item.Attachments.Count == 0)
        {
            byte[] content = [.. "%PDF-1.4\n"u8];
            item.Attachments.Add(new Raad.Domain.Agenda.Attachment
            {
                Title = "Offentligt bilag",
                FileName = "bilag.pdf",
                ContentType = "application/pdf",
                Size = content.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
                Content = content,
            });
            await db.SaveChangesAsync(ct);
        }
    }

    [Fact]
    public async Task The_whole_api_is_reachable_from_the_system_object_and_keeps_the_specs_rules()
    {
        await AttachToAnOpenItem();
        using var visitor = app.Anonymous();
        var (answers, errors) = await Crawl(visitor);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        var types = answers.Values.SelectMany(t => Regex.Matches(t, "\"type\":\"https://schema.oparl.org/1.1/(\\w+)\"").Select(m => m.Groups[1].Value)).ToHashSet();
        foreach (var type in new[] { "System", "Body", "LegislativeTerm", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "Consultation", "File", "Location" })
        {
            Assert.Contains(type, types);
        }
        // Members by name only: never an e-mail address.
        Assert.DoesNotContain(answers, a => a.Value.Contains("\"email\"", StringComparison.Ordinal) || a.Value.Contains('@'));
    }

    [Fact]
    public async Task A_list_pages_with_next_links_that_lead_to_every_element_once()
    {
        using var visitor = app.Anonymous();
        var bodies = JsonNode.Parse(await (await visitor.Get("/oparl/v1/bodies")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var longest = 0;
        foreach (var body in bodies["data"]!.AsArray())
        {
            var url = new Uri((string)body!["agendaItem"]!).PathAndQuery + "?limit=5";
            var ids = new List<string>();
            var total = 0;
            for (string? next = url; next is not null;)
            {
                var page = JsonNode.Parse(await (await visitor.Get(next)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
                total = (int)page["pagination"]!["totalElements"]!;
                ids.AddRange(page["data"]!.AsArray().Select(i => (string)i!["id"]!));
                next = page["links"]!["next"] is { } n ? new Uri((string)n!).PathAndQuery : null;
            }
            Assert.Equal(total, ids.Count);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            longest = Math.Max(longest, ids.Count);
        }
        Assert.True(longest > 5, $"Ingen liste med mere end én side at følge (længste: {longest}).");
    }

    [Fact]
    public async Task Nothing_the_public_may_not_see_appears_anywhere_in_the_api()
    {
        const string Closed = "QzxOParlLukketQzx", Draft = "QzxOParlKladdeQzx", Unapproved = "QzxOParlUgodkendtQzx";
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var closed = await db.AgendaItems.Include(i => i.Attachments).OrderBy(i => i.Id).FirstAsync(i => i.Meeting!.Status == MeetingStatus.MinutesApproved, ct);
            // A closed item of an approved meeting: its contents, decision and files are never public.
            closed.IsClosed = true;
            closed.Background = Closed;
            closed.Decision = Closed;
            foreach (var attachment in closed.Attachments)
            {
                attachment.Title = Closed;
            }
            var draft = await db.AgendaItems.FirstAsync(i => i.Meeting!.Status == MeetingStatus.AgendaDraft || i.Meeting!.Status == MeetingStatus.Planned, ct);
            draft.Title = Draft;
            var unapproved = await db.AgendaItems.FirstAsync(i => !i.IsClosed && (i.Meeting!.Status == MeetingStatus.MinutesDraft
                || i.Meeting!.Status == MeetingStatus.MinutesCirculated || i.Meeting!.Status == MeetingStatus.Held), ct);
            unapproved.Decision = Unapproved;
            await db.SaveChangesAsync(ct);
        }
        using var visitor = app.Anonymous();
        var (answers, errors) = await Crawl(visitor);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.True(answers.Count > 20, $"Kun {answers.Count} svar: gennemgangen fandt næsten intet.");
        var leaks = answers.Where(a => new[] { Closed, Draft, Unapproved }.Any(m => a.Value.Contains(m, StringComparison.Ordinal))).Select(a => a.Key).ToList();
        Assert.True(leaks.Count == 0, "Markører i: " + string.Join(", ", leaks));
    }

    private static async Task<JsonNode> Read(Visitor visitor, string path)
    {
        using var response = await visitor.Get(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task A_deleted_file_answers_deleted_and_is_listed_only_with_modified_since_whose_filters_stay_in_the_next_links()
    {
        await AttachToAnOpenItem();
        var ct = TestContext.Current.CancellationToken;
        int fileId, bodyId;
        // After everything else: only the deletion is newer than this.
        app.Clock.Travel(TimeSpan.FromHours(1));
        var since = app.Clock.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var file = await db.Attachments.Include(a => a.AgendaItem!.Meeting).FirstAsync(a => !a.AgendaItem!.IsClosed && a.AgendaItem.Meeting!.Status == MeetingStatus.MinutesApproved, ct);
            (fileId, bodyId) = (file.Id, file.AgendaItem!.Meeting!.BodyId);
            db.Attachments.Remove(file);
            await db.SaveChangesAsync(ct);
        }
        using var visitor = app.Anonymous();
        var gone = await Read(visitor, $"/oparl/v1/file/{fileId}");
        Assert.True((bool)gone["deleted"]!);
        Assert.Empty(OParlSchemas.Errors(gone.AsObject()));
        var url = $"http://localhost/oparl/v1/file/{fileId}";
        var plain = await Read(visitor, $"/oparl/v1/body/{bodyId}/files");
        Assert.DoesNotContain(plain["data"]!.AsArray(), f => (string)f!["id"]! == url);

        var stamp = Uri.EscapeDataString(since.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var changed = await Read(visitor, $"/oparl/v1/body/{bodyId}/files?modified_since={stamp}");
        var entry = Assert.Single(changed["data"]!.AsArray(), f => (string)f!["id"]! == url);
        Assert.True((bool)entry!["deleted"]!);

        // The filters and limit are kept in every link: following next with modified_since in the past reaches every file, each once.
        var past = Uri.EscapeDataString("2000-01-01T00:00:00+01:00");
        var ids = new List<string>();
        for (string? next = $"/oparl/v1/body/{bodyId}/files?modified_since={past}&limit=1"; next is not null;)
        {
            var page = await Read(visitor, next);
            ids.AddRange(page["data"]!.AsArray().Select(f => (string)f!["id"]!));
            var link = (string?)page["links"]!["next"];
            if (link is not null)
            {
                Assert.Contains("modified_since=", link, StringComparison.Ordinal);
                Assert.Contains("limit=1", link, StringComparison.Ordinal);
            }
            next = link is null ? null : new Uri(link).PathAndQuery;
        }
        Assert.Contains(url, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal((int)plain["pagination"]!["totalElements"]! + 1, ids.Count);

        // created_until before the file existed leaves the deleted file out, as it was created later.
        var before = await Read(visitor, $"/oparl/v1/body/{bodyId}/files?modified_since={past}&created_until={past}");
        Assert.Empty(before["data"]!.AsArray());
    }

    [Fact]
    public async Task A_deleted_agenda_item_answers_deleted_as_item_and_consultation_and_is_listed_only_with_modified_since()
    {
        var ct = TestContext.Current.CancellationToken;
        int itemId, bodyId;
        // After everything else: only the deletion is newer than this.
        app.Clock.Travel(TimeSpan.FromHours(1));
        var since = app.Clock.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var item = await db.AgendaItems.Include(i => i.Meeting).OrderBy(i => i.Id)
                .FirstAsync(i => !i.IsClosed && i.CaseId != null && i.Meeting!.Status == MeetingStatus.MinutesApproved
                    // A grant keeps the item that decided it.
                    && !db.Grants.Any(g => g.DecidedByItemId == i.Id), ct);
            (itemId, bodyId) = (item.Id, item.Meeting!.BodyId);
            db.AgendaItems.Remove(item);
            await db.SaveChangesAsync(ct);
        }
        using var visitor = app.Anonymous();
        var stamp = Uri.EscapeDataString(since.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        // The item was a case's treatment at its meeting: it is gone as agenda item and as consultation.
        foreach (var (path, list) in new[] { ("agendaitem", "agendaitems"), ("consultation", "consultations") })
        {
            var gone = await Read(visitor, $"/oparl/v1/{path}/{itemId}");
            Assert.True((bool)gone["deleted"]!);
            Assert.Empty(OParlSchemas.Errors(gone.AsObject()));
            var url = $"http://localhost/oparl/v1/{path}/{itemId}";
            var plain = await Read(visitor, $"/oparl/v1/body/{bodyId}/{list}?limit=100");
            Assert.DoesNotContain(plain["data"]!.AsArray(), x => (string)x!["id"]! == url);
            var changed = await Read(visitor, $"/oparl/v1/body/{bodyId}/{list}?modified_since={stamp}");
            var entry = Assert.Single(changed["data"]!.AsArray(), x => (string)x!["id"]! == url);
            Assert.True((bool)entry!["deleted"]!);
        }
    }

    [Fact]
    public async Task A_deleted_closed_item_is_announced_only_where_the_bodys_rules_show_closed_items()
    {
        var ct = TestContext.Current.CancellationToken;
        int itemId, bodyId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A published meeting of a body that hides closed items, with a closed item: the public never saw it.
            var body = await db.Bodies.OrderBy(x => x.Id).FirstAsync(ct);
            body.PublicClosedItemTitles = false;
            var meeting = new Meeting
            {
                BodyId = body.Id,
                Kind = MeetingKind.Ordinary,
                Date = app.Clock.Today.AddDays(40),
                Start = new TimeOnly(14, 0),
                End = new TimeOnly(16, 0),
                Location = "Hvidovre Rådhus",
            };
            Assert.True(meeting.StartAgenda().IsSuccess);
            var item = new Domain.Agenda.AgendaItem { Title = "Fortrolig sag der slettes", Kind = Domain.Agenda.ItemKind.Discussion, DurationMinutes = 10, Position = 1, Number = 1, IsClosed = true };
            meeting.Items.Add(item);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            Assert.True(meeting.RecordPublishedAgenda().IsSuccess);
            await db.SaveChangesAsync(ct);
            (itemId, bodyId) = (item.Id, body.Id);
        }
        app.Clock.Travel(TimeSpan.FromHours(1));
        var since = app.Clock.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AgendaItems.Remove(await db.AgendaItems.SingleAsync(i => i.Id == itemId, ct));
            await db.SaveChangesAsync(ct);
        }
        using var visitor = app.Anonymous();
        var url = $"http://localhost/oparl/v1/agendaitem/{itemId}";
        var stamp = Uri.EscapeDataString(since.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        using (var hidden = await visitor.Get($"/oparl/v1/agendaitem/{itemId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        Assert.DoesNotContain((await Read(visitor, $"/oparl/v1/body/{bodyId}/agendaitems?modified_since={stamp}"))["data"]!.AsArray(), x => (string)x!["id"]! == url);

        // Where the rules show closed items' titles, the public saw it, so it hears that it is gone.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Bodies.SingleAsync(x => x.Id == bodyId, ct)).PublicClosedItemTitles = true;
            await db.SaveChangesAsync(ct);
        }
        Assert.True((bool)(await Read(visitor, $"/oparl/v1/agendaitem/{itemId}"))["deleted"]!);
        Assert.Contains((await Read(visitor, $"/oparl/v1/body/{bodyId}/agendaitems?modified_since={stamp}"))["data"]!.AsArray(), x => (string)x!["id"]! == url);
    }

    [Fact]
    public async Task A_published_meeting_that_is_cancelled_goes_with_its_items_and_consultations()
    {
        var ct = TestContext.Current.CancellationToken;
        int meetingId, itemId, bodyId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var @case = await db.Cases.OrderBy(c => c.Id).FirstAsync(c => c.BodyId != null, ct);
            bodyId = @case.BodyId!.Value;
            var meeting = new Meeting
            {
                BodyId = bodyId,
                Kind = MeetingKind.Ordinary,
                Date = app.Clock.Today.AddDays(30),
                Start = new TimeOnly(14, 0),
                End = new TimeOnly(16, 0),
                Location = "Hvidovre Rådhus",
            };
            Assert.True(meeting.StartAgenda().IsSuccess);
            meeting.Items.Add(new Domain.Agenda.AgendaItem { Title = "Sagen behandles igen", Kind = Domain.Agenda.ItemKind.Discussion, DurationMinutes = 10, Position = 1, Number = 1, CaseId = @case.Id });
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            Assert.True(meeting.RecordPublishedAgenda().IsSuccess);
            await db.SaveChangesAsync(ct);
            (meetingId, itemId) = (meeting.Id, meeting.Items.Single().Id);
        }
        using var visitor = app.Anonymous();
        Assert.False((bool?)(await Read(visitor, $"/oparl/v1/consultation/{itemId}"))["deleted"] ?? false);

        app.Clock.Travel(TimeSpan.FromHours(1));
        var since = app.Clock.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, ct);
            Assert.True(meeting.Cancel("Udvalget mødes ikke alligevel.").IsSuccess);
            await db.SaveChangesAsync(ct);
        }

        var stamp = Uri.EscapeDataString(since.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (path, list, id) in new[] { ("meeting", "meetings", meetingId), ("agendaitem", "agendaitems", itemId), ("consultation", "consultations", itemId) })
        {
            var gone = await Read(visitor, $"/oparl/v1/{path}/{id}");
            Assert.True((bool)gone["deleted"]!, $"{path} {id} er ikke slettet: {gone.ToJsonString()}");
            Assert.Empty(OParlSchemas.Errors(gone.AsObject()));
            var url = $"http://localhost/oparl/v1/{path}/{id}";
            Assert.DoesNotContain((await Read(visitor, $"/oparl/v1/body/{bodyId}/{list}?limit=100"))["data"]!.AsArray(), x => (string)x!["id"]! == url);
            var entry = Assert.Single((await Read(visitor, $"/oparl/v1/body/{bodyId}/{list}?modified_since={stamp}"))["data"]!.AsArray(), x => (string)x!["id"]! == url);
            Assert.True((bool)entry!["deleted"]!);
        }
    }

    [Fact]
    public async Task Meetings_start_and_end_in_copenhagen_time_with_its_offset_and_unknown_objects_are_404()
    {
        using var visitor = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Get("/oparl/v1/meeting/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Get("/oparl/v1/agendaitem/999999")).StatusCode);
        var bodies = JsonNode.Parse(await (await visitor.Get("/oparl/v1/bodies")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var starts = new List<string>();
        foreach (var body in bodies["data"]!.AsArray())
        {
            var meetings = JsonNode.Parse(await (await visitor.Get(new Uri((string)body!["meeting"]!).PathAndQuery)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
            starts.AddRange(meetings["data"]!.AsArray().Select(m => (string)m!["start"]!));
        }
        var start = starts[0];
        var local = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Raad.Web.Infrastructure.Clock.Copenhagen.GetUtcOffset(local.UtcDateTime), local.Offset);
    }
}

public sealed class OParlOnSqlite(SqliteApp app) : OParlScenarios(app), IClassFixture<SqliteApp>;

public sealed class OParlOnPostgres(PostgresApp app) : OParlScenarios(app), IClassFixture<PostgresApp>;
