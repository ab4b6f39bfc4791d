using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Money;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The secretariat keeps a body's reporting plan, sees which projects owe a coming meeting a report, and drafts the
/// orientation item with their goals and figures. Each scenario uses a body of its own (the class shares one app).
/// </summary>
public abstract class ReportingScenarios(RaadApp app)
{
    [Fact]
    public async Task A_running_project_owes_the_november_meeting_a_status_and_the_drafted_orientation_item_settles_it()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody("Afrapportering: Politisk klynge (test)", "2020-01-01");
        var november = NextNovemberMeetingDay(app.Clock.Today);
        var meeting = await Plan(secretariat, body, Iso(november));
        var decision = await Plan(secretariat, body, "2024-03-12");
        await secretariat.AddItem(decision, "Afrapportering: Beslutning om midler (test)");
        var decisionItem = await secretariat.ItemId(decision, "Afrapportering: Beslutning om midler (test)");
        await SeedProjectsAsync(body, decisionItem);

        // No plan yet: the first milestone saved makes it.
        var page = await secretariat.Open($"/udvalg/{body}/afrapportering");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("ingen afrapporteringsplan", page.Text("main"), StringComparison.Ordinal);
        var added = await secretariat.Submit(page, new() { ["Input.AudienceId"] = $"{body}", ["Input.Month"] = "11", ["Input.Kind"] = "Status" });
        Assert.True(added.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)added.Status}): {added.Text("[role=alert]")}");

        // A month that does not exist, and the same audience twice in a month, are refused in Danish next to the form.
        page = await secretariat.Open($"/udvalg/{body}/afrapportering");
        var thirteen = await secretariat.Submit(page, new() { ["Input.AudienceId"] = $"{body}", ["Input.Month"] = "13", ["Input.Kind"] = "Status" });
        Assert.Equal(HttpStatusCode.OK, thirteen.Status);
        Assert.Contains("Måneden skal ligge mellem 1 og 12.", thirteen.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Contains("Måneden skal ligge mellem 1 og 12.", thirteen.Text(".form-error-message"), StringComparison.Ordinal);
        var twice = await secretariat.Submit(page, new() { ["Input.AudienceId"] = $"{body}", ["Input.Month"] = "11", ["Input.Kind"] = "FollowUp" });
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains("Samme udvalg har to opfølgninger i samme måned.", twice.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(1, await MilestoneCountAsync(body));

        // The November meeting lists the running project as due, not the one still planned.
        page = await secretariat.Open($"/udvalg/{body}/afrapportering");
        Assert.Equal(["november"], page.Document.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()));
        var card = MeetingCard(page, meeting);
        Assert.Contains("Status i Afrapportering: Politisk klynge (test) i november", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Afrapportering: Den gode start (test)"], card.QuerySelectorAll("ul.raad-due li").Select(li => li.TextContent.Trim()));

        // Looking from a later day leaves the meeting out.
        var later = await secretariat.Open($"/udvalg/{body}/afrapportering?fra={Iso(november.AddDays(1))}");
        Assert.Null(later.Document.QuerySelector($"#meeting-{meeting}"));

        var drafted = await secretariat.SubmitForm(page.FormWithValue("meetingId", $"{meeting}"), []);
        Assert.True(drafted.Status == HttpStatusCode.Redirect, $"Ikke oprettet ({(int)drafted.Status}): {drafted.Text("[role=alert]")}");
        var editPath = drafted.RedirectTo!.AbsolutePath;
        Assert.Matches(@"^/punkter/\d+/rediger$", editPath);
        var itemId = int.Parse(editPath.Split('/')[2], CultureInfo.InvariantCulture);

        // The item is an orientation on the meeting's draft agenda, with the project's title, goals and figures.
        var item = await secretariat.Open(editPath);
        Assert.Equal("Status på Afrapportering: Den gode start (test)", item.Value("Input.Title"));
        Assert.Equal("Information", item.Value("Input.Kind"));
        var presentation = item.Value("Input.Presentation")!;
        Assert.Contains("Afrapportering: Den gode start (test)\nForankret i:", presentation.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Målgruppe: Nye familier", presentation, StringComparison.Ordinal);
        Assert.Contains("- At øge andelen af børn, der bliver ammet fuldt ud efter 2 uger", presentation, StringComparison.Ordinal);
        Assert.Contains("Tildelt: 500.000 kr.", presentation, StringComparison.Ordinal);
        Assert.DoesNotContain("Planlagt projekt", presentation, StringComparison.Ordinal);
        Assert.Contains("tager orienteringen om status på projektet til efterretning", item.Value("Input.Recommendation"), StringComparison.Ordinal);
        var draft = await secretariat.DraftItems(meeting);
        Assert.Contains(draft, i => i.Id == itemId);
        if (draft[^1].Title == "Eventuelt")
        {
            Assert.Equal(itemId, draft[^2].Id);
        }

        // Reported: no longer due, and listed as reported with its item.
        page = await secretariat.Open($"/udvalg/{body}/afrapportering");
        card = MeetingCard(page, meeting);
        Assert.Empty(card.QuerySelectorAll("ul.raad-due li"));
        Assert.Contains("Afrapportering: Den gode start (test)", card.QuerySelector("ul.raad-reported")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.Forms.FirstOrDefault(f => f.Elements.Any(e => e.GetAttribute("name") == "meetingId" && e.GetAttribute("value") == $"{meeting}")));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var report = await db.StatusReports.Include(r => r.Project).SingleAsync(r => r.MeetingId == meeting, TestContext.Current.CancellationToken);
            Assert.Equal(("Afrapportering: Den gode start (test)", itemId), (report.Project!.Title, report.AgendaItemId));
            // The project's page lists the item among its agenda items: for the secretariat with its title; for the public,
            // while the agenda is a draft, only the meeting.
            var projectPage = await secretariat.Open($"/indsatser/{report.ProjectId}");
            Assert.Contains("punkt", projectPage.Text("section[aria-labelledby=items-heading]"), StringComparison.Ordinal);
            Assert.Contains("Status på Afrapportering: Den gode start (test)", projectPage.Text("section[aria-labelledby=items-heading]"), StringComparison.Ordinal);
            using var citizen = app.Anonymous();
            var publicPage = await citizen.Open($"/indsatser/{report.ProjectId}");
            Assert.DoesNotContain("Status på", publicPage.Text("section[aria-labelledby=items-heading]"), StringComparison.Ordinal);
        }

        // The same button pressed again (a second tab) adds nothing.
        var again = await secretariat.Post($"/udvalg/{body}/afrapportering?handler=Draft", page, [new("meetingId", $"{meeting}")]);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Ingen projekter mangler at afrapportere til mødet.", again.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Single(await secretariat.DraftItems(meeting), i => i.Title.Contains("Den gode start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Removing_a_milestone_asks_first_and_a_form_shown_before_someone_elses_change_is_refused()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody("Afrapportering: Klynge med plan (test)", "2020-01-01");
        var professional = await secretariat.EnsureBody("Afrapportering: Faglig klynge (test)", "2020-01-01");
        var page = await secretariat.Open($"/udvalg/{body}/afrapportering");
        foreach (var month in new[] { "3", "6", "10" })
        {
            var added = await secretariat.Submit(page, new() { ["Input.AudienceId"] = $"{professional}", ["Input.Month"] = month, ["Input.Kind"] = "FollowUp" });
            Assert.True(added.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)added.Status}): {added.Text("[role=alert]")}");
            page = await secretariat.Open($"/udvalg/{body}/afrapportering");
        }
        var stale = page;
        Assert.Equal(["marts", "juni", "oktober"], page.Document.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()));

        // "Fjern" asks before anything is removed.
        var remove = page.Document.QuerySelectorAll("a").Single(a => a.GetAttribute("aria-label") == "Fjern: Opfølgning i Afrapportering: Faglig klynge (test) i juni");
        var confirm = await secretariat.Open(remove.GetAttribute("href")!);
        Assert.Contains("Fjern opfølgningen?", confirm.Text("h2"), StringComparison.Ordinal);
        Assert.Equal(3, await MilestoneCountAsync(body));
        var removed = await secretariat.SubmitForm(confirm.FormWith(["milestoneId", "version"]), []);
        Assert.True(removed.Status == HttpStatusCode.Redirect, $"Ikke fjernet ({(int)removed.Status}): {removed.Text("[role=alert]")}");
        page = await secretariat.Open($"/udvalg/{body}/afrapportering");
        Assert.Equal(["marts", "oktober"], page.Document.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()));

        // The page shown before the removal carries the plan's old version: its addition is refused, and the saved plan shown.
        var refused = await secretariat.Submit(stale, new() { ["Input.AudienceId"] = $"{body}", ["Input.Month"] = "11", ["Input.Kind"] = "Status" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("er blevet ændret af en anden", refused.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Contains("Opfølgning i Afrapportering: Faglig klynge (test) i oktober", refused.Text("#saved-heading + dl"), StringComparison.Ordinal);
        Assert.Equal(2, await MilestoneCountAsync(body));
        // Sent again from the refused page (which carries the saved version), it is added.
        var resent = await secretariat.Submit(refused, new() { ["Input.AudienceId"] = $"{body}", ["Input.Month"] = "11", ["Input.Kind"] = "Status" });
        Assert.True(resent.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)resent.Status}): {resent.Text("[role=alert]")}");
        Assert.Equal(3, await MilestoneCountAsync(body));
    }

    [Fact]
    public async Task The_demo_plan_of_Syd_shows_the_five_initiatives_of_2023_owing_the_november_meeting_a_status()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId("Politisk Sundhedsklynge Syd");

        var page = await secretariat.Open($"/udvalg/{syd}/afrapportering?fra=2023-01-01");

        Assert.Equal(["marts", "juni", "oktober", "november"], page.Document.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()));
        Assert.Equal(["Faglig Sundhedsklynge Syd", "Faglig Sundhedsklynge Syd", "Faglig Sundhedsklynge Syd", "Politisk Sundhedsklynge Syd"],
            page.Document.QuerySelectorAll("tbody td:nth-child(2)").Select(td => td.TextContent.Trim()));
        var november = MeetingCard(page, await secretariat.MeetingId(syd, "2023-11-16"));
        Assert.Equal(5, november.QuerySelectorAll("ul.raad-due li").Length);
        Assert.Contains("Den gode start på livet - fælles ammeindsats", november.QuerySelector("ul.raad-due")!.TextContent, StringComparison.Ordinal);
        // The meeting was held long ago: its agenda takes no new items.
        Assert.DoesNotContain(page.Document.Forms, f => f.Elements.Any(e => e.GetAttribute("name") == "meetingId"));
    }

    /// <summary>The 15th of the next November after today: always within the coming 12 months.</summary>
    private static DateOnly NextNovemberMeetingDay(DateOnly today)
    {
        var day = new DateOnly(today.Year, 11, 15);
        return day > today ? day : day.AddYears(1);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static AngleSharp.Dom.IElement MeetingCard(HtmlPage page, int meeting) =>
        page.Document.QuerySelector($"#meeting-{meeting}")?.Closest("article")
        ?? throw new InvalidOperationException($"Mødet {meeting} er ikke på siden: {page.Text("main")}");

    private static async Task<int> Plan(Visitor secretariat, int body, string date)
    {
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(date, "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        return await secretariat.MeetingId(body, date);
    }

    [Fact]
    public async Task Two_first_milestones_sent_at_once_make_one_plan_for_the_body()
    {
        using var first = await app.SignInAs(Role.Secretariat);
        using var second = await app.SignInAs(Role.Secretariat);
        var body = await first.EnsureBody("Afrapportering: To på én gang (test)", "2020-01-01");
        var professional = await first.EnsureBody("Afrapportering: Faglig klynge (test)", "2020-01-01");

        // Both pages show a body without a plan (version 0); each adds its own month.
        var pages = new[] { await first.Open($"/udvalg/{body}/afrapportering"), await second.Open($"/udvalg/{body}/afrapportering") };
        var answers = await Task.WhenAll(
            first.Submit(pages[0], new() { ["Input.AudienceId"] = $"{professional}", ["Input.Month"] = "3", ["Input.Kind"] = "FollowUp" }),
            second.Submit(pages[1], new() { ["Input.AudienceId"] = $"{professional}", ["Input.Month"] = "6", ["Input.Kind"] = "FollowUp" }));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Contains("er blevet ændret af en anden", refused.Text("[role=alert]"), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.ReportingPlans.CountAsync(p => p.BodyId == body, TestContext.Current.CancellationToken));
        Assert.Equal(1, await MilestoneCountAsync(body));

        // The database itself holds one plan per body, whoever writes.
        db.ReportingPlans.Add(new ReportingPlan { BodyId = body });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    private async Task<int> MilestoneCountAsync(int body)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.ReportingPlans.Where(p => p.BodyId == body).SelectMany(p => p.Milestones).CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A running project with a goal and a grant of 500.000 kr. decided under the item, and a project not yet begun.</summary>
    private async Task SeedProjectsAsync(int body, int decisionItem)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var item = await db.AgendaItems.Include(i => i.Meeting!.Items).SingleAsync(i => i.Id == decisionItem, ct);
        // The money was decided at a held meeting, which Grant.Record checks: the meeting of March 2024 is history.
        Assert.True(item.Meeting!.PublishAgenda(app.Clock.GetUtcNow()).IsSuccess);
        Assert.True(item.Meeting.MarkHeld(app.Clock.Today).IsSuccess);
        var owner = await db.Organisations.OrderBy(o => o.Id).FirstAsync(ct);
        var pool = new FundingPool { BodyId = body, Year = 2024, Name = "Afrapportering: Pulje 2024 (test)" };
        Assert.True(pool.AddContribution("Kommunerne", 1_000_000m, MemberGroup.Municipal, null, new DateOnly(2024, 1, 1)).IsSuccess);
        var running = new Project
        {
            BodyId = body,
            Title = "Afrapportering: Den gode start (test)",
            Owner = owner,
            TargetGroup = "Nye familier",
            Status = ProjectStatus.Running,
            Start = new DateOnly(2024, 4, 1),
            Goals = [new Goal { Text = "At øge andelen af børn, der bliver ammet fuldt ud efter 2 uger", Position = 1 }],
        };
        var planned = new Project { BodyId = body, Title = "Afrapportering: Planlagt projekt (test)", Status = ProjectStatus.Planned };
        Assert.True(Grant.Record(pool, running, GrantKind.Grant, 500_000m, new DateOnly(2024, 3, 12), item).IsSuccess);
        db.FundingPools.Add(pool);
        db.Projects.Add(planned);
        await db.SaveChangesAsync(ct);
    }
}

public sealed class ReportingOnSqlite(SqliteApp app) : ReportingScenarios(app), IClassFixture<SqliteApp>;

public sealed class ReportingOnPostgres(PostgresApp app) : ReportingScenarios(app), IClassFixture<PostgresApp>;
