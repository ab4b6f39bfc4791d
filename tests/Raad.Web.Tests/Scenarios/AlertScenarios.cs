using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Raad.Web.Data;
using Raad.Web.Features.Alerts;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// E-mail alerts for the public, on the real SMTP server: subscribe on the body page, confirm from the mail (double
/// opt-in), get one alert per published agenda with <c>List-Unsubscribe</c> and RFC 8058's one-click POST, and after
/// that POST nothing more. An address that never confirmed gets nothing; the form never tells whether an address is
/// subscribed and mails an address at most once per ten minutes.
/// </summary>
public abstract partial class AlertScenarios(RaadApp app)
{
    // A body of its own, so no other scenario's subscribers or meetings meet these.
    private const string Body = "Alarmudvalget (test)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Iso(DateOnly date) => ProcedureTestBodies.Iso(date);

    private static string To(MimeMessage mail) => mail.To.Mailboxes.Single().Address;

    [GeneratedRegex(@"https://raad\.test(/abonnement/bekraeft\?kode=\S+)")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"Afmeld: https://raad\.test(/abonnement/afmeld\?kode=\S+)")]
    private static partial Regex UnsubscribeLink();

    private static async Task<int> Meeting(Visitor secretariat, int body, DateOnly date, string item)
    {
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(Iso(date), "14:00", "16:00", "Hvidovre Rådhus"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(body, Iso(date));
        var added = await secretariat.AddItem(meeting, item, kind: "Decision");
        Assert.True(added.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)added.Status}): {added.Text("[role=alert]")}");
        return meeting;
    }

    private static async Task Publish(Visitor secretariat, int meeting)
    {
        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testmøde.");
        Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");
    }

    /// <summary>The body page's form, sent as a browser sends it: no antiforgery token (the body page carries none).</summary>
    private static async Task<string> Subscribe(Visitor visitor, int body, string email)
    {
        var page = await visitor.Open($"/udvalg/{body}");
        var form = Assert.Single(page.Document.QuerySelectorAll("form[data-testid='alerts-subscribe']"));
        Assert.Equal($"/udvalg/{body}/abonnement", form.GetAttribute("action"));
        Assert.Empty(form.QuerySelectorAll($"input[name='{HtmlPage.AntiforgeryField}']"));
        var answer = await visitor.PostWithToken($"/udvalg/{body}/abonnement", null, [new("Email", email)]);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Text("[data-testid='alerts-answer']");
    }

    private async Task<List<Raad.Web.Infrastructure.Mail.OutboxMessage>> Outbox(string to, string kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Outbox.AsNoTracking().Where(m => m.To == to && m.Kind == kind).OrderBy(m => m.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Subscribe_confirm_get_the_agenda_unsubscribe_with_one_click_and_get_no_more()
    {
        const string citizen = "borger.alarm@eksempel.test";
        const string other = "journalist.alarm@eksempel.test";
        const string unconfirmed = "ubekraeftet.alarm@eksempel.test";
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody(Body, "2026-01-01");
        // Minutes to approve later: a meeting held yesterday, its agenda out before anyone subscribed (so no alert for it).
        var held = await Meeting(secretariat, body, app.Clock.Today.AddDays(-1), "Godkendelse af budget");
        await Publish(secretariat, held);
        var marked = await secretariat.ChangeStatus(held, "Held");
        Assert.True(marked.Status == HttpStatusCode.Redirect, $"Ikke afholdt ({(int)marked.Status}): {marked.Text("[role=alert]")}");

        // The body page offers the form, the calendar and the feed, and no antiforgery cookie (so it stays kept by the public cache).
        using var reader = app.Anonymous();
        using (var bodyPage = await reader.Get($"/udvalg/{body}"))
        {
            var cookies = bodyPage.Headers.TryGetValues("Set-Cookie", out var c) ? string.Join("; ", c) : "";
            Assert.DoesNotContain("Antiforgery", cookies, StringComparison.Ordinal);
        }
        var follow = (await reader.Open($"/udvalg/{body}")).Document.QuerySelector("[data-testid='body-follow']")!;
        Assert.Contains(follow.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/api/bodies/{body}/calendar.ics");
        Assert.Contains(follow.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/api/bodies/{body}/feed.atom");

        // Subscribing mails a confirmation link and subscribes nothing yet.
        var answer = await Subscribe(reader, body, "  Borger.Alarm@Eksempel.test ");
        Assert.Contains("først tilmeldt, når du har åbnet linket", answer, StringComparison.Ordinal);
        Assert.Equal(answer, await Subscribe(reader, body, unconfirmed));
        Assert.Equal(answer, await Subscribe(reader, body, other));
        var confirmation = Assert.Single(await app.WaitForMailAsync(m => To(m) == citizen && m.Subject == $"Bekræft e-mails fra {Body}"));
        var link = ConfirmLink().Match(confirmation.TextBody ?? "");
        Assert.True(link.Success, $"Intet bekræftelseslink: {confirmation.TextBody}");

        // Opening the link (as a mail scanner does) confirms nothing; the button does.
        var confirmPage = await reader.Open(link.Groups[1].Value);
        Assert.Contains("no-store", confirmPage.Header("Cache-Control"), StringComparison.Ordinal);
        Assert.Contains(Body, confirmPage.Text("main"), StringComparison.Ordinal);
        var confirmed = await reader.SubmitForm(confirmPage.Document.QuerySelector("form[data-testid='alerts-confirm']") as AngleSharp.Html.Dom.IHtmlFormElement ?? throw new InvalidOperationException("Ingen bekræft-knap."), []);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Contains("Du er tilmeldt", confirmed.Text("[data-testid='alerts-confirmed']"), StringComparison.Ordinal);
        Assert.Contains("ikke gyldigt", (await reader.Open("/abonnement/bekraeft?kode=forfalsket")).Text("[role=alert]"), StringComparison.Ordinal);
        // The journalist confirms too; the third address never does.
        var otherMail = Assert.Single(await app.WaitForMailAsync(m => To(m) == other && m.Subject == $"Bekræft e-mails fra {Body}"));
        var otherPage = await reader.Open(ConfirmLink().Match(otherMail.TextBody ?? "").Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await reader.SubmitForm(otherPage.Document.QuerySelector("form[data-testid='alerts-confirm']") as AngleSharp.Html.Dom.IHtmlFormElement ?? throw new InvalidOperationException("Ingen bekræft-knap."), [])).Status);

        // Asked again at once, or once subscribed: the same answer, and no second mail.
        Assert.Equal(answer, await Subscribe(reader, body, citizen));
        Assert.Equal(answer, await Subscribe(reader, body, unconfirmed));
        Assert.Single(await Outbox(citizen, PublicAlerts.ConfirmKind));
        Assert.Single(await Outbox(unconfirmed, PublicAlerts.ConfirmKind));
        Assert.Contains("gyldig e-mailadresse", (await reader.PostWithToken($"/udvalg/{body}/abonnement", null, [new("Email", "ikke en adresse")])).Text("[role=alert]"), StringComparison.Ordinal);

        // An agenda goes out: one alert to each confirmed subscriber, with the link and the unsubscribe headers.
        var date = app.Clock.Today.AddDays(12);
        var meeting = await Meeting(secretariat, body, date, "Sag om alarmer");
        await Publish(secretariat, meeting);
        var alerts = await app.WaitForMailAsync(m => (m.Subject ?? "").StartsWith("Ny dagsorden:", StringComparison.Ordinal)
            && (m.TextBody ?? "").Contains($"/moeder/{meeting}/dagsorden", StringComparison.Ordinal), count: 2);
        Assert.Equal([citizen, other], alerts.Select(To).Order(StringComparer.Ordinal));
        var alert = alerts.Single(m => To(m) == citizen);
        Assert.Equal($"Ny dagsorden: {Body} {Raad.Domain.Common.DanishFormat.Date(date)}", alert.Subject);
        Assert.Contains($"Læs dagsordenen: {RaadApp.PublicUrl}/moeder/{meeting}/dagsorden", alert.TextBody, StringComparison.Ordinal);
        var unsubscribe = UnsubscribeLink().Match(alert.TextBody ?? "");
        Assert.True(unsubscribe.Success, $"Intet afmeldingslink: {alert.TextBody}");
        Assert.Equal($"<{RaadApp.PublicUrl}{unsubscribe.Groups[1].Value}>", alert.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", alert.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith("https://", RaadApp.PublicUrl, StringComparison.Ordinal);

        // Withdrawn for a correction and published again: not news a second time.
        var withdrawn = await secretariat.ChangeStatus(meeting, "AgendaDraft");
        Assert.True(withdrawn.Status == HttpStatusCode.Redirect, $"Ikke trukket tilbage ({(int)withdrawn.Status}): {withdrawn.Text("[role=alert]")}");
        await Publish(secretariat, meeting);
        Assert.Single(await Outbox(citizen, PublicAlerts.AgendaKind));

        // The unsubscribe link: GET only asks (mail scanners open links), the one-click POST unsubscribes, without a token.
        using var scanner = app.Anonymous();
        var asks = await scanner.Open(unsubscribe.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, asks.Status);
        Assert.Contains("no-store", asks.Header("Cache-Control"), StringComparison.Ordinal);
        Assert.NotNull(asks.Document.QuerySelector("form[data-testid='alerts-unsubscribe']"));
        using var mailProgram = app.Anonymous();
        var oneClick = await mailProgram.PostWithToken(unsubscribe.Groups[1].Value, null, [new("List-Unsubscribe", "One-Click")]);
        Assert.Equal(HttpStatusCode.OK, oneClick.Status);
        Assert.Contains("Du er afmeldt", oneClick.Text("[data-testid='alerts-unsubscribed']"), StringComparison.Ordinal);
        // Once more: still a success (RFC 8058), and the page now says the link unsubscribes nobody.
        Assert.Equal(HttpStatusCode.OK, (await mailProgram.PostWithToken(unsubscribe.Groups[1].Value, null, [new("List-Unsubscribe", "One-Click")])).Status);
        Assert.Contains("allerede afmeldt", (await scanner.Open(unsubscribe.Groups[1].Value)).Text("[role=alert]"), StringComparison.Ordinal);

        // The minutes are approved: the journalist hears of it, the unsubscribed and the unconfirmed address do not.
        var approval = await secretariat.Open($"/moeder/{held}/referat/godkendelse");
        var item = approval.Document.QuerySelectorAll("select[name='UnderItemId'] option")
            .First(o => o.TextContent.Contains("Godkendelse af budget", StringComparison.Ordinal)).GetAttribute("value");
        var fields = new Dictionary<string, string> { ["UnderItemId"] = $"{item}" };
        if (approval.Handler("Approve").Elements.Any(e => e.GetAttribute("name") == "QuorumReason"))
        {
            fields["QuorumReason"] = "Testudvalg uden medlemmer.";
        }
        var approved = await secretariat.SubmitForm(approval.Handler("Approve"), fields);
        if (approved.Status != HttpStatusCode.Redirect && approved.Document.QuerySelector("[name='QuorumReason']") is not null)
        {
            approved = await secretariat.SubmitForm(approved.Handler("Approve"), new() { ["UnderItemId"] = $"{item}", ["QuorumReason"] = "Testudvalg uden medlemmer." });
        }
        Assert.True(approved.Status == HttpStatusCode.Redirect, $"Ikke godkendt ({(int)approved.Status}): {approved.Text("[role=alert]")}");
        var minutes = Assert.Single(await app.WaitForMailAsync(m => To(m) == other && (m.Subject ?? "").StartsWith("Godkendt referat:", StringComparison.Ordinal)));
        Assert.Contains($"Læs referatet: {RaadApp.PublicUrl}/moeder/{held}/referat", minutes.TextBody, StringComparison.Ordinal);
        Assert.Empty(await Outbox(citizen, PublicAlerts.MinutesKind));
        Assert.DoesNotContain(app.Mail.Received(), m => To(m) == citizen && (m.Subject ?? "").StartsWith("Godkendt referat:", StringComparison.Ordinal));
        // The unconfirmed address got its confirmation mail and nothing else.
        Assert.DoesNotContain(app.Mail.Received(), m => To(m) == unconfirmed && m.Subject != $"Bekræft e-mails fra {Body}");
        Assert.Empty(await Outbox(unconfirmed, PublicAlerts.AgendaKind));
        Assert.Empty(await Outbox(unconfirmed, PublicAlerts.MinutesKind));

        // What is stored: the journalist's and the unconfirmed address, hashed tokens, and nothing of the unsubscribed one.
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AlertSubscriptions.AsNoTracking().Where(s => s.BodyId == body).ToListAsync(Ct);
        Assert.Equal([other, unconfirmed], rows.Select(r => r.Email).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(r.ConfirmTokenHash, confirmation.TextBody ?? "", StringComparison.Ordinal));
        Assert.Null(rows.Single(r => r.Email == unconfirmed).ConfirmedAtMs);
    }
}

public sealed class AlertsOnSqlite(SqliteApp app) : AlertScenarios(app), IClassFixture<SqliteApp>;

public sealed class AlertsOnPostgres(PostgresApp app) : AlertScenarios(app), IClassFixture<PostgresApp>;
