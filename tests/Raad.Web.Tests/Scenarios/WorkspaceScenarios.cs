using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Features.Demo;
using Raad.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using static Raad.Web.Tests.Scenarios.ProcedureTestBodies;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The member's workspace: his start page and <c>GET /api/me</c> (the contract docs/api.md gives), his private notes
/// (his alone: checked by content in every response others can reach), the notes of two devices, and the meetings a
/// device keeps offline.
/// </summary>
public abstract class WorkspaceScenarios(RaadApp app) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A small but real PDF: one empty page.</summary>
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
        + "trailer <</Root 1 0 R>>\n%%EOF\n");

    public void Dispose()
    {
        app.Clock.BackToToday();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_api_me_contract_his_bodies_his_next_meetings_and_what_awaits_him()
    {
        var body = await BodyWithRulesAndMember(app, "Arbejdsrummets udvalg (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var today = app.Clock.Today;
        var (draft, _) = await MeetingWithItem(secretariat, body, today.AddDays(40), "Et punkt til kladden");
        var (published, _) = await MeetingWithItem(secretariat, body, today.AddDays(10), "Et udsendt punkt");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(published, "AgendaPublished", "Testmøde med kort varsel.")).Status);
        var (held, heldItem) = await MeetingWithItem(secretariat, body, today.AddDays(-3), "Et afholdt punkt");
        await PublishAndHold(secretariat, held);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.Decide(held, heldItem, "", "Udvalget tog orienteringen til efterretning.")).Status);
        Assert.Equal(HttpStatusCode.Redirect,
            (await secretariat.SubmitForm((await secretariat.Open($"/moeder/{held}/referat/godkendelse")).Handler("Circulate"), [])).Status);
        var procedure = await StartWrittenProcedure(secretariat, body, today.AddDays(7));
        using var member = await app.SignInAs(Role.Member);
        var requested = await member.Submit(await member.Open($"/moeder/{draft}/punktoensker/nyt"),
            new() { ["Title"] = "Lægevagten i weekenden", ["Wanted"] = "En orientering." });
        Assert.Equal(HttpStatusCode.Redirect, requested.Status);

        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Get("/api/me")).StatusCode);

        var me = await member.GetJson("/api/me");

        Assert.Equal(Member, me.GetProperty("name").GetString());
        var mine = me.GetProperty("bodies").EnumerateArray().Single(b => b.GetProperty("id").GetInt32() == body);
        Assert.Equal("Arbejdsrummets udvalg (test)", mine.GetProperty("name").GetString());
        Assert.Equal("member", mine.GetProperty("role").GetString());
        var upcoming = me.GetProperty("upcoming").EnumerateArray().ToList();
        var next = upcoming.Single(m => m.GetProperty("meetingId").GetInt32() == published);
        Assert.Equal(body, next.GetProperty("bodyId").GetInt32());
        Assert.Equal(Iso(today.AddDays(10)), next.GetProperty("date").GetString());
        Assert.Equal("14:00", next.GetProperty("start").GetString());
        Assert.Equal("agendaPublished", next.GetProperty("status").GetString());
        Assert.Equal("agendaDraft", upcoming.Single(m => m.GetProperty("meetingId").GetInt32() == draft).GetProperty("status").GetString());
        Assert.DoesNotContain(upcoming, m => m.GetProperty("meetingId").GetInt32() == held);
        // In date order.
        var dates = upcoming.Select(m => m.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);

        var awaiting = me.GetProperty("awaiting").EnumerateArray().ToList();
        var minutes = awaiting.Single(a => a.GetProperty("kind").GetString() == "minutesToCheck");
        Assert.Equal(held, minutes.GetProperty("meetingId").GetInt32());
        Assert.Equal(Iso(today.AddDays(8)), minutes.GetProperty("deadline").GetString());
        var written = awaiting.Single(a => a.GetProperty("kind").GetString() == "writtenProcedure");
        Assert.Equal(procedure, written.GetProperty("writtenProcedureId").GetInt32());
        Assert.Equal(JsonValueKind.Null, written.GetProperty("meetingId").ValueKind);
        Assert.Equal(Iso(today.AddDays(7)), written.GetProperty("deadline").GetString());
        var request = awaiting.Single(a => a.GetProperty("kind").GetString() == "itemRequest");
        Assert.Equal(draft, request.GetProperty("meetingId").GetInt32());
        Assert.Equal("Punktønske: Lægevagten i weekenden", request.GetProperty("title").GetString());
        Assert.Contains(awaiting, a => a.GetProperty("kind").GetString() == "agendaPublished" && a.GetProperty("meetingId").GetInt32() == published);
        // His private calendar, at the public address: the feed holds the meetings of his bodies.
        var calendarUrl = me.GetProperty("calendarUrl").GetString()!;
        Assert.StartsWith($"{RaadApp.PublicUrl}/kalender/", calendarUrl, StringComparison.Ordinal);
        var (feedStatus, feedType, feed) = await anonymous.Download(new Uri(calendarUrl).AbsolutePath);
        Assert.Equal((HttpStatusCode.OK, "text/calendar"), (feedStatus, feedType));
        Assert.Contains($"/moeder/{published}", Encoding.UTF8.GetString(feed), StringComparison.Ordinal);
        Assert.Equal(calendarUrl, (await member.GetJson("/api/me")).GetProperty("calendarUrl").GetString());

        // The secretariat holds the body as its secretariat, and checks no minutes of it.
        var desk = await secretariat.GetJson("/api/me");
        Assert.Equal("secretariat", desk.GetProperty("bodies").EnumerateArray().Single(b => b.GetProperty("id").GetInt32() == body).GetProperty("role").GetString());
        Assert.DoesNotContain(desk.GetProperty("awaiting").EnumerateArray(), a => a.GetProperty("kind").GetString() == "minutesToCheck");

        // Once he has answered the written procedure, it no longer waits for him.
        var answer = await member.Open($"/skriftlig-proces/{procedure}");
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitForm(answer.Handler("Answer"), new() { ["Kind"] = "Agree" })).Status);
        Assert.DoesNotContain((await member.GetJson("/api/me")).GetProperty("awaiting").EnumerateArray(),
            a => a.GetProperty("kind").GetString() == "writtenProcedure");
    }

    [Fact]
    public async Task The_start_page_shows_his_meetings_what_awaits_him_and_new_agendas_only_until_his_next_visit()
    {
        var body = await BodyWithRulesAndMember(app, "Startsidens udvalg (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (published, _) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(12), "Et udsendt punkt");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(published, "AgendaPublished", "Testmøde med kort varsel.")).Status);
        var (draft, _) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(50), "Et punkt på kladden");
        using var member = await app.SignInAs(Role.Member);

        var start = await member.Open("/");

        // He may ask for an item where the agenda is still a draft, not where it is out.
        Assert.NotNull(start.Document.QuerySelector($"[data-meeting-id='{draft}'] a[href='/moeder/{draft}/punktoensker/nyt']"));
        Assert.Null(start.Document.QuerySelector($"[data-meeting-id='{published}'] a[href$='/punktoensker/nyt']"));

        Assert.Equal("Mit overblik", start.Text("h1"));
        Assert.NotNull(start.Document.QuerySelector($"[data-testid=my-meetings] [data-meeting-id='{published}'] a[href='/moeder/{published}']"));
        Assert.NotNull(start.Document.QuerySelector($"[data-testid=awaiting] [data-kind=agendaPublished] a[href='/moeder/{published}']"));
        // A reload is the same visit: the agenda is still new.
        Assert.NotNull((await member.Open("/")).Document.QuerySelector("[data-testid=awaiting] [data-kind=agendaPublished]"));

        app.Clock.Travel(TimeSpan.FromHours(3));
        var nextVisit = await member.Open("/");

        Assert.Null(nextVisit.Document.QuerySelector($"[data-testid=awaiting] [data-kind=agendaPublished] a[href='/moeder/{published}']"));
        Assert.NotNull(nextVisit.Document.QuerySelector($"[data-testid=my-meetings] [data-meeting-id='{published}']"));
        // The public's front page is not a workspace.
        Assert.Equal("Udvalg", (await app.Anonymous().Open("/")).Text("h1"));
    }

    [Fact]
    public async Task A_note_is_his_alone_no_other_member_the_secretariat_a_document_or_the_audit_log_shows_its_text()
    {
        const string Marker = "PRIVAT-NOTE-7f3a";
        const string AreaMarker = "PRIVAT-MARKERING-91c2";
        var body = await BodyWithRulesAndMember(app, "Noteudvalget (test)");
        using (var seating = await app.SignInAs(Role.Administrator))
        {
            await AddMember(seating, body, "Marianne Gerner Friis-Mikkelsen", "Regional");
        }
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, item) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(14), "Tilbud om rehabilitering");
        var attachment = await Attach(secretariat, item, "Notat om rehabilitering", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testmøde med kort varsel.")).Status);
        using var member = await app.SignInAs(Role.Member);
        var key = Guid.NewGuid();
        var areaKey = Guid.NewGuid();

        var written = await member.SendJson(HttpMethod.Put, $"/api/me/notes/{key}", Change(item, $"Spørg til ventetiden. {Marker}"));
        var marked = await member.SendJson(HttpMethod.Put, $"/api/me/notes/{areaKey}",
            Change(item, $"Tallet her passer ikke. {AreaMarker}", attachment: attachment, page: 1, area: new { x = 0.1, y = 0.2, width = 0.5, height = 0.1 }));

        Assert.Equal(HttpStatusCode.OK, written.Status);
        Assert.True(written.Json.GetProperty("applied").GetBoolean());
        Assert.Equal(1, written.Json.GetProperty("note").GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.OK, marked.Status);
        var own = (await member.GetJson($"/api/me/notes?meetingId={meeting}")).EnumerateArray().ToList();
        Assert.Equal(2, own.Count);
        var area = own.Single(n => n.GetProperty("key").GetGuid() == areaKey);
        Assert.Equal(attachment, area.GetProperty("attachmentId").GetInt32());
        Assert.Equal(0.5, area.GetProperty("area").GetProperty("width").GetDouble());

        // His own "Mine noter" prints them after the item.
        var printed = await member.Download($"/api/me/meetings/{meeting}/notes.pdf");
        Assert.Equal(HttpStatusCode.OK, printed.Status);
        var printedText = PdfText(printed.Content);
        Assert.Contains(Marker, printedText, StringComparison.Ordinal);
        Assert.Contains(AreaMarker, printedText, StringComparison.Ordinal);
        Assert.Contains("Bilag 1, side 1", printedText, StringComparison.Ordinal);

        // Another member of the body, the secretariat, the administrator and the public: not a trace.
        using var colleague = await SignInAs("medlem-regional@raad.local");
        using var administrator = await app.SignInAs(Role.Administrator);
        using var anonymous = app.Anonymous();
        foreach (var (who, visitor) in new[] { ("kollega", colleague), ("sekretariat", secretariat), ("administrator", administrator), ("offentligheden", anonymous) })
        {
            foreach (var url in new[]
                     {
                         "/", $"/moeder/{meeting}", $"/moeder/{meeting}/dagsorden", $"/api/meetings/{meeting}", $"/api/me/notes?meetingId={meeting}",
                         $"/api/meetings/{meeting}/agenda.docx?version=members", $"/api/meetings/{meeting}/agenda.pdf?version=members",
                         $"/api/meetings/{meeting}/agenda.pdf", $"/api/me/meetings/{meeting}/notes.pdf", "/api/me", "/revision",
                         $"/revision?Type=Note",
                     })
            {
                var (status, _, content) = await visitor.Download(url);
                var text = Readable(content);
                Assert.False(text.Contains(Marker, StringComparison.Ordinal) || text.Contains(AreaMarker, StringComparison.Ordinal),
                    $"Noten kan læses af {who} på {url} ({(int)status}).");
            }
        }
        Assert.Empty((await colleague.GetJson($"/api/me/notes?meetingId={meeting}")).EnumerateArray());

        // The same key from another account is that account's own note: it never reaches his.
        var theirs = await colleague.SendJson(HttpMethod.Put, $"/api/me/notes/{key}", Change(item, "Min egen note", baseRevision: 1));
        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.Contains(Marker, (await member.GetJson($"/api/me/notes?meetingId={meeting}")).EnumerateArray()
            .Single(n => n.GetProperty("key").GetGuid() == key).GetProperty("text").GetString(), StringComparison.Ordinal);

        // The audit log knows that notes changed, and whose, never what they say.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Note").ToListAsync(Ct);
        Assert.True(entries.Count >= 3, $"{entries.Count} revisionsposter om noter");
        Assert.All(entries, e => Assert.DoesNotContain("PRIVAT-", (e.Before ?? "") + (e.After ?? "") + e.Label, StringComparison.Ordinal));
        Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Select(e => (e.Before ?? "") + (e.After ?? "") + e.Label).ToListAsync(Ct),
            text => text.Contains("PRIVAT-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_devices_change_the_same_note_the_later_wins_and_the_earlier_is_kept()
    {
        var body = await BodyWithRulesAndMember(app, "Enhedsudvalget (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, item) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(20), "Sundhedsaftalen");
        using var tablet = await app.SignInAs(Role.Member);
        using var laptop = await app.SignInAs(Role.Member);
        var key = Guid.NewGuid();
        var now = app.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await tablet.SendJson(HttpMethod.Put, $"/api/me/notes/{key}", Change(item, "Første udgave", changedAt: now.AddMinutes(-120)))).Status);

        // The tablet goes offline and changes revision 1 at -60 min; the laptop changes it at -30 min and is online.
        var fromLaptop = await laptop.SendJson(HttpMethod.Put, $"/api/me/notes/{key}", Change(item, "Fra den bærbare", baseRevision: 1, changedAt: now.AddMinutes(-30)));
        var fromTablet = await tablet.SendJson(HttpMethod.Put, $"/api/me/notes/{key}", Change(item, "Skrevet offline på tabletten", baseRevision: 1, changedAt: now.AddMinutes(-60)));

        Assert.True(fromLaptop.Json.GetProperty("applied").GetBoolean());
        Assert.False(fromTablet.Json.GetProperty("applied").GetBoolean());
        Assert.Equal("Fra den bærbare", fromTablet.Json.GetProperty("note").GetProperty("text").GetString());
        Assert.Equal(2, fromTablet.Json.GetProperty("note").GetProperty("revision").GetInt32());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var note = await db.Notes.AsNoTracking().Include(n => n.Versions).SingleAsync(n => n.Key == key, Ct);
        Assert.Equal("Fra den bærbare", note.Text);
        Assert.Equal("Skrevet offline på tabletten", Assert.Single(note.Versions).Text);
        Assert.Single((await tablet.GetJson($"/api/me/notes?meetingId={meeting}")).EnumerateArray());

        // A note on an item he may not see does not exist for him; nonsense is refused in Danish.
        var (_, closedItem) = await MeetingWithItem(secretariat, await BodyWithoutHim("Et andet udvalg (enheder, test)"), app.Clock.Today.AddDays(30), "Et punkt i et andet udvalg");
        Assert.Equal(HttpStatusCode.NotFound, (await tablet.SendJson(HttpMethod.Put, $"/api/me/notes/{Guid.NewGuid()}", Change(closedItem, "Nej"))).Status);
        var outside = await tablet.SendJson(HttpMethod.Put, $"/api/me/notes/{Guid.NewGuid()}", Change(item, "Uden for siden", attachment: 999_999, page: 1, area: new { x = 0.9, y = 0.9, width = 0.5, height = 0.5 }));
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.Equal("Bilaget hører ikke til punktet.", outside.Json.GetProperty("title").GetString());
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendJson(HttpMethod.Put, $"/api/me/notes/{key}", Change(item, "x"))).Status);
    }

    [Fact]
    public async Task A_device_keeps_the_meetings_he_may_read_and_is_told_to_delete_the_rest_and_everything_once_forgotten()
    {
        var body = await BodyWithRulesAndMember(app, "Offlineudvalget (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (draft, _) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(25), "Et punkt");
        var (notHis, _) = await MeetingWithItem(secretariat, await BodyWithoutHim("Et andet udvalg (offline, test)"), app.Clock.Today.AddDays(26), "Et punkt i et andet udvalg");
        using var member = await app.SignInAs(Role.Member);
        var device = Guid.NewGuid();

        var sync = await member.SendJson(HttpMethod.Post, "/api/me/offline", new { device, meetings = new[] { draft, notHis } });

        Assert.Equal(HttpStatusCode.OK, sync.Status);
        Assert.Equal([draft], sync.Json.GetProperty("keep").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([notHis], sync.Json.GetProperty("remove").EnumerateArray().Select(e => e.GetInt32()));
        Assert.False(sync.Json.GetProperty("forgotten").GetBoolean());
        var settings = await member.Open("/konto/indstillinger");
        Assert.Contains("Offlineudvalget (test)", settings.Text("[data-testid=devices]"));

        // His seat ends: the next sync says the draft goes.
        await EndSeat(body, Member);
        var afterSeat = await member.SendJson(HttpMethod.Post, "/api/me/offline", new { device, meetings = new[] { draft } });
        Assert.Equal([draft], afterSeat.Json.GetProperty("remove").EnumerateArray().Select(e => e.GetInt32()));

        // He forgets the device in his settings: its next sync deletes everything.
        var forgotten = await member.SubmitForm((await member.Open("/konto/indstillinger")).Handler("ForgetDevice"), []);
        Assert.Equal(HttpStatusCode.Redirect, forgotten.Status);
        var afterForget = await member.SendJson(HttpMethod.Post, "/api/me/offline", new { device, meetings = new[] { draft } });
        Assert.True(afterForget.Json.GetProperty("forgotten").GetBoolean());
        Assert.Empty(afterForget.Json.GetProperty("keep").EnumerateArray());
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendJson(HttpMethod.Post, "/api/me/offline", new { device, meetings = new[] { draft } })).Status);
    }

    [Fact]
    public async Task Signing_out_tells_the_browser_to_delete_what_it_kept()
    {
        using var member = await app.SignInAs(Role.Member);
        var home = await member.Open("/");

        var response = await member.Post("/konto/log-ud", home, []);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("\"cache\", \"storage\"", response.Header("Clear-Site-Data"));
    }

    private object Change(int item, string text, int baseRevision = 0, DateTimeOffset? changedAt = null,
        int? attachment = null, int? page = null, object? area = null) =>
        new { itemId = item, attachmentId = attachment, page, area, text, changedAt = changedAt ?? app.Clock.GetUtcNow().AddMinutes(-1), baseRevision, deleted = false };

    private async Task<Visitor> SignInAs(string email)
    {
        var visitor = app.Anonymous();
        await visitor.SignIn(email, DemoLoader.Password);
        return visitor;
    }

    /// <summary>A body with the demo secretariat and without the demo member.</summary>
    private async Task<int> BodyWithoutHim(string name)
    {
        using var administrator = await app.SignInAs(Role.Administrator);
        var body = await administrator.CreateBody(name, "2026-01-01");
        await administrator.GrantSecretariat(SecretariatEmail, body);
        return body;
    }

    private async Task EndSeat(int body, string name)
    {
        using var administrator = await app.SignInAs(Role.Administrator);
        var membership = await administrator.MembershipId(body, name);
        var form = await administrator.Open($"/medlemskaber/{membership}/afslut");
        var ended = await administrator.Submit(form, new() { ["LastDay"] = Iso(app.Clock.Today.AddDays(-1)) });
        Assert.True(ended.Status == HttpStatusCode.Redirect, $"Medlemskab ikke afsluttet ({(int)ended.Status}): {ended.Text("[role=alert]")}");
    }

    private static async Task<int> Attach(Visitor secretariat, int item, string title, byte[] bytes)
    {
        var form = await secretariat.Open($"/punkter/{item}/rediger");
        var result = await secretariat.SubmitFile(form, new() { ["AttachmentTitle"] = title }, "File", "notat.pdf", bytes, "application/pdf");
        Assert.True(result.Status == HttpStatusCode.Redirect, $"Bilaget ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
        var href = (await secretariat.Open($"/punkter/{item}/rediger")).Document.QuerySelector("a[href^='/bilag/']")!.GetAttribute("href")!;
        return int.Parse(href["/bilag/".Length..], CultureInfo.InvariantCulture);
    }

    private async Task<int> StartWrittenProcedure(Visitor secretariat, int body, DateOnly deadline)
    {
        var created = await secretariat.Submit(await secretariat.Open("/sager/ny"), new() { ["Input.Title"] = "Fælles retningslinjer", ["Input.BodyId"] = $"{body}" });
        Assert.True(created.Status == HttpStatusCode.Redirect, $"Sagen ikke oprettet ({(int)created.Status}): {created.Text("[role=alert]")}");
        var caseId = int.Parse(created.RedirectTo!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var started = await secretariat.Submit(await secretariat.Open($"/sager/{caseId}/skriftlig-proces/ny"), new()
        {
            ["Input.Recommendation"] = "Det indstilles, at udvalget godkender retningslinjerne.",
            ["Input.Deadline"] = Iso(deadline),
        });
        Assert.True(started.Status == HttpStatusCode.Redirect, $"Skriftlig proces ikke startet ({(int)started.Status}): {started.Text("[role=alert]")}");
        return int.Parse(started.RedirectTo!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>What a response says, whatever its format: a PDF's words, a Word file's XML, or the text as sent.</summary>
    private static string Readable(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8))
        {
            return PdfText(content);
        }
        if (content.AsSpan().StartsWith("PK"u8))
        {
            using var zip = new ZipArchive(new MemoryStream(content));
            return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        }
        return Encoding.UTF8.GetString(content);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}

public sealed class WorkspaceOnSqlite(SqliteApp app) : WorkspaceScenarios(app), IClassFixture<SqliteApp>;

public sealed class WorkspaceOnPostgres(PostgresApp app) : WorkspaceScenarios(app), IClassFixture<PostgresApp>;
