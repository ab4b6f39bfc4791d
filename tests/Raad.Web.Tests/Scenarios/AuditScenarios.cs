using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Features.Account;
using Raad.Web.Features.Demo;
using Raad.Web.Infrastructure.Audit;
using Raad.Web.Tests.Infrastructure;
using static Raad.Web.Tests.Scenarios.ProcedureTestBodies;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The audit log (issue 14, point 6): each act through the real pages writes an entry with who, how he signed in, what,
/// on which entity, the values before and after, and when; the administrator's page filters it.
/// </summary>
public abstract class AuditScenarios(RaadApp app) : IDisposable
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    public void Dispose()
    {
        app.Clock.BackToToday();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Creating_changing_and_deleting_an_item_are_recorded_with_the_secretary_and_the_values_before_and_after()
    {
        var body = await BodyWithRulesAndMember(app, "Revisionsudvalget for punkter (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var secretary = await Account(Role.Secretariat);
        var date = app.Clock.Today.AddDays(69);
        var (meeting, item) = await MeetingWithItem(secretariat, body, date, "Punkt til revision");

        var form = await secretariat.Open($"/punkter/{item}/rediger");
        var saved = await secretariat.Submit(form, new() { ["Input.Title"] = "Punkt til revision, rettet" });
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Text("[role=alert]"));
        var pdf = System.Text.Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
            + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
        var attached = await secretariat.SubmitFile(await secretariat.Open($"/punkter/{item}/rediger"), new() { ["AttachmentTitle"] = "Notat" },
            "File", "notat.pdf", pdf, "application/pdf");
        Assert.True(attached.Status == HttpStatusCode.Redirect, attached.Text("[role=alert]"));
        var unattached = await secretariat.Press(await secretariat.Open($"/punkter/{item}/rediger"), "Fjern bilaget \"Notat\"", []);
        Assert.True(unattached.Status == HttpStatusCode.Redirect, unattached.Text("[role=alert]"));
        var question = await secretariat.Open($"/punkter/{item}/fjern");
        var removed = await secretariat.SubmitForm(question.FormPostingTo($"/punkter/{item}/fjern"), []);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);

        var created = await Single("Meeting", meeting, AuditAct.Created);
        Assert.Equal(secretary.Id, created.ActorId);
        Assert.Equal(secretary.Name, created.ActorName);
        Assert.Equal("adgangskode", created.SignIn);
        Assert.Contains($"\"Date\":\"{Iso(date)}\"", created.After, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, created.At.UtcDateTime, TimeSpan.FromMinutes(1));
        var added = await Single("AgendaItem", item, AuditAct.Created);
        Assert.Equal("Punkt til revision", added.Label);
        var changed = await Single("AgendaItem", item, AuditAct.Changed, e => e.Before != null && e.Before.Contains("\"Title\"", StringComparison.Ordinal));
        Assert.Equal("{\"Title\":\"Punkt til revision\"}", changed.Before);
        Assert.Equal("{\"Title\":\"Punkt til revision, rettet\"}", changed.After);
        Assert.Equal($"POST /punkter/{item}/rediger", changed.Origin);
        var file = Assert.Single(await Entries(q => q.Where(e => e.EntityType == "Attachment" && e.Label == "Notat")), e => e.Act == AuditAct.Created);
        Assert.DoesNotContain("\"Content\":", file.After, StringComparison.Ordinal);
        Assert.Contains("\"FileName\":\"notat.pdf\"", file.After, StringComparison.Ordinal);
        var fileRemoved = await Single("Attachment", file.EntityId, AuditAct.Deleted);
        Assert.Equal($"{{\"AgendaItemId\":{item},\"Title\":\"Notat\",\"FileName\":\"notat.pdf\"}}", fileRemoved.Before);
        Assert.Equal(secretary.Id, fileRemoved.ActorId);
        var deleted = await Single("AgendaItem", item, AuditAct.Deleted);
        Assert.Equal("Punkt til revision, rettet", deleted.Label);
        Assert.Null(deleted.After);
        Assert.Contains("\"Title\":\"Punkt til revision, rettet\"", deleted.Before, StringComparison.Ordinal);
        Assert.Equal(secretary.Id, deleted.ActorId);
    }

    [Fact]
    public async Task Publishing_an_agenda_and_approving_minutes_are_recorded_as_published_and_approved()
    {
        var body = await BodyWithRulesAndMember(app, "Revisionsudvalget for referater (test)", new() { ["Input.MinutesApproval"] = "AtMeeting" });
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, item) = await MeetingWithItem(secretariat, body, app.Clock.Today, "Punkt til godkendelse");

        await PublishAndHold(secretariat, meeting);
        var decided = await secretariat.Decide(meeting, item, "", "Godkendt.");
        Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        var approved = await secretariat.SubmitForm((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Handler("Approve"),
            new() { ["UnderItemId"] = $"{item}" });
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);

        var published = await Single("Meeting", meeting, AuditAct.Published);
        Assert.Contains("\"Status\":\"AgendaDraft\"", published.Before, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"AgendaPublished\"", published.After, StringComparison.Ordinal);
        var approval = await Single("Meeting", meeting, AuditAct.Approved);
        Assert.Contains("\"Status\":\"MinutesApproved\"", approval.After, StringComparison.Ordinal);
        Assert.Equal((await Account(Role.Secretariat)).Id, approval.ActorId);
        Assert.Equal("POST /moeder/" + meeting + "/referat/godkendelse?handler=Approve", approval.Origin);
    }

    [Fact]
    public async Task Minutes_approved_by_silence_are_recorded_as_the_systems_act()
    {
        var body = await BodyWithRulesAndMember(app, "Revisionsudvalget for tavshed (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, item) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(-3), "Punkt godkendt ved tavshed");
        await PublishAndHold(secretariat, meeting);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.Decide(meeting, item, "", "Taget til efterretning.")).Status);
        var circulated = await secretariat.SubmitForm((await secretariat.Open($"/moeder/{meeting}/referat/godkendelse")).Handler("Circulate"), []);
        Assert.Equal(HttpStatusCode.Redirect, circulated.Status);

        app.Clock.Travel(TimeSpan.FromDays(9));
        await RunProcedureClock(app);

        var approval = await Single("Meeting", meeting, AuditAct.Approved);
        Assert.Null(approval.ActorId);
        Assert.Equal("system", approval.ActorName);
        Assert.Equal("system", approval.SignIn);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, approval.At.UtcDateTime, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_grant_is_recorded_as_granted()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var form = await secretariat.Open($"/udvalg/{syd}/bevillinger/ny");
        var granted = await secretariat.Submit(form, new()
        {
            ["Input.ProjectId"] = EconomyScenarios.Option(form, "Input_ProjectId", "Følgeforskning ifm. Den gode overgang"),
            ["Input.PoolId"] = EconomyScenarios.Option(form, "Input_PoolId", "Klyngemidler 2024"),
            ["Input.Kind"] = "Increase",
            ["Input.Amount"] = "12.345",
            ["Input.DecidedByItemId"] = EconomyScenarios.Option(form, "Input_DecidedByItemId", "18. marts 2024, punkt 1:"),
            ["Input.Date"] = "2025-12-01",
        });
        Assert.True(granted.Status == HttpStatusCode.Redirect, granted.Text("main"));

        var grant = Assert.Single(await Entries(q => q.Where(e => e.EntityType == "Grant" && e.Act == AuditAct.Granted && e.After!.Contains("12345"))));
        Assert.Equal((await Account(Role.Secretariat)).Id, grant.ActorId);
        Assert.Contains("\"Kind\":\"Increase\"", grant.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_account_its_role_and_a_new_password_are_recorded_without_the_password_its_hash_or_security_stamp()
    {
        const string email = "revision-ny@example.dk";
        const string password = "en-meget-hemmelig-adgangskode";
        var created = await CreateAccount.RunAsync(app.Services, email, "administrator", password);
        Assert.True(created.IsSuccess, string.Join(" ", created.Errors.Select(e => e.Message)));
        var id = await UserId(email);

        var account = await Single("AppUser", id, AuditAct.Created);
        Assert.Contains(email, account.After, StringComparison.Ordinal);
        var role = await Single("AppUser", id, AuditAct.RoleChanged);
        Assert.Equal("{\"Rolle\":\"Administrator\"}", role.After);
        Assert.Equal(email, role.Label);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Raad.Web.Infrastructure.AppUser>>();
            var changed = await users.ChangePasswordAsync((await users.FindByEmailAsync(email))!, password, "en-anden-hemmelig-adgangskode");
            Assert.True(changed.Succeeded);
        }
        var newPassword = await Single("AppUser", id, AuditAct.Changed, e => e.After != null && e.After.Contains("Adgangskode", StringComparison.Ordinal));
        Assert.Equal("{\"Adgangskode\":\"(skjult)\"}", newPassword.Before);
        Assert.Equal("{\"Adgangskode\":\"ny (skjult)\"}", newPassword.After);
        var everything = await Entries(q => q);
        string[] secrets = [password, "en-anden-hemmelig-adgangskode", "PasswordHash", "SecurityStamp", "ConcurrencyStamp"];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(everything, e => $"{e.Before}{e.After}{e.Label}".Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Signing_in_and_failing_to_sign_in_are_recorded_also_for_an_unknown_e_mail_and_never_with_the_password()
    {
        var member = await Account(Role.Member);
        var before = await Count();
        using var signedIn = await app.SignInAs(Role.Member);
        using var wrong = app.Anonymous();
        var refused = await wrong.Submit(await wrong.Open("/konto/log-ind"), new() { ["Email"] = member.Email, ["Password"] = "forkert-adgangskode-123" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var unknown = await wrong.Submit(await wrong.Open("/konto/log-ind"), new() { ["Email"] = "ukendt@example.dk", ["Password"] = "forkert-adgangskode-456" });
        Assert.Equal(HttpStatusCode.OK, unknown.Status);

        var fresh = await Entries(q => q.Where(e => e.Id > before));
        var success = Assert.Single(fresh, e => e.Act == AuditAct.SignedIn);
        Assert.Equal(member.Id, success.ActorId);
        Assert.Equal("adgangskode", success.SignIn);
        Assert.Equal(member.Id, success.EntityId);
        var failed = Assert.Single(fresh, e => e.Act == AuditAct.SignInFailed && e.ActorId == member.Id);
        Assert.Equal("{\"Årsag\":\"forkert adgangskode\"}", failed.After);
        var stranger = Assert.Single(fresh, e => e.Act == AuditAct.SignInFailed && e.ActorId == null);
        Assert.Equal("ukendt@example.dk", stranger.ActorName);
        Assert.Equal("{\"Årsag\":\"ukendt e-mail\"}", stranger.After);
        Assert.DoesNotContain(fresh, e => $"{e.Before}{e.After}{e.Label}{e.ActorName}".Contains("forkert-adgangskode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Downloads_by_signed_in_users_are_recorded_as_exported_and_the_publics_are_not()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var august = await secretariat.MeetingId(syd, "2025-08-27");
        var before = await Count();

        Assert.Equal(HttpStatusCode.OK, (await secretariat.Download($"/api/bodies/{syd}/economy.xlsx?asOf=2025-08-27")).Status);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.Download($"/api/meetings/{august}/agenda.docx?version=members")).Status);
        using var citizen = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await citizen.Download($"/api/bodies/{syd}/economy.xlsx?asOf=2025-08-27")).Status);
        Assert.Equal(HttpStatusCode.OK, (await citizen.Download($"/api/meetings/{august}/agenda.docx")).Status);

        var exports = await Entries(q => q.Where(e => e.Id > before && e.Act == AuditAct.Exported));
        Assert.Equal(2, exports.Count);
        var secretary = await Account(Role.Secretariat);
        Assert.All(exports, e => Assert.Equal(secretary.Id, e.ActorId));
        var economy = Assert.Single(exports, e => e.EntityType == "Body");
        Assert.Equal($"{syd}", economy.EntityId);
        Assert.Equal("okonomi-2025-08-27.xlsx", economy.Label);
        var agenda = Assert.Single(exports, e => e.EntityType == "Meeting");
        Assert.Equal($"{august}", agenda.EntityId);
        Assert.Contains("\"Udgave\":\"members\"", agenda.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrators_page_lists_newest_first_and_filters_by_entity_person_and_date()
    {
        var body = await BodyWithRulesAndMember(app, "Revisionsudvalget for filtre (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, _) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(90), "Punkt til filteret");
        var secretary = await Account(Role.Secretariat);
        using var administrator = await app.SignInAs(Role.Administrator);

        var home = await administrator.Open("/");
        Assert.NotNull(home.Document.QuerySelector("nav a[href='/revision']"));
        Assert.Null((await secretariat.Open("/")).Document.QuerySelector("nav a[href='/revision']"));

        var all = await administrator.Open("/revision");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        var numbers = Numbers(all);
        Assert.Equal(numbers.OrderDescending(), numbers);
        Assert.Equal(IndexPageSize, numbers.Count);

        var byMeeting = await administrator.Open($"/revision?Type=Meeting&Id={meeting}");
        var rows = Rows(byMeeting);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains($"Møde {meeting}", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("oprettet", StringComparison.Ordinal) && r.Contains(secretary.Name, StringComparison.Ordinal));

        var byPerson = await administrator.Open($"/revision?Account={secretary.Id}");
        Assert.All(Rows(byPerson), r => Assert.Contains(secretary.Name, r, StringComparison.Ordinal));
        Assert.Contains(Rows(byPerson), r => r.Contains("Dagsordenspunkt", StringComparison.Ordinal) && r.Contains("Punkt til filteret", StringComparison.Ordinal));

        var today = Iso(app.Clock.Today);
        Assert.Contains(Rows(await administrator.Open($"/revision?Type=Meeting&Id={meeting}&From={today}&To={today}")), r => r.Contains("oprettet", StringComparison.Ordinal));
        Assert.Empty(Rows(await administrator.Open($"/revision?Type=Meeting&Id={meeting}&To={Iso(app.Clock.Today.AddDays(-1))}")));
        Assert.Empty(Rows(await administrator.Open($"/revision?Type=Meeting&Id={meeting}&From={Iso(app.Clock.Today.AddDays(1))}")));

        var second = await administrator.Open("/revision?side=2");
        Assert.True(Numbers(second).Max() < numbers.Min());
    }

    [Fact]
    public async Task The_app_refuses_to_change_or_delete_an_entry()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync(ct);
        entry.Label = "ændret";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(e => e.Id).FirstAsync(ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));
    }

    [Fact]
    public async Task Saves_at_the_same_moment_each_chain_after_the_one_before_without_a_fork()
    {
        using var administrator = await app.SignInAs(Role.Administrator);
        var body = await administrator.EnsureBody("Revisionsudvalget for samtidighed (test)", "2026-01-01");
        await administrator.GrantSecretariat(ProcedureTestBodies.SecretariatEmail, body);
        var before = await Count();

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(async day =>
        {
            using var secretariat = await app.SignInAs(Role.Secretariat);
            return await secretariat.PlanMeeting(body, new MeetingPlan(Iso(app.Clock.Today.AddDays(150 + day)), "10:00", "12:00"));
        }));

        Assert.All(results, r => Assert.True(r.Status == HttpStatusCode.Redirect, r.Text("[role=alert]")));
        var fresh = await Entries(q => q.Where(e => e.Id > before));
        Assert.Equal(8, fresh.Count(e => e.Act == AuditAct.SignedIn));
        Assert.Equal(8, fresh.Count(e => e.EntityType == "Meeting" && e.Act == AuditAct.Created));
        Assert.Equal(Enumerable.Range(0, fresh.Count).Select(i => before + 1 + i), fresh.Select(e => e.Id));
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), TestContext.Current.CancellationToken);
        Assert.True(outcome.Broken is null, $"Kæden brudt ved {outcome.Broken?.Id}: {outcome.Reason}");
        Assert.Equal(await Count(), outcome.Checked);
    }

    private const int IndexPageSize = Raad.Web.Features.Audit.IndexModel.PageSize;

    private static List<string> Rows(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("#audit tbody tr").Select(r => System.Text.RegularExpressions.Regex.Replace(r.TextContent, @"\s+", " "))];

    private static List<long> Numbers(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("#audit tbody tr td:first-child").Select(td => long.Parse(td.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture))];

    private async Task<AuditEntry> Single(string type, int id, AuditAct act, Func<AuditEntry, bool>? also = null) =>
        await Single(type, $"{id}", act, also);

    private async Task<AuditEntry> Single(string type, string id, AuditAct act, Func<AuditEntry, bool>? also = null)
    {
        var entries = (await Entries(q => q.Where(e => e.EntityType == type && e.EntityId == id && e.Act == act))).Where(also ?? (_ => true)).ToList();
        return Assert.Single(entries);
    }

    private async Task<List<AuditEntry>> Entries(Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> filter)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await filter(db.AuditEntries.AsNoTracking()).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private async Task<long> Count()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.MaxAsync(e => (long?)e.Id, TestContext.Current.CancellationToken) ?? 0;
    }

    private async Task<string> UserId(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(string Id, string Name, string Email)> Account(Role role)
    {
        var name = role switch
        {
            Role.Administrator => Raad.Web.Infrastructure.Roles.Administrator,
            Role.Secretariat => Raad.Web.Infrastructure.Roles.Secretariat,
            _ => Raad.Web.Infrastructure.Roles.Member,
        };
        var email = DemoLoader.Accounts.First(a => a.Role == name).Email;
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        return (user.Id, user.DisplayName, email);
    }
}

public sealed class AuditOnSqlite(SqliteApp app) : AuditScenarios(app), IClassFixture<SqliteApp>;

public sealed class AuditOnPostgres(PostgresApp app) : AuditScenarios(app), IClassFixture<PostgresApp>;
