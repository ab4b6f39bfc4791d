using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.OParl;

/// <summary>
/// OParl 1.1 open data at /oparl/v1: the system, its bodies (one per Raad body), the body as an organization
/// ("Gremium"), its members (name only), memberships, public meetings with their location, agenda items and the
/// attachments of public items. Everything is what the public sees: every item asks <see cref="Visibility"/> with
/// <see cref="ViewerFacts.Anonymous"/>, so drafts, closed contents and unapproved decisions never appear.
/// Papers, consultations and legislative terms are served as (empty) lists: Raad has no papers of its own yet.
/// </summary>
public static class OParlEndpoints
{
    private const string Schema = "https://schema.oparl.org/1.1/";
    private const int PageSize = 50;

    public static void MapOParl(this WebApplication app)
    {
        var oparl = app.MapGroup("/oparl/v1").ExcludeFromDescription();
        // Open data: any site may read it from a browser.
        oparl.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });

        oparl.MapGet("/system", (HttpContext http) => Json(System(Base(http)))).Needs(Permission.Public);
        oparl.MapGet("/bodies", async (HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var bodies = await db.Bodies.AsNoTracking().OrderBy(x => x.Id).ToListAsync(ct);
            return Page(http, $"{b}/bodies", [.. bodies.Select(x => BodyObject(b, x))]);
        }).Needs(Permission.Public);
        oparl.MapGet("/body/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
            await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } body
                ? Json(BodyObject(Base(http), body)) : NotFound()).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/organizations", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
            await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } body
                ? Page(http, $"{Base(http)}/body/{id}/organizations", [OrganizationObject(Base(http), body)]) : NotFound()).Needs(Permission.Public);
        oparl.MapGet("/organization/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
            await db.Bodies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } body
                ? Json(OrganizationObject(Base(http), body)) : NotFound()).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/people", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var people = await db.Memberships.AsNoTracking().Where(m => m.BodyId == id).Select(m => m.Person!).Distinct().OrderBy(p => p.Id).ToListAsync(ct);
            return Page(http, $"{b}/body/{id}/people", [.. people.Select(p => PersonObject(b, id, p.Id, p.Name))]);
        }).Needs(Permission.Public);
        oparl.MapGet("/person/{body:int}-{id:int}", async (int body, int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
            await db.Memberships.AsNoTracking().Where(m => m.BodyId == body && m.PersonId == id).Select(m => m.Person!.Name).FirstOrDefaultAsync(ct) is { } name
                ? Json(PersonObject(Base(http), body, id, name)) : NotFound()).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/memberships", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var memberships = await db.Memberships.AsNoTracking().Where(m => m.BodyId == id).OrderBy(m => m.Id).ToListAsync(ct);
            return Page(http, $"{b}/body/{id}/memberships", [.. memberships.Select(m => MembershipObject(b, m))]);
        }).Needs(Permission.Public);
        oparl.MapGet("/membership/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
            await db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m
                ? Json(MembershipObject(Base(http), m)) : NotFound()).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/meetings", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var meetings = await PublicMeetings(db).Where(m => m.BodyId == id).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct);
            var items = await ItemsOf(db, meetings.Select(m => m.Id), ct);
            return Page(http, $"{b}/body/{id}/meetings", [.. meetings.Select(m => MeetingObject(b, m, items))]);
        }).Needs(Permission.Public);
        oparl.MapGet("/meeting/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var meeting = await PublicMeetings(db).FirstOrDefaultAsync(m => m.Id == id, ct);
            return meeting is null ? NotFound() : Json(MeetingObject(Base(http), meeting, await ItemsOf(db, [id], ct)));
        }).Needs(Permission.Public);
        oparl.MapGet("/location/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
            await PublicMeetings(db).FirstOrDefaultAsync(m => m.Id == id, ct) is { } m
                ? Json(LocationObject(Base(http), m)) : NotFound()).Needs(Permission.Public);
        oparl.MapGet("/body/{id:int}/locations", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var meetings = await PublicMeetings(db).Where(m => m.BodyId == id).OrderBy(m => m.Id).ToListAsync(ct);
            return Page(http, $"{b}/body/{id}/locations", [.. meetings.Select(m => LocationObject(b, m))]);
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/agendaitems", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var meetings = await PublicMeetings(db).Where(m => m.BodyId == id).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct);
            var items = await ItemsOf(db, meetings.Select(m => m.Id), ct);
            return Page(http, $"{b}/body/{id}/agendaitems", [.. meetings.SelectMany(m => items[m.Id]).Select(i => (JsonNode)ItemObject(b, i))]);
        }).Needs(Permission.Public);
        oparl.MapGet("/agendaitem/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var meetingId = await db.AgendaItems.AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.MeetingId).FirstOrDefaultAsync(ct);
            if (meetingId is null || !await PublicMeetings(db).AnyAsync(m => m.Id == meetingId, ct))
            {
                return NotFound();
            }
            var item = (await ItemsOf(db, [meetingId.Value], ct))[meetingId.Value].FirstOrDefault(i => i.Id == id);
            return item is null ? NotFound() : Json(ItemObject(Base(http), item));
        }).Needs(Permission.Public);

        oparl.MapGet("/body/{id:int}/files", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var meetings = await PublicMeetings(db).Where(m => m.BodyId == id).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct);
            var items = await ItemsOf(db, meetings.Select(m => m.Id), ct);
            return Page(http, $"{b}/body/{id}/files", [.. meetings.SelectMany(m => items[m.Id]).SelectMany(i => i.Files).Select(f => (JsonNode)FileObject(b, f))]);
        }).Needs(Permission.Public);
        oparl.MapGet("/file/{id:int}", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var meetingId = await db.Attachments.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.AgendaItem!.MeetingId).FirstOrDefaultAsync(ct);
            if (meetingId is null || !await PublicMeetings(db).AnyAsync(m => m.Id == meetingId, ct))
            {
                return NotFound();
            }
            var file = (await ItemsOf(db, [meetingId.Value], ct))[meetingId.Value].SelectMany(i => i.Files).FirstOrDefault(f => f.Id == id);
            return file is null ? NotFound() : Json(FileObject(Base(http), file));
        }).Needs(Permission.Public);

        // Raad keeps no papers, consultations or legislative terms apart from its meetings: empty lists.
        foreach (var list in new[] { "papers", "consultations", "legislativeterms" })
        {
            oparl.MapGet($"/body/{{id:int}}/{list}", (int id, HttpContext http) => Page(http, $"{Base(http)}/body/{id}/{list}", []))
                .Needs(Permission.Public);
        }
    }

    private static string Base(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/oparl/v1";

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json; charset=utf-8");

    private static IResult NotFound() => Results.NotFound();

    /// <summary>One page of a list: data, pagination and links (next on every page but the last).</summary>
    private static IResult Page(HttpContext http, string url, IReadOnlyList<JsonNode> all)
    {
        // The page size is the server's choice; a client may ask for fewer (limit, 1-100), kept in every link.
        var size = int.TryParse(http.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) && l is > 0 and <= 100 ? l : PageSize;
        var limit = size == PageSize ? "" : $"&limit={size}";
        var page = int.TryParse(http.Request.Query["page"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var pages = Math.Max(1, (all.Count + size - 1) / size);
        var links = new JsonObject
        {
            ["first"] = $"{url}?page=1{limit}",
            ["last"] = $"{url}?page={pages}{limit}",
            ["self"] = $"{url}?page={page}{limit}",
        };
        if (page < pages)
        {
            links["next"] = $"{url}?page={page + 1}{limit}";
        }
        return Json(new JsonObject
        {
            ["data"] = new JsonArray([.. all.Skip((page - 1) * size).Take(size).Select(n => n.DeepClone())]),
            ["pagination"] = new JsonObject { ["totalElements"] = all.Count, ["elementsPerPage"] = size, ["currentPage"] = page, ["totalPages"] = pages },
            ["links"] = links,
        });
    }

    private static JsonObject System(string b) => new()
    {
        ["id"] = $"{b}/system",
        ["type"] = Schema + "System",
        ["oparlVersion"] = "https://schema.oparl.org/1.1/",
        ["body"] = $"{b}/bodies",
        ["name"] = "Raad",
    };

    private static JsonObject BodyObject(string b, Domain.Bodies.Body body) => new()
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
        ["legislativeTerm"] = new JsonArray(),
    };

    /// <summary>The body itself as its own organization, of type "Gremium".</summary>
    private static JsonObject OrganizationObject(string b, Domain.Bodies.Body body)
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
        return o;
    }

    /// <summary>A member by name only: never e-mail or phone. One person per body, as OParl's persons belong to a body.</summary>
    private static JsonObject PersonObject(string b, int body, int id, string name) => new()
    {
        ["id"] = $"{b}/person/{body}-{id}",
        ["type"] = Schema + "Person",
        ["body"] = $"{b}/body/{body}",
        ["name"] = name,
    };

    private static JsonObject MembershipObject(string b, Domain.People.Membership m)
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
        return o;
    }

    private static IQueryable<Meeting> PublicMeetings(AppDbContext db) =>
        // The public sees a meeting once its agenda is published (Visibility.Agenda for the anonymous viewer, whose
        // test is Meeting.IsPublicStatus); a cancelled meeting is left out, as its agenda is no longer public.
        db.Meetings.AsNoTracking().Include(m => m.Body).Where(m => PublicStatuses.Contains(m.Status));

    private static readonly MeetingStatus[] PublicStatuses = [.. Enum.GetValues<MeetingStatus>().Where(Meeting.IsPublicStatus)];

    private sealed record PublicItem(int Id, int MeetingId, int Position, int? Number, string Name, bool Public, string? Result, IReadOnlyList<PublicFile> Files);

    private sealed record PublicFile(int Id, string Name, string FileName, string MimeType, long Size);

    /// <summary>The items of the meetings as the public sees them, asking Visibility per item.</summary>
    private static async Task<ILookup<int, PublicItem>> ItemsOf(AppDbContext db, IEnumerable<int> meetingIds, CancellationToken ct)
    {
        var ids = meetingIds.ToList();
        var rows = await db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.MeetingId))
            .Select(i => new
            {
                i.Id, i.MeetingId, i.Position, i.Number, i.Title, i.IsClosed, i.Decision,
                i.Meeting!.BodyId, i.Meeting.Status, i.Meeting.Date, i.Meeting.Body!.PublicClosedItemTitles,
                Files = i.Attachments.Select(a => new PublicFile(a.Id, a.Title, a.FileName, a.ContentType, a.Size)).ToList(),
            })
            .ToListAsync(ct);
        var items = new List<PublicItem>();
        foreach (var r in rows.OrderBy(r => r.Position))
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
                full && Visibility.Attachment(ViewerFacts.Anonymous, meeting, item) ? r.Files : []));
        }
        return items.ToLookup(i => i.MeetingId);
    }

    private static JsonObject MeetingObject(string b, Meeting m, ILookup<int, PublicItem> items)
    {
        var o = new JsonObject
        {
            ["id"] = $"{b}/meeting/{m.Id}",
            ["type"] = Schema + "Meeting",
            ["name"] = m.Title,
            ["meetingState"] = m.Status.ToString(),
                        ["start"] = DateTime(m.Date, m.Start),
            ["end"] = DateTime(m.Date, m.End),
            ["organization"] = new JsonArray($"{b}/organization/{m.BodyId}"),
            ["agendaItem"] = new JsonArray([.. items[m.Id].Select(i => (JsonNode)ItemObject(b, i))]),
        };
        if (!string.IsNullOrWhiteSpace(m.Location) || m.IsVirtual)
        {
            o["location"] = LocationObject(b, m);
        }
        return o;
    }

    private static JsonObject LocationObject(string b, Meeting m) => new()
    {
        ["id"] = $"{b}/location/{m.Id}",
        ["type"] = Schema + "Location",
        ["description"] = m.PlaceText,
        ["meeting"] = new JsonArray($"{b}/meeting/{m.Id}"),
    };

    private static JsonObject ItemObject(string b, PublicItem i)
    {
        var o = new JsonObject
        {
            ["id"] = $"{b}/agendaitem/{i.Id}",
            ["type"] = Schema + "AgendaItem",
            ["meeting"] = $"{b}/meeting/{i.MeetingId}",
            ["order"] = i.Position,
            ["name"] = i.Name,
            ["public"] = i.Public,
        };
        if (i.Number is { } n)
        {
            o["number"] = n.ToString(CultureInfo.InvariantCulture);
        }
        if (i.Result is { Length: > 0 } result)
        {
            o["result"] = result;
        }
        if (i.Files.Count > 0)
        {
            o["auxiliaryFile"] = new JsonArray([.. i.Files.Select(f => (JsonNode)FileObject(b, f))]);
        }
        return o;
    }

    private static JsonObject FileObject(string b, PublicFile f)
    {
        var site = b[..^"/oparl/v1".Length];
        return new()
        {
            ["id"] = $"{b}/file/{f.Id}",
            ["type"] = Schema + "File",
            ["name"] = f.Name,
            ["fileName"] = f.FileName,
            ["mimeType"] = f.MimeType,
            ["size"] = f.Size,
            ["accessUrl"] = $"{site}/bilag/{f.Id}",
            ["downloadUrl"] = $"{site}/bilag/{f.Id}",
        };
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Copenhagen's local time with its offset that day, as OParl writes it (no fractions, no Z).</summary>
    private static string DateTime(DateOnly d, TimeOnly t)
    {
        var local = d.ToDateTime(t);
        var offset = Clock.Copenhagen.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
