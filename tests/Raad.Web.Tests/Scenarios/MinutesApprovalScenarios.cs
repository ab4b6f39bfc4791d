using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Features.Alerts;
using Raad.Web.Tests.Infrastructure;
using static Raad.Web.Tests.Scenarios.ProcedureTestBodies;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// § 3, stk. 5: the minutes go to the members, a member objects within the window, the secretariat answers with a
/// revised version (shown as changes against the first), the window passes in silence and the minutes are approved;
/// after that only a recorded correction is possible.
/// </summary>
public abstract class MinutesApprovalScenarios(RaadApp app) : IDisposable
{
    private const string Item = "Fælles akutberedskab";

    public void Dispose()
    {
        app.Clock.BackToToday();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Member_objects_the_secretariat_revises_and_silence_approves_the_revised_minutes()
    {
        var body = await BodyWithRulesAndMember(app, "Godkendelsesudvalget (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, item) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(-3), Item);
        await PublishAndHold(secretariat, meeting);
        await Decide(secretariat, meeting, item, "Udvalget godkendte planen for akutberedskabet.");

        var approval = await secretariat.Open($"/moeder/{meeting}/referat/godkendelse");
        var circulated = await secretariat.SubmitForm(approval.Handler("Circulate"), []);

        Assert.Equal(HttpStatusCode.Redirect, circulated.Status);
        var windowEnds = app.Clock.Today.AddDays(8);
        Assert.Contains($"Udgave 1, udsendt {DanishFormat.Date(app.Clock.Today)}, frist for indsigelser {DanishFormat.Date(windowEnds)}",
            Squeeze((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Text("main")));
        var mail = Assert.Single(await Outbox(app, "minutes_circulated"), m => m.Subject.Contains("Godkendelsesudvalget", StringComparison.Ordinal));
        Assert.Equal(MemberEmail, mail.To);
        Assert.Contains($"/moeder/{meeting}/referat/udgaver/1", mail.Body);
        var received = Assert.Single(await app.WaitForMailAsync(m => m.Subject == mail.Subject));
        Assert.Equal(MemberEmail, received.To.Mailboxes.Single().Address);
        Assert.Contains($"{RaadApp.PublicUrl}/moeder/{meeting}/referat/udgaver/1", received.TextBody);

        // The member objects in the app; an empty objection is refused with a message.
        using var member = await app.SignInAs(Role.Member);
        var memberPage = await member.Open($"/moeder/{meeting}/referat/godkendelse");
        var empty = await member.SubmitForm(memberPage.Handler("Object"), new() { ["Text"] = " " });
        Assert.Contains("Skriv, hvad du gør indsigelse mod, og hvordan det bør stå.", empty.Text("[role=alert]"));
        var objected = await member.SubmitForm(memberPage.Handler("Object"),
            new() { ["Text"] = "Udvalget godkendte planen med det forbehold, at regionen finansierer den første fase." });
        Assert.Equal(HttpStatusCode.Redirect, objected.Status);

        // With an objection standing the minutes cannot be approved.
        var refused = await secretariat.SubmitForm((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Handler("Approve"), []);
        Assert.Contains("Der er 1 indsigelse mod udgave 1.", refused.Text("[role=alert]"));
        var findings = await secretariat.GetJson($"/api/meetings/{meeting}/compliance");
        Assert.Contains(findings.EnumerateArray(), f => f.GetProperty("code").GetString() == "procedure.minutes_objections");

        // The secretariat revises: back to draft, corrects the decision, and sends version 2 saying what changed.
        var revise = await secretariat.SubmitForm((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Handler("Revise"), []);
        Assert.Equal(HttpStatusCode.Redirect, revise.Status);
        await Decide(secretariat, meeting, item, "Udvalget godkendte planen for akutberedskabet, forudsat at regionen finansierer den første fase.");
        var withoutNote = await secretariat.SubmitForm((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Handler("Circulate"), []);
        Assert.Contains("Skriv, hvad der er rettet i den reviderede udgave", withoutNote.Text("[role=alert]"));
        var revised = await secretariat.SubmitForm((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Handler("Circulate"),
            new() { ["ChangeNote"] = "Forbeholdet om finansiering er skrevet ind efter indsigelse." });
        Assert.Equal(HttpStatusCode.Redirect, revised.Status);
        Assert.Single(await Outbox(app, "minutes_revised"), m => m.To == MemberEmail && m.Subject.StartsWith("Revideret referat (udgave 2)", StringComparison.Ordinal));
        var revisedMail = Assert.Single(await app.WaitForMailAsync(m => m.Subject?.StartsWith("Revideret referat (udgave 2): Godkendelsesudvalget", StringComparison.Ordinal) == true));
        Assert.Contains("Rettet: Forbeholdet om finansiering er skrevet ind efter indsigelse.", revisedMail.TextBody);

        // Version 2 shows what changed against version 1; version 1 stays readable as it was sent.
        var second = await member.Open($"/moeder/{meeting}/referat/udgaver/2");
        Assert.Equal("Udvalget godkendte planen for akutberedskabet.", second.Text(".raad-diff del").Replace("Fjernet: ", "", StringComparison.Ordinal));
        Assert.Equal("Udvalget godkendte planen for akutberedskabet, forudsat at regionen finansierer den første fase.",
            second.Text(".raad-diff ins").Replace("Tilføjet: ", "", StringComparison.Ordinal));
        Assert.Contains("Forbeholdet om finansiering er skrevet ind efter indsigelse.", second.Text("main"));
        var first = await member.Open($"/moeder/{meeting}/referat/udgaver/1");
        Assert.Contains("Udvalget godkendte planen for akutberedskabet.", first.Text(".raad-document"));
        Assert.DoesNotContain("forudsat", first.Text(".raad-document"));

        // A citizen follows the body (confirmed earlier; the opt-in itself is AlertScenarios').
        const string follower = "foelger.tavshed@eksempel.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = app.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            db.AlertSubscriptions.Add(new AlertSubscription { BodyId = body, Email = follower, ConfirmTokenHash = "brugt", CreatedAtMs = now, ConfirmedAtMs = now, LastMailAtMs = now });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // The window of version 2 runs from today: on its last day nothing happens, the day after silence approves.
        app.Clock.Travel(TimeSpan.FromDays(8));
        await RunProcedureClock(app);
        Assert.Equal("minutesCirculated", (await member.GetJson($"/api/meetings/{meeting}")).GetProperty("status").GetString());
        app.Clock.Travel(TimeSpan.FromDays(1));
        await RunProcedureClock(app);

        using var later = await app.SignInAs(Role.Secretariat);
        var api = await later.GetJson($"/api/meetings/{meeting}");
        Assert.Equal("minutesApproved", api.GetProperty("status").GetString());
        using var citizen = app.Anonymous();
        var minutes = await citizen.Open($"/moeder/{meeting}/referat");
        Assert.Contains($"Godkendt uden indsigelser; fristen for indsigelser mod udgave 2 udløb {DanishFormat.Date(windowEnds)}.", minutes.Text("main"));
        Assert.Contains("forudsat at regionen finansierer den første fase", minutes.Text("main"));
        // Approved by silence, the minutes are news for the body's followers, as when the secretariat approves them.
        var alert = Assert.Single(await app.WaitForMailAsync(m => m.To.Mailboxes.Single().Address == follower));
        Assert.Equal("Godkendt referat: Godkendelsesudvalget (test) " + DanishFormat.Date(app.Clock.Today.AddDays(-12)), alert.Subject);
        Assert.Contains($"Læs referatet: {RaadApp.PublicUrl}/moeder/{meeting}/referat", alert.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", alert.Headers["List-Unsubscribe-Post"]);

        // Approved minutes are not edited; a correction is recorded and printed after them.
        var editorBefore = await later.Open($"/moeder/{meeting}/referat/rediger");
        Assert.Equal(HttpStatusCode.Redirect, editorBefore.Status);
        var correction = await later.SubmitForm((await later.Open($"/moeder/{meeting}/referat/godkendelse")).Handler("Correct"),
            new() { ["Text"] = "I punkt 1 skal \"første fase\" læses som \"første og anden fase\"." });
        Assert.Equal(HttpStatusCode.Redirect, correction.Status);
        var corrected = await citizen.Open($"/moeder/{meeting}/referat");
        Assert.Contains("I punkt 1 skal \"første fase\" læses som \"første og anden fase\".", corrected.Text("#corrections-heading + p"));
        Assert.Contains("forudsat at regionen finansierer den første fase.", corrected.Text("main"));
    }

    [Fact]
    public async Task Minutes_approved_at_the_meeting_keep_the_approved_text_as_a_version()
    {
        var body = await BodyWithRulesAndMember(app, "Mødegodkendelsesudvalget (test)", new() { ["Input.MinutesApproval"] = "AtMeeting" });
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, item) = await MeetingWithItem(secretariat, body, app.Clock.Today, Item);
        await PublishAndHold(secretariat, meeting);
        await Decide(secretariat, meeting, item, "Godkendt.");

        // Read out at the end of the meeting and approved under its own item.
        var approved = await secretariat.SubmitForm((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Handler("Approve"),
            new() { ["UnderItemId"] = $"{item}" });

        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        var page = await secretariat.Open($"/moeder/{meeting}/referat/godkendelse");
        var number = ItemNumber(await secretariat.GetJson($"/api/meetings/{meeting}"), Item);
        var status = Squeeze(page.Text("main"));
        Assert.True(status.Contains($"Referat godkendt – Godkendt af udvalget ved mødets afslutning {DanishFormat.Date(app.Clock.Today)}, under punkt {number}.", StringComparison.Ordinal), status);
        var version = await secretariat.Open($"/moeder/{meeting}/referat/udgaver/1");
        Assert.Contains("Godkendt.", version.Text(".raad-document"));
    }

    [Fact]
    public async Task Only_the_bodys_members_and_the_secretariat_read_the_versions_and_only_members_object()
    {
        var body = await BodyWithRulesAndMember(app, "Adgangsudvalget for referater (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, item) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(-1), Item);
        await PublishAndHold(secretariat, meeting);
        await Decide(secretariat, meeting, item, "Godkendt.");
        await secretariat.SubmitForm((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Handler("Circulate"), []);
        using var citizen = app.Anonymous();

        Assert.Equal("/konto/log-ind", (await citizen.Open($"/moeder/{meeting}/referat/udgaver/1")).RedirectTo?.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Open($"/moeder/{meeting}/referat")).Status);
        // The secretariat may read, but has no seat to object from.
        Assert.Null((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Document.QuerySelector("form[action*='handler=Object']"));
    }

    [Fact]
    public async Task Approve_now_is_refused_while_the_window_is_open_unless_a_meeting_approved_them_and_the_minutes_say_how_and_when()
    {
        var body = await BodyWithRulesAndMember(app, "Godkendelsesmådeudvalget (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, item) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(-12), Item);
        await PublishAndHold(secretariat, meeting);
        await Decide(secretariat, meeting, item, "Udvalget godkendte planen for akutberedskabet.");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.SubmitForm((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Handler("Circulate"), [])).Status);
        // Today the committee meets again and approves the minutes under item 2, "Godkendelse af referat".
        var (next, _) = await MeetingWithItem(secretariat, body, app.Clock.Today, "Orientering om akutberedskabet");
        await secretariat.AddItem(next, "Godkendelse af referat", kind: "Decision");
        var approvalItem = await secretariat.ItemId(next, "Godkendelse af referat");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(next, "AgendaPublished", "Testmøde med kort varsel.")).Status);

        // One path: the meeting page links to the approval page and offers no approval of its own.
        var meetingPage = await secretariat.Open($"/moeder/{meeting}");
        Assert.Empty(meetingPage.Document.QuerySelectorAll("input[name='target'][value='MinutesApproved']"));
        Assert.Equal("Godkend referat", meetingPage.Document.QuerySelector($"a[href='/moeder/{meeting}/referat/godkendelse#godkend']")?.TextContent.Trim());
        var bypass = await secretariat.SubmitForm(meetingPage.FormWithValue("target", "MinutesDraft"), new() { ["target"] = "MinutesApproved" });
        Assert.Contains("Referatet godkendes under \"Godkendelse af referat\"", bypass.Text("[role=alert]"));

        // While the window is open, "approve now" without a meeting is refused, and says until when and what to do.
        var approval = await secretariat.Open($"/moeder/{meeting}/referat/godkendelse");
        var refused = await secretariat.SubmitForm(approval.Handler("Approve"), []);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"Fristen for indsigelser mod udgave 1 løber til og med {DanishFormat.Date(app.Clock.Today.AddDays(8))}", refused.Text("[role=alert]"));
        Assert.Equal("minutesCirculated", (await secretariat.GetJson($"/api/meetings/{meeting}")).GetProperty("status").GetString());

        // Recorded with the meeting and item where the committee approved them, they are approved, and print how and when.
        var accepted = await secretariat.SubmitForm(approval.Handler("Approve"), new() { ["UnderItemId"] = $"{approvalItem}" });
        Assert.True(accepted.Status == HttpStatusCode.Redirect, $"Ikke godkendt ({(int)accepted.Status}): {accepted.Text("[role=alert]")}");
        Assert.Equal("minutesApproved", (await secretariat.GetJson($"/api/meetings/{meeting}")).GetProperty("status").GetString());
        var number = ItemNumber(await secretariat.GetJson($"/api/meetings/{next}"), "Godkendelse af referat");
        var line = $"Referatet er godkendt. Godkendt af udvalget på mødet {DanishFormat.Date(app.Clock.Today)}, under punkt {number}.";
        using var citizen = app.Anonymous();
        var web = Squeeze((await citizen.Open($"/moeder/{meeting}/referat")).Text("main"));
        Assert.True(web.Contains(line, StringComparison.Ordinal), web);
        var word = DocxText(await Download(citizen, $"/api/meetings/{meeting}/minutes.docx"));
        Assert.True(word.Contains(line, StringComparison.Ordinal), word);
        var pdf = PdfText(await Download(citizen, $"/api/meetings/{meeting}/minutes.pdf"));
        Assert.True(pdf.Contains(line, StringComparison.Ordinal), pdf);
    }

    private static int ItemNumber(System.Text.Json.JsonElement meeting, string title) =>
        meeting.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString()!.Contains(title, StringComparison.Ordinal))
            .GetProperty("number").GetInt32();

    private static async Task<byte[]> Download(Visitor visitor, string url)
    {
        var (status, _, content) = await visitor.Download(url);
        Assert.True(status == HttpStatusCode.OK, $"{url} gav {(int)status}");
        return content;
    }

    private static string DocxText(byte[] file)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(file), false);
        return Squeeze(string.Join(" ", document.MainDocumentPart!.Document!.Body!
            .Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText)));
    }

    private static string PdfText(byte[] file)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(file);
        return Squeeze(string.Join(" ", document.GetPages()
            .Select(page => UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(page))));
    }

    private static async Task Decide(Visitor secretariat, int meeting, int item, string text)
    {
        var result = await secretariat.Decide(meeting, item, "", text);
        Assert.True(result.Status == HttpStatusCode.Redirect, $"Beslutningen ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
    }

    private static string Squeeze(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}

public sealed class MinutesApprovalOnSqlite(SqliteApp app) : MinutesApprovalScenarios(app), IClassFixture<SqliteApp>;

public sealed class MinutesApprovalOnPostgres(PostgresApp app) : MinutesApprovalScenarios(app), IClassFixture<PostgresApp>;
