using System.Globalization;
using System.Net;
using Ical.Net.CalendarComponents;
using Raad.Web.Tests.Infrastructure;
using Copenhagen = Raad.Web.Infrastructure.Clock;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// "Min kalender": each account's private feed at a secret, renewable address, with the meetings of his bodies in
/// Copenhagen's local time, a cancelled meeting as cancelled, and nothing of other bodies.
/// </summary>
public abstract class CalendarScenarios(RaadApp app)
{
    private const string Council = "Sundhedsråd Amager og Vestegnen";
    private const string OtherCouncil = "Sundhedsråd Midt- og Vestsjælland";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The account's calendar address as its security page shows it, and the path to fetch it by.</summary>
    private static async Task<(string Url, string Path)> CalendarAddress(Visitor visitor)
    {
        var page = await visitor.Open("/konto/indstillinger");
        var url = page.Document.QuerySelector("#calendar-url")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"/konto/indstillinger ({(int)page.Status}) viser ingen kalenderadresse.");
        Assert.StartsWith($"{RaadApp.PublicUrl}/kalender/", url, StringComparison.Ordinal);
        Assert.EndsWith(".ics", url, StringComparison.Ordinal);
        return (url, new Uri(url).AbsolutePath);
    }

    private static async Task<(HttpStatusCode Status, string? ContentType, string? Charset, string Text)> Fetch(Visitor visitor, string path)
    {
        using var response = await visitor.Get(path);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            // The address is the secret: never kept by a shared cache.
            Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        }
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet,
            await response.Content.ReadAsStringAsync());
    }

    /// <summary>Plans a meeting of the body at 14.00-16.00 on the date; returns its id.</summary>
    private static async Task<int> Plan(Visitor secretariat, int body, DateOnly date, string location = "Hvidovre Rådhus")
    {
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(Iso(date), "14:00", "16:00", location));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        return await secretariat.MeetingId(body, Iso(date));
    }

    /// <summary>The first day after <paramref name="after"/> on which Copenhagen's offset differs from the day before (the last Sunday of March or October).</summary>
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

    [Fact]
    public async Task The_feed_holds_the_members_meetings_in_Copenhagen_time_across_a_change_of_summer_time_and_a_cancelled_one_as_cancelled()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var council = await secretariat.BodyId(Council);
        var councilFrom = DateOnly.Parse((await secretariat.GetJson($"/api/bodies/{council}")).GetProperty("validFrom").GetString()!, CultureInfo.InvariantCulture);
        var start = app.Clock.Today > councilFrom ? app.Clock.Today : councilFrom;
        var change = NextChangeOfTime(start.AddDays(3));
        var before = await Plan(secretariat, council, change.AddDays(-2));
        var after = await Plan(secretariat, council, change.AddDays(1));
        var cancelled = await Plan(secretariat, council, change.AddDays(8), "Rødovre Rådhus");
        var page = await secretariat.Open($"/moeder/{cancelled}");
        var cancel = await secretariat.SubmitForm(page.FormWithValue("target", "Cancelled"), new() { ["reason"] = "Ingen sager." });
        Assert.True(cancel.Status == HttpStatusCode.Redirect, $"Ikke aflyst ({(int)cancel.Status}): {cancel.Text("[role=alert]")}");
        // Another body's meeting on a day of its own: not the member's.
        var other = await secretariat.BodyId(OtherCouncil);
        var otherFrom = DateOnly.Parse((await secretariat.GetJson($"/api/bodies/{other}")).GetProperty("validFrom").GetString()!, CultureInfo.InvariantCulture);
        var otherMeeting = await Plan(secretariat, other, (app.Clock.Today > otherFrom ? app.Clock.Today : otherFrom).AddDays(11), "Holbæk Rådhus");

        using var member = await app.SignInAs(Role.Member);
        var (_, path) = await CalendarAddress(member);
        // A calendar program has no session: the address alone opens it.
        using var program = app.Anonymous();
        var feed = await Fetch(program, path);

        Assert.Equal(HttpStatusCode.OK, feed.Status);
        Assert.Equal("text/calendar", feed.ContentType);
        Assert.Equal("utf-8", feed.Charset);
        Assert.Contains("BEGIN:VTIMEZONE", feed.Text, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Copenhagen", feed.Text, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(feed.Text)!;
        CalendarEvent Event(int meeting) => Assert.Single(calendar.Events, e => e.Url?.AbsolutePath == $"/moeder/{meeting}");

        var offsets = new List<TimeSpan>();
        foreach (var (meeting, date) in new[] { (before, change.AddDays(-2)), (after, change.AddDays(1)) })
        {
            var e = Event(meeting);
            Assert.Equal($"Møde i {Council}", e.Summary);
            Assert.Equal("Hvidovre Rådhus", e.Location);
            Assert.Contains($"{RaadApp.PublicUrl}/moeder/{meeting}", e.Description, StringComparison.Ordinal);
            Assert.Equal("Europe/Copenhagen", e.DtStart!.TzId);
            Assert.Equal(date.ToDateTime(new TimeOnly(14, 0)), e.DtStart.Value);
            Assert.Equal(date.ToDateTime(new TimeOnly(16, 0)), e.DtEnd!.Value);
            Assert.NotEqual("CANCELLED", e.Status);
            var offset = e.DtStart.Value - e.DtStart.AsUtc;
            Assert.Equal(OffsetAtTwo(date), offset);
            offsets.Add(offset);
        }
        // Across the change: one meeting at +01:00 and the other at +02:00, each at 14.00 local time.
        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromHours(2)], offsets.Order());
        Assert.NotEqual(offsets[0], offsets[1]);
        // Stable ids: the same meeting is the same event on the next fetch.
        var again = Ical.Net.Calendar.Load((await Fetch(program, path)).Text)!;
        Assert.Equal(Event(before).Uid, Assert.Single(again.Events, e => e.Url?.AbsolutePath == $"/moeder/{before}").Uid);
        Assert.NotEqual(Event(before).Uid, Event(after).Uid);

        Assert.Equal("CANCELLED", Event(cancelled).Status);
        Assert.Contains("STATUS:CANCELLED", feed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(calendar.Events, e => e.Url?.AbsolutePath == $"/moeder/{otherMeeting}");
        Assert.DoesNotContain("Holbæk Rådhus", feed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherCouncil, feed.Text, StringComparison.Ordinal);

        // The secretariat of both bodies has both in its calendar.
        var (_, secretariatPath) = await CalendarAddress(secretariat);
        var theirs = Ical.Net.Calendar.Load((await Fetch(program, secretariatPath)).Text)!;
        Assert.Contains(theirs.Events, e => e.Url?.AbsolutePath == $"/moeder/{otherMeeting}");
        Assert.Contains(theirs.Events, e => e.Url?.AbsolutePath == $"/moeder/{before}");
    }

    [Fact]
    public async Task Renewing_the_address_retires_the_old_one_and_an_unknown_address_is_not_found()
    {
        using var member = await app.SignInAs(Role.Member);
        var (oldUrl, oldPath) = await CalendarAddress(member);
        using var program = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await Fetch(program, oldPath)).Status);
        // The same address on every visit until it is renewed.
        Assert.Equal(oldUrl, (await CalendarAddress(member)).Url);

        var renewed = await member.Press(await member.Open("/konto/indstillinger"), "Forny adresse", []);

        Assert.Equal(HttpStatusCode.Redirect, renewed.Status);
        var (newUrl, newPath) = await CalendarAddress(member);
        Assert.NotEqual(oldUrl, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await Fetch(program, oldPath)).Status);
        var fresh = await Fetch(program, newPath);
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.NotNull(Ical.Net.Calendar.Load(fresh.Text));
        // 32 random bytes, base64url: 43 characters.
        Assert.Matches("^/kalender/[A-Za-z0-9_-]{43}\\.ics$", newPath);
        Assert.Equal(HttpStatusCode.NotFound, (await Fetch(program, "/kalender/ukendt-adresse.ics")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Fetch(program, $"/kalender/{new string('A', 43)}.ics")).Status);
    }

    [Fact]
    public async Task A_deactivated_accounts_address_is_not_found_until_it_is_reactivated()
    {
        const string email = "medlem-kommunal@raad.local";
        using var kommunal = app.Anonymous();
        await kommunal.SignIn(email, Raad.Web.Features.Demo.DemoLoader.Password);
        var (_, path) = await CalendarAddress(kommunal);
        using var program = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await Fetch(program, path)).Status);
        using var administrator = await app.SignInAs(Role.Administrator);
        var list = await administrator.Open("/brugere");
        var account = await administrator.Open(list.Document.QuerySelectorAll("tbody tr")
            .Single(r => r.TextContent.Contains(email, StringComparison.OrdinalIgnoreCase)).QuerySelector("a")!.GetAttribute("href")!);

        var deactivated = await administrator.SubmitForm(account.Handler("Deactivate"), []);

        Assert.Equal(HttpStatusCode.Redirect, deactivated.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Fetch(program, path)).Status);
        var reactivated = await administrator.SubmitForm((await administrator.Open(account.Address.AbsolutePath)).Handler("Reactivate"), []);
        Assert.Equal(HttpStatusCode.Redirect, reactivated.Status);
        Assert.Equal(HttpStatusCode.OK, (await Fetch(program, path)).Status);
    }
}

public sealed class CalendarOnSqlite(SqliteApp app) : CalendarScenarios(app), IClassFixture<SqliteApp>;

public sealed class CalendarOnPostgres(PostgresApp app) : CalendarScenarios(app), IClassFixture<PostgresApp>;
