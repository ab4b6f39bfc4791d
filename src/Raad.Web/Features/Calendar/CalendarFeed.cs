using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Calendar;

/// <summary>
/// Two calendars for calendar programs, written by one <see cref="Write"/> so a meeting is the same event (UID) in both:
/// <list type="bullet">
/// <item><c>GET /kalender/{token}.ics</c>: an account's private calendar, fetched without a session. The token is the
/// secret; an unknown, renewed or deactivated one is not found. It holds the meetings of the account's bodies
/// (<see cref="Visibility.InCalendar"/>).</item>
/// <item><c>GET /api/bodies/{id}/calendar.ics</c>: a body's public calendar, the meetings its meeting plan shows everyone
/// (<see cref="Visibility.MeetingPlan"/> with <see cref="ViewerFacts.Anonymous"/>), kept by shared caches for five minutes.</item>
/// </list>
/// Both hold when, where and a link back, and nothing of the agenda.
/// </summary>
public static class CalendarFeed
{
    public const string TimeZone = "Europe/Copenhagen";

    /// <summary>How far back the feeds reach: a calendar program keeps what it has seen already.</summary>
    private const int MonthsBack = 12;

    public static void MapCalendarFeed(this WebApplication app)
    {
        app.MapGet("/kalender/{token}.ics", async (HttpContext http, string token, AppDbContext db, ViewerAccessor viewers, CalendarUrls urls,
            Microsoft.Extensions.Options.IOptions<MailOptions> mail, TimeProvider clock, CancellationToken ct) =>
        {
            var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.CalendarToken == token, ct);
            if (account is not { IsActive: true })
            {
                return Results.NotFound();
            }
            var facts = await viewers.FactsOfAccountAsync(account, ct);
            var from = Infrastructure.Clock.Today(clock).AddMonths(-MonthsBack);
            var bodies = facts.Seats.Select(s => s.BodyId).Concat(facts.SecretariatOf).Distinct().ToList();
            var meetings = await db.Meetings.AsNoTracking().Include(m => m.Body)
                .Where(m => m.Date >= from && (facts.IsAdministrator || bodies.Contains(m.BodyId)))
                .OrderBy(m => m.Date).ThenBy(m => m.Start)
                .ToListAsync(ct);
            var mine = meetings.Where(m => Visibility.InCalendar(facts, new MeetingState(m.BodyId, m.Status, m.Date)));
            var text = Write(mine, mail.Value.PublicUrl.TrimEnd('/'), clock.GetUtcNow(), "Raad: mine møder");
            // The address is the secret: no shared cache keeps the answer, and no search engine lists it.
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            return Results.Text(text, "text/calendar; charset=utf-8");
        }).Needs(Permission.Public).ExcludeFromDescription();

        app.MapGet("/api/bodies/{id:int}/calendar.ics", async (HttpContext http, int id, AppDbContext db,
            Microsoft.Extensions.Options.IOptions<MailOptions> mail, TimeProvider clock, CancellationToken ct) =>
        {
            var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
            if (body is null)
            {
                return Results.NotFound();
            }
            var from = Infrastructure.Clock.Today(clock).AddMonths(-MonthsBack);
            var meetings = await db.Meetings.AsNoTracking().Include(m => m.Body)
                .Where(m => m.BodyId == id && m.Date >= from)
                .OrderBy(m => m.Date).ThenBy(m => m.Start)
                .ToListAsync(ct);
            var shown = meetings.Where(m => Visibility.MeetingPlan(ViewerFacts.Anonymous, new MeetingState(m.BodyId, m.Status, m.Date)));
            var text = Write(shown, mail.Value.PublicUrl.TrimEnd('/'), clock.GetUtcNow(), $"Raad: {body.Name}");
            // The same for everyone: shared caches and calendar programs may keep it a while.
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(text, "text/calendar; charset=utf-8");
        }).Needs(Permission.Public).WithSummary("Et udvalgs offentlige mødekalender (iCalendar, RFC 5545)");
    }

    /// <summary>
    /// A calendar's text: one event per meeting, in Copenhagen's local time with its VTIMEZONE. The UID is the meeting's
    /// and SEQUENCE its <see cref="Meeting.Version"/>, raised on every change (a move, a cancellation), so a calendar
    /// program replaces the event it has.
    /// </summary>
    public static string Write(IEnumerable<Meeting> meetings, string publicUrl, DateTimeOffset now, string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Raad//Møder//DA" };
        calendar.AddTimeZone(TimeZone);
        calendar.AddProperty("X-WR-CALNAME", name);
        var host = new Uri(publicUrl).Host;
        foreach (var m in meetings)
        {
            var link = $"{publicUrl}/moeder/{m.Id}";
            calendar.Events.Add(new CalendarEvent
            {
                // Stable across fetches, renewals and both feeds: the calendar program updates the event instead of adding one.
                Uid = $"raad-moede-{m.Id}@{host}",
                Sequence = m.Version,
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                DtStart = new CalDateTime(m.Date, m.Start, TimeZone),
                DtEnd = new CalDateTime(m.Date, m.End, TimeZone),
                Summary = m.Title,
                Location = string.IsNullOrWhiteSpace(m.PlaceText) ? null : m.PlaceText,
                Description = m.IsCancelled ? $"Mødet er aflyst.\n{link}" : $"Dagsorden og bilag: {link}",
                Url = new Uri(link),
                Status = m.IsCancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
