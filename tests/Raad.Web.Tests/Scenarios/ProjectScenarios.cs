using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Projects (indsatser) through their pages: the secretariat sets one up under a focus area of a health agreement, gives
/// it goals with measures and readings, records what it expects to spend, and the public reads the portfolio and the
/// project. Each scenario works in a body of its own, so the demo and the other scenarios do not change what it sees.
/// </summary>
public abstract class ProjectScenarios(RaadApp app)
{
    private const string Children = "Sammen om børn og unges sundhed";
    private const string Mental = "Sammen om borgere med psykisk sygdom";
    private const string Elderly = "Sammen om ældre og borgere med kronisk sygdom";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_secretariat_creates_a_project_through_the_form_and_the_public_finds_it_in_the_portfolio_under_its_focus_area()
    {
        using var admin = await app.SignInAs(Role.Administrator);
        var agreement = await CreateAgreement(admin, "Portføljeaftale 2024-2027 (test)", [Elderly, Mental, Children]);
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody("Indsatsudvalget for portføljen (test)", "2024-01-01");

        var bodyPage = await secretariat.Open($"/udvalg/{body}");
        Assert.NotNull(bodyPage.Document.QuerySelector($"a[href='/udvalg/{body}/indsatser']"));
        var portfolio = await secretariat.Open($"/udvalg/{body}/indsatser");
        Assert.NotNull(portfolio.Document.QuerySelector($"a[href='/udvalg/{body}/indsatser/ny']"));

        var form = await secretariat.Open($"/udvalg/{body}/indsatser/ny");
        var saved = await secretariat.Submit(form, new()
        {
            ["Input.Title"] = "Fælles ammeindsats (test)",
            ["Input.OwnerId"] = OptionValue(form, "Input.OwnerId", "Amager og Hvidovre Hospital"),
            ["Input.TargetGroup"] = "Nye familier",
            ["Input.FocusAreaId"] = FocusAreaOption(form, "Portføljeaftale 2024-2027 (test)", Children),
            ["Input.StaffYears"] = "1,5",
            ["Input.Start"] = "2024-01-01",
            ["Input.End"] = "2025-12-31",
            ["Input.Status"] = "Running",
            ["Input.Description"] = "Ensartet vejledning om amning på tværs af hospital, sundhedspleje og almen praksis.",
        });
        var project = ProjectIdFrom(saved);

        using var citizen = app.Anonymous();
        var page = await citizen.Open($"/indsatser/{project}");
        Assert.Equal("Fælles ammeindsats (test)", page.Text("h1"));
        var facts = Facts(page);
        Assert.Equal("Amager og Hvidovre Hospital", facts["Forankret i"]);
        Assert.Equal("Nye familier", facts["Målgruppe"]);
        Assert.StartsWith(Children, facts["Fokusområde"], StringComparison.Ordinal);
        Assert.Equal("1. januar 2024 - 31. december 2025", facts["Periode"]);
        Assert.Equal("I gang", facts["Status"]);
        Assert.Equal("1,5", facts["Årsværk"]);
        Assert.Contains("Ensartet vejledning om amning", page.Text("main"), StringComparison.Ordinal);
        // The editors' links are not for the public.
        Assert.Null(page.Document.QuerySelector($"a[href='/indsatser/{project}/rediger']"));
        var asEditor = await secretariat.Open($"/indsatser/{project}");
        Assert.NotNull(asEditor.Document.QuerySelector($"a[href='/indsatser/{project}/rediger']"));
        Assert.NotNull(asEditor.Document.QuerySelector($"a[href='/udvalg/{body}/bevillinger/ny?indsats={project}']"));

        portfolio = await citizen.Open($"/udvalg/{body}/indsatser");
        Assert.Equal(HttpStatusCode.OK, portfolio.Status);
        Assert.Null(portfolio.Document.QuerySelector($"a[href='/udvalg/{body}/indsatser/ny']"));
        Assert.Contains("Portføljeaftale 2024-2027 (test)", portfolio.Text("#agreement-heading"), StringComparison.Ordinal);
        var group = Group(portfolio, Children);
        var row = Assert.Single(group);
        Assert.Equal(["Fælles ammeindsats (test)", "Amager og Hvidovre Hospital", "I gang", "0 kr."], row);
        Assert.Equal($"/indsatser/{project}", portfolio.Document.QuerySelector("tbody th[scope=row] a")!.GetAttribute("href"));

        var byTarget = await citizen.Open($"/udvalg/{body}/indsatser?efter=maalgruppe");
        Assert.Equal("Fælles ammeindsats (test)", Assert.Single(Group(byTarget, "Nye familier"))[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Open("/udvalg/999999/indsatser")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Open("/indsatser/999999")).Status);
    }

    [Fact]
    public async Task The_demo_portfolio_of_syd_lists_its_seven_projects_under_the_focus_areas_of_the_health_agreement()
    {
        using var citizen = app.Anonymous();
        var syd = await citizen.BodyId("Politisk Sundhedsklynge Syd");

        var portfolio = await citizen.Open($"/udvalg/{syd}/indsatser");
        Assert.Contains("Sundhedsaftale 2024-2027", portfolio.Text("#agreement-heading"), StringComparison.Ordinal);
        Assert.Equal([Elderly, Mental, Children], portfolio.Document.QuerySelectorAll("#agreement-heading ~ ul").First().Children.Select(li => li.TextContent.Trim()));
        Assert.Equal([Elderly, Mental, Children, "Uden fokusområde"],
            portfolio.Document.QuerySelectorAll("tbody th[scope=colgroup]").Select(th => th.TextContent.Trim()));
        Assert.Equal(
            [
                ["Den gode overgang – fra indlæggelse til udskrivelse", "Københavns Kommune", "I gang", "4,24 mio. kr."],
                ["Følgeforskning ifm. Den gode overgang", "", "Afsluttet", "2,4 mio. kr."],
                ["Styrkelse af midlertidige pladser ifm. Den gode overgang", "", "Afsluttet", "1 mio. kr."],
            ],
            Group(portfolio, Elderly));
        Assert.Equal(["Implementering af samarbejdsaftalen på voksenpsykiatriområdet", "Implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet"],
            Group(portfolio, Mental).Select(r => r[0]));
        Assert.Equal([["Den gode start på livet - fælles ammeindsats", "Amager og Hvidovre Hospital", "Afsluttet", "2 mio. kr."]], Group(portfolio, Children));
        Assert.Equal([["Tværsektoriel indsats om overvægt", "Hvidovre Kommune", "Afsluttet", "2 mio. kr."]], Group(portfolio, "Uden fokusområde"));
        Assert.Equal(7, portfolio.Document.QuerySelectorAll("tbody th[scope=row] a[href^='/indsatser/']").Length);

        // The child/youth psychiatry project: 2,05 mio. kr. expected against 2 mio. kr., covered by its 240.000 kr. of remainder funds.
        var href = portfolio.Document.QuerySelectorAll("tbody th[scope=row] a")
            .Single(a => a.TextContent.Trim() == "Implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet").GetAttribute("href")!;
        var project = await citizen.Open(href);
        Assert.StartsWith("2,05 mio. kr. pr. 1. august 2025 – Merforbrug dækket af restmidler: 50.000 kr. over det tildelte",
            Facts(project)["Forventet forbrug"], StringComparison.Ordinal);
        Assert.Equal("2 mio. kr. og 240.000 kr. i restmidler", Facts(project)["Tildelt"]);
        var history = project.Document.QuerySelectorAll("#grants-heading ~ div table tbody tr").Select(Cells).ToList();
        Assert.Equal(["26. april 2023", "Tildeling", "+1 mio. kr.", "1 mio. kr."], history[0][..4]);
        Assert.StartsWith("Møde 26. april 2023, punkt 2: Beslutning om indsatser på det psykiatriske område for 2023", history[0][4], StringComparison.Ordinal);
        Assert.Equal(["18. marts 2024", "Restmidler", "+240.000 kr.", "2,24 mio. kr."], history[^1][..4]);

        var byTarget = await citizen.Open($"/udvalg/{syd}/indsatser?efter=maalgruppe");
        Assert.Equal("Den gode start på livet - fælles ammeindsats", Assert.Single(Group(byTarget, "Nye familier"))[0]);
        Assert.Equal(2, Group(byTarget, "Uden målgruppe").Count);
    }

    [Fact]
    public async Task Bad_input_gives_danish_errors_next_to_the_fields_and_saves_nothing()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody("Indsatsudvalget for fejl (test)", "2024-01-01");

        var refused = await secretariat.Submit(await secretariat.Open($"/udvalg/{body}/indsatser/ny"), new()
        {
            ["Input.Title"] = " ",
            ["Input.StaffYears"] = "abc",
            ["Input.Start"] = "2025-06-01",
            ["Input.End"] = "2025-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Projektet skal have en titel.", refused.Text("#Input_Title_error"));
        Assert.Contains("\"abc\" er ikke et tal", refused.Text("#Input_StaffYears_error"), StringComparison.Ordinal);
        Assert.Equal("Projektet kan ikke slutte, før det begynder.", refused.Text("#Input_End_error"));
        // The summary at the top links to the fields.
        Assert.NotNull(refused.Document.QuerySelector("#error-summary a[href='#Input_StaffYears']"));
        Assert.Equal("abc", refused.Value("Input.StaffYears"));
        Assert.Contains("ingen indsatser", (await secretariat.Open($"/udvalg/{body}/indsatser")).Text("main"), StringComparison.Ordinal);

        var project = await CreateProject(secretariat, body, "Indsats med fejl i beløb (test)");
        var spend = await secretariat.Open($"/indsatser/{project}/forbrug");
        var amount = await secretariat.Submit(spend, new()
        {
            ["Input.AsOf"] = "2025-08-01",
            ["Input.ExpectedToCompletion"] = "abc",
            ["Input.ActualToDate"] = "1.5",
        });
        Assert.Equal(HttpStatusCode.OK, amount.Status);
        Assert.Contains("\"abc\" kan ikke læses som et beløb", amount.Text("#Input_ExpectedToCompletion_error"), StringComparison.Ordinal);
        Assert.Contains("punktum adskiller tusinder", amount.Text("#Input_ActualToDate_error"), StringComparison.Ordinal);
        Assert.Contains("ikke registreret forventet forbrug", (await secretariat.Open($"/indsatser/{project}/forbrug")).Text("main"), StringComparison.Ordinal);

        var goals = await secretariat.Open($"/indsatser/{project}/maal");
        var goal = await secretariat.Submit(goals, new()
        {
            ["NewGoal.Text"] = "",
            ["NewGoal.MeasureName"] = "Andel",
            ["NewGoal.Baseline"] = "abc",
        });
        Assert.Equal(HttpStatusCode.OK, goal.Status);
        Assert.StartsWith("Skriv målet", goal.Text("#NewGoal_Text_error"), StringComparison.Ordinal);
        Assert.StartsWith("Angiv målepunktets enhed", goal.Text("#NewGoal_Unit_error"), StringComparison.Ordinal);
        Assert.Contains("\"abc\" er ikke et tal", goal.Text("#NewGoal_Baseline_error"), StringComparison.Ordinal);
        Assert.Contains("ingen mål endnu", (await secretariat.Open($"/indsatser/{project}")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_shows_the_saved_version()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        using var admin = await app.SignInAs(Role.Administrator);
        var body = await secretariat.EnsureBody("Indsatsudvalget for samtidighed (test)", "2024-01-01");
        var project = await CreateProject(secretariat, body, "Indsats, der rettes to gange (test)");

        var first = await secretariat.Open($"/indsatser/{project}/rediger");
        var second = await admin.Open($"/indsatser/{project}/rediger");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.Submit(first, new() { ["Input.Title"] = "Rettet først (test)" })).Status);

        var stale = await admin.Submit(second, new() { ["Input.Title"] = "Rettet bagefter (test)", ["Input.StaffYears"] = "2" });
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("er blevet ændret af en anden", stale.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Contains("Rettet først (test)", stale.Text("#saved-heading + dl"), StringComparison.Ordinal);
        Assert.Equal("Rettet bagefter (test)", stale.Value("Input.Title"));
        Assert.Equal("Rettet først (test)", (await admin.Open($"/indsatser/{project}")).Text("h1"));

        // Sent again from the form that now carries the saved version, the change goes through.
        var again = await admin.Submit(stale, new() { ["Input.Title"] = "Rettet bagefter (test)" });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var page = await admin.Open($"/indsatser/{project}");
        Assert.Equal("Rettet bagefter (test)", page.Text("h1"));
        Assert.Equal("2", Facts(page)["Årsværk"]);
    }

    [Fact]
    public async Task A_goal_with_a_measure_and_two_readings_shows_its_progress()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody("Indsatsudvalget for mål (test)", "2024-01-01");
        var project = await CreateProject(secretariat, body, "Indsats med målinger (test)");

        var added = await secretariat.Submit(await secretariat.Open($"/indsatser/{project}/maal"), new()
        {
            ["NewGoal.Year"] = "2024",
            ["NewGoal.Text"] = "At øge andelen af børn, der ammes fuldt ud",
            ["NewGoal.MeasureName"] = "Andel børn, der ammes fuldt ud efter 2 uger",
            ["NewGoal.Unit"] = "%",
            ["NewGoal.Baseline"] = "55",
            ["NewGoal.Target"] = "65",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        foreach (var (date, value) in new[] { ("2024-09-01", "60"), ("2024-03-01", "57,5") })
        {
            var goals = await secretariat.Open($"/indsatser/{project}/maal");
            var reading = await secretariat.Submit(goals, new()
            {
                ["NewReading.MeasureId"] = OptionValue(goals, "NewReading.MeasureId", "Andel børn, der ammes fuldt ud efter 2 uger (2024)"),
                ["NewReading.Date"] = date,
                ["NewReading.Value"] = value,
            });
            Assert.True(reading.Status == HttpStatusCode.Redirect, reading.Text("[role=alert]"));
        }
        var twice = await secretariat.Open($"/indsatser/{project}/maal");
        var duplicate = await secretariat.Submit(twice, new()
        {
            ["NewReading.MeasureId"] = OptionValue(twice, "NewReading.MeasureId", "Andel børn, der ammes fuldt ud efter 2 uger (2024)"),
            ["NewReading.Date"] = "2024-09-01",
            ["NewReading.Value"] = "61",
        });
        Assert.StartsWith("Der er allerede en måling for 1. september 2024", duplicate.Text("#NewReading_Date_error"), StringComparison.Ordinal);

        using var citizen = app.Anonymous();
        var page = await citizen.Open($"/indsatser/{project}");
        var goal = page.Text("#goals-heading ~ ul li");
        Assert.Contains("Mål for 2024", page.Text("#goals-heading ~ h3"), StringComparison.Ordinal);
        Assert.Contains("At øge andelen af børn, der ammes fuldt ud", goal, StringComparison.Ordinal);
        Assert.Contains("Andel børn, der ammes fuldt ud efter 2 uger: udgangspunkt 55 %, mål 65 %, seneste måling 60 % (1. september 2024)", goal, StringComparison.Ordinal);
        Assert.Equal("Fremskridt: 50 % af vejen fra udgangspunkt til mål", page.Text(".raad-progress"));
        var readings = page.Document.QuerySelectorAll("#goals-heading ~ ul table tbody tr").Select(Cells).ToList();
        Assert.Equal([["1. marts 2024", "57,5 %", ""], ["1. september 2024", "60 %", ""]], readings);
    }

    [Fact]
    public async Task A_forecast_of_2_05_million_against_a_grant_of_2_million_shows_as_overspend()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody("Indsatsudvalget for forbrug (test)", "2024-01-01");
        var project = await CreateProject(secretariat, body, "Børne- og ungepsykiatri (test)");
        var decision = await GrantAsync(project, 2_000_000m, new DateOnly(2023, 4, 26), DemoItem(new DateOnly(2023, 4, 26), 2));

        var spend = await secretariat.Open($"/indsatser/{project}/forbrug");
        var recorded = await secretariat.Submit(spend, new()
        {
            ["Input.AsOf"] = "2025-08-01",
            ["Input.ExpectedToCompletion"] = "2,05 mio.",
            ["Input.ActualToDate"] = "1.500.000",
            ["Input.Note"] = "Tabel 1",
        });
        Assert.True(recorded.Status == HttpStatusCode.Redirect, recorded.Text("[role=alert]"));

        var list = await secretariat.Open($"/indsatser/{project}/forbrug");
        var row = Assert.Single(list.Document.QuerySelectorAll("table.raad-forecasts tbody tr").Select(Cells));
        Assert.Equal("1. august 2025", row[0]);
        Assert.Equal("2,05 mio. kr.", row[1]);
        Assert.Equal("1,5 mio. kr.", row[2]);
        Assert.Equal("2 mio. kr.", row[3]);
        Assert.Equal("Merforbrug: 50.000 kr. over det tildelte", row[4]);
        Assert.Equal("Overspend", list.Document.QuerySelector("table.raad-forecasts [data-status]")!.GetAttribute("data-status"));
        // The same forecast again is refused: a later one is recorded under its own day.
        var again = await secretariat.Submit(await secretariat.Open($"/indsatser/{project}/forbrug"), new()
        {
            ["Input.AsOf"] = "2025-08-01",
            ["Input.ExpectedToCompletion"] = "2 mio.",
        });
        Assert.StartsWith("Der er allerede en prognose pr. 1. august 2025", again.Text("#Input_AsOf_error"), StringComparison.Ordinal);

        using var citizen = app.Anonymous();
        var page = await citizen.Open($"/indsatser/{project}");
        Assert.StartsWith("2,05 mio. kr. pr. 1. august 2025 – Merforbrug: 50.000 kr. over det tildelte", Facts(page)["Forventet forbrug"], StringComparison.Ordinal);
        Assert.Equal("2 mio. kr.", Facts(page)["Tildelt"]);
        var grant = Assert.Single(page.Document.QuerySelectorAll("#grants-heading ~ div table tbody tr").Select(Cells));
        Assert.Equal(["26. april 2023", "Tildeling", "+2 mio. kr.", "2 mio. kr.",
            "Møde 26. april 2023, punkt 2: Beslutning om indsatser på det psykiatriske område for 2023", "Testpulje for indsatser (test)", ""], grant);
        Assert.NotNull(page.Document.QuerySelector($"#grants-heading ~ div a[href='/moeder/{decision}']"));
    }

    [Fact]
    public async Task A_grant_decided_in_a_closed_item_names_the_item_only_to_insiders()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody("Indsatsudvalget med lukkede punkter (test)", "2024-01-01");
        var project = await CreateProject(secretariat, body, "Indsats besluttet for lukkede døre (test)");
        int meetingId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var meeting = new Meeting
            {
                BodyId = body,
                Date = new DateOnly(2024, 11, 14),
                Start = new TimeOnly(14, 0),
                End = new TimeOnly(16, 0),
                Location = "Rådhuset",
            };
            Assert.True(meeting.RecordPublishedAgenda().IsSuccess);
            Assert.True(meeting.MarkHeld(meeting.Date).IsSuccess);
            meeting.Items.Add(new AgendaItem
            {
                Title = "Lukket: bevilling til forhandlet leverandør (test)",
                Number = 1,
                Position = 1,
                Kind = ItemKind.Decision,
                DurationMinutes = 20,
                IsClosed = true,
            });
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(Ct);
            meetingId = meeting.Id;
        }
        await GrantAsync(project, 300_000m, new DateOnly(2024, 11, 14), (db, ct) =>
            db.AgendaItems.Include(i => i.Meeting).SingleAsync(i => i.MeetingId == meetingId, ct));

        using var citizen = app.Anonymous();
        using var member = await app.SignInAs(Role.Member);
        foreach (var outsider in new[] { citizen, member })
        {
            var page = await outsider.Open($"/indsatser/{project}");
            Assert.DoesNotContain("forhandlet leverandør", page.Text("main"), StringComparison.Ordinal);
            var cells = Assert.Single(page.Document.QuerySelectorAll("#grants-heading ~ div table tbody tr").Select(Cells));
            Assert.Equal("Møde 14. november 2024", cells[4]);
            Assert.Equal("300.000 kr.", Facts(page)["Tildelt"]);
        }
        var inside = await secretariat.Open($"/indsatser/{project}");
        Assert.Equal("Møde 14. november 2024, punkt 1: Lukket: bevilling til forhandlet leverandør (test)",
            Assert.Single(inside.Document.QuerySelectorAll("#grants-heading ~ div table tbody tr").Select(Cells))[4]);
    }

    [Fact]
    public async Task The_administrator_creates_a_health_agreement_with_three_focus_areas_and_edits_it_without_losing_its_projects()
    {
        using var admin = await app.SignInAs(Role.Administrator);
        var form = await admin.Open("/sundhedsaftaler/ny");
        var created = await admin.Submit(form, new()
        {
            ["Input.Name"] = "Sundhedsaftale 2024-2027 (test)",
            ["Input.ValidFrom"] = "2024-01-01",
            ["Input.ValidTo"] = "2027-12-31",
            ["Input.Principles"] = "Borgerne med fra start\r\nHelhedssyn\r\n\r\nSamme høje kvalitet\r\nEffektiv ressourceudnyttelse",
            ["Input.FocusAreas"] = $"{Elderly}\r\n{Mental}\r\n{Children}",
        });
        Assert.True(created.Status == HttpStatusCode.Redirect, created.Text("[role=alert]"));
        var agreement = int.Parse(created.RedirectTo!.AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);

        using var citizen = app.Anonymous();
        var page = await citizen.Open($"/sundhedsaftaler/{agreement}");
        Assert.Equal("Sundhedsaftale 2024-2027 (test)", page.Text("h1"));
        Assert.Equal("1. januar 2024 - 31. december 2027", page.Text("h1 + p"));
        Assert.Equal([Elderly, Mental, Children], page.Document.QuerySelectorAll("section.raad-focus-area h3").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Borgerne med fra start", "Helhedssyn", "Samme høje kvalitet", "Effektiv ressourceudnyttelse"],
            page.Document.QuerySelectorAll("#principles-heading + ul li").Select(li => li.TextContent.Trim()));
        Assert.NotNull((await citizen.Open("/sundhedsaftaler")).Document.QuerySelector($"a[href='/sundhedsaftaler/{agreement}']"));

        // A project under the second focus area.
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody("Indsatsudvalget for sundhedsaftalen (test)", "2024-01-01");
        var projectForm = await secretariat.Open($"/udvalg/{body}/indsatser/ny");
        var project = ProjectIdFrom(await secretariat.Submit(projectForm, new()
        {
            ["Input.Title"] = "Praksiskoordinator i psykiatrien (test)",
            ["Input.FocusAreaId"] = FocusAreaOption(projectForm, "Sundhedsaftale 2024-2027 (test)", Mental),
        }));
        Assert.Equal("Praksiskoordinator i psykiatrien (test)", Group(await citizen.Open($"/sundhedsaftaler/{agreement}"), Mental, "li a"));

        // Renaming a line keeps the focus area, and the project with it.
        var edit = await admin.Open($"/sundhedsaftaler/{agreement}/rediger");
        Assert.Equal($"{Elderly}\n{Mental}\n{Children}", edit.Value("Input.FocusAreas")?.ReplaceLineEndings("\n").Trim());
        var renamed = await admin.Submit(edit, new() { ["Input.FocusAreas"] = $"{Elderly}\n{Mental} (voksne og børn)\n{Children}" });
        Assert.True(renamed.Status == HttpStatusCode.Redirect, renamed.Text("[role=alert]"));
        Assert.StartsWith($"{Mental} (voksne og børn)", Facts(await citizen.Open($"/indsatser/{project}"))["Fokusområde"], StringComparison.Ordinal);

        // A focus area with projects cannot be removed; one without can.
        var removing = await admin.Submit(await admin.Open($"/sundhedsaftaler/{agreement}/rediger"), new() { ["Input.FocusAreas"] = $"{Elderly}\n{Children}" });
        Assert.Equal(HttpStatusCode.OK, removing.Status);
        Assert.StartsWith($"Fokusområdet \"{Mental} (voksne og børn)\" kan ikke fjernes, fordi indsatsen \"Praksiskoordinator i psykiatrien (test)\" hører under det.",
            removing.Text("#Input_FocusAreas_error"), StringComparison.Ordinal);
        Assert.Equal(3, (await citizen.Open($"/sundhedsaftaler/{agreement}")).Document.QuerySelectorAll("section.raad-focus-area").Length);
        var removed = await admin.Submit(await admin.Open($"/sundhedsaftaler/{agreement}/rediger"), new() { ["Input.FocusAreas"] = $"{Mental} (voksne og børn)\n{Elderly}" });
        Assert.True(removed.Status == HttpStatusCode.Redirect, removed.Text("[role=alert]"));
        Assert.Equal([$"{Mental} (voksne og børn)", Elderly],
            (await citizen.Open($"/sundhedsaftaler/{agreement}")).Document.QuerySelectorAll("section.raad-focus-area h3").Select(h => h.TextContent.Trim()));
        Assert.StartsWith($"{Mental} (voksne og børn)", Facts(await citizen.Open($"/indsatser/{project}"))["Fokusområde"], StringComparison.Ordinal);

        // Two administrators at once: the second save, made from the older form, is refused.
        var one = await admin.Open($"/sundhedsaftaler/{agreement}/rediger");
        var other = await admin.Open($"/sundhedsaftaler/{agreement}/rediger");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Submit(one, new() { ["Input.Principles"] = "Helhedssyn" })).Status);
        var stale = await admin.Submit(other, new() { ["Input.Name"] = "Omdøbt fra en gammel formular (test)" });
        Assert.Contains("er blevet ændret af en anden", stale.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("Sundhedsaftale 2024-2027 (test)", (await citizen.Open($"/sundhedsaftaler/{agreement}")).Text("h1"));

        // The secretariat keeps projects, not agreements.
        Assert.Equal("/konto/adgang-naegtet", (await secretariat.Open("/sundhedsaftaler/ny")).RedirectTo?.AbsolutePath);
    }

    [Fact]
    public async Task Two_administrators_saving_the_same_agreement_at_once_cannot_both_be_saved()
    {
        using var first = await app.SignInAs(Role.Administrator);
        using var second = await app.SignInAs(Role.Administrator);
        var agreement = await CreateAgreement(first, "Samtidighedsaftale 2024-2027 (test)", [Elderly, Mental]);

        // Both forms show the same version; one renames a focus area, the other adds one. Only one may win.
        var forms = new[] { await first.Open($"/sundhedsaftaler/{agreement}/rediger"), await second.Open($"/sundhedsaftaler/{agreement}/rediger") };
        var answers = await Task.WhenAll(
            first.Submit(forms[0], new() { ["Input.FocusAreas"] = $"{Elderly} (omdøbt)\n{Mental}" }),
            second.Submit(forms[1], new() { ["Input.FocusAreas"] = $"{Elderly}\n{Mental}\n{Children}" }));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Contains("er blevet ændret af en anden", refused.Text("[role=alert]"), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var saved = await db.HealthAgreements.Include(a => a.FocusAreas).SingleAsync(a => a.Id == agreement, Ct);
        Assert.Equal(1, saved.Version);
        Assert.Contains(saved.FocusAreas.Count, new[] { 2, 3 });
        Assert.True(saved.FocusAreas.Count == 3 != saved.FocusAreas.Any(f => f.Name.EndsWith("(omdøbt)", StringComparison.Ordinal)),
            "Begge ændringer blev gemt oven i hinanden.");
    }

    /// <summary>The administrator's new health agreement through its form; its id.</summary>
    private static async Task<int> CreateAgreement(Visitor admin, string name, string[] focusAreas)
    {
        var created = await admin.Submit(await admin.Open("/sundhedsaftaler/ny"), new()
        {
            ["Input.Name"] = name,
            ["Input.ValidFrom"] = "2024-01-01",
            ["Input.ValidTo"] = "2027-12-31",
            ["Input.FocusAreas"] = string.Join('\n', focusAreas),
        });
        Assert.True(created.Status == HttpStatusCode.Redirect, created.Text("[role=alert]"));
        return int.Parse(created.RedirectTo!.AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>A planned project with only a title, through "Opret indsats"; its id.</summary>
    private static async Task<int> CreateProject(Visitor secretariat, int body, string title) =>
        ProjectIdFrom(await secretariat.Submit(await secretariat.Open($"/udvalg/{body}/indsatser/ny"), new() { ["Input.Title"] = title }));

    private static int ProjectIdFrom(HtmlPage saved)
    {
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        Assert.StartsWith("/indsatser/", saved.RedirectTo!.AbsolutePath, StringComparison.Ordinal);
        return int.Parse(saved.RedirectTo.AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Money for the project from a pool of the deciding meeting's body (Grant.Record checks that they match), decided by an
    /// item (the domain's own step, as the grant page will take it); the id of the deciding meeting.
    /// </summary>
    private async Task<int> GrantAsync(int projectId, decimal amount, DateOnly date, Func<AppDbContext, CancellationToken, Task<AgendaItem>> item)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var decidedBy = await item(db, Ct);
        var body = decidedBy.Meeting!.BodyId;
        var pool = await db.FundingPools.Include(p => p.Grants).Include(p => p.Contributions)
            .FirstOrDefaultAsync(p => p.BodyId == body && p.Name == "Testpulje for indsatser (test)", Ct);
        if (pool is null)
        {
            pool = new FundingPool { BodyId = body, Year = 2023, Name = "Testpulje for indsatser (test)" };
            Assert.True(pool.AddContribution("Kommunerne og regionen", 5_000_000m, null, null, new DateOnly(2023, 1, 1)).IsSuccess);
            db.FundingPools.Add(pool);
        }
        var project = await db.Projects.Include(p => p.Grants).SingleAsync(p => p.Id == projectId, Ct);
        var grant = Grant.Record(pool, project, project.Grants.Count == 0 ? GrantKind.Grant : GrantKind.Increase, amount, date, decidedBy);
        Assert.True(grant.IsSuccess, grant.Errors is { Count: > 0 } e ? e[0].Message : "");
        await db.SaveChangesAsync(Ct);
        return decidedBy.MeetingId;
    }

    /// <summary>The demo's item of Politisk Sundhedsklynge Syd with this number at the meeting of this day.</summary>
    private static Func<AppDbContext, CancellationToken, Task<AgendaItem>> DemoItem(DateOnly date, int number) => (db, ct) =>
        db.AgendaItems.Include(i => i.Meeting)
            .SingleAsync(i => i.Meeting!.Body!.Name == "Politisk Sundhedsklynge Syd" && i.Meeting.Date == date && i.Number == number, ct);

    /// <summary>The value of the option with this text in the select.</summary>
    private static string OptionValue(HtmlPage page, string select, string text) =>
        page.Document.QuerySelectorAll($"select[name='{select}'] option").Single(o => o.TextContent.Trim() == text).GetAttribute("value")!;

    /// <summary>The focus area's option under its agreement's heading in the project form.</summary>
    private static string FocusAreaOption(HtmlPage page, string agreement, string area) =>
        page.Document.QuerySelectorAll("select[name='Input.FocusAreaId'] optgroup").Single(g => g.GetAttribute("label") == agreement)
            .QuerySelectorAll("option").Single(o => o.TextContent.Trim() == area).GetAttribute("value")!;

    /// <summary>The project page's facts: "Forankret i", "Status", ... with their text.</summary>
    private static Dictionary<string, string> Facts(HtmlPage page) =>
        page.Document.QuerySelectorAll("dl.raad-meta dt").ToDictionary(dt => dt.TextContent.Trim(),
            dt => System.Text.RegularExpressions.Regex.Replace(dt.NextElementSibling!.TextContent, @"\s+", " ").Trim());

    /// <summary>The rows of the portfolio's group with this heading, each as its cells' texts.</summary>
    private static List<string[]> Group(HtmlPage portfolio, string heading) =>
    [
        .. portfolio.Document.QuerySelectorAll("table tbody")
            .Single(b => b.QuerySelector("th[scope=colgroup]")?.TextContent.Trim() == heading)
            .QuerySelectorAll("tr").Skip(1).Select(Cells),
    ];

    /// <summary>The text of the first element matching <paramref name="selector"/> in the agreement page's section of this focus area.</summary>
    private static string Group(HtmlPage agreement, string area, string selector) =>
        agreement.Document.QuerySelectorAll("section.raad-focus-area").Single(s => s.QuerySelector("h3")?.TextContent.Trim() == area)
            .QuerySelector(selector)?.TextContent.Trim() ?? "";

    private static string[] Cells(IElement row) =>
        [.. row.QuerySelectorAll("th, td").Select(c => System.Text.RegularExpressions.Regex.Replace(c.TextContent, @"\s+", " ").Trim())];
}

public sealed class ProjectsOnSqlite(SqliteApp app) : ProjectScenarios(app), IClassFixture<SqliteApp>;

public sealed class ProjectsOnPostgres(PostgresApp app) : ProjectScenarios(app), IClassFixture<PostgresApp>;
