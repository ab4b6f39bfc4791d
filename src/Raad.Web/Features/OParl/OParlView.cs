using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using Raad.Web.Data;

namespace Raad.Web.Features.OParl;

public static partial class OParlEndpoints
{
    public sealed record PublicItem(int Id, int MeetingId, int BodyId, DateOnly MeetingDate, int Position, int? Number, string Name, bool Public,
        string? Result, int? CaseId, IReadOnlyList<PublicFile> Files, OParlStamps.Stamp Stamp);

    public sealed record PublicFile(int Id, int ItemId, string Name, string FileName, string MimeType, long Size, OParlStamps.Stamp Stamp);

    public sealed record PublicPaper(int Id, int BodyId, string Name, string? Reference, List<PublicItem> Items, OParlStamps.Stamp Stamp);

    /// <summary>A meeting that was public and is gone (deleted, or no longer public), with its first entry and when it went.</summary>
    private sealed record GoneMeeting(int Id, int BodyId, DateTimeOffset Created, DateTimeOffset Deleted);

    /// <summary>
    /// Meetings, items, files and papers as the public sees them, read per page or per object: the lists page in SQL,
    /// and only the objects of the page (and what their JSON embeds) are loaded with their stamps. A meeting is public
    /// once its agenda is published; one that was published and is no longer (cancelled, agenda withdrawn) counts as deleted.
    ///
    /// Visibility stays the one rule: the anonymous viewer has no seats, secretariat or disqualifications, so what it sees
    /// depends only on the meeting's status, whether the item is closed and whether the body publishes closed items' titles.
    /// Visibility is asked once for every such combination and the answers become the SQL conditions (so SQL selects
    /// exactly what Visibility allows, and pages are full); every row read is asked again before it is shown.
    /// </summary>
    private sealed class View(AppDbContext db, string b)
    {
        public string B => b;
        public OParlStamps Stamps { get; } = new(db);

        private static readonly ViewerFacts Public = ViewerFacts.Anonymous;
        private static readonly MeetingStatus[] AllStatuses = Enum.GetValues<MeetingStatus>();

        private static MeetingState Probe(MeetingStatus status) => new(0, status, DateOnly.MinValue);

        private static MeetingState State(int bodyId, MeetingStatus status, DateOnly date) => new(bodyId, status, date);

        /// <summary>The statuses whose agenda the public sees.</summary>
        public static readonly MeetingStatus[] AgendaStatuses = [.. AllStatuses.Where(s => Visibility.Agenda(Public, Probe(s)))];

        private static readonly MeetingStatus[] HiddenStatuses = [.. AllStatuses.Except(AgendaStatuses)];

        /// <summary>Items the public sees at all (title at least).</summary>
        private static readonly Expression<Func<AgendaItem, bool>> SeenItem =
            ItemRule((s, closed, titles) => Visibility.Item(Public, Probe(s), new ItemState(0, closed), titles) != ItemSight.Hidden);

        /// <summary>Items whose files the public sees.</summary>
        private static readonly Expression<Func<AgendaItem, bool>> FilesSeen =
            ItemRule((s, closed, _) => Visibility.Attachment(Public, Probe(s), new ItemState(0, closed)));

        /// <summary>Open items the public sees: only they tell which case they belong to (the consultations).</summary>
        private static readonly Expression<Func<AgendaItem, bool>> OpenSeen =
            ItemRule((s, closed, titles) => !closed && Visibility.Item(Public, Probe(s), new ItemState(0, closed), titles) != ItemSight.Hidden);

        /// <summary>The answers of <paramref name="sees"/> for every status, closed or not, titles public or not, as one condition.</summary>
        private static Expression<Func<AgendaItem, bool>> ItemRule(Func<MeetingStatus, bool, bool, bool> sees)
        {
            Expression<Func<AgendaItem, bool>> rule = i => false;
            foreach (var closed in new[] { false, true })
            {
                var plain = AllStatuses.Where(s => sees(s, closed, false)).ToArray();
                var titled = AllStatuses.Where(s => sees(s, closed, true)).ToArray();
                Expression<Func<AgendaItem, bool>> part = plain.SequenceEqual(titled)
                    ? i => i.IsClosed == closed && plain.Contains(i.Meeting!.Status)
                    : i => i.IsClosed == closed && (i.Meeting!.Body!.PublicClosedItemTitles ? titled.Contains(i.Meeting.Status) : plain.Contains(i.Meeting.Status));
                if (plain.Length > 0 || titled.Length > 0)
                {
                    rule = Or(rule, part);
                }
            }
            return rule;
        }

        private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> c) =>
            Expression.Lambda<Func<T, bool>>(Expression.OrElse(a.Body, OParlStamps.Swap(c.Body, c.Parameters[0], a.Parameters[0])), a.Parameters);

        /// <summary>An item condition asked of an attachment's item.</summary>
        private static Expression<Func<Attachment, bool>> OfItem(Expression<Func<AgendaItem, bool>> rule)
        {
            var a = Expression.Parameter(typeof(Attachment), "a");
            return Expression.Lambda<Func<Attachment, bool>>(
                OParlStamps.Swap(rule.Body, rule.Parameters[0], Expression.Property(a, nameof(Attachment.AgendaItem))), a);
        }

        // The lists' rows, before the window (created/modified) and paging.

        public IQueryable<Meeting> Meetings(int? body)
        {
            var query = db.Meetings.AsNoTracking().Where(m => AgendaStatuses.Contains(m.Status));
            return body is { } id ? query.Where(m => m.BodyId == id) : query;
        }

        public IQueryable<Meeting> Locations(int? body) =>
            Meetings(body).Where(m => (m.Location != null && m.Location.Trim() != "") || m.IsVirtual);

        public IQueryable<AgendaItem> Items(int? body)
        {
            var query = db.AgendaItems.AsNoTracking().Where(SeenItem);
            return body is { } id ? query.Where(i => i.Meeting!.BodyId == id) : query;
        }

        public IQueryable<AgendaItem> Consultations(int? body)
        {
            var query = db.AgendaItems.AsNoTracking().Where(OpenSeen).Where(i => i.CaseId != null);
            return body is { } id ? query.Where(i => i.Meeting!.BodyId == id) : query;
        }

        public IQueryable<Attachment> Files(int? body)
        {
            var query = db.Attachments.AsNoTracking().Where(OfItem(FilesSeen));
            return body is { } id ? query.Where(a => a.AgendaItem!.Meeting!.BodyId == id) : query;
        }

        /// <summary>Papers: the cases with at least one open, public item of the body (a case seen only through closed items stays unknown).</summary>
        public IQueryable<Domain.Cases.Case> Papers(int body)
        {
            var items = Consultations(body);
            return db.Cases.AsNoTracking().Where(c => items.Any(i => i.CaseId == c.Id));
        }

        public static IOrderedQueryable<AgendaItem> InOrder(IQueryable<AgendaItem> items) =>
            items.OrderBy(i => i.Meeting!.Date).ThenBy(i => i.MeetingId).ThenBy(i => i.Position).ThenBy(i => i.Id);

        // Loading the objects of a page.

        /// <summary>The items as the public sees them, with their files and stamps, in the meeting plan's order.</summary>
        public async Task<List<PublicItem>> LoadItemsAsync(IQueryable<AgendaItem> query, CancellationToken ct)
        {
            var rows = await query.Select(i => new
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
                Files = i.Attachments.OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.FileName, a.ContentType, a.Size }).ToList(),
            }).ToListAsync(ct);
            var itemStamp = await Stamps.OfAsync("AgendaItem", rows.Select(r => r.Id), ct);
            var fileStamp = await Stamps.OfAsync("Attachment", rows.SelectMany(r => r.Files.Select(f => f.Id)), ct);
            var items = new List<PublicItem>();
            foreach (var r in rows.OrderBy(r => r.Date).ThenBy(r => r.MeetingId).ThenBy(r => r.Position).ThenBy(r => r.Id))
            {
                var meeting = State(r.BodyId, r.Status, r.Date);
                var item = new ItemState(r.Id, r.IsClosed);
                var sight = Visibility.Item(Public, meeting, item, r.PublicClosedItemTitles);
                if (sight == ItemSight.Hidden)
                {
                    continue;
                }
                var full = sight == ItemSight.Full;
                items.Add(new PublicItem(r.Id, r.MeetingId, r.BodyId, r.Date, r.Position, r.Number, r.Title, !r.IsClosed,
                    full && Visibility.Decision(Public, meeting, item) ? r.Decision : null,
                    // Only an open item tells which case it belongs to.
                    r.IsClosed ? null : r.CaseId,
                    full && Visibility.Attachment(Public, meeting, item)
                        ? [.. r.Files.Select(f => new PublicFile(f.Id, r.Id, f.Title, f.FileName, f.ContentType, f.Size, fileStamp(f.Id)))]
                        : [],
                    itemStamp(r.Id)));
            }
            return items;
        }

        /// <summary>The files as the public sees them, in the order of the query.</summary>
        public async Task<List<PublicFile>> LoadFilesAsync(IQueryable<Attachment> query, CancellationToken ct)
        {
            var rows = await query.Select(a => new
            {
                a.Id,
                a.AgendaItemId,
                a.Title,
                a.FileName,
                a.ContentType,
                a.Size,
                a.AgendaItem!.IsClosed,
                a.AgendaItem.Meeting!.BodyId,
                a.AgendaItem.Meeting.Status,
                a.AgendaItem.Meeting.Date,
            }).ToListAsync(ct);
            var stamp = await Stamps.OfAsync("Attachment", rows.Select(r => r.Id), ct);
            return [.. rows.Where(r => Visibility.Attachment(Public, State(r.BodyId, r.Status, r.Date), new ItemState(r.AgendaItemId, r.IsClosed)))
                .Select(r => new PublicFile(r.Id, r.AgendaItemId, r.Title, r.FileName, r.ContentType, r.Size, stamp(r.Id)))];
        }

        /// <summary>The meetings' JSON with their items embedded.</summary>
        public async Task<List<(JsonObject Node, OParlStamps.Stamp Stamp)>> MeetingObjectsAsync(List<Meeting> meetings, CancellationToken ct)
        {
            var shown = meetings.Where(m => Visibility.Agenda(Public, State(m.BodyId, m.Status, m.Date))).ToList();
            var ids = shown.Select(m => m.Id).ToList();
            var items = (ids.Count == 0 ? [] : await LoadItemsAsync(db.AgendaItems.AsNoTracking().Where(SeenItem).Where(i => ids.Contains(i.MeetingId)), ct)).ToLookup(i => i.MeetingId);
            var stamp = await Stamps.OfAsync("Meeting", ids, ct);
            return [.. shown.Select(m => (MeetingObject(m, items[m.Id], stamp(m.Id)), stamp(m.Id)))];
        }

        public async Task<List<(JsonObject Node, OParlStamps.Stamp Stamp)>> LocationObjectsAsync(List<Meeting> meetings, CancellationToken ct)
        {
            var shown = meetings.Where(m => HasPlace(m) && Visibility.Agenda(Public, State(m.BodyId, m.Status, m.Date))).ToList();
            var stamp = await Stamps.OfAsync("Meeting", shown.Select(m => m.Id), ct);
            return [.. shown.Select(m => (LocationObject(m, embedded: false, stamp(m.Id)), stamp(m.Id)))];
        }

        /// <summary>The papers with their consultations (the case's open, public items in the body), in the order given.</summary>
        public async Task<List<PublicPaper>> LoadPapersAsync(List<Domain.Cases.Case> cases, int body, CancellationToken ct)
        {
            var ids = cases.Select(c => (int?)c.Id).ToList();
            var items = ids.Count == 0 ? [] : await LoadItemsAsync(Consultations(body).Where(i => ids.Contains(i.CaseId)), ct);
            var stamp = await Stamps.OfAsync("Case", cases.Select(c => c.Id), ct);
            return [.. cases.Select(c => new PublicPaper(c.Id, body, c.Title, c.CaseNumber, [.. items.Where(i => i.CaseId == c.Id)], stamp(c.Id)))
                .Where(p => p.Items.Count > 0)];
        }

        // What was public and is gone.

        /// <summary>
        /// Meetings that were published and are gone: deleted (the last deletion) or still there and no longer public. Of one
        /// body or any (null); only these ids (null: all); only those gone at or after <paramref name="since"/> (null: any time).
        /// </summary>
        public async Task<Dictionary<int, GoneMeeting>> GoneMeetingsAsync(int? body, IReadOnlyCollection<int>? ids, DateTimeOffset? since, CancellationToken ct)
        {
            var hiddenQuery = db.Meetings.AsNoTracking().Where(m => HiddenStatuses.Contains(m.Status));
            if (body is { } bodyId)
            {
                hiddenQuery = hiddenQuery.Where(m => m.BodyId == bodyId);
            }
            if (ids is not null)
            {
                hiddenQuery = hiddenQuery.Where(m => ids.Contains(m.Id));
            }
            if (since is not null)
            {
                hiddenQuery = hiddenQuery.Where(await Stamps.WhereAsync<Meeting>("Meeting", m => m.Id, new(null, null, since, null), ct));
            }
            var hiddenRows = await hiddenQuery.Select(m => new { m.Id, m.BodyId }).ToListAsync(ct);
            var hidden = hiddenRows.Select(m => m.Id).ToList();
            var hiddenStamp = await Stamps.OfAsync("Meeting", hidden, ct);
            var deleted = (await Stamps.DeletedAsync("Meeting", ids, since, ct)).Where(t => body is null || OParlStamps.IntOf(t.Before, "BodyId") == body).ToList();
            var everPublished = await Stamps.EverPublishedAsync(hidden.Concat(deleted.Select(t => int.Parse(t.Id, CultureInfo.InvariantCulture))), ct);
            var gone = new Dictionary<int, GoneMeeting>();
            foreach (var g in deleted.Select(t => new GoneMeeting(int.Parse(t.Id, CultureInfo.InvariantCulture), OParlStamps.IntOf(t.Before, "BodyId") ?? 0, t.Created, t.Deleted))
                         .Concat(hiddenRows.Select(m => new GoneMeeting(m.Id, m.BodyId, hiddenStamp(m.Id).Created, hiddenStamp(m.Id).Modified)))
                         .Where(g => everPublished.Contains(g.Id)))
            {
                gone.TryAdd(g.Id, g);
            }
            return gone;
        }

        /// <summary>Of these meetings, those that are public or once were (gone): the items and files of others were never public.</summary>
        /// <returns>Each such meeting's body.</returns>
        public async Task<Dictionary<int, int>> FatesAsync(int? body, IReadOnlyCollection<int> ids, CancellationToken ct)
        {
            if (ids.Count == 0)
            {
                return [];
            }
            var fates = (await Meetings(body).Where(m => ids.Contains(m.Id)).ToListAsync(ct))
                .Where(m => Visibility.Agenda(Public, State(m.BodyId, m.Status, m.Date))).ToDictionary(m => m.Id, m => m.BodyId);
            foreach (var g in (await GoneMeetingsAsync(body, ids, null, ct)).Values)
            {
                fates.TryAdd(g.Id, g.BodyId);
            }
            return fates;
        }

        /// <summary>
        /// Whether the public saw an item, closed or not, of a body while its meeting was public (its agenda published), or
        /// its files: a deletion is announced only of what the public saw, so a closed item's id never comes out where the
        /// body's rules hide closed items.
        /// </summary>
        private async Task<(Func<int, bool, bool> Item, Func<bool, bool> Files)> SeenWhilePublicAsync(CancellationToken ct)
        {
            var titles = await db.Bodies.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.PublicClosedItemTitles, ct);
            var published = Probe(MeetingStatus.AgendaPublished);
            return ((body, closed) => Visibility.Item(Public, published, new ItemState(0, closed), titles.GetValueOrDefault(body)) != ItemSight.Hidden,
                closed => Visibility.Attachment(Public, published, new ItemState(0, closed)));
        }

        /// <summary>
        /// Deleted items of public (or once public) meetings, and the items of meetings that are gone. Of one body or any;
        /// only these ids or all; gone at or after <paramref name="since"/> or any time. Consultations: only items that had a case.
        /// </summary>
        public async Task<List<Gone>> GoneItemsAsync(int? body, IReadOnlyCollection<int>? ids, DateTimeOffset? since, string path, string type,
            bool consultations, CancellationToken ct)
        {
            var deleted = (await Stamps.DeletedAsync("AgendaItem", ids, since, ct))
                .Where(t => OParlStamps.IntOf(t.Before, "MeetingId") is not null && (!consultations || OParlStamps.IntOf(t.Before, "CaseId") is not null)).ToList();
            var fates = await FatesAsync(body, [.. deleted.Select(t => OParlStamps.IntOf(t.Before, "MeetingId")!.Value).Distinct()], ct);
            var seen = await SeenWhilePublicAsync(ct);
            var result = deleted.Where(t => OParlStamps.IntOf(t.Before, "MeetingId") is { } m && fates.TryGetValue(m, out var itsBody)
                    && seen.Item(itsBody, OParlStamps.BoolOf(t.Before, "IsClosed")))
                .Select(t => new Gone($"{b}/{path}/{t.Id}", type, t.Created, t.Deleted)).ToList();
            // The items of a meeting that is gone went with it: for given items, their meetings; for a list, the meetings gone
            // since. Its consultations too: the open items of a case.
            Dictionary<int, GoneMeeting> goneMeetings;
            List<(int Id, int MeetingId, bool Closed, bool Consultation)> rows;
            if (ids is not null)
            {
                rows = [.. (await db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.MeetingId, i.CaseId, i.IsClosed }).ToListAsync(ct))
                    .Select(r => (r.Id, r.MeetingId, r.IsClosed, r.CaseId != null && !r.IsClosed))];
                goneMeetings = await GoneMeetingsAsync(body, [.. rows.Select(r => r.MeetingId).Distinct()], since, ct);
            }
            else
            {
                goneMeetings = await GoneMeetingsAsync(body, null, since, ct);
                var meetingIds = goneMeetings.Keys.ToList();
                rows = meetingIds.Count == 0 ? [] : [.. (await db.AgendaItems.AsNoTracking().Where(i => meetingIds.Contains(i.MeetingId))
                    .OrderBy(i => i.Id).Select(i => new { i.Id, i.MeetingId, i.CaseId, i.IsClosed }).ToListAsync(ct)).Select(r => (r.Id, r.MeetingId, r.IsClosed, r.CaseId != null && !r.IsClosed))];
            }
            rows = [.. rows.Where(r => goneMeetings.TryGetValue(r.MeetingId, out var g) && seen.Item(g.BodyId, r.Closed) && (!consultations || r.Consultation))];
            result.AddRange(rows.Select(r => new Gone($"{b}/{path}/{r.Id}", type, goneMeetings[r.MeetingId].Created, goneMeetings[r.MeetingId].Deleted)));
            return result;
        }

        /// <summary>Deleted files of items of public (or once public) meetings.</summary>
        public async Task<List<Gone>> GoneFilesAsync(int? body, IReadOnlyCollection<int>? ids, DateTimeOffset? since, CancellationToken ct)
        {
            var deleted = (await Stamps.DeletedAsync("Attachment", ids, since, ct)).Where(t => OParlStamps.IntOf(t.Before, "AgendaItemId") is not null).ToList();
            if (deleted.Count == 0)
            {
                return [];
            }
            var itemIds = deleted.Select(t => OParlStamps.IntOf(t.Before, "AgendaItemId")!.Value).Distinct().ToList();
            var itemOf = await db.AgendaItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
                .ToDictionaryAsync(i => i.Id, i => (i.MeetingId, i.IsClosed), ct);
            foreach (var t in await Stamps.DeletedAsync("AgendaItem", itemIds, null, ct))
            {
                if (OParlStamps.IntOf(t.Before, "MeetingId") is { } m)
                {
                    itemOf.TryAdd(int.Parse(t.Id, CultureInfo.InvariantCulture), (m, OParlStamps.BoolOf(t.Before, "IsClosed")));
                }
            }
            var fates = await FatesAsync(body, [.. itemOf.Values.Select(i => i.MeetingId).Distinct()], ct);
            var seen = await SeenWhilePublicAsync(ct);
            return [.. deleted.Where(t => itemOf.TryGetValue(OParlStamps.IntOf(t.Before, "AgendaItemId")!.Value, out var i)
                    && fates.ContainsKey(i.MeetingId) && seen.Files(i.IsClosed))
                .Select(t => new Gone($"{b}/file/{t.Id}", "File", t.Created, t.Deleted))];
        }

        public async Task<List<Gone>> GonePapersAsync(int? body, IReadOnlyCollection<int>? ids, DateTimeOffset? since, CancellationToken ct) =>
            [.. (await Stamps.DeletedAsync("Case", ids, since, ct)).Where(t => body is null ? OParlStamps.IntOf(t.Before, "BodyId") is not null : OParlStamps.IntOf(t.Before, "BodyId") == body)
                .Select(t => new Gone($"{b}/paper/{t.Id}", "Paper", t.Created, t.Deleted))];

        // JSON.

        public JsonObject MeetingObject(Meeting m, IEnumerable<PublicItem> items, OParlStamps.Stamp stamp)
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
                ["agendaItem"] = new JsonArray([.. items.Select(i => (JsonNode)ItemObject(i))]),
            };
            if (HasPlace(m))
            {
                o["location"] = LocationObject(m, embedded: true, stamp);
            }
            return Stamped(o, stamp);
        }

        /// <summary>A meeting's place as its own location (Raad keeps the place as text on the meeting).</summary>
        public JsonObject LocationObject(Meeting m, bool embedded, OParlStamps.Stamp stamp)
        {
            var o = new JsonObject
            {
                ["id"] = $"{b}/location/{m.Id}",
                ["type"] = Schema + "Location",
                ["description"] = m.PlaceText,
                ["bodies"] = new JsonArray($"{b}/body/{m.BodyId}"),
            };
            if (!embedded)
            {
                o["meetings"] = new JsonArray($"{b}/meeting/{m.Id}");
            }
            return Stamped(o, stamp);
        }

        public JsonObject ItemObject(PublicItem i)
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
            // An open, public item of a case makes the case a paper of the body, and the item its consultation.
            if (i.CaseId is not null)
            {
                o["consultation"] = $"{b}/consultation/{i.Id}";
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
            var site = b[..^"/oparl/v1".Length];
            return Stamped(new()
            {
                ["id"] = $"{b}/file/{f.Id}",
                ["type"] = Schema + "File",
                ["name"] = f.Name,
                ["fileName"] = f.FileName,
                ["mimeType"] = f.MimeType,
                ["size"] = f.Size,
                ["accessUrl"] = $"{site}/bilag/{f.Id}",
                ["downloadUrl"] = $"{site}/bilag/{f.Id}",
                ["agendaItem"] = new JsonArray($"{b}/agendaitem/{f.ItemId}"),
            }, f.Stamp);
        }

        /// <summary>A case that runs over several meetings, with one consultation per public item of it.</summary>
        public JsonObject PaperObject(PublicPaper p)
        {
            var o = new JsonObject
            {
                ["id"] = $"{b}/paper/{p.Id}",
                ["type"] = Schema + "Paper",
                ["body"] = $"{b}/body/{p.BodyId}",
                ["name"] = p.Name,
                ["date"] = Date(p.Items[0].MeetingDate),
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
        public JsonObject ConsultationObject(PublicItem i, bool embedded)
        {
            var o = new JsonObject
            {
                ["id"] = $"{b}/consultation/{i.Id}",
                ["type"] = Schema + "Consultation",
                ["agendaItem"] = $"{b}/agendaitem/{i.Id}",
                ["meeting"] = $"{b}/meeting/{i.MeetingId}",
                ["organization"] = new JsonArray($"{b}/organization/{i.BodyId}"),
                ["authoritative"] = i.Result is { Length: > 0 },
                ["role"] = "Behandling",
            };
            if (!embedded)
            {
                o["paper"] = $"{b}/paper/{i.CaseId}";
            }
            return Stamped(o, i.Stamp);
        }
    }
}
