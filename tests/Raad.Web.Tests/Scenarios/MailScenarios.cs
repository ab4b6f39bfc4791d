using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Raad.Web.Data;
using Raad.Web.Infrastructure.Mail;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Mail leaves through the outbox: written with the action it tells about, delivered by the background sender to a real
/// SMTP server on loopback. A server that is down loses nothing and delays nobody; several senders send each mail once.
/// </summary>
public abstract class MailScenarios(RaadApp app)
{
    // A body of its own from 1 January 2026, so its meetings lie after the demo bodies' end and before their successors.
    private const string Body = "Postudvalget (test)";

    // The demo member's person has no address of his own: his mail goes to his account's.
    private const string Member = "Jørgen Steen Andersen";
    private const string MemberAccount = "medlem@raad.local";

    // A member with an address of her own on the person, and no account.
    private const string OwnAddressMember = "Mette Postholm";
    private const string OwnAddress = "mette.postholm@region.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Members_get_the_agenda_by_mail_when_the_secretariat_publishes_it()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await MeetingWithMembers(secretariat, "2026-12-14");

        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished");

        Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");
        var mails = await app.WaitForMailAsync(AgendaOf(meeting), count: 2);
        Assert.Equal([MemberAccount, OwnAddress], mails.Select(To).Order(StringComparer.Ordinal));
        Assert.All(mails, mail =>
        {
            Assert.StartsWith($"Dagsorden: {Body} 14. december 2026", mail.Subject);
            Assert.Contains($"Dagsordenen til mødet i {Body} mandag den 14. december 2026, kl. 14.00-16.00, er udsendt.", mail.TextBody);
            Assert.Contains($"Læs dagsordenen: {RaadApp.PublicUrl}/moeder/{meeting}/dagsorden", mail.TextBody);
            Assert.Equal("raad@localhost", mail.From.Mailboxes.Single().Address);
        });
        var rows = await Until(async db => await AgendaRows(db, meeting), r => r.Count == 2 && r.All(m => m.SentAt is not null),
            "begge dagsordensmails er markeret som sendt");
        Assert.All(rows, r => Assert.Equal(0, r.Attempts));
    }

    [Fact]
    public async Task An_advisor_without_an_account_is_reached_chooses_his_mails_and_the_meeting_page_shows_each_delivery()
    {
        const string advisor = "Anders Postbisidder";
        const string advisorAddress = "anders.postbisidder@kommune.test";
        using var secretariat = await app.SignInAs(Role.Secretariat);
        // A body of its own, so the other scenarios' members stay as they expect.
        const string withAdvisor = "Postudvalget med bisidder (test)";
        var meeting = await MeetingWithMembers(secretariat, ProcedureTestBodies.Iso(app.Clock.Today.AddDays(13)), withAdvisor);
        var body = await secretariat.BodyId(withAdvisor);
        if (!(await secretariat.Members(body)).Any(m => m.GetProperty("name").GetString() == advisor))
        {
            var added = await secretariat.AddMembership(body, new() { ["Input.NewPersonName"] = advisor, ["Input.Role"] = "Advisor", ["Input.From"] = "2026-01-01" });
            Assert.True(added.Status == HttpStatusCode.Redirect, $"{advisor} ikke tilføjet ({(int)added.Status}): {added.Text("[role=alert]")}");
            var person = (await secretariat.Open($"/medlemskaber/{await secretariat.MembershipId(body, advisor)}/rediger")).Value("Input.PersonId");
            Assert.Equal(HttpStatusCode.Redirect, (await secretariat.Submit(await secretariat.Open($"/personer/{person}/rediger"), new() { ["Email"] = advisorAddress })).Status);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(meeting, "AgendaPublished")).Status);

        // The advisor, who has no account, gets the agenda as the members do; his mail ends with the link to his choices.
        var mails = await app.WaitForMailAsync(AgendaOf(meeting), count: 3);
        Assert.Equal([advisorAddress, MemberAccount, OwnAddress], mails.Select(To).Order(StringComparer.Ordinal));
        var choicesLink = System.Text.RegularExpressions.Regex.Match(mails.Single(m => To(m) == advisorAddress).TextBody ?? "", @"https://raad\.test(/post/valg\?kode=\S+)");
        Assert.True(choicesLink.Success, "Ingen link til valg af e-mails.");

        // He turns off what he may; what the rules require stays on.
        using var reader = app.Anonymous();
        var choices = await reader.Open(choicesLink.Groups[1].Value);
        Assert.Contains(advisor, choices.Text("main"));
        foreach (var box in choices.Document.QuerySelectorAll("input[name='Wanted']").OfType<AngleSharp.Html.Dom.IHtmlInputElement>())
        {
            box.IsChecked = false;
        }
        var saved = await reader.SubmitForm(choices.FormWith(["Kode"]), []);
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Valgene ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        Assert.Empty((await reader.Open(choicesLink.Groups[1].Value)).Document.QuerySelectorAll("input[name='Wanted'][checked]"));
        Assert.Contains("Linket er ikke gyldigt", (await reader.Open("/post/valg?kode=forfalsket")).Text("[role=alert]"));

        // The next agenda is required by the rules: it reaches him all the same.
        var next = await MeetingWithMembers(secretariat, ProcedureTestBodies.Iso(app.Clock.Today.AddDays(14)), withAdvisor);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(next, "AgendaPublished")).Status);
        Assert.Contains(advisorAddress, (await app.WaitForMailAsync(AgendaOf(next), count: 3)).Select(To));

        // The meeting page tells the secretariat, per mail, to whom it went and that the mail server took it.
        await Until(async db => await AgendaRows(db, meeting), r => r.Count == 3 && r.All(m => m.SentAt is not null), "alle tre er sendt");
        var page = await secretariat.Open($"/moeder/{meeting}");
        var rows = page.Document.QuerySelectorAll(".raad-outbox tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        foreach (var address in new[] { advisorAddress, MemberAccount, OwnAddress })
        {
            Assert.Contains(rows, r => r.Contains(address, StringComparison.Ordinal) && r.Contains("Modtaget af mailserveren", StringComparison.Ordinal));
        }
        // Not for the public, nor for the members.
        Assert.Empty((await app.Anonymous().Open($"/moeder/{meeting}")).Document.QuerySelectorAll(".raad-outbox"));
    }

    [Fact]
    public async Task A_mail_server_that_is_down_loses_nothing_and_delays_nothing()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await MeetingWithMembers(secretariat, "2026-12-15");
        var sender = app.Services.GetRequiredService<OutboxSender>();
        await app.Mail.StopAsync();
        var before = NowMs();
        try
        {
            // The secretariat's request only writes the mails into the outbox: it succeeds while the server is down.
            var published = await secretariat.ChangeStatus(meeting, "AgendaPublished");
            Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");

            await sender.SendDueAsync(Ct);

            // The background sender tries too; wait until both mails have had their one failed attempt.
            var failed = await Until(async db => await AgendaRows(db, meeting), r => r.Count == 2 && r.All(m => m.Attempts > 0 && m.ClaimedUntilMs == 0),
                "begge dagsordensmails har haft et mislykket forsøg");
            var after = NowMs();
            Assert.All(failed, row =>
            {
                Assert.Null(row.SentAt);
                Assert.Equal(1, row.Attempts);
                Assert.False(string.IsNullOrWhiteSpace(row.LastError));
                Assert.InRange(row.NextAttemptAtMs, before + 30_000, after + 30_000);
            });
            // Not tried again before its time: the next pass finds nothing due.
            Assert.Equal(0, await sender.SendDueAsync(Ct));
            Assert.DoesNotContain(app.Mail.Received(), m => AgendaOf(meeting)(m));
        }
        finally
        {
            await app.Mail.StartAsync();
        }

        // The server is back. Rather than wait out the back-off, the test moves the next attempt to now.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var link = $"/moeder/{meeting}/dagsorden";
            await db.Outbox.Where(m => m.Kind == "agenda_published" && m.Body.Contains(link))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtMs, 0L), Ct);
        }

        var mails = await app.WaitForMailAsync(AgendaOf(meeting), count: 2);
        Assert.Equal([MemberAccount, OwnAddress], mails.Select(To).Order(StringComparer.Ordinal));
        var rows = await Until(async db => await AgendaRows(db, meeting), r => r.All(m => m.SentAt is not null),
            "begge dagsordensmails er markeret som sendt");
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
    }

    [Fact]
    public async Task Two_senders_at_once_send_each_mail_exactly_once()
    {
        const int count = 20;
        var tag = $"Samtidig {Guid.NewGuid():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < count; i++)
            {
                outbox.Add("concurrency_test", $"modtager{i}@region.test", $"{tag} nr. {i:00}", $"Besked nr. {i} – æøå ÆØÅ.");
            }
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(Ct);
        }
        var sender = app.Services.GetRequiredService<OutboxSender>();

        // Two passes at once, as two app instances on one database would run them (and the background loop besides).
        var passes = await Task.WhenAll(Task.Run(() => sender.SendDueAsync(Ct), Ct), Task.Run(() => sender.SendDueAsync(Ct), Ct));

        Assert.InRange(passes.Sum(), 0, count);
        await Until(async db => await db.Outbox.AsNoTracking().Where(m => m.Kind == "concurrency_test" && m.Subject.StartsWith(tag)).ToListAsync(Ct),
            r => r.Count == count && r.All(m => m.SentAt is not null), "alle e-mails er markeret som sendt");
        // Every mail is on the server once a row says it was sent, so the count is final now.
        var received = app.Mail.Received().Where(m => (m.Subject ?? "").StartsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            Enumerable.Range(0, count).Select(i => $"{tag} nr. {i:00}"),
            received.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Contains("æøå ÆØÅ", received[0].TextBody);
    }

    private static Func<MimeMessage, bool> AgendaOf(int meeting) =>
        m => (m.Subject ?? "").StartsWith("Dagsorden:", StringComparison.Ordinal)
            && (m.TextBody ?? "").Contains($"/moeder/{meeting}/dagsorden", StringComparison.Ordinal);

    private static string To(MimeMessage mail) => mail.To.Mailboxes.Single().Address;

    /// <summary>The app's now: the outbox schedules its next attempt by the app's clock, not the machine's.</summary>
    private long NowMs() => app.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static Task<List<OutboxMessage>> AgendaRows(AppDbContext db, int meeting)
    {
        var link = $"/moeder/{meeting}/dagsorden";
        return db.Outbox.AsNoTracking().Where(m => m.Kind == "agenda_published" && m.Body.Contains(link)).ToListAsync(Ct);
    }

    /// <summary>Reads the outbox again and again until the condition holds (the background sender works on its own time).</summary>
    private async Task<List<OutboxMessage>> Until(
        Func<AppDbContext, Task<List<OutboxMessage>>> read, Func<List<OutboxMessage>, bool> condition, string what)
    {
        // Real seconds of waiting, whatever the app's clock says.
        var until = TimeProvider.System.GetUtcNow().AddSeconds(15);
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var rows = await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            if (condition(rows))
            {
                return rows;
            }
            if (TimeProvider.System.GetUtcNow() > until)
            {
                Assert.Fail($"Efter 15 s gælder det stadig ikke, at {what}: "
                    + string.Join("; ", rows.Select(r => $"{r.To} sendt={r.SentAt?.ToString("O", CultureInfo.InvariantCulture) ?? "nej"} forsøg={r.Attempts} fejl={r.LastError}")));
            }
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>
    /// A meeting of the test body on the date with its agenda in draft; the body's members are the demo member (address of his account)
    /// and a member with an address of her own, both added through the forms, once.
    /// </summary>
    private static async Task<int> MeetingWithMembers(Visitor secretariat, string date, string bodyName = Body)
    {
        var body = await secretariat.EnsureBody(bodyName, "2026-01-01");
        var members = (await secretariat.Members(body)).Select(m => m.GetProperty("name").GetString()).ToList();
        if (!members.Contains(Member))
        {
            var form = await secretariat.Open($"/udvalg/{body}/medlemskaber/nyt");
            var person = form.Document.QuerySelectorAll("select[name='Input.PersonId'] option")
                .Single(o => o.TextContent.StartsWith(Member, StringComparison.Ordinal)).GetAttribute("value")!;
            var added = await secretariat.Submit(form, new()
            {
                ["Input.PersonId"] = person,
                ["Input.Role"] = "Member",
                ["Input.Group"] = "GeneralPractice",
                ["Input.From"] = "2026-01-01",
            });
            Assert.True(added.Status == HttpStatusCode.Redirect, $"{Member} ikke tilføjet ({(int)added.Status}): {added.Text("[role=alert]")}");
        }
        if (!members.Contains(OwnAddressMember))
        {
            var added = await secretariat.AddMembership(body, new()
            {
                ["Input.NewPersonName"] = OwnAddressMember,
                ["Input.NewPersonTitle"] = "regionsrådsmedlem",
                ["Input.NewPersonParty"] = "A",
                ["Input.Role"] = "Member",
                ["Input.Group"] = "Regional",
                ["Input.NewOrganisationName"] = "Region Testland",
                ["Input.NewOrganisationKind"] = "Region",
                ["Input.From"] = "2026-01-01",
            });
            Assert.True(added.Status == HttpStatusCode.Redirect, $"{OwnAddressMember} ikke tilføjet ({(int)added.Status}): {added.Text("[role=alert]")}");
            var membership = await secretariat.MembershipId(body, OwnAddressMember);
            var person = (await secretariat.Open($"/medlemskaber/{membership}/rediger")).Value("Input.PersonId");
            var saved = await secretariat.Submit(await secretariat.Open($"/personer/{person}/rediger"), new() { ["Email"] = OwnAddress });
            Assert.True(saved.Status == HttpStatusCode.Redirect, $"E-mail ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        }
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(date, "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(body, date);
        var draft = await secretariat.ChangeStatus(meeting, "AgendaDraft");
        Assert.True(draft.Status == HttpStatusCode.Redirect, $"Dagsordenen ikke påbegyndt ({(int)draft.Status}): {draft.Text("[role=alert]")}");
        return meeting;
    }
}

public sealed class MailOnSqlite(SqliteApp app) : MailScenarios(app), IClassFixture<SqliteApp>;

public sealed class MailOnPostgres(PostgresApp app) : MailScenarios(app), IClassFixture<PostgresApp>;
