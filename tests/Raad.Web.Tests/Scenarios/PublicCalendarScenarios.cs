using System.Globalization;
using System.Net;
using Ical.Net.CalendarComponents;
using Raad.Web.Tests.Infrastructure;
using Copenhagen = Raad.Web.Infrastructure.Clock;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// A body's public calendar, <c>/api/bodies/{id}/calendar.ics</c>: the meetings its meeting plan shows everyone, in
/// Copenhagen's local time across a change of summer time, the same event (UID) with a higher SEQUENCE after a move, a
/// cancelled meeting as cancelled, a link back, and nothing of a draft agenda or of other bodies.
/// </summary>
public abstract class PublicCalendarScenarios(RaadApp app)
{
    private const string Council = "Sundhedsråd Amager og Vestegnen";
    private const string OtherCouncil = "Sundhedsråd Midt- og Vestsjælland";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<int> Plan(Visitor secretariat, int body, DateOnly date, string location)
    {
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(Iso(date), "14:00", "16:00", location));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        return await secretariat.MeetingId(body, Iso(date));
    }

    private static DateOnly NextChangeOfTime(DateOnly after)
    {
        for (var day = after.AddDays(1); ; day = day.AddDays(1))
        {
            if (OffsetAtTwo(day) != OffsetAtTwo(day.AddDays(-1)))
            {
                return day;
            }
        }
    }

    private static TimeSpan OffsetAtTwo(DateOnly day) => Copenhagen.Copenhagen.GetUtcOffset(day.ToDateTime(new TimeOnly(14, 0)));

    private static async Task<DateOnly> FirstDay(Visitor visitor, int body)
    {
        var from = DateOnly.Parse((await visitor.GetJson($"/api/bodies/{body}")).GetProperty("validFrom").GetString()!, CultureInfo.InvariantCulture);
        return from;
    }

    private static async Task<(Ical.Net.Calendar Calendar, string Text)> Fetch(Visitor visitor, int body)
    {
        using var response = await visitor.Get($"/api/bodies/{body}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        // The same for everyone: a shared cache may keep it.
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge: not null, NoStore: false, Private: false },
            $"Cache-Control: {response.Headers.CacheControl}");
        var text = await response.Content.ReadAsStringAsync();
        return (Ical.Net.Calendar.Load(text)!, text);
    }

    [Fact]
    public async Task The_public_calendar_holds_the_bodys_meetings_across_summer_time_raises_SEQUENCE_on_a_move_and_marks_a_cancellation()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var council = await secretariat.BodyId(Council);
        var councilFrom = await FirstDay(secretariat, council);
        var start = app.Clock.Today > councilFrom ? app.Clock.Today : councilFrom;
        var change = NextChangeOfTime(start.AddDays(3));
        var before = await Plan(secretariat, council, change.AddDays(-2), "Hvidovre Rådhus");
        var after = await Plan(secretariat, council, change.AddDays(1), "Hvidovre Rådhus");
        var cancelled = await Plan(secretariat, council, change.AddDays(8), "Rødovre Rådhus");
        // A draft agenda with an item of its own: not public, so not in the public calendar.
        var drafted = await Plan(secretariat, council, change.AddDays(9), "Brøndby Rådhus");
        var added = await secretariat.AddItem(drafted, "Hemmelig kladdesag om Brøndby", minutes: 30, kind: "Decision");
        Assert.True(added.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)added.Status}): {added.Text("[role=alert]")}");
        var other = await secretariat.BodyId(OtherCouncil);
        var otherFrom = await FirstDay(secretariat, other);
        var otherMeeting = await Plan(secretariat, other, (app.Clock.Today > otherFrom ? app.Clock.Today : otherFrom).AddDays(12), "Holbæk Rådhus");

        using var citizen = app.Anonymous();
        var (calendar, text) = await Fetch(citizen, council);

        // The change crossed is EU summer time's: the last Sunday of March (to +02:00) or of October (to +01:00).
        Assert.Equal(DayOfWeek.Sunday, change.DayOfWeek);
        Assert.True(change.Month is 3 or 10 && change.AddDays(7).Month != change.Month, $"{change} er ikke sidste søndag i marts/oktober.");
        var (offsetBefore, offsetAfter) = change.Month == 3 ? (TimeSpan.FromHours(1), TimeSpan.FromHours(2)) : (TimeSpan.FromHours(2), TimeSpan.FromHours(1));

        // One VTIMEZONE for Copenhagen, with its STANDARD (+01:00 from the last Sunday of October) and DAYLIGHT (+02:00
        // from the last Sunday of March) parts, so a program that reads only the file places the meetings right.
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Copenhagen", zone.TzId);
        var zoneText = text[text.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal)..(text.IndexOf("END:VTIMEZONE", StringComparison.Ordinal) + 13)];
        var standard = zoneText[zoneText.IndexOf("BEGIN:STANDARD", StringComparison.Ordinal)..zoneText.IndexOf("END:STANDARD", StringComparison.Ordinal)];
        var daylight = zoneText[zoneText.IndexOf("BEGIN:DAYLIGHT", StringComparison.Ordinal)..zoneText.IndexOf("END:DAYLIGHT", StringComparison.Ordinal)];
        Assert.Contains("TZOFFSETTO:+0100", standard, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", standard, StringComparison.Ordinal);
        Assert.Contains("TZOFFSETTO:+0200", daylight, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", daylight, StringComparison.Ordinal);
        CalendarEvent Event(Ical.Net.Calendar c, int meeting) => Assert.Single(c.Events, e => e.Url?.AbsolutePath == $"/moeder/{meeting}");
        var offsets = new List<TimeSpan>();
        foreach (var (meeting, date) in new[] { (before, change.AddDays(-2)), (after, change.AddDays(1)) })
        {
            var e = Event(calendar, meeting);
            Assert.Equal($"{RaadApp.PublicUrl}/moeder/{meeting}", e.Url!.ToString());
            Assert.Equal($"Møde i {Council}", e.Summary);
            Assert.Equal("Hvidovre Rådhus", e.Location);
            Assert.Equal("Europe/Copenhagen", e.DtStart!.TzId);
            Assert.Equal(date.ToDateTime(new TimeOnly(14, 0)), e.DtStart.Value);
            Assert.Contains($"DTSTART;TZID=Europe/Copenhagen:{Iso(date).Replace("-", "", StringComparison.Ordinal)}T140000", text, StringComparison.Ordinal);
            // The instant, worked out here from the rule and not by either time zone library: 14.00 less the offset.
            var expected = date < change ? offsetBefore : offsetAfter;
            Assert.Equal(date.ToDateTime(new TimeOnly(14, 0)) - expected, e.DtStart.AsUtc);
            Assert.NotEqual("CANCELLED", e.Status);
            offsets.Add(e.DtStart.Value - e.DtStart.AsUtc);
            Assert.Equal(OffsetAtTwo(date), offsets[^1]);
        }
        // One side of the change at +01:00, the other at +02:00, both at 14.00 local time.
        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromHours(2)], offsets.Order());

        // The planned meeting with a draft agenda is in the plan, but nothing of its draft is.
        Assert.Equal("Brøndby Rådhus", Event(calendar, drafted).Location);
        Assert.DoesNotContain("Hemmelig kladdesag", text, StringComparison.Ordinal);
        // Other bodies' meetings are not in this body's calendar.
        Assert.DoesNotContain(calendar.Events, e => e.Url?.AbsolutePath == $"/moeder/{otherMeeting}");
        Assert.DoesNotContain("Holbæk Rådhus", text, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherCouncil, text, StringComparison.Ordinal);

        // A move of the time: the same event (UID), a higher SEQUENCE, the new time.
        var firstUid = Event(calendar, before).Uid;
        var firstSequence = Event(calendar, before).Sequence;
        var edit = await secretariat.Open($"/moeder/{before}/rediger");
        var moved = await secretariat.Submit(edit, new() { ["Input.Start"] = "15:00", ["Input.End"] = "17:00" });
        Assert.True(moved.Status == HttpStatusCode.Redirect, $"Ikke flyttet ({(int)moved.Status}): {moved.Text("[role=alert]")}");
        var (afterMove, _) = await Fetch(citizen, council);
        var movedEvent = Event(afterMove, before);
        Assert.Equal(firstUid, movedEvent.Uid);
        Assert.True(movedEvent.Sequence > firstSequence, $"SEQUENCE {firstSequence} -> {movedEvent.Sequence}");
        Assert.Equal(change.AddDays(-2).ToDateTime(new TimeOnly(15, 0)), movedEvent.DtStart!.Value);
        Assert.NotEqual(firstUid, Event(afterMove, after).Uid);

        // A cancellation: the same event, cancelled, with a higher SEQUENCE still.
        var cancelledSequence = Event(afterMove, cancelled).Sequence;
        var page = await secretariat.Open($"/moeder/{cancelled}");
        var cancel = await secretariat.SubmitForm(page.FormWithValue("target", "Cancelled"), new() { ["reason"] = "Ingen sager." });
        Assert.True(cancel.Status == HttpStatusCode.Redirect, $"Ikke aflyst ({(int)cancel.Status}): {cancel.Text("[role=alert]")}");
        var (afterCancel, cancelText) = await Fetch(citizen, council);
        Assert.Equal("CANCELLED", Event(afterCancel, cancelled).Status);
        Assert.True(Event(afterCancel, cancelled).Sequence > cancelledSequence);
        Assert.Contains("STATUS:CANCELLED", cancelText, StringComparison.Ordinal);
        Assert.Equal(Event(calendar, cancelled).Uid, Event(afterCancel, cancelled).Uid);
    }

    [Fact]
    public async Task The_public_calendar_of_an_unknown_body_is_not_found()
    {
        using var citizen = app.Anonymous();
        using var response = await citizen.Get("/api/bodies/999999/calendar.ics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class PublicCalendarOnSqlite(SqliteApp app) : PublicCalendarScenarios(app), IClassFixture<SqliteApp>;

public sealed class PublicCalendarOnPostgres(PostgresApp app) : PublicCalendarScenarios(app), IClassFixture<PostgresApp>;
