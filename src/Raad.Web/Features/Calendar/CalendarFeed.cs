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
/// <c>GET /kalender/{token}.ics</c>: an account's private calendar for calendar programs, which fetch it without a
/// session. The token is the secret; an unknown, renewed or deactivated one is not found. It holds the meetings of the
/// account's bodies (<see cref="Visibility.InCalendar"/>) with when, where and a link back, and nothing of the agenda.
/// </summary>
public static class CalendarFeed
{
    public const string TimeZone = "Europe/Copenhagen";

    /// <summary>How far back the feed reaches: a calendar program keeps what it has seen already.</summary>
    private const int MonthsBack = 12;

    public static void MapCalendarFeed(this WebApplication app) =>
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
            var text = Write(mine, mail.Value.PublicUrl.TrimEnd('/'), clock.GetUtcNow());
            // The address is the secret: no shared cache keeps the answer, and no search engine lists it.
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            return Results.Text(text, "text/calendar; charset=utf-8");
        }).Needs(Permission.Public).ExcludeFromDescription();

    /// <summary>The feed's text: one event per meeting, in Copenhagen's local time with its VTIMEZONE.</summary>
    public static string Write(IEnumerable<Meeting> meetings, string publicUrl, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Raad//Mine møder//DA" };
        calendar.AddTimeZone(TimeZone);
        calendar.AddProperty("X-WR-CALNAME", "Raad: mine møder");
        var host = new Uri(publicUrl).Host;
        foreach (var m in meetings)
        {
            var link = $"{publicUrl}/moeder/{m.Id}";
            calendar.Events.Add(new CalendarEvent
            {
                // Stable across fetches and renewals: the calendar program updates the event instead of adding one.
                Uid = $"raad-moede-{m.Id}@{host}",
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
