using System.Globalization;
using System.Net;
using System.Text.Json;
using Raad.Web.Tests.Infrastructure;
using static Raad.Web.Tests.Scenarios.ProcedureTestBodies;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// After the meeting the secretariat records who came (or sent their substitute), who left for single items, and
/// what was decided; the public reads the minutes once they are approved.
/// </summary>
public abstract class MinutesScenarios(RaadApp app)
{
    // A body of its own from 1 January 2026, so that a meeting on 1 October 2026 has been held by the test clock's today (3 December 2026).
    private const string Body = "Referatudvalget (test)";
    private const string Anne = "Anne Regionsrådsmedlem";
    private const string Bent = "Bent Borgmester";
    private const string Cecilie = "Cecilie Suppleant";
    private const string Dorthe = "Dorthe Praktiserende";
    private const string Erik = "Erik Suppleant";
    private const string Welcome = "Velkomst og godkendelse af dagsorden";
    private const string Budget = "Budget 2027";
    private const string AnyOtherBusiness = "Eventuelt";

    [Fact]
    public async Task Secretariat_records_who_came_who_left_an_item_and_what_was_decided()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var minutes = await HeldMeeting(secretariat, "2026-10-01");

        await RecordTheMeeting(secretariat, minutes);

        var meeting = await secretariat.GetJson($"/api/meetings/{minutes.Id}");
        Assert.Equal("minutesDraft", meeting.GetProperty("status").GetString());
        var items = meeting.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("title").GetString()!);
        Assert.Equal("Godkendt", items[Welcome].GetProperty("decision").GetString());
        Assert.Equal("Indstillingen blev tiltrådt.\n\nUdvalget ønsker en status i foråret.", items[Budget].GetProperty("decision").GetString());
        Assert.Equal("Taget til efterretning", items[AnyOtherBusiness].GetProperty("decision").GetString());
        // Bent sent Cecilie, who sat in his seat: he is absent from no item.
        Assert.Empty(Absent(items[Welcome]));
        Assert.Equal([Dorthe], Absent(items[Budget]));
        Assert.Empty(Absent(items[AnyOtherBusiness]));
        var attendance = meeting.GetProperty("attendance").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => (
                Status: a.GetProperty("status").GetString(),
                Substitute: a.GetProperty("substitute").ValueKind == JsonValueKind.Null ? null : a.GetProperty("substitute").GetString()));
        Assert.Equal(("present", (string?)null), attendance[Anne]);
        Assert.Equal(("absent", (string?)Cecilie), attendance[Bent]);
        Assert.Equal(("present", (string?)null), attendance[Dorthe]);
        Assert.Equal(3, attendance.Count);
    }

    [Fact]
    public async Task Secretariat_records_attendance_of_a_meeting_where_nobody_left_during_an_item()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var minutes = await HeldMeeting(secretariat, "2026-10-29");

        // No box under "Fravær under enkelte punkter" is ticked, so the form sends no Absences[...] at all.
        var result = await RecordAttendance(secretariat, minutes.Id, new()
        {
            [minutes.Members[Anne]] = ("Present", null),
            [minutes.Members[Bent]] = ("Present", null),
            [minutes.Members[Dorthe]] = ("Absent", null),
        }, []);

        Assert.True(result.Status == HttpStatusCode.Redirect, $"Fremmødet ikke gemt ({(int)result.Status}): {result.Text("h1")} {result.Text("[role=alert]")}");
        var meeting = await secretariat.GetJson($"/api/meetings/{minutes.Id}");
        Assert.Equal(3, meeting.GetProperty("attendance").GetArrayLength());
        Assert.All(meeting.GetProperty("items").EnumerateArray(), i => Assert.Equal([Dorthe], Absent(i)));
    }

    [Fact]
    public async Task Public_reads_the_decisions_and_the_minutes_only_once_they_are_approved()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var minutes = await HeldMeeting(secretariat, "2026-10-08");
        await RecordTheMeeting(secretariat, minutes);
        using var outsider = app.Anonymous();

        var before = await outsider.GetJson($"/api/meetings/{minutes.Id}");
        Assert.NotEmpty(before.GetProperty("items").EnumerateArray());
        Assert.All(before.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("decision").ValueKind));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Open($"/moeder/{minutes.Id}/referat")).Status);
        Assert.DoesNotContain("Indstillingen blev tiltrådt", (await outsider.Open($"/moeder/{minutes.Id}/dagsorden")).Document.Body!.TextContent);

        var approved = await secretariat.SubmitForm((await secretariat.Open($"/moeder/{minutes.Id}/referat/godkendelse")).Handler("Approve"),
            new() { ["UnderItemId"] = $"{minutes.Items[AnyOtherBusiness]}" });
        Assert.True(approved.Status == HttpStatusCode.Redirect, $"Ikke godkendt ({(int)approved.Status}): {approved.Text("[role=alert]")}");

        var after = await outsider.GetJson($"/api/meetings/{minutes.Id}");
        Assert.Equal("minutesApproved", after.GetProperty("status").GetString());
        Assert.Equal(["Godkendt", "Indstillingen blev tiltrådt.\n\nUdvalget ønsker en status i foråret.", "Taget til efterretning"],
            after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("decision").GetString()));
        var document = await outsider.Open($"/moeder/{minutes.Id}/referat");
        Assert.Equal(HttpStatusCode.OK, document.Status);
        Assert.Equal("REFERAT", document.Text("h1"));
        var budget = document.Document.QuerySelectorAll("section[aria-labelledby^='punkt-']")
            .Single(s => s.QuerySelector("h2")!.TextContent.Contains(Budget, StringComparison.Ordinal));
        var text = budget.TextContent;
        Assert.Contains("Udvalgets beslutning", text);
        Assert.Contains("Udvalget ønsker en status i foråret.", text);
        Assert.Contains("Fraværende", text);
        Assert.Contains(Dorthe, text);
        Assert.DoesNotContain(Bent, text);
        Assert.Contains($"{Cecilie} for {Bent}", document.Text("section[aria-labelledby='attendance-heading']"));
    }

    [Fact]
    public async Task Public_sees_no_attendance_or_absences_before_the_minutes_are_approved()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var minutes = await HeldMeeting(secretariat, "2026-10-15");
        await RecordTheMeeting(secretariat, minutes);
        using var outsider = app.Anonymous();

        var meeting = await outsider.GetJson($"/api/meetings/{minutes.Id}");

        // The minutes page is not found for the public until approval; the API's draft minutes must not show more.
        Assert.Empty(meeting.GetProperty("attendance").EnumerateArray());
        Assert.All(meeting.GetProperty("items").EnumerateArray(), i => Assert.Empty(i.GetProperty("absent").EnumerateArray()));
    }

    [Fact]
    public async Task Secretariat_who_picks_another_members_substitute_is_told_so_and_nothing_is_saved()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var minutes = await HeldMeeting(secretariat, "2026-10-22");

        var result = await RecordAttendance(secretariat, minutes.Id, new()
        {
            [minutes.Members[Anne]] = ("Present", null),
            [minutes.Members[Bent]] = ("Absent", minutes.Members[Erik]),
            [minutes.Members[Dorthe]] = ("Present", null),
        }, []);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"{Erik} er ikke suppleant for {Bent}.", result.Text("[role=alert]"));
        var meeting = await secretariat.GetJson($"/api/meetings/{minutes.Id}");
        Assert.Empty(meeting.GetProperty("attendance").EnumerateArray());
        Assert.Equal("held", meeting.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Secretariat_cannot_mark_a_meeting_held_before_its_date()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await Committee(secretariat);
        // A week after the app's today, whatever the machine's date.
        var nextWeek = app.Clock.Today.AddDays(7);
        var planned = await secretariat.PlanMeeting(body.Id, new MeetingPlan(ProcedureTestBodies.Iso(nextWeek), "14:00", "16:00"));
        Assert.Equal(HttpStatusCode.Redirect, planned.Status);
        var meeting = await secretariat.MeetingId(body.Id, ProcedureTestBodies.Iso(nextWeek));
        await secretariat.AddItem(meeting, Budget);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(meeting, "AgendaPublished")).Status);

        var result = await secretariat.ChangeStatus(meeting, "Held");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"Mødet er først den {Raad.Domain.Common.DanishFormat.Date(nextWeek)} og kan ikke markeres som afholdt før.", result.Text("[role=alert]"));
        Assert.Equal("agendaPublished", (await secretariat.GetJson($"/api/meetings/{meeting}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Secretariat_declares_a_member_disqualified_for_one_item_and_the_minutes_say_so()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var minutes = await HeldMeeting(secretariat, "2026-09-24");
        await RecordAttendance(secretariat, minutes.Id, new()
        {
            [minutes.Members[Anne]] = ("Present", null),
            [minutes.Members[Bent]] = ("Present", null),
            [minutes.Members[Dorthe]] = ("Present", null),
        }, []);
        var editor = await secretariat.Open($"/moeder/{minutes.Id}/referat/rediger");
        var form = editor.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => f.Action.Contains("Disqualify", StringComparison.Ordinal)
                && f.QuerySelector($"input[name='itemId'][value='{minutes.Items[Budget]}']") is not null);

        var withoutReason = await secretariat.SubmitForm(form, new() { ["membershipId"] = $"{minutes.Members[Anne]}", ["reason"] = "" });

        Assert.Equal(HttpStatusCode.OK, withoutReason.Status);
        Assert.Contains("Skriv, hvorfor medlemmet er inhabilt.", withoutReason.Text("[role=alert]"));

        var declared = await secretariat.SubmitForm(form, new() { ["membershipId"] = $"{minutes.Members[Anne]}", ["reason"] = "bestyrelsesmedlem i ansøgeren" });

        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        var items = (await secretariat.GetJson($"/api/meetings/{minutes.Id}")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("title").GetString()!);
        Assert.Equal([Anne], items[Budget].GetProperty("disqualified").EnumerateArray().Select(d => d.GetString()));
        Assert.Empty(items[Welcome].GetProperty("disqualified").EnumerateArray());
        Assert.Empty(Absent(items[Budget]));
        var document = await secretariat.Open($"/moeder/{minutes.Id}/referat");
        Assert.Contains($"{Anne} deltog ikke i sagens behandling.", document.Text("article"));

        var again = await secretariat.SubmitForm(form, new() { ["membershipId"] = $"{minutes.Members[Anne]}", ["reason"] = "igen" });
        Assert.Contains("Medlemmet er allerede erklæret inhabilt i punktet.", again.Text("[role=alert]"));
    }

    [Fact]
    public async Task Secretariat_records_a_vote_per_member_and_a_dissent_and_the_minutes_print_them()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var minutes = await HeldMeeting(secretariat, "2026-09-17");
        var editor = await secretariat.Open($"/moeder/{minutes.Id}/referat/rediger");
        AngleSharp.Html.Dom.IHtmlFormElement FormFor(HtmlPage page, string handler) =>
            page.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
                .Single(f => f.Action.Contains(handler, StringComparison.Ordinal)
                    && f.QuerySelector($"input[name='itemId'][value='{minutes.Items[Budget]}']") is not null);

        var empty = await secretariat.SubmitForm(FormFor(editor, "Vote"), []);

        Assert.Contains("Angiv, hvem der stemte for, imod eller undlod.", empty.Text("[role=alert]"));

        var voted = await secretariat.SubmitForm(FormFor(editor, "Vote"), new()
        {
            [$"choice[{minutes.Members[Anne]}]"] = "For",
            [$"choice[{minutes.Members[Bent]}]"] = "Against",
            [$"choice[{minutes.Members[Dorthe]}]"] = "Abstained",
        });
        Assert.Equal(HttpStatusCode.Redirect, voted.Status);
        var dissent = await secretariat.SubmitForm(FormFor(await secretariat.Open($"/moeder/{minutes.Id}/referat/rediger"), "Dissent"), new()
        {
            ["membershipId"] = $"{minutes.Members[Bent]}",
            ["text"] = "Kommunerne bør ikke bære udgiften alene.",
        });
        Assert.Equal(HttpStatusCode.Redirect, dissent.Status);

        var document = (await secretariat.Open($"/moeder/{minutes.Id}/referat")).Text("article");
        Assert.Contains($"For stemte: {Anne}; Imod stemte: {Bent}; Undlod: {Dorthe}.", document);
        Assert.Contains($"Protokoltilførsel fra {Bent}: Kommunerne bør ikke bære udgiften alene.", document);
        var item = (await secretariat.GetJson($"/api/meetings/{minutes.Id}")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == Budget);
        Assert.Equal($"For stemte: {Anne}; Imod stemte: {Bent}; Undlod: {Dorthe}.", item.GetProperty("vote").GetString());
    }

    private sealed record Minutes(int Id, IReadOnlyDictionary<string, int> Members, IReadOnlyDictionary<string, int> Items);

    /// <summary>
    /// As recorded after the meeting: Anne and Dorthe came, Bent sent his substitute Cecilie, Dorthe left during the
    /// budget item; the decisions use the quick choices, one with a text of its own.
    /// </summary>
    private static async Task RecordTheMeeting(Visitor secretariat, Minutes minutes)
    {
        var attendance = await RecordAttendance(secretariat, minutes.Id, new()
        {
            [minutes.Members[Anne]] = ("Present", null),
            [minutes.Members[Bent]] = ("Absent", minutes.Members[Cecilie]),
            [minutes.Members[Dorthe]] = ("Present", null),
        }, new() { [minutes.Items[Budget]] = minutes.Members[Dorthe] });
        Assert.True(attendance.Status == HttpStatusCode.Redirect, $"Fremmødet ikke gemt ({(int)attendance.Status}): {attendance.Text("[role=alert]")}");

        await Decide(secretariat, minutes, Welcome, "Godkendt", "");
        await Decide(secretariat, minutes, Budget, "Indstillingen blev tiltrådt", "Udvalget ønsker en status i foråret.");
        await Decide(secretariat, minutes, AnyOtherBusiness, "Taget til efterretning", "");
    }

    /// <summary>Fills in "Fremmøde": a status (and substitute) per member, and members absent from single items.</summary>
    private static async Task<HtmlPage> RecordAttendance(Visitor secretariat, int meeting,
        Dictionary<int, (string Status, int? Substitute)> seats, Dictionary<int, int> absentFromItem)
    {
        var page = await secretariat.Open($"/moeder/{meeting}/fremmoede");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var fields = new Dictionary<string, string>();
        foreach (var seat in page.Document.QuerySelectorAll("input[name^='Seats['][name$='].MembershipId']"))
        {
            var prefix = seat.GetAttribute("name")![..^".MembershipId".Length];
            var membership = int.Parse(seat.GetAttribute("value")!, CultureInfo.InvariantCulture);
            if (seats.TryGetValue(membership, out var entry))
            {
                fields[$"{prefix}.Status"] = entry.Status;
                if (entry.Substitute is { } substitute)
                {
                    fields[$"{prefix}.SubstituteId"] = $"{substitute}";
                }
            }
        }
        Assert.Equal(seats.Count, fields.Keys.Count(k => k.EndsWith(".Status", StringComparison.Ordinal)));
        foreach (var (item, membership) in absentFromItem)
        {
            fields[$"Absences[{item}]"] = $"{membership}";
        }
        return await secretariat.Submit(page, fields);
    }

    /// <summary>Records the decision on one item in "Referat".</summary>
    private static async Task Decide(Visitor secretariat, Minutes minutes, string item, string quick, string text)
    {
        var result = await secretariat.Decide(minutes.Id, minutes.Items[item], quick, text);
        Assert.True(result.Status == HttpStatusCode.Redirect, $"Beslutningen ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
    }

    /// <summary>A meeting of the committee on a past date with the item "Budget 2027", published and marked as held.</summary>
    private static async Task<Minutes> HeldMeeting(Visitor secretariat, string date)
    {
        var body = await Committee(secretariat);
        var planned = await secretariat.PlanMeeting(body.Id, new MeetingPlan(date, "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(body.Id, date);
        await secretariat.AddItem(meeting, Budget, minutes: 30, kind: "Decision");
        var items = (await secretariat.DraftItems(meeting)).ToDictionary(i => i.Title, i => i.Id);
        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished");
        Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");
        var held = await secretariat.ChangeStatus(meeting, "Held");
        Assert.True(held.Status == HttpStatusCode.Redirect, $"Ikke afholdt ({(int)held.Status}): {held.Text("[role=alert]")}");
        return new Minutes(meeting, body.Members, items);
    }

    /// <summary>
    /// The committee and its members, set up through the forms the first time: three members, each in a group and
    /// an organisation, and two substitutes, Cecilie for Bent and Erik for Anne.
    /// </summary>
    private static async Task<(int Id, IReadOnlyDictionary<string, int> Members)> Committee(Visitor secretariat)
    {
        var body = await secretariat.EnsureBody(Body, "2026-01-01");
        if ((await secretariat.Members(body)).Length == 0)
        {
            await Add(secretariat, body, Anne, "regionsrådsmedlem", "V", "Member", "Regional", "Region Testland", "Region");
            await Add(secretariat, body, Bent, "borgmester", "A", "Member", "Municipal", "Testby Kommune", "Municipality");
            await Add(secretariat, body, Dorthe, "praktiserende læge", "", "Member", "GeneralPractice", "PLO-Testland", "GeneralPractice");
            await Add(secretariat, body, Cecilie, "byrådsmedlem", "A", "Substitute", "Municipal", "Testby Kommune", "Municipality",
                await secretariat.MembershipId(body, Bent));
            await Add(secretariat, body, Erik, "regionsrådsmedlem", "V", "Substitute", "Regional", "Region Testland", "Region",
                await secretariat.MembershipId(body, Anne));
        }
        return (body, (await secretariat.Members(body)).ToDictionary(
            m => m.GetProperty("name").GetString()!, m => m.GetProperty("membershipId").GetInt32()));
    }

    private static async Task Add(Visitor secretariat, int body, string name, string title, string party, string role, string group,
        string organisation, string organisationKind, int? standsInFor = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.NewPersonName"] = name,
            ["Input.NewPersonTitle"] = title,
            ["Input.NewPersonParty"] = party,
            ["Input.Role"] = role,
            ["Input.Group"] = group,
            ["Input.NewOrganisationName"] = organisation,
            ["Input.NewOrganisationKind"] = organisationKind,
            ["Input.From"] = "2026-01-01",
        };
        if (standsInFor is { } member)
        {
            fields["Input.StandsInForId"] = $"{member}";
        }
        var result = await secretariat.AddMembership(body, fields);
        Assert.True(result.Status == HttpStatusCode.Redirect, $"{name} ikke tilføjet ({(int)result.Status}): {result.Text("[role=alert]")}");
    }

    private static string[] Absent(JsonElement item) =>
        [.. item.GetProperty("absent").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal)];
}

public sealed class MinutesOnSqlite(SqliteApp app) : MinutesScenarios(app), IClassFixture<SqliteApp>;

public sealed class MinutesOnPostgres(PostgresApp app) : MinutesScenarios(app), IClassFixture<PostgresApp>;
