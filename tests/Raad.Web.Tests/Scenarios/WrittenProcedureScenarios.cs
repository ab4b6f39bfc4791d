using System.Globalization;
using System.Net;
using Raad.Domain.Common;
using Raad.Web.Tests.Infrastructure;
using static Raad.Web.Tests.Scenarios.ProcedureTestBodies;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Skriftlig proces: the secretariat puts a case to the members in writing; one objection sends it to the next
/// meeting's agenda, silence until the deadline decides it, and the decision is reported in the next minutes.
/// </summary>
public abstract class WrittenProcedureScenarios(RaadApp app) : IDisposable
{
    private const string Recommendation = "at udvalget godkender fordelingen af puljen til sundhedsfremme";

    public void Dispose()
    {
        app.Clock.BackToToday();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Without_objection_the_deadline_decides_and_the_next_minutes_report_it_under_meddelelser()
    {
        var body = await BodyWithRulesAndMember(app, "Skriftligt udvalg uden indsigelse (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var today = app.Clock.Today;
        var (meeting, _) = await MeetingWithItem(secretariat, body, today.AddDays(10), "Status på puljen");
        var caseId = await NewCase(secretariat, body, "Pulje til sundhedsfremme 2027");

        var procedure = await Start(secretariat, caseId, today.AddDays(5));

        var started = Assert.Single(await Outbox(app, "written_procedure_started"), m => m.Body.Contains($"/skriftlig-proces/{procedure}", StringComparison.Ordinal));
        Assert.Equal(MemberEmail, started.To);
        Assert.Contains($"senest {DanishFormat.Date(today.AddDays(5))}", started.Body);
        var received = Assert.Single(await app.WaitForMailAsync(m => m.Subject == started.Subject));
        Assert.Contains($"{RaadApp.PublicUrl}/skriftlig-proces/{procedure}", received.TextBody);
        using (var member = await app.SignInAs(Role.Member))
        {
            var page = await member.Open($"/skriftlig-proces/{procedure}");
            Assert.Contains(Recommendation, page.Text("main"));
            var agreed = await member.SubmitForm(page.Handler("Answer"), new() { ["Kind"] = "Agree" });
            Assert.Equal(HttpStatusCode.Redirect, agreed.Status);
        }

        // On the deadline itself the procedure is still open; the day after, silence has decided it.
        using var citizen = app.Anonymous();
        var decision = $"Indstillingen blev godkendt ved skriftlig proces med frist {DanishFormat.Date(today.AddDays(5))}: {Recommendation}";
        app.Clock.Travel(TimeSpan.FromDays(5));
        await RunProcedureClock(app);
        Assert.DoesNotContain(decision, (await citizen.Open($"/sager/{caseId}")).Text("main"));
        app.Clock.Travel(TimeSpan.FromDays(1));
        await RunProcedureClock(app);
        Assert.Contains(decision, (await citizen.Open($"/sager/{caseId}")).Text("main"));

        // The next meeting is held; its minutes report the decision under "Meddelelser".
        app.Clock.Travel(TimeSpan.FromDays(4));
        using var later = await app.SignInAs(Role.Secretariat);
        await PublishAndHold(later, meeting);
        var minutes = await later.Open($"/moeder/{meeting}/referat");
        Assert.Contains(decision, minutes.Text("section[aria-labelledby='announcements-heading']"));
    }

    [Fact]
    public async Task One_objection_sends_the_case_to_the_next_meetings_agenda_draft()
    {
        var body = await BodyWithRulesAndMember(app, "Skriftligt udvalg med indsigelse (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var today = app.Clock.Today;
        var (meeting, _) = await MeetingWithItem(secretariat, body, today.AddDays(20), "Velkomst");
        var caseId = await NewCase(secretariat, body, "Fælles rehabiliteringsforløb");
        var procedure = await Start(secretariat, caseId, today.AddDays(5));

        // Two days before the deadline the members who have not answered are reminded, once.
        app.Clock.Travel(TimeSpan.FromDays(3));
        await RunProcedureClock(app);
        await RunProcedureClock(app);
        var reminder = Assert.Single(await Outbox(app, "written_procedure_reminder"), m => m.Body.Contains($"/skriftlig-proces/{procedure}", StringComparison.Ordinal));
        Assert.Equal(MemberEmail, reminder.To);
        Assert.Single(await app.WaitForMailAsync(m => m.Subject == reminder.Subject));

        using var member = await app.SignInAs(Role.Member);
        var page = await member.Open($"/skriftlig-proces/{procedure}");
        var withoutReason = await member.SubmitForm(page.Handler("Answer"), new() { ["Kind"] = "Object", ["Comment"] = "" });
        Assert.Contains("Skriv begrundelsen for indsigelsen; den følger sagen til mødet.", withoutReason.Text("[role=alert]"));
        var objected = await member.SubmitForm(page.Handler("Answer"),
            new() { ["Kind"] = "Object", ["Comment"] = "Almen praksis er ikke inddraget; sagen bør drøftes på et møde." });
        Assert.Equal(HttpStatusCode.Redirect, objected.Status);

        var after = await member.Open($"/skriftlig-proces/{procedure}");
        Assert.Contains("Skal behandles på et møde", after.Text("main"));
        Assert.Contains("Almen praksis er ikke inddraget", after.Text("table"));
        Assert.Contains("Fælles rehabiliteringsforløb", await secretariat.ItemTitles(meeting));
        var item = (await secretariat.GetJson($"/api/meetings/{meeting}")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == "Fælles rehabiliteringsforløb");
        Assert.Equal([Recommendation], item.GetProperty("recommendation").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("Skal behandles på et møde", (await secretariat.Open($"/sager/{caseId}")).Text("main"));

        // Past the deadline nothing is decided: the case belongs to the meeting now.
        app.Clock.Travel(TimeSpan.FromDays(3));
        await RunProcedureClock(app);
        var still = await secretariat.Open($"/skriftlig-proces/{procedure}");
        Assert.Contains("Skal behandles på et møde", still.Text("dl"));
        Assert.DoesNotContain("Indstillingen blev godkendt", still.Text("main"));
        var closed = await member.SubmitForm(page.Handler("Answer"), new() { ["Kind"] = "Agree" });
        Assert.Contains("Den skriftlige proces er afsluttet", closed.Text("[role=alert]"));
    }

    [Fact]
    public async Task Only_the_secretariat_starts_and_only_the_bodys_members_read_and_answer()
    {
        var body = await BodyWithRulesAndMember(app, "Skriftligt udvalg for adgang (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var caseId = await NewCase(secretariat, body, "Adgangssagen");
        var procedure = await Start(secretariat, caseId, app.Clock.Today.AddDays(3));
        using var member = await app.SignInAs(Role.Member);
        using var citizen = app.Anonymous();

        Assert.Equal("/konto/adgang-naegtet", (await member.Open($"/sager/{caseId}/skriftlig-proces/ny")).RedirectTo?.AbsolutePath);
        Assert.Equal("/konto/log-ind", (await citizen.Open($"/skriftlig-proces/{procedure}")).RedirectTo?.AbsolutePath);
        var page = await secretariat.Open($"/skriftlig-proces/{procedure}");
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Answer']"));
        var past = await secretariat.Submit(await secretariat.Open($"/sager/{caseId}/skriftlig-proces/ny"), new()
        {
            ["Input.Recommendation"] = Recommendation,
            ["Input.Deadline"] = Iso(app.Clock.Today),
        });
        Assert.Contains("Fristen skal ligge efter i dag.", past.Text("[role=alert]"));
    }

    private static async Task<int> NewCase(Visitor secretariat, int body, string title)
    {
        var created = await secretariat.Submit(await secretariat.Open("/sager/ny"), new() { ["Input.Title"] = title, ["Input.BodyId"] = $"{body}" });
        Assert.True(created.Status == HttpStatusCode.Redirect, $"Sagen ikke oprettet ({(int)created.Status}): {created.Text("[role=alert]")}");
        return int.Parse(created.RedirectTo!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static async Task<int> Start(Visitor secretariat, int caseId, DateOnly deadline)
    {
        var started = await secretariat.Submit(await secretariat.Open($"/sager/{caseId}/skriftlig-proces/ny"), new()
        {
            ["Input.Recommendation"] = Recommendation,
            ["Input.Deadline"] = Iso(deadline),
        });
        Assert.True(started.Status == HttpStatusCode.Redirect, $"Skriftlig proces ikke startet ({(int)started.Status}): {started.Text("[role=alert]")}");
        return int.Parse(started.RedirectTo!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }
}

public sealed class WrittenProcedureOnSqlite(SqliteApp app) : WrittenProcedureScenarios(app), IClassFixture<SqliteApp>;

public sealed class WrittenProcedureOnPostgres(PostgresApp app) : WrittenProcedureScenarios(app), IClassFixture<PostgresApp>;
