using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.OParl;

/// <summary>
/// OParl 1.1 open data at /oparl/v1, all twelve object types: the system; its bodies (one per Raad body) with the
/// body's period as its one legislative term; the body as an organization ("Gremium"); its members (name only) and
/// memberships; public meetings with their location, agenda items and the files of public items; the cases that run
/// over several meetings as papers, each public item of a case as a consultation. Everything is what the public sees:
/// every item asks <see cref="Visibility"/> with <see cref="ViewerFacts.Anonymous"/>, so drafts, closed contents and
/// unapproved decisions never appear. created/modified/deleted come from the audit log (<see cref="OParlStamps"/>).
/// </summary>
public static partial class OParlEndpoints
{
    private const string Schema = "https://schema.oparl.org/1.1/";
    private const int PageSize = 50;

    /// <summary>One object of a list with its stamps, for the filters.</summary>
    private sealed record Entry(string Id, JsonObject Node, DateTimeOffset Created, DateTimeOffset Modified);

    /// <summary>An object that is gone (deleted, or no longer public): listed only when modified_since is asked.</summary>
    private sealed record Gone(string Id, string Type, DateTimeOffset Created, DateTimeOffset Deleted);

    public static void MapOParl(this WebApplication app)
    {
        var oparl = app.MapGroup("/oparl/v1").ExcludeFromDescription();
        // Open data: any site may read it from a browser.
        oparl.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });

        oparl.MapGet("/system", async (HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var origin = await new OParlStamps(db).OfAsync("System", 0, ct);
            return Json(System(Base(http), origin.Created));
        }).Needs(Permission.Public);

        oparl.MapGet("/bodies", async (HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var stamps = new OParlStamps(db);
            var bodies = await db.Bodies.AsNoTracking().OrderBy(x => x.Id).ToListAsync(ct);
            var stamp = await stamps.OfAsync("Body", bodies.Select(x => x.Id), ct);
            var gone = (await stamps.DeletedAsync("Body", ct)).Select(t => new Gone($"{b}/body/{t.Id}", "Body", t.Created, t.Deleted));
            return Page(http, $"{b}/bodies", [.. bodies.Select(x => Of(BodyObject(b, x, stamp(x.Id)), stamp(x.Id)))], gone);
        }).Needs(Permission.Public);
        oparl.MapGet("/body/{id:int}", (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
            BodyShapedAsync(id, http, db, "body", "Body", BodyObject, ct)).Needs(Permission.Public);

        // A legislative term and an organization are the body itself seen another way: one per body, with its id.
        foreach (var (path, type, build) in new (string, string, Func<string, Domain.Bodies.Body, OParlStamps.Stamp, JsonObject>)[]
            { ("legislativeterm", "LegislativeTerm", TermObject), ("organization", "Organization", OrganizationObject) })
        {
            oparl.MapGet($"/body/{{id:int}}/{path}s", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
            {
                if (await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is not { } body)
                {
                    return NotFound();
                }
                var b = Base(http);
                var stamp = await new OParlStamps(db).OfAsync("Body", id, ct);
                return Page(http, $"{b}/body/{id}/{path}s", [Of(build(b, body, stamp), stamp)], []);
            }).Needs(Permission.Public);
            oparl.MapGet($"/{path}/{{id:int}}", (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
                BodyShapedAsync(id, http, db, path, type, build, ct)).Needs(Permission.Public);
        }

        oparl.MapGet("/body/{id:int}/people", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var stamps = new OParlStamps(db);
            var people = await db.Memberships.AsNoTracking().Where(m => m.BodyId == id).Select(m => m.Person!).Distinct().OrderBy(p => p.Id).ToListAsync(ct);
            var stamp = await stamps.OfAsync("Person", people.Select(p => p.Id), ct);
            var live = people.Select(p => p.Id).ToHashSet();
            // A person leaves the body's list when their last membership of it is deleted.
            var gone = (await stamps.DeletedAsync("Membership", ct))
                .Where(t => OParlStamps.IntOf(t.Before, "BodyId") == id && OParlStamps.IntOf(t.Before, "PersonId") is { } p && !live.Contains(p))
                .GroupBy(t => OParlStamps.IntOf(t.Before, "PersonId")!.Value)
                .Select(g => new Gone($"{b}/person/{id}-{g.Key}", "Person", g.Min(t => t.Created), g.Max(t => t.Deleted)));
            return Page(http, $"{b}/body/{id}/people", [.. people.Select(p => Of(PersonObject(b, id, p.Id, p.Name, stamp(p.Id)), stamp(p.Id)))], gone);
        }).Needs(Permission.Public);
        oparl.MapGet("/person/{body:int}-{id:int}", async (int body, int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var stamps = new OParlStamps(db);
            if (await db.Memberships.AsNoTracking().Where(m => m.BodyId == body && m.PersonId == id).Select(m => m.Person!.Name).FirstOrDefaultAsync(ct) is { } name)
            {
                return Json(PersonObject(Base(http), body, id, name, await stamps.OfAsync("Person", id, ct)));
            }
            var ended = (await stamps.DeletedAsync("Membership", ct))
                .Where(t => OParlStamps.IntOf(t.Before, "BodyId") == body && OParlStamps.IntOf(t.Before, "PersonId") == id).ToList();
            return ended.Count == 0 ? NotFound()
                : Json(DeletedObject($"{Base(http)}/person/{body}-{id}", "Person", ended.Min(t => t.Created), ended.Max(t => t.Deleted)));
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/memberships", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var stamps = new OParlStamps(db);
            var memberships = await db.Memberships.AsNoTracking().Where(m => m.BodyId == id).OrderBy(m => m.Id).ToListAsync(ct);
            var stamp = await stamps.OfAsync("Membership", memberships.Select(m => m.Id), ct);
            var gone = (await stamps.DeletedAsync("Membership", ct)).Where(t => OParlStamps.IntOf(t.Before, "BodyId") == id)
                .Select(t => new Gone($"{b}/membership/{t.Id}", "Membership", t.Created, t.Deleted));
            return Page(http, $"{b}/body/{id}/memberships", [.. memberships.Select(m => Of(MembershipObject(b, m, stamp(m.Id)), stamp(m.Id)))], gone);
        }).Needs(Permission.Public);
        oparl.MapGet("/membership/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var stamps = new OParlStamps(db);
            return await db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m
                ? Json(MembershipObject(Base(http), m, await stamps.OfAsync("Membership", id, ct)))
                : await DeletedOr404(stamps, "Membership", id, $"{Base(http)}/membership/{id}", "Membership", ct);
        }).Needs(Permission.Public);

        // Meetings, locations, items, files, papers and consultations: paged in SQL, only the page's objects loaded (View).
        oparl.MapGet("/body/{id:int}/meetings", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            return await PageAsync(http, view, $"{view.B}/body/{id}/meetings", view.Meetings(id), "Meeting", m => m.Id,
                q => q.OrderBy(m => m.Date).ThenBy(m => m.Id),
                async ids => [.. (await view.MeetingObjectsAsync(InOrderOf(await view.Meetings(id).Where(m => ids.Contains(m.Id)).ToListAsync(ct), m => m.Id, ids), ct)).Select(x => x.Node)],
                async since => GoneMeetings(view, "meeting", "Meeting", await view.GoneMeetingsAsync(id, null, since, ct)), ct);
        }).Needs(Permission.Public);
        oparl.MapGet("/meeting/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            var live = await view.MeetingObjectsAsync(await view.Meetings(null).Where(m => m.Id == id).ToListAsync(ct), ct);
            return live.Count > 0 ? Json(live[0].Node)
                : GoneMeetings(view, "meeting", "Meeting", await view.GoneMeetingsAsync(null, [id], null, ct)).FirstOrDefault() is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);
        oparl.MapGet("/body/{id:int}/locations", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            return await PageAsync(http, view, $"{view.B}/body/{id}/locations", view.Locations(id), "Meeting", m => m.Id,
                q => q.OrderBy(m => m.Date).ThenBy(m => m.Id),
                async ids => [.. (await view.LocationObjectsAsync(InOrderOf(await view.Locations(id).Where(m => ids.Contains(m.Id)).ToListAsync(ct), m => m.Id, ids), ct)).Select(x => x.Node)],
                async since => GoneMeetings(view, "location", "Location", await view.GoneMeetingsAsync(id, null, since, ct)), ct);
        }).Needs(Permission.Public);
        oparl.MapGet("/location/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            var live = await view.LocationObjectsAsync(await view.Locations(null).Where(m => m.Id == id).ToListAsync(ct), ct);
            return live.Count > 0 ? Json(live[0].Node)
                : GoneMeetings(view, "location", "Location", await view.GoneMeetingsAsync(null, [id], null, ct)).FirstOrDefault() is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/agendaitems", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            return await PageAsync(http, view, $"{view.B}/body/{id}/agendaitems", view.Items(id), "AgendaItem", i => i.Id, View.InOrder,
                async ids => [.. InOrderOf(await view.LoadItemsAsync(view.Items(id).Where(i => ids.Contains(i.Id)), ct), i => i.Id, ids).Select(view.ItemObject)],
                since => view.GoneItemsAsync(id, null, since, "agendaitem", "AgendaItem", consultations: false, ct), ct);
        }).Needs(Permission.Public);
        oparl.MapGet("/agendaitem/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            return (await view.LoadItemsAsync(view.Items(null).Where(i => i.Id == id), ct)).FirstOrDefault() is { } item ? Json(view.ItemObject(item))
                : (await view.GoneItemsAsync(null, [id], null, "agendaitem", "AgendaItem", consultations: false, ct)).FirstOrDefault() is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/files", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            return await PageAsync(http, view, $"{view.B}/body/{id}/files", view.Files(id), "Attachment", a => a.Id,
                q => q.OrderBy(a => a.AgendaItem!.Meeting!.Date).ThenBy(a => a.AgendaItem!.MeetingId).ThenBy(a => a.AgendaItem!.Position).ThenBy(a => a.Id),
                async ids => [.. InOrderOf(await view.LoadFilesAsync(view.Files(id).Where(a => ids.Contains(a.Id)), ct), f => f.Id, ids).Select(view.FileObject)],
                since => view.GoneFilesAsync(id, null, since, ct), ct);
        }).Needs(Permission.Public);
        oparl.MapGet("/file/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            return (await view.LoadFilesAsync(view.Files(null).Where(a => a.Id == id), ct)).FirstOrDefault() is { } file ? Json(view.FileObject(file))
                : (await view.GoneFilesAsync(null, [id], null, ct)).FirstOrDefault() is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/papers", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            return await PageAsync(http, view, $"{view.B}/body/{id}/papers", view.Papers(id), "Case", c => c.Id, q => q.OrderBy(c => c.Id),
                async ids => [.. (await view.LoadPapersAsync(InOrderOf(await view.Papers(id).Where(c => ids.Contains(c.Id)).ToListAsync(ct), c => c.Id, ids), id, ct)).Select(view.PaperObject)],
                since => view.GonePapersAsync(id, null, since, ct), ct);
        }).Needs(Permission.Public);
        oparl.MapGet("/paper/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            // A case is a paper of the body of its first public item (a case belongs to one body).
            var body = await View.InOrder(view.Consultations(null).Where(i => i.CaseId == id)).Select(i => (int?)i.Meeting!.BodyId).FirstOrDefaultAsync(ct);
            var live = body is { } b ? await view.LoadPapersAsync(await view.Papers(b).Where(c => c.Id == id).ToListAsync(ct), b, ct) : [];
            return live.Count > 0 ? Json(view.PaperObject(live[0]))
                : (await view.GonePapersAsync(null, [id], null, ct)).FirstOrDefault() is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/consultations", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            return await PageAsync(http, view, $"{view.B}/body/{id}/consultations", view.Consultations(id), "AgendaItem", i => i.Id, View.InOrder,
                async ids => [.. InOrderOf(await view.LoadItemsAsync(view.Consultations(id).Where(i => ids.Contains(i.Id)), ct), i => i.Id, ids)
                    .Select(i => view.ConsultationObject(i, embedded: false))],
                since => view.GoneItemsAsync(id, null, since, "consultation", "Consultation", consultations: true, ct), ct);
        }).Needs(Permission.Public);
        oparl.MapGet("/consultation/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = new View(db, Base(http));
            return (await view.LoadItemsAsync(view.Consultations(null).Where(i => i.Id == id), ct)).FirstOrDefault() is { } item ? Json(view.ConsultationObject(item, embedded: false))
                : (await view.GoneItemsAsync(null, [id], null, "consultation", "Consultation", consultations: true, ct)).FirstOrDefault() is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);
    }

    /// <summary>One object made from a body (the body, its term, its organization), or deleted with it, or 404.</summary>
    private static async Task<IResult> BodyShapedAsync(int id, HttpContext http, AppDbContext db, string path, string type,
        Func<string, Domain.Bodies.Body, OParlStamps.Stamp, JsonObject> build, CancellationToken ct)
    {
        var stamps = new OParlStamps(db);
        return await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } body
            ? Json(build(Base(http), body, await stamps.OfAsync("Body", id, ct)))
            : await DeletedOr404(stamps, "Body", id, $"{Base(http)}/{path}/{id}", type, ct);
    }

    private static async Task<IResult> DeletedOr404(OParlStamps stamps, string auditType, int id, string url, string type, CancellationToken ct) =>
        (await stamps.DeletedAsync(auditType, ct, id)).FirstOrDefault() is { } t ? Json(DeletedObject(url, type, t.Created, t.Deleted)) : NotFound();

    private static bool HasPlace(Meeting m) => !string.IsNullOrWhiteSpace(m.Location) || m.IsVirtual;

    private static string Base(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/oparl/v1";

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json; charset=utf-8");

    private static IResult NotFound() => Results.NotFound();

    private static Entry Of(JsonObject node, OParlStamps.Stamp stamp) => new((string)node["id"]!, node, stamp.Created, stamp.Modified);

    private static JsonObject DeletedObject(Gone g) => DeletedObject(g.Id, g.Type, g.Created, g.Deleted);

    /// <summary>What is left of a deleted object (spec 2.5.3): its id, type, times and deleted: true.</summary>
    private static JsonObject DeletedObject(string id, string type, DateTimeOffset created, DateTimeOffset deleted) => new()
    {
        ["id"] = id,
        ["type"] = Schema + type,
        ["created"] = Instant(created),
        ["modified"] = Instant(deleted),
        ["deleted"] = true,
    };

    private static readonly string[] FilterNames = ["created_since", "created_until", "modified_since", "modified_until"];

    /// <summary>A list request's window (the four filters) and page, and the filters and limit to keep in its links.</summary>
    private sealed record ListRequest(OParlStamps.Window Window, int Size, int Page, string Kept);

    /// <summary>
    /// Reads created_since/created_until/modified_since/modified_until, limit and page; null and the 400 answer when a
    /// filter is not a time.
    /// </summary>
    private static ListRequest? ReadList(HttpContext http, out IResult? error)
    {
        var query = http.Request.Query;
        var filters = new Dictionary<string, DateTimeOffset>();
        error = null;
        foreach (var name in FilterNames)
        {
            if (query[name].ToString() is { Length: > 0 } text)
            {
                // A "+" of the offset that was not percent-encoded arrives as a space.
                if (!DateTimeOffset.TryParse(text.Replace(' ', '+'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    error = Results.Json(new { error = $"{name} skal være et tidspunkt som 2025-08-27T14:00:00+02:00." }, statusCode: 400);
                    return null;
                }
                filters[name] = at;
            }
        }
        DateTimeOffset? Of(string name) => filters.TryGetValue(name, out var at) ? at : null;
        // The page size is the server's choice; a client may ask for fewer (limit, 1-100), kept in every link.
        var size = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) && l is > 0 and <= 100 ? l : PageSize;
        var kept = string.Concat(filters.Select(f => $"&{f.Key}={Uri.EscapeDataString(Instant(f.Value))}"))
            + (size == PageSize ? "" : $"&limit={size}");
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        return new(new(Of("created_since"), Of("created_until"), Of("modified_since"), Of("modified_until")), size, page, kept);
    }

    /// <summary>
    /// One page of a small list held in memory (bodies, people, memberships): data, pagination and links. Deleted objects
    /// are in the list only when modified_since is asked (spec 2.7.2), with their deletion as their modified.
    /// </summary>
    private static IResult Page(HttpContext http, string url, IReadOnlyList<Entry> live, IEnumerable<Gone> gone)
    {
        if (ReadList(http, out var error) is not { } list)
        {
            return error!;
        }
        var liveIds = live.Select(e => e.Id).ToHashSet();
        var all = live.Where(e => list.Window.In(e.Created, e.Modified)).Select(e => (JsonNode)e.Node).ToList();
        if (list.Window.ModifiedSince is not null)
        {
            all.AddRange(gone.Where(g => !liveIds.Contains(g.Id) && list.Window.In(g.Created, g.Deleted)).DistinctBy(g => g.Id).Select(g => (JsonNode)DeletedObject(g)));
        }
        var skip = (long)(list.Page - 1) * list.Size;
        return Envelope(url, list, all.Count, [.. all.Skip((int)Math.Min(skip, int.MaxValue)).Take(list.Size)]);
    }

    /// <summary>
    /// One page of a long list, paged in the database: the rows (what the public sees, see <see cref="View"/>) are
    /// filtered by the window in SQL (<see cref="OParlStamps.WhereAsync"/>), counted, and only the page's ids are read in
    /// the list's order; <paramref name="objects"/> then builds just those objects, in that order. Deleted objects follow
    /// the live ones when modified_since is asked: <paramref name="gone"/> reads those gone since then, and one whose id
    /// lives again (SQLite reuses ids) is left out.
    /// </summary>
    private static async Task<IResult> PageAsync<T>(HttpContext http, View view, string url, IQueryable<T> rows, string auditType,
        Expression<Func<T, int>> idOf, Func<IQueryable<T>, IOrderedQueryable<T>> order, Func<List<int>, Task<List<JsonObject>>> objects,
        Func<DateTimeOffset, Task<List<Gone>>> gone, CancellationToken ct)
    {
        if (ReadList(http, out var error) is not { } list)
        {
            return error!;
        }
        var window = list.Window;
        var filtered = window is { CreatedSince: null, CreatedUntil: null, ModifiedSince: null, ModifiedUntil: null }
            ? rows : rows.Where(await view.Stamps.WhereAsync(auditType, idOf, window, ct));
        var count = await filtered.CountAsync(ct);
        List<Gone> deleted = [];
        if (window.ModifiedSince is { } since)
        {
            var candidates = (await gone(since)).Where(g => window.In(g.Created, g.Deleted)).DistinctBy(g => g.Id).ToList();
            var ids = candidates.Select(g => IdOf(g.Id)).Distinct().ToList();
            var alive = ids.Count == 0 ? [] : (await rows.Select(idOf).Where(i => ids.Contains(i)).ToListAsync(ct)).ToHashSet();
            deleted = [.. candidates.Where(g => !alive.Contains(IdOf(g.Id)))];
        }
        var skip = (long)(list.Page - 1) * list.Size;
        var fromLive = skip < count ? (int)Math.Min(list.Size, count - skip) : 0;
        var data = new List<JsonNode>();
        if (fromLive > 0)
        {
            var ids = await order(filtered).Skip((int)skip).Take(fromLive).Select(idOf).ToListAsync(ct);
            data.AddRange(await objects(ids));
        }
        var fromGone = (int)Math.Min(Math.Max(0, skip - count), int.MaxValue);
        data.AddRange(deleted.Skip(fromGone).Take(list.Size - fromLive).Select(g => DeletedObject(g)));
        return Envelope(url, list, count + deleted.Count, data);
    }

    /// <summary>The list page's answer: data, pagination and links (next on every page but the last), the filters kept in each link.</summary>
    private static IResult Envelope(string url, ListRequest list, int total, List<JsonNode> data)
    {
        var pages = Math.Max(1, (total + list.Size - 1) / list.Size);
        string Link(int n) => $"{url}?page={n}{list.Kept}";
        var links = new JsonObject { ["first"] = Link(1), ["last"] = Link(pages), ["self"] = Link(list.Page) };
        if (list.Page > 1 && list.Page <= pages)
        {
            links["prev"] = Link(list.Page - 1);
        }
        if (list.Page < pages)
        {
            links["next"] = Link(list.Page + 1);
        }
        return Json(new JsonObject
        {
            ["data"] = new JsonArray([.. data.Select(n => n.DeepClone())]),
            ["pagination"] = new JsonObject { ["totalElements"] = total, ["elementsPerPage"] = list.Size, ["currentPage"] = list.Page, ["totalPages"] = pages },
            ["links"] = links,
        });
    }

    /// <summary>The number at the end of an object's address.</summary>
    private static int IdOf(string url) => int.Parse(url[(url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

    /// <summary>The objects in the order of <paramref name="ids"/> (the page's order, which SQL gave).</summary>
    private static List<T> InOrderOf<T>(IEnumerable<T> objects, Func<T, int> id, List<int> ids)
    {
        var place = ids.Select((x, n) => (x, n)).ToDictionary(p => p.x, p => p.n);
        return [.. objects.OrderBy(o => place.GetValueOrDefault(id(o), int.MaxValue))];
    }

    private static List<Gone> GoneMeetings(View view, string path, string type, Dictionary<int, GoneMeeting> gone) =>
        [.. gone.Values.Select(g => new Gone($"{view.B}/{path}/{g.Id}", type, g.Created, g.Deleted))];

    private static JsonObject System(string b, DateTimeOffset since) => new()
    {
        ["id"] = $"{b}/system",
        ["type"] = Schema + "System",
        ["oparlVersion"] = "https://schema.oparl.org/1.1/",
        ["body"] = $"{b}/bodies",
        ["name"] = "Raad",
        ["created"] = Instant(since),
        ["modified"] = Instant(since),
    };

    private static JsonObject Stamped(JsonObject o, OParlStamps.Stamp stamp)
    {
        o["created"] = Instant(stamp.Created);
        o["modified"] = Instant(stamp.Modified);
        return o;
    }

    private static JsonObject BodyObject(string b, Domain.Bodies.Body body, OParlStamps.Stamp stamp) => Stamped(new()
    {
        ["id"] = $"{b}/body/{body.Id}",
        ["type"] = Schema + "Body",
        ["system"] = $"{b}/system",
        ["name"] = body.Name,
        ["organization"] = $"{b}/body/{body.Id}/organizations",
        ["person"] = $"{b}/body/{body.Id}/people",
        ["meeting"] = $"{b}/body/{body.Id}/meetings",
        ["paper"] = $"{b}/body/{body.Id}/papers",
        ["agendaItem"] = $"{b}/body/{body.Id}/agendaitems",
        ["consultation"] = $"{b}/body/{body.Id}/consultations",
        ["file"] = $"{b}/body/{body.Id}/files",
        ["locationList"] = $"{b}/body/{body.Id}/locations",
        ["legislativeTermList"] = $"{b}/body/{body.Id}/legislativeterms",
        ["membership"] = $"{b}/body/{body.Id}/memberships",
        ["legislativeTerm"] = new JsonArray(TermObject(b, body, stamp)),
    }, stamp);

    /// <summary>The body's period (ValidFrom to ValidTo) is its one legislative term: Raad's bodies are set up per period.</summary>
    private static JsonObject TermObject(string b, Domain.Bodies.Body body, OParlStamps.Stamp stamp)
    {
        var o = new JsonObject
        {
            ["id"] = $"{b}/legislativeterm/{body.Id}",
            ["type"] = Schema + "LegislativeTerm",
            ["body"] = $"{b}/body/{body.Id}",
            ["name"] = body.ValidTo is { } to ? $"{body.Name} {body.ValidFrom.Year}-{to.Year}" : $"{body.Name} fra {body.ValidFrom.Year}",
            ["startDate"] = Date(body.ValidFrom),
        };
        if (body.ValidTo is { } end)
        {
            o["endDate"] = Date(end);
        }
        return Stamped(o, stamp);
    }

    /// <summary>The body itself as its own organization, of type "Gremium".</summary>
    private static JsonObject OrganizationObject(string b, Domain.Bodies.Body body, OParlStamps.Stamp stamp)
    {
        var o = new JsonObject
        {
            ["id"] = $"{b}/organization/{body.Id}",
            ["type"] = Schema + "Organization",
            ["body"] = $"{b}/body/{body.Id}",
            ["name"] = body.Name,
            ["organizationType"] = "Gremium",
            ["meeting"] = $"{b}/body/{body.Id}/meetings",
            ["startDate"] = Date(body.ValidFrom),
        };
        if (body.ValidTo is { } to)
        {
            o["endDate"] = Date(to);
        }
        return Stamped(o, stamp);
    }

    /// <summary>A member by name only: never e-mail or phone. One person per body, as OParl's persons belong to a body.</summary>
    private static JsonObject PersonObject(string b, int body, int id, string name, OParlStamps.Stamp stamp) => Stamped(new()
    {
        ["id"] = $"{b}/person/{body}-{id}",
        ["type"] = Schema + "Person",
        ["body"] = $"{b}/body/{body}",
        ["name"] = name,
    }, stamp);

    private static JsonObject MembershipObject(string b, Domain.People.Membership m, OParlStamps.Stamp stamp)
    {
        var o = new JsonObject
        {
            ["id"] = $"{b}/membership/{m.Id}",
            ["type"] = Schema + "Membership",
            ["person"] = $"{b}/person/{m.BodyId}-{m.PersonId}",
            ["organization"] = $"{b}/organization/{m.BodyId}",
            ["role"] = Domain.People.MembershipText.Danish(m.Role),
            ["votingRight"] = m.IsVotingMember,
            ["startDate"] = Date(m.From),
        };
        if (m.To is { } to)
        {
            o["endDate"] = Date(to);
        }
        return Stamped(o, stamp);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Copenhagen's local time with its offset that day, as OParl writes it (no fractions, no Z).</summary>
    private static string DateTime(DateOnly d, TimeOnly t)
    {
        var local = d.ToDateTime(t);
        var offset = Clock.Copenhagen.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>An instant in Copenhagen's time with its offset, whole seconds.</summary>
    private static string Instant(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Clock.Copenhagen).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
