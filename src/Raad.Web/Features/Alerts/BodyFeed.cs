using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Alerts;

/// <summary>
/// <c>GET /api/bodies/{id}/feed.atom</c>: a body's Atom feed (RFC 4287) for feed readers, with one entry per published
/// agenda and per approved minutes, newest first. An entry says which meeting, when and where, and links to the page;
/// it holds no item text at all, so a closed item's title cannot reach it. Public, so shared caches may keep it.
/// </summary>
public static class BodyFeed
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>How many entries the feed holds: a feed reader keeps what it has seen already.</summary>
    private const int Entries = 50;

    public static void MapBodyFeed(this WebApplication app) =>
        app.MapGet("/api/bodies/{id:int}/feed.atom", async (HttpContext http, int id, AppDbContext db,
            Microsoft.Extensions.Options.IOptions<MailOptions> mail, TimeProvider clock, CancellationToken ct) =>
        {
            var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
            if (body is null)
            {
                return Results.NotFound();
            }
            var meetings = await db.Meetings.AsNoTracking().Include(m => m.Body)
                .Where(m => m.BodyId == id && (m.AgendaPublishedAt != null || m.MinutesApprovedAt != null))
                .ToListAsync(ct);
            var publicUrl = mail.Value.PublicUrl.TrimEnd('/');
            var entries = new List<(DateTimeOffset Updated, XElement Entry)>();
            foreach (var m in meetings)
            {
                var state = new MeetingState(m.BodyId, m.Status, m.Date);
                if (Visibility.Agenda(ViewerFacts.Anonymous, state) && m.AgendaPublishedAt is { } published)
                {
                    entries.Add((published, Entry(publicUrl, $"raad-dagsorden-{m.Id}", $"Dagsorden: {m.Title}", $"/moeder/{m.Id}", published,
                        $"Dagsordenen til mødet {When(m)} er offentliggjort.")));
                }
                if (Visibility.Minutes(ViewerFacts.Anonymous, state) && m.MinutesApprovedAt is { } approved)
                {
                    entries.Add((approved, Entry(publicUrl, $"raad-referat-{m.Id}", $"Referat: {m.Title}", $"/moeder/{m.Id}/referat", approved,
                        $"Referatet af mødet {When(m)} er godkendt.")));
                }
            }
            var newest = entries.OrderByDescending(e => e.Updated).Take(Entries).ToList();
            var self = $"{publicUrl}/api/bodies/{id}/feed.atom";
            var feed = new XElement(Atom + "feed",
                new XAttribute(XNamespace.Xml + "lang", "da"),
                new XElement(Atom + "id", self),
                new XElement(Atom + "title", $"{body.Name}: dagsordener og referater"),
                new XElement(Atom + "updated", Stamp(newest.Count > 0 ? newest[0].Updated : DateTimeOffset.UnixEpoch)),
                new XElement(Atom + "author", new XElement(Atom + "name", body.Name)),
                new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", self)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                    new XAttribute("href", $"{publicUrl}/udvalg/{id}")),
                newest.Select(e => e.Entry));
            http.Response.Headers.CacheControl = "public, max-age=300";
            var text = new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed;
            return Results.Text(text, "application/atom+xml; charset=utf-8");
        }).Needs(Permission.Public).WithSummary("Et udvalgs Atom-feed med offentliggjorte dagsordener og godkendte referater (RFC 4287)");

    /// <summary>When and where, as the rest of Raad says it: "27. august 2025 kl. 14.00-16.00, Hvidovre Rådhus".</summary>
    public static string When(Meeting m) =>
        $"{DanishFormat.Date(m.Date)} {DanishFormat.TimeRange(m.Start, m.End)}" + (string.IsNullOrWhiteSpace(m.PlaceText) ? "" : $", {m.PlaceText}");

    private static XElement Entry(string publicUrl, string key, string title, string path, DateTimeOffset updated, string summary) =>
        new(Atom + "entry",
            // A tag URI (RFC 4151): the same entry keeps its id whatever the address of the site becomes.
            new XElement(Atom + "id", $"tag:{new Uri(publicUrl).Host},2025:{key}"),
            new XElement(Atom + "title", title),
            new XElement(Atom + "updated", Stamp(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", publicUrl + path)),
            new XElement(Atom + "summary", new XAttribute("type", "text"), summary));

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
