using System.Net;
using System.Text.Json;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>The rules of procedure at work: findings over the API, a late agenda that must say why, versions of the rules.</summary>
public abstract class ProcedureScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private const string Holbaek = "HOL Sundhedsklynge Politisk Forum";

    private static string[] Codes(JsonElement findings) =>
        [.. findings.EnumerateArray().Select(f => f.GetProperty("code").GetString()!)];

    [Fact]
    public async Task Outsider_reads_the_findings_the_demos_dates_imply()
    {
        using var outsider = app.Anonymous();
        var syd = await outsider.BodyId(Syd);

        // 27 August 2025: agenda out on 15 August (12 days), 17 members as § 1 says, two ordinary meetings in 2025.
        var august = await outsider.GetJson($"/api/meetings/{await outsider.MeetingId(syd, "2025-08-27")}/compliance");
        Assert.Empty(august.EnumerateArray());

        // 26 April 2023: extraordinary on Teams is allowed; the minutes were never sent, and Lars Gaardhøj chaired twice running.
        var april = await outsider.GetJson($"/api/meetings/{await outsider.MeetingId(syd, "2023-04-26")}/compliance");
        Assert.Equal(["procedure.minutes_overdue", "procedure.chair_not_in_turn"], Codes(april));
        var overdue = april.EnumerateArray().First();
        Assert.Equal("violation", overdue.GetProperty("severity").GetString());
        Assert.Equal("§ 3, stk. 5: Referatet skulle være udsendt senest 6. maj 2023 (10 dage efter mødet).", overdue.GetProperty("message").GetString());
        Assert.Equal("Forretningsorden for Politisk sundhedsklynge Syd, § 3, stk. 5", overdue.GetProperty("reference").GetString());
        Assert.DoesNotContain("procedure.virtual_ordinary_meeting", Codes(april));
    }

    [Fact]
    public async Task Holbaeks_minutes_approved_at_the_meeting_are_not_held_to_the_dispatch_deadline()
    {
        using var outsider = app.Anonymous();
        var hol = await outsider.BodyId(Holbaek);

        var findings = await outsider.GetJson($"/api/meetings/{(await outsider.Meetings(hol))[0].GetProperty("id").GetInt32()}/compliance");

        Assert.DoesNotContain("procedure.minutes_overdue", Codes(findings));
        Assert.DoesNotContain("procedure.virtual_ordinary_meeting", Codes(findings));
    }

    [Fact]
    public async Task Secretariat_who_publishes_an_agenda_late_must_say_why_and_the_agenda_prints_it()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var planned = await secretariat.PlanMeeting(syd, new MeetingPlan("2025-12-11", "14:00", "16:00"));
        Assert.Equal(HttpStatusCode.Redirect, planned.Status);
        var meeting = await secretariat.MeetingId(syd, "2025-12-11");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(meeting, "AgendaDraft")).Status);

        var refused = await secretariat.ChangeStatus(meeting, "AgendaPublished");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("§ 3, stk. 3: Dagsordenen skal udsendes senest 10 dage før mødet", refused.Text("[role=alert]"));
        Assert.Contains("Skriv, hvorfor den udsendes for sent", refused.Text("[role=alert]"));
        Assert.Equal("agendaDraft", (await secretariat.GetJson($"/api/meetings/{meeting}")).GetProperty("status").GetString());

        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished", "materialet fra regionen kom først i dag");

        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        using var outsider = app.Anonymous();
        var agenda = await outsider.Open($"/moeder/{meeting}/dagsorden");
        Assert.Contains("Dagsordenen er udsendt for sent, fordi materialet fra regionen kom først i dag", agenda.Text("article"));
        var findings = await outsider.GetJson($"/api/meetings/{meeting}/compliance");
        Assert.Contains("procedure.agenda_notice_too_short", Codes(findings));
    }

    [Fact]
    public async Task Administrator_adds_a_version_of_the_rules_and_an_overlapping_one_is_refused()
    {
        using var administrator = await app.SignInAs(Role.Administrator);
        var hol = await administrator.BodyId(Holbaek);
        var form = await administrator.Open($"/udvalg/{hol}/forretningsorden/ny");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var overlapping = await administrator.Submit(form, new() { ["Input.ValidFrom"] = "2025-06-01", ["Input.ValidTo"] = "" });

        Assert.Equal(HttpStatusCode.OK, overlapping.Status);
        Assert.Contains("Perioden overlapper versionen", overlapping.Text("[role=alert]"));

        var next = await administrator.Submit(form, new()
        {
            ["Input.Title"] = "Forretningsorden for Sundhedsråd Midt- og Vestsjælland",
            ["Input.ValidFrom"] = "2026-01-01",
            ["Input.ValidTo"] = "",
            ["Input.AgendaNoticeDays"] = "14",
        });

        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        var page = await administrator.Open($"/udvalg/{hol}/forretningsorden");
        Assert.Contains("senest 14 dage før mødet", page.Text("main"));
        Assert.Contains("fra 1. januar 2026", page.Text("main"));
    }

    [Fact]
    public async Task A_disqualified_member_leaves_the_items_quorum()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var april = await secretariat.MeetingId(syd, "2023-04-26");
        // 9 of Syd's 17 members come: the four regional members and five mayors (the form lists regional members first).
        var page = await secretariat.Open($"/moeder/{april}/fremmoede");
        var seats = page.Document.QuerySelectorAll("input[name^='Seats['][name$='].MembershipId']").ToList();
        Assert.Equal(17, seats.Count);
        var fields = new Dictionary<string, string>();
        for (var n = 0; n < seats.Count; n++)
        {
            fields[$"Seats[{n}].Status"] = n < 9 ? "Present" : "Absent";
        }
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.Submit(page, fields)).Status);
        Assert.DoesNotContain("procedure.no_quorum", Codes(await secretariat.GetJson($"/api/meetings/{april}/compliance")));

        var editor = await secretariat.Open($"/moeder/{april}/referat/rediger");
        var firstItem = editor.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .First(f => f.Action.Contains("Disqualify", StringComparison.Ordinal));
        var declared = await secretariat.SubmitForm(firstItem, new()
        {
            ["membershipId"] = seats[0].GetAttribute("value")!,
            ["reason"] = "part i sagen",
        });
        Assert.Equal(HttpStatusCode.Redirect, declared.Status);

        var findings = await secretariat.GetJson($"/api/meetings/{april}/compliance");
        var quorum = Assert.Single(findings.EnumerateArray(), f => f.GetProperty("code").GetString() == "procedure.no_quorum");
        Assert.Equal("§ 4, stk. 2: Punkt 1: 8 af 17 medlemmer deltog; mindst 9 skal være til stede.", quorum.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Secretariat_sees_a_meetings_deadlines_and_the_bodys_page_lists_those_due_within_14_days()
    {
        // Relative to the app's today, so the scenario holds whenever it runs.
        var today = app.Clock.Today;
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var administrator = await app.SignInAs(Role.Administrator);
        var body = await administrator.CreateBody("Fristudvalget (test)", Iso(today.AddDays(-100)));
        await administrator.GrantSecretariat(ProcedureTestBodies.SecretariatEmail, body);
        var rules = await administrator.Submit(await administrator.Open($"/udvalg/{body}/forretningsorden/ny"), new()
        {
            ["Input.ValidFrom"] = Iso(today.AddDays(-100)),
            ["Input.AgendaNoticeDays"] = "10",
            ["Input.ItemRequestLeadDays"] = "28",
        });
        Assert.Equal(HttpStatusCode.Redirect, rules.Status);
        var meetingDate = today.AddDays(20);
        Assert.Equal(HttpStatusCode.Redirect, (await administrator.PlanMeeting(body, new MeetingPlan(Iso(meetingDate), "14:00", "16:00"))).Status);
        var meeting = await administrator.MeetingId(body, Iso(meetingDate));

        var page = await administrator.Open($"/moeder/{meeting}");

        var timeline = page.Text(".raad-timeline");
        Assert.Contains($"{Raad.Domain.Common.DanishFormat.Date(meetingDate.AddDays(-28))} Ønsker om punkter", Squeeze(timeline));
        Assert.Contains($"{Raad.Domain.Common.DanishFormat.Date(meetingDate.AddDays(-10))} Dagsorden udsendes", Squeeze(timeline));
        Assert.Contains($"{Raad.Domain.Common.DanishFormat.Date(meetingDate.AddDays(10))} Referat udsendes", Squeeze(timeline));

        var due = Squeeze((await administrator.Open($"/udvalg/{body}")).Text("#due-heading + ul"));
        Assert.Contains($"{Raad.Domain.Common.DanishFormat.Date(meetingDate.AddDays(-10))}: Dagsorden udsendes", due);
        Assert.DoesNotContain("Ønsker om punkter", due);
    }

    private static string Squeeze(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}

public sealed class ProcedureOnSqlite(SqliteApp app) : ProcedureScenarios(app), IClassFixture<SqliteApp>;

public sealed class ProcedureOnPostgres(PostgresApp app) : ProcedureScenarios(app), IClassFixture<PostgresApp>;
