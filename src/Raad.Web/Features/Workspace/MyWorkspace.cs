using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Domain.Workspace;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Workspace;

/// <summary>A body the person belongs to: his role there ("member", "coChair", …, or "secretariat").</summary>
public sealed record MyBody(int Id, string Name, string Role);

/// <summary>One of his next meetings, with the deadlines still ahead of it.</summary>
public sealed record MyMeeting(int MeetingId, int BodyId, string BodyName, string Title, DateOnly Date, TimeOnly Start, TimeOnly End,
    MeetingStatus Status, IReadOnlyList<Deadline> Deadlines, bool TakesItemRequests);

public static class AwaitingKinds
{
    public const string MinutesToCheck = "minutesToCheck";
    public const string WrittenProcedure = "writtenProcedure";
    public const string ItemRequest = "itemRequest";
    public const string AgendaPublished = "agendaPublished";
}

/// <summary>Something waiting for him: minutes to check, a written procedure to answer, his item request, a new agenda.</summary>
public sealed record Awaiting(string Kind, int? MeetingId, int? WrittenProcedureId, DateOnly? Deadline, string Title, string Text, string Url);

public sealed record MyWorkspaceView(string Name, IReadOnlyList<MyBody> Bodies, IReadOnlyList<MyMeeting> Upcoming, IReadOnlyList<Awaiting> Awaiting,
    string CalendarUrl);

/// <summary>
/// The signed-in person's start page and <c>GET /api/me</c>, from one place: his bodies, his next meetings with their
/// deadlines, and what awaits him. Every meeting passes <see cref="Visibility"/> for him.
/// </summary>
public sealed class MyWorkspace(AppDbContext db, ViewerAccessor viewers, Calendar.CalendarUrls calendar, TimeProvider clock)
{
    public const int UpcomingCount = 10;

    /// <summary>How far back "since your last visit" reaches for someone who never visited.</summary>
    public static readonly TimeSpan FirstVisitWindow = TimeSpan.FromDays(14);

    /// <summary>Null for an anonymous caller.</summary>
    /// <param name="recordVisit">The start page counts as a visit; the API does not.</param>
    public async Task<MyWorkspaceView?> GetAsync(CancellationToken ct, bool recordVisit = false)
    {
        var viewer = await viewers.GetAsync(ct);
        if (viewer.UserId is not { } userId || await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) is not { } user)
        {
            return null;
        }
        var facts = viewer.Facts;
        var today = Clock.Today(clock);
        var now = clock.GetUtcNow();
        var since = user.PreviousVisitAt ?? user.LastVisitAt ?? now - FirstVisitWindow;
        if (recordVisit)
        {
            var (last, previous) = Visits.Record(user.LastVisitAt, user.PreviousVisitAt, now);
            since = previous ?? now - FirstVisitWindow;
            // Bookkeeping, as the last sign-in is: written straight, so two tabs at once never collide on the account's
            // concurrency stamp (and the audit log does not record visits).
            await db.Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastVisitAt, last).SetProperty(u => u.PreviousVisitAt, previous), ct);
        }

        var bodies = await BodiesAsync(facts, today, ct);
        var bodyIds = bodies.Select(b => b.Id).ToList();
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Body)
            .Where(m => bodyIds.Contains(m.BodyId))
            .Where(m => m.Date >= today || m.Status == MeetingStatus.MinutesCirculated)
            .OrderBy(m => m.Date).ThenBy(m => m.Start)
            .ToListAsync(ct);
        var mine = meetings.Where(m => Visibility.InCalendar(facts, new MeetingState(m.BodyId, m.Status, m.Date))).ToList();

        // The rules of his bodies in one read; each meeting takes those in force on its day.
        var rulesByBody = (await db.RulesOfProcedure.AsNoTracking().Where(r => bodyIds.Contains(r.BodyId)).ToListAsync(ct))
            .ToLookup(r => r.BodyId);
        var upcoming = new List<MyMeeting>();
        foreach (var m in mine.Where(m => m.Date >= today).Take(UpcomingCount))
        {
            var rules = RulesOfProcedure.InForce(rulesByBody[m.BodyId], m.Date);
            var deadlines = rules is null || m.IsCancelled ? [] : Deadlines.For(rules, m.Date).Where(d => d.Date >= today && d.Date < m.Date).ToList();
            upcoming.Add(new MyMeeting(m.Id, m.BodyId, m.Body!.Name, m.Title, m.Date, m.Start, m.End, m.Status, deadlines,
                TakesItemRequests: viewer.IsMemberOn(m.BodyId, m.Date) && m.Status is MeetingStatus.Planned or MeetingStatus.AgendaDraft));
        }

        var awaiting = new List<Awaiting>();
        awaiting.AddRange(await MinutesToCheckAsync(viewer, mine, today, ct));
        awaiting.AddRange(await WrittenProceduresAsync(viewer, bodyIds, today, ct));
        awaiting.AddRange(await ItemRequestsAsync(viewer, today, ct));
        awaiting.AddRange(mine
            .Where(m => m.AgendaPublishedAt > since && m.Date >= today && m.Status == MeetingStatus.AgendaPublished)
            .Select(m => new Awaiting(AwaitingKinds.AgendaPublished, m.Id, null, m.Date, $"Dagsorden: {m.Title}",
                $"Udsendt {DanishFormat.Date(Clock.ToLocalDate(m.AgendaPublishedAt!.Value))}; mødet er {DanishFormat.Date(m.Date)}", $"/moeder/{m.Id}")));
        return new MyWorkspaceView(user.DisplayName.Length > 0 ? user.DisplayName : user.Email ?? "", bodies, upcoming,
            [.. awaiting.OrderBy(a => a.Deadline ?? DateOnly.MaxValue)], await calendar.EnsureAsync(user, ct));
    }

    /// <summary>The bodies of his seats held today or later, and those whose secretariat he holds.</summary>
    private async Task<List<MyBody>> BodiesAsync(ViewerFacts facts, DateOnly today, CancellationToken ct)
    {
        var seats = facts.Seats.Where(s => s.TakesPart && s.HeldOn(today))
            .GroupBy(s => s.BodyId).Select(g => (BodyId: g.Key, Role: ApiFormat.Camel(g.OrderBy(s => s.From).First().Role))).ToList();
        var ids = seats.Select(s => s.BodyId).Union(facts.SecretariatOf).ToList();
        var names = await db.Bodies.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        return [.. seats.Where(s => names.ContainsKey(s.BodyId)).Select(s => new MyBody(s.BodyId, names[s.BodyId], s.Role))
            .Concat(facts.SecretariatOf.Where(id => names.ContainsKey(id) && seats.All(s => s.BodyId != id)).Select(id => new MyBody(id, names[id], "secretariat")))
            .OrderBy(b => b.Name)];
    }

    private async Task<IEnumerable<Awaiting>> MinutesToCheckAsync(Viewer viewer, List<Meeting> mine, DateOnly today, CancellationToken ct)
    {
        var circulated = mine.Where(m => m.Status == MeetingStatus.MinutesCirculated && viewer.IsMemberOn(m.BodyId, m.Date)).ToList();
        var ids = circulated.Select(m => m.Id).ToList();
        var due = await db.MinutesVersions.AsNoTracking().Where(v => ids.Contains(v.MeetingId))
            .GroupBy(v => v.MeetingId).Select(g => new { MeetingId = g.Key, Due = g.OrderByDescending(v => v.Number).Select(v => v.ObjectionsDue).First() })
            .ToDictionaryAsync(x => x.MeetingId, x => x.Due, ct);
        return circulated.Where(m => due.GetValueOrDefault(m.Id) is { } d && d >= today)
            .Select(m => new Awaiting(AwaitingKinds.MinutesToCheck, m.Id, null, due[m.Id], $"Referat: {m.Title}, {DanishFormat.Date(m.Date)}",
                $"Indsigelser senest {DanishFormat.Date(due[m.Id]!.Value)}", $"/moeder/{m.Id}/referat/godkendelse"));
    }

    private async Task<IEnumerable<Awaiting>> WrittenProceduresAsync(Viewer viewer, List<int> bodyIds, DateOnly today, CancellationToken ct)
    {
        if (viewer.PersonId is not { } personId)
        {
            return [];
        }
        var open = await db.WrittenProcedures.AsNoTracking().Include(p => p.Answers).ThenInclude(a => a.Membership)
            .Where(p => bodyIds.Contains(p.BodyId) && p.Status == WrittenProcedureStatus.Open && p.Deadline >= today)
            .ToListAsync(ct);
        return open.Where(p => viewer.IsMemberOn(p.BodyId, today) && p.Answers.All(a => a.Membership?.PersonId != personId))
            .Select(p => new Awaiting(AwaitingKinds.WrittenProcedure, null, p.Id, p.Deadline, $"Skriftlig proces: {p.Title}",
                $"Svar senest {DanishFormat.Date(p.Deadline)}", $"/skriftlig-proces/{p.Id}"));
    }

    /// <summary>His requests still waiting, and those answered in the last 30 days: what became of them.</summary>
    private async Task<IEnumerable<Awaiting>> ItemRequestsAsync(Viewer viewer, DateOnly today, CancellationToken ct)
    {
        if (viewer.PersonId is not { } personId)
        {
            return [];
        }
        var recent = clock.GetUtcNow().AddDays(-30);
        var requests = await db.ItemRequests.AsNoTracking().Include(r => r.Meeting)
            .Where(r => r.PersonId == personId)
            .ToListAsync(ct);
        return requests.Where(r => r.Status == ItemRequestStatus.Pending || r.AnsweredAt >= recent)
            .OrderBy(r => r.ReceivedAt)
            .Select(r => new Awaiting(AwaitingKinds.ItemRequest, r.MeetingId, null, null, $"Punktønske: {r.Title}",
                r.Status switch
                {
                    ItemRequestStatus.Accepted => $"Sat på dagsordenen til mødet {DanishFormat.Date(r.Meeting!.Date)}",
                    ItemRequestStatus.Declined => $"Afvist: {r.DeclineReason}",
                    _ => $"Afventer sekretariatet (mødet {DanishFormat.Date(r.Meeting!.Date)})",
                }, "/punktoensker"));
    }
}
