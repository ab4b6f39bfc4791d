using System.Globalization;
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
public static class OParlEndpoints
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
        oparl.MapGet("/body/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var stamps = new OParlStamps(db);
            return await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } body
                ? Json(BodyObject(Base(http), body, await stamps.OfAsync("Body", id, ct)))
                : await DeletedOr404(stamps, "Body", id, $"{Base(http)}/body/{id}", "Body", ct);
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/legislativeterms", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var stamps = new OParlStamps(db);
            var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (body is null)
            {
                return NotFound();
            }
            var stamp = await stamps.OfAsync("Body", id, ct);
            return Page(http, $"{b}/body/{id}/legislativeterms", [Of(TermObject(b, body, stamp), stamp)], []);
        }).Needs(Permission.Public);
        oparl.MapGet("/legislativeterm/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var stamps = new OParlStamps(db);
            return await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } body
                ? Json(TermObject(Base(http), body, await stamps.OfAsync("Body", id, ct)))
                : await DeletedOr404(stamps, "Body", id, $"{Base(http)}/legislativeterm/{id}", "LegislativeTerm", ct);
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/organizations", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var stamps = new OParlStamps(db);
            var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (body is null)
            {
                return NotFound();
            }
            var stamp = await stamps.OfAsync("Body", id, ct);
            return Page(http, $"{b}/body/{id}/organizations", [Of(OrganizationObject(b, body, stamp), stamp)], []);
        }).Needs(Permission.Public);
        oparl.MapGet("/organization/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var stamps = new OParlStamps(db);
            return await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } body
                ? Json(OrganizationObject(Base(http), body, await stamps.OfAsync("Body", id, ct)))
                : await DeletedOr404(stamps, "Body", id, $"{Base(http)}/organization/{id}", "Organization", ct);
        }).Needs(Permission.Public);

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

        oparl.MapGet("/body/{id:int}/meetings", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = await View.LoadAsync(db, Base(http), id, ct);
            return Page(http, $"{view.B}/body/{id}/meetings", [.. view.Meetings.Select(m => Of(view.MeetingObject(m), view.MeetingStamp(m.Id)))],
                view.GoneMeetings("meeting", "Meeting"));
        }).Needs(Permission.Public);
        oparl.MapGet("/meeting/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = await View.LoadAsync(db, Base(http), await BodyOfMeeting(db, id, ct), ct);
            return view.Meetings.FirstOrDefault(m => m.Id == id) is { } m ? Json(view.MeetingObject(m))
                : view.GoneMeetings("meeting", "Meeting").FirstOrDefault(g => g.Id == $"{view.B}/meeting/{id}") is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);
        oparl.MapGet("/body/{id:int}/locations", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = await View.LoadAsync(db, Base(http), id, ct);
            return Page(http, $"{view.B}/body/{id}/locations",
                [.. view.Meetings.Where(HasPlace).Select(m => Of(view.LocationObject(m, embedded: false), view.MeetingStamp(m.Id)))],
                view.GoneMeetings("location", "Location"));
        }).Needs(Permission.Public);
        oparl.MapGet("/location/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = await View.LoadAsync(db, Base(http), await BodyOfMeeting(db, id, ct), ct);
            return view.Meetings.FirstOrDefault(m => m.Id == id && HasPlace(m)) is { } m ? Json(view.LocationObject(m, embedded: false))
                : view.GoneMeetings("location", "Location").FirstOrDefault(g => g.Id == $"{view.B}/location/{id}") is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/agendaitems", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = await View.LoadAsync(db, Base(http), id, ct);
            return Page(http, $"{view.B}/body/{id}/agendaitems", [.. view.Items.Select(i => Of(view.ItemObject(i), i.Stamp))], view.GoneItems("agendaitem", "AgendaItem"));
        }).Needs(Permission.Public);
        oparl.MapGet("/agendaitem/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = await View.LoadAsync(db, Base(http), await BodyOfItem(db, id, ct), ct);
            return view.Items.FirstOrDefault(i => i.Id == id) is { } item ? Json(view.ItemObject(item))
                : view.GoneItems("agendaitem", "AgendaItem").FirstOrDefault(g => g.Id == $"{view.B}/agendaitem/{id}") is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/files", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = await View.LoadAsync(db, Base(http), id, ct);
            return Page(http, $"{view.B}/body/{id}/files", [.. view.Items.SelectMany(i => i.Files).Select(f => Of(view.FileObject(f), f.Stamp))], view.GoneFiles());
        }).Needs(Permission.Public);
        oparl.MapGet("/file/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var body = await db.Attachments.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.AgendaItem!.Meeting!.BodyId).FirstOrDefaultAsync(ct);
            if (body is null && (await new OParlStamps(db).DeletedAsync("Attachment", ct, id)).Select(t => OParlStamps.IntOf(t.Before, "AgendaItemId")).FirstOrDefault() is { } item)
            {
                body = await BodyOfItem(db, item, ct);
            }
            var view = await View.LoadAsync(db, Base(http), body, ct);
            return view.Items.SelectMany(i => i.Files).FirstOrDefault(f => f.Id == id) is { } file ? Json(view.FileObject(file))
                : view.GoneFiles().FirstOrDefault(g => g.Id == $"{view.B}/file/{id}") is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/papers", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = await View.LoadAsync(db, Base(http), id, ct);
            return Page(http, $"{view.B}/body/{id}/papers", [.. view.Papers.Select(p => Of(view.PaperObject(p), p.Stamp))], view.GonePapers());
        }).Needs(Permission.Public);
        oparl.MapGet("/paper/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var body = await db.AgendaItems.AsNoTracking().Where(i => i.CaseId == id).Select(i => (int?)i.Meeting!.BodyId).FirstOrDefaultAsync(ct)
                ?? await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.BodyId).FirstOrDefaultAsync(ct);
            var view = await View.LoadAsync(db, Base(http), body, ct);
            return view.Papers.FirstOrDefault(p => p.Id == id) is { } paper ? Json(view.PaperObject(paper))
                : view.GonePapers().FirstOrDefault(g => g.Id == $"{view.B}/paper/{id}") is { } gone ? Json(DeletedObject(gone))
                : NotFound();
        }).Needs(Permission.Public);
        oparl.MapGet("/body/{id:int}/consultations", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = await View.LoadAsync(db, Base(http), id, ct);
            return Page(http, $"{view.B}/body/{id}/consultations",
                [.. view.Items.Where(i => view.PaperIds.Contains(i.CaseId ?? 0)).Select(i => Of(view.ConsultationObject(i), i.Stamp))],
                view.GoneItems("consultation", "Consultation", consultations: true));
        }).Needs(Permission.Public);
        oparl.MapGet("/consultation/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var view = await View.LoadAsync(db, Base(http), await BodyOfItem(db, id, ct), ct);
            return view.Items.FirstOrDefault(i => i.Id == id && view.PaperIds.Contains(i.CaseId ?? 0)) is { } item ? Json(view.ConsultationObject(item))
                : view.GoneItems("consultation", "Consultation", consultations: true).FirstOrDefault(g => g.Id == $"{view.B}/consultation/{id}") is { } gone
                    ? Json(DeletedObject(gone))
                    : NotFound();
        }).Needs(Permission.Public);
    }

    private static async Task<int?> BodyOfMeeting(AppDbContext db, int id, CancellationToken ct) =>
        await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => (int?)m.BodyId).FirstOrDefaultAsync(ct)
        ?? (await new OParlStamps(db).DeletedAsync("Meeting", ct, id)).Select(t => OParlStamps.IntOf(t.Before, "BodyId")).FirstOrDefault();

    private static async Task<int?> BodyOfItem(AppDbContext db, int id, CancellationToken ct)
    {
        if (await db.AgendaItems.AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.Meeting!.BodyId).FirstOrDefaultAsync(ct) is { } body)
        {
            return body;
        }
        var meeting = (await new OParlStamps(db).DeletedAsync("AgendaItem", ct, id)).Select(t => OParlStamps.IntOf(t.Before, "MeetingId")).FirstOrDefault();
        return meeting is null ? null : await BodyOfMeeting(db, meeting.Value, ct);
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

    /// <summary>
    /// One page of a list: data, pagination and links (next on every page but the last). The filters
    /// created_since/created_until/modified_since/modified_until and limit are kept in every link. Deleted objects
    /// are in the list only when modified_since is asked (spec 2.7.2), with their deletion as their modified.
    /// </summary>
    private static IResult Page(HttpContext http, string url, IReadOnlyList<Entry> live, IEnumerable<Gone> gone)
    {
        var query = http.Request.Query;
        var filters = new Dictionary<string, DateTimeOffset>();
        foreach (var name in FilterNames)
        {
            if (query[name].ToString() is { Length: > 0 } text)
            {
                // A "+" of the offset that was not percent-encoded arrives as a space.
                if (!DateTimeOffset.TryParse(text.Replace(' ', '+'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    return Results.Json(new { error = $"{name} skal være et tidspunkt som 2025-08-27T14:00:00+02:00." }, statusCode: 400);
                }
                filters[name] = at;
            }
        }
        bool In(DateTimeOffset created, DateTimeOffset modified) =>
            (!filters.TryGetValue("created_since", out var cs) || created >= cs) && (!filters.TryGetValue("created_until", out var cu) || created <= cu)
            && (!filters.TryGetValue("modified_since", out var ms) || modified >= ms) && (!filters.TryGetValue("modified_until", out var mu) || modified <= mu);
        var liveIds = live.Select(e => e.Id).ToHashSet();
        var all = live.Where(e => In(e.Created, e.Modified)).Select(e => (JsonNode)e.Node).ToList();
        if (filters.ContainsKey("modified_since"))
        {
            all.AddRange(gone.Where(g => !liveIds.Contains(g.Id) && In(g.Created, g.Deleted)).DistinctBy(g => g.Id).Select(g => (JsonNode)DeletedObject(g)));
        }

        // The page size is the server's choice; a client may ask for fewer (limit, 1-100), kept in every link.
        var size = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) && l is > 0 and <= 100 ? l : PageSize;
        var kept = string.Concat(filters.Select(f => $"&{f.Key}={Uri.EscapeDataString(Instant(f.Value))}"))
            + (size == PageSize ? "" : $"&limit={size}");
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var pages = Math.Max(1, (all.Count + size - 1) / size);
        string Link(int n) => $"{url}?page={n}{kept}";
        var links = new JsonObject { ["first"] = Link(1), ["last"] = Link(pages), ["self"] = Link(page) };
        if (page > 1 && page <= pages)
        {
            links["prev"] = Link(page - 1);
        }
        if (page < pages)
        {
            links["next"] = Link(page + 1);
        }
        return Json(new JsonObject
        {
            ["data"] = new JsonArray([.. all.Skip((page - 1) * size).Take(size).Select(n => n.DeepClone())]),
            ["pagination"] = new JsonObject { ["totalElements"] = all.Count, ["elementsPerPage"] = size, ["currentPage"] = page, ["totalPages"] = pages },
            ["links"] = links,
        });
    }

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

    public sealed record PublicItem(int Id, int MeetingId, int Position, int? Number, string Name, bool Public, string? Result,
        int? CaseId, IReadOnlyList<PublicFile> Files, OParlStamps.Stamp Stamp);

    public sealed record PublicFile(int Id, int ItemId, string Name, string FileName, string MimeType, long Size, OParlStamps.Stamp Stamp);

    public sealed record PublicPaper(int Id, int BodyId, string Name, string? Reference, List<PublicItem> Items, OParlStamps.Stamp Stamp);

    /// <summary>
    /// One body's meetings, items, files and papers as the public sees them, with their stamps; and what was public and
    /// is gone. A meeting is public once its agenda is published (Visibility.Agenda for the anonymous viewer, whose test is
    /// Meeting.IsPublicStatus); one that was published and is no longer (cancelled, agenda withdrawn) counts as deleted.
    /// </summary>
    private sealed class View
    {
        public string B { get; private init; } = "";
        public int BodyId { get; private init; }
        public List<Meeting> Meetings { get; private init; } = [];
        public List<PublicItem> Items { get; private init; } = [];
        public List<PublicPaper> Papers { get; private init; } = [];
        public HashSet<int> PaperIds { get; private init; } = [];
        private Func<int, OParlStamps.Stamp> meetingStamp = _ => throw new InvalidOperationException();
        private List<(int Id, DateTimeOffset Created, DateTimeOffset Deleted)> goneMeetings = [];
        private List<OParlStamps.Tombstone> goneItems = [];
        private List<OParlStamps.Tombstone> goneFiles = [];
        private List<OParlStamps.Tombstone> gonePapers = [];
        private List<(int Item, int Meeting)> itemsOfGoneMeetings = [];

        public OParlStamps.Stamp MeetingStamp(int id) => meetingStamp(id);

        private static readonly MeetingStatus[] PublicStatuses = [.. Enum.GetValues<MeetingStatus>().Where(Meeting.IsPublicStatus)];

        public static async Task<View> LoadAsync(AppDbContext db, string b, int? bodyId, CancellationToken ct)
        {
            if (bodyId is null)
            {
                return new View { B = b };
            }
            var id = bodyId.Value;
            var stamps = new OParlStamps(db);
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == id).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct);
            var publicMeetings = meetings.Where(m => PublicStatuses.Contains(m.Status)).ToList();
            var hidden = meetings.Where(m => !PublicStatuses.Contains(m.Status)).Select(m => m.Id).ToList();
            var meetingStamp = await stamps.OfAsync("Meeting", meetings.Select(m => m.Id), ct);

            // Gone meetings: deleted after they were published, or still there but no longer public.
            var deletedMeetings = (await stamps.DeletedAsync("Meeting", ct)).Where(t => OParlStamps.IntOf(t.Before, "BodyId") == id).ToList();
            var everPublished = await stamps.EverPublishedAsync(hidden.Concat(deletedMeetings.Select(t => int.Parse(t.Id, CultureInfo.InvariantCulture))), ct);
            var goneMeetings = deletedMeetings.Select(t => (Id: int.Parse(t.Id, CultureInfo.InvariantCulture), t.Created, t.Deleted))
                .Concat(hidden.Select(m => (Id: m, meetingStamp(m).Created, Deleted: meetingStamp(m).Modified)))
                .Where(g => everPublished.Contains(g.Id)).ToList();
            var goneMeetingIds = goneMeetings.Select(g => g.Id).ToHashSet();
            var meetingIds = meetings.Select(m => m.Id).ToHashSet();

            var rows = await db.AgendaItems.AsNoTracking().Where(i => i.Meeting!.BodyId == id)
                .Select(i => new
                {
                    i.Id,
                    i.MeetingId,
                    i.Position,
                    i.Number,
                    i.Title,
                    i.IsClosed,
                    i.Decision,
                    i.CaseId,
                    i.Meeting!.BodyId,
                    i.Meeting.Status,
                    i.Meeting.Date,
                    i.Meeting.Body!.PublicClosedItemTitles,
                    Files = i.Attachments.Select(a => new { a.Id, a.Title, a.FileName, a.ContentType, a.Size }).ToList(),
                })
                .ToListAsync(ct);
            var itemStamp = await stamps.OfAsync("AgendaItem", rows.Select(r => r.Id), ct);
            var fileStamp = await stamps.OfAsync("Attachment", rows.SelectMany(r => r.Files.Select(f => f.Id)), ct);
            var items = new List<PublicItem>();
            var order = publicMeetings.Select((m, n) => (m.Id, n)).ToDictionary(x => x.Id, x => x.n);
            foreach (var r in rows.Where(r => order.ContainsKey(r.MeetingId)).OrderBy(r => order[r.MeetingId]).ThenBy(r => r.Position))
            {
                var meeting = new MeetingState(r.BodyId, r.Status, r.Date);
                var item = new ItemState(r.Id, r.IsClosed);
                var sight = Visibility.Item(ViewerFacts.Anonymous, meeting, item, r.PublicClosedItemTitles);
                if (sight == ItemSight.Hidden)
                {
                    continue;
                }
                var full = sight == ItemSight.Full;
                items.Add(new PublicItem(r.Id, r.MeetingId, r.Position, r.Number, r.Title, !r.IsClosed,
                    full && Visibility.Decision(ViewerFacts.Anonymous, meeting, item) ? r.Decision : null,
                    // Only an open item tells which case it belongs to.
                    r.IsClosed ? null : r.CaseId,
                    full && Visibility.Attachment(ViewerFacts.Anonymous, meeting, item)
                        ? [.. r.Files.Select(f => new PublicFile(f.Id, r.Id, f.Title, f.FileName, f.ContentType, f.Size, fileStamp(f.Id)))]
                        : [],
                    itemStamp(r.Id)));
            }

            // Papers: the body's cases with at least one open, public item (a case seen only through closed items stays unknown).
            var caseIds = items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value).Distinct().ToList();
            var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
            var caseStamp = await stamps.OfAsync("Case", caseIds, ct);
            var papers = cases.Select(c => new PublicPaper(c.Id, id, c.Title, c.CaseNumber, [.. items.Where(i => i.CaseId == c.Id)], caseStamp(c.Id))).ToList();

            var itemMeetings = rows.ToDictionary(r => r.Id, r => r.MeetingId);
            var goneItems = (await stamps.DeletedAsync("AgendaItem", ct))
                .Where(t => OParlStamps.IntOf(t.Before, "MeetingId") is { } m && (order.ContainsKey(m) || goneMeetingIds.Contains(m))).ToList();
            foreach (var t in goneItems)
            {
                itemMeetings.TryAdd(int.Parse(t.Id, CultureInfo.InvariantCulture), OParlStamps.IntOf(t.Before, "MeetingId")!.Value);
            }
            var goneFiles = (await stamps.DeletedAsync("Attachment", ct))
                .Where(t => OParlStamps.IntOf(t.Before, "AgendaItemId") is { } i && itemMeetings.TryGetValue(i, out var m)
                    && (order.ContainsKey(m) || goneMeetingIds.Contains(m))).ToList();
            var gonePapers = (await stamps.DeletedAsync("Case", ct)).Where(t => OParlStamps.IntOf(t.Before, "BodyId") == id).ToList();
            return new View
            {
                B = b,
                BodyId = id,
                Meetings = publicMeetings,
                Items = items,
                Papers = papers,
                PaperIds = [.. papers.Select(p => p.Id)],
                meetingStamp = meetingStamp,
                goneMeetings = goneMeetings,
                goneItems = goneItems,
                goneFiles = goneFiles,
                gonePapers = gonePapers,
                itemsOfGoneMeetings = [.. rows.Where(r => goneMeetingIds.Contains(r.MeetingId)).Select(r => (r.Id, r.MeetingId))],
            };
        }

        public IEnumerable<Gone> GoneMeetings(string path, string type) =>
            goneMeetings.Select(g => new Gone($"{B}/{path}/{g.Id}", type, g.Created, g.Deleted));

        /// <summary>Deleted items of public (or once public) meetings, and the items of meetings that are gone.</summary>
        public IEnumerable<Gone> GoneItems(string path, string type, bool consultations = false)
        {
            var deleted = goneItems.Where(t => !consultations || OParlStamps.IntOf(t.Before, "CaseId") is not null)
                .Select(t => new Gone($"{B}/{path}/{t.Id}", type, t.Created, t.Deleted));
            var withMeeting = itemsOfGoneMeetings.Select(i =>
            {
                var meeting = goneMeetings.First(g => g.Id == i.Meeting);
                return new Gone($"{B}/{path}/{i.Item}", type, meeting.Created, meeting.Deleted);
            });
            return deleted.Concat(consultations ? [] : withMeeting);
        }

        public IEnumerable<Gone> GoneFiles() => goneFiles.Select(t => new Gone($"{B}/file/{t.Id}", "File", t.Created, t.Deleted));

        public IEnumerable<Gone> GonePapers() => gonePapers.Select(t => new Gone($"{B}/paper/{t.Id}", "Paper", t.Created, t.Deleted));

        public JsonObject MeetingObject(Meeting m)
        {
            var o = new JsonObject
            {
                ["id"] = $"{B}/meeting/{m.Id}",
                ["type"] = Schema + "Meeting",
                ["name"] = m.Title,
                ["meetingState"] = m.Status.ToString(),
                ["start"] = DateTime(m.Date, m.Start),
                ["end"] = DateTime(m.Date, m.End),
                ["organization"] = new JsonArray($"{B}/organization/{m.BodyId}"),
                ["agendaItem"] = new JsonArray([.. Items.Where(i => i.MeetingId == m.Id).Select(i => (JsonNode)ItemObject(i))]),
            };
            if (HasPlace(m))
            {
                o["location"] = LocationObject(m, embedded: true);
            }
            return Stamped(o, MeetingStamp(m.Id));
        }

        /// <summary>A meeting's place as its own location (Raad keeps the place as text on the meeting).</summary>
        public JsonObject LocationObject(Meeting m, bool embedded)
        {
            var o = new JsonObject
            {
                ["id"] = $"{B}/location/{m.Id}",
                ["type"] = Schema + "Location",
                ["description"] = m.PlaceText,
                ["bodies"] = new JsonArray($"{B}/body/{m.BodyId}"),
            };
            if (!embedded)
            {
                o["meetings"] = new JsonArray($"{B}/meeting/{m.Id}");
            }
            return Stamped(o, MeetingStamp(m.Id));
        }

        public JsonObject ItemObject(PublicItem i)
        {
            var o = new JsonObject
            {
                ["id"] = $"{B}/agendaitem/{i.Id}",
                ["type"] = Schema + "AgendaItem",
                ["meeting"] = $"{B}/meeting/{i.MeetingId}",
                ["order"] = i.Position,
                ["name"] = i.Name,
                ["public"] = i.Public,
            };
            if (i.Number is { } n)
            {
                o["number"] = n.ToString(CultureInfo.InvariantCulture);
            }
            if (i.CaseId is { } c && PaperIds.Contains(c))
            {
                o["consultation"] = $"{B}/consultation/{i.Id}";
            }
            if (i.Result is { Length: > 0 } result)
            {
                o["result"] = result;
            }
            if (i.Files.Count > 0)
            {
                o["auxiliaryFile"] = new JsonArray([.. i.Files.Select(f => (JsonNode)FileObject(f))]);
            }
            return Stamped(o, i.Stamp);
        }

        public JsonObject FileObject(PublicFile f)
        {
            var site = B[..^"/oparl/v1".Length];
            return Stamped(new()
            {
                ["id"] = $"{B}/file/{f.Id}",
                ["type"] = Schema + "File",
                ["name"] = f.Name,
                ["fileName"] = f.FileName,
                ["mimeType"] = f.MimeType,
                ["size"] = f.Size,
                ["accessUrl"] = $"{site}/bilag/{f.Id}",
                ["downloadUrl"] = $"{site}/bilag/{f.Id}",
                ["agendaItem"] = new JsonArray($"{B}/agendaitem/{f.ItemId}"),
            }, f.Stamp);
        }

        /// <summary>A case that runs over several meetings, with one consultation per public item of it.</summary>
        public JsonObject PaperObject(PublicPaper p)
        {
            var first = Meetings.First(m => m.Id == p.Items[0].MeetingId);
            var o = new JsonObject
            {
                ["id"] = $"{B}/paper/{p.Id}",
                ["type"] = Schema + "Paper",
                ["body"] = $"{B}/body/{p.BodyId}",
                ["name"] = p.Name,
                ["date"] = Date(first.Date),
                ["paperType"] = "Sag",
                ["consultation"] = new JsonArray([.. p.Items.Select(i => (JsonNode)ConsultationObject(i, embedded: true))]),
            };
            if (p.Reference is { Length: > 0 } reference)
            {
                o["reference"] = reference;
            }
            return Stamped(o, p.Stamp);
        }

        /// <summary>The treatment of a case at one meeting: its agenda item there. The item's id is the consultation's.</summary>
        public JsonObject ConsultationObject(PublicItem i) => ConsultationObject(i, embedded: false);

        private JsonObject ConsultationObject(PublicItem i, bool embedded)
        {
            var o = new JsonObject
            {
                ["id"] = $"{B}/consultation/{i.Id}",
                ["type"] = Schema + "Consultation",
                ["agendaItem"] = $"{B}/agendaitem/{i.Id}",
                ["meeting"] = $"{B}/meeting/{i.MeetingId}",
                ["organization"] = new JsonArray($"{B}/organization/{BodyId}"),
                ["authoritative"] = i.Result is { Length: > 0 },
                ["role"] = "Behandling",
            };
            if (!embedded)
            {
                o["paper"] = $"{B}/paper/{i.CaseId}";
            }
            return Stamped(o, i.Stamp);
        }
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
