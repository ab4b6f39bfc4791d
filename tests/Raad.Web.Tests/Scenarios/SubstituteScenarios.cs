using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;
using static Raad.Web.Tests.Scenarios.ProcedureTestBodies;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The secretary records the attendance on one page, as she works: everyone present with one button, then the member
/// who sent a substitute, chosen from the body's substitutes or created on the spot. The substitute then sits in the
/// member's seat everywhere: the items' "Fraværende", the vote table, the quorum and the minutes.
/// </summary>
public abstract class SubstituteScenarios(RaadApp app)
{
    private const string Anne = "Anne Suppleantsag";
    private const string Bent = "Bent Suppleantsag";
    private const string Cecilie = "Cecilie Suppleantsag";
    private const string Dorthe = "Dorthe Suppleantsag";
    private const string Budget = "Budget for suppleanter";

    [Fact]
    public async Task The_attendance_page_groups_the_members_as_the_agenda_and_offers_a_substitute_for_every_member()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await HeldMeeting(secretariat, "Suppleantudvalget, grupper (test)", -20);

        var page = await secretariat.Open($"/moeder/{meeting.Id}/fremmoede");

        Assert.Equal(["Regional", "Kommunal", "Almen praksis"], page.Document.QuerySelectorAll("th[scope='colgroup']").Select(h => h.TextContent.Trim()));
        var rows = page.Document.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("th[scope='row']") is not null).ToList();
        // Added as Dorthe, Bent, Anne; listed by group as the agenda lists them.
        Assert.Equal([Anne, Bent, Dorthe], rows.Select(r => new[] { Anne, Bent, Dorthe }.Single(n => r.QuerySelector("th[scope='row']")!.TextContent.Trim().StartsWith(n, StringComparison.Ordinal))));
        Assert.DoesNotContain("Ingen suppleant", page.Text("main"));
        // Bent's registered substitute is offered; Anne, who has none, is told so and may name the one who came.
        Assert.Contains(Cecilie, Row(page, Bent).QuerySelector("select")!.TextContent);
        Assert.Contains($"{Anne} har ingen suppleant i udvalget.", Row(page, Anne).TextContent);
        Assert.NotNull(Row(page, Anne).QuerySelector("input[name$='.NewSubstituteName']"));
        Assert.NotNull(page.Handler("AllPresent"));
    }

    [Fact]
    public async Task Everyone_present_with_one_button_then_a_chosen_substitute_who_counts_in_the_items_the_votes_the_quorum_and_the_minutes()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await HeldMeeting(secretariat, "Suppleantudvalget, valgt (test)", -14);

        var allPresent = await secretariat.SubmitForm((await secretariat.Open($"/moeder/{meeting.Id}/fremmoede")).Handler("AllPresent"), []);
        Assert.Equal(HttpStatusCode.Redirect, allPresent.Status);
        Assert.All(Attendance(await secretariat.GetJson($"/api/meetings/{meeting.Id}")).Values, a => Assert.Equal(("present", (string?)null), a));

        var saved = await RecordAttendance(secretariat, meeting.Id, new()
        {
            [Bent] = ("Absent", Cecilie, null),
        });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Fremmødet ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");

        // The item: Bent is not absent, Cecilie sat in his seat.
        var api = await secretariat.GetJson($"/api/meetings/{meeting.Id}");
        Assert.Equal(("absent", (string?)Cecilie), Attendance(api)[Bent]);
        Assert.Empty(Item(api, Budget).GetProperty("absent").EnumerateArray());

        // The vote table lists who sat at the table: Cecilie in Bent's seat, not Bent.
        var editor = await secretariat.Open($"/moeder/{meeting.Id}/referat/rediger");
        Assert.Equal([Anne, $"{Cecilie} (suppleant for {Bent})", Dorthe], VoteRows(editor, meeting.Items[Budget]));
        // A page from before Bent was replaced would still offer his row: the vote is refused all the same.
        var stale = VoteForm(await secretariat.Open($"/moeder/{meeting.Id}/referat/rediger"), meeting.Items[Budget]);
        var bentsRow = stale.Owner!.CreateElement("input");
        bentsRow.SetAttribute("type", "hidden");
        bentsRow.SetAttribute("name", $"choice[{meeting.Members[Bent]}]");
        bentsRow.SetAttribute("value", "For");
        stale.AppendChild(bentsRow);
        var byBent = await secretariat.SubmitForm(stale, []);
        Assert.Contains($"{Bent} deltog ikke i behandlingen af punktet og kan ikke stemme.", byBent.Text("[role=alert]"));
        var voted = await secretariat.SubmitForm(VoteForm(editor, meeting.Items[Budget]), new()
        {
            [$"choice[{meeting.Members[Anne]}]"] = "Against",
            [$"choice[{meeting.Members[Cecilie]}]"] = "For",
            [$"choice[{meeting.Members[Dorthe]}]"] = "Abstained",
        });
        Assert.True(voted.Status == HttpStatusCode.Redirect, $"Afstemningen ikke gemt: {voted.Text("[role=alert]")}");

        // The quorum: Kommunal must be represented, and Cecilie represents it.
        var findings = Codes(await secretariat.GetJson($"/api/meetings/{meeting.Id}/compliance"));
        Assert.DoesNotContain("procedure.group_not_represented", findings);
        Assert.DoesNotContain("procedure.no_quorum", findings);

        // The minutes: Cecilie for Bent in the attendance block, the vote with her name, no absence under the item.
        var minutes = await secretariat.Open($"/moeder/{meeting.Id}/referat");
        Assert.Contains($"{Cecilie} for {Bent}", minutes.Text("section[aria-labelledby='attendance-heading']"));
        var budget = ItemSection(minutes, Budget);
        Assert.Contains($"For stemte: {Cecilie}; Imod stemte: {Anne}; Undlod: {Dorthe}.", budget);
        Assert.DoesNotContain("Fraværende", budget);
        Assert.DoesNotContain(Bent, budget);
    }

    [Fact]
    public async Task A_substitute_who_leaves_during_an_item_is_listed_absent_from_it_and_the_item_loses_its_group()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await HeldMeeting(secretariat, "Suppleantudvalget, forlod mødet (test)", -13);

        var saved = await RecordAttendance(secretariat, meeting.Id, new()
        {
            [Anne] = ("Present", null, null),
            [Bent] = ("Absent", Cecilie, null),
            [Dorthe] = ("Present", null, null),
        }, (Budget, Cecilie));
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Fremmødet ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");

        var api = await secretariat.GetJson($"/api/meetings/{meeting.Id}");
        Assert.Equal([Cecilie], Item(api, Budget).GetProperty("absent").EnumerateArray().Select(a => a.GetString()));
        var editor = await secretariat.Open($"/moeder/{meeting.Id}/referat/rediger");
        Assert.Equal([Anne, Dorthe], VoteRows(editor, meeting.Items[Budget]));
        Assert.Contains("procedure.group_not_represented", Codes(await secretariat.GetJson($"/api/meetings/{meeting.Id}/compliance")));
        Assert.Contains($"Fraværende {Cecilie}", Squeeze(ItemSection(await secretariat.Open($"/moeder/{meeting.Id}/referat"), Budget)));
    }

    [Fact]
    public async Task A_substitute_created_on_the_spot_stands_in_for_the_member_and_takes_the_seat()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await HeldMeeting(secretariat, "Suppleantudvalget, ny (test)", -12);
        const string Frida = "Frida Nysuppleant";

        // A name typed for a member marked present is refused, and the name stays in the form.
        var refused = await RecordAttendance(secretariat, meeting.Id, new()
        {
            [Anne] = ("Present", null, Frida),
            [Bent] = ("Present", null, null),
            [Dorthe] = ("Present", null, null),
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"{Anne} er markeret som til stede og kan ikke samtidig have en suppleant.", refused.Text("[role=alert]"));
        Assert.Equal(Frida, Row(refused, Anne).QuerySelector("input[name$='.NewSubstituteName']")!.GetAttribute("value"));
        Assert.DoesNotContain((await secretariat.GetJson($"/api/meetings/{meeting.Id}")).GetProperty("attendance").EnumerateArray(),
            a => a.GetProperty("status").GetString() is "present" or "absent");

        var saved = await RecordAttendance(secretariat, meeting.Id, new()
        {
            [Anne] = ("Absent", null, Frida),
            [Bent] = ("Present", null, null),
            [Dorthe] = ("Present", null, null),
        });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Fremmødet ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");

        // Frida is now Anne's substitute in the body, from the meeting's day, in Anne's group.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var frida = await db.Memberships.AsNoTracking().Include(m => m.Person).SingleAsync(m => m.Person!.Name == Frida, TestContext.Current.CancellationToken);
            Assert.Equal((meeting.Body, MembershipRole.Substitute, meeting.Members[Anne], MemberGroup.Regional, meeting.Date),
                (frida.BodyId, frida.Role, frida.StandsInForId, frida.Group, frida.From));
        }
        var api = await secretariat.GetJson($"/api/meetings/{meeting.Id}");
        Assert.Equal(("absent", (string?)Frida), Attendance(api)[Anne]);
        Assert.Empty(Item(api, Budget).GetProperty("absent").EnumerateArray());
        var editor = await secretariat.Open($"/moeder/{meeting.Id}/referat/rediger");
        Assert.Equal([$"{Frida} (suppleant for {Anne})", Bent, Dorthe], VoteRows(editor, meeting.Items[Budget]));
        Assert.Contains($"{Frida} for {Anne}", (await secretariat.Open($"/moeder/{meeting.Id}/referat")).Text("section[aria-labelledby='attendance-heading']"));
        // The next time, Frida is offered as Anne's substitute.
        Assert.Contains(Frida, Row(await secretariat.Open($"/moeder/{meeting.Id}/fremmoede"), Anne).QuerySelector("select")!.TextContent);
    }

    private sealed record Meeting(int Id, int Body, DateOnly Date, IReadOnlyDictionary<string, int> Members, IReadOnlyDictionary<string, int> Items);

    /// <summary>
    /// A body of its own (rules: Kommunal must be represented) with Anne (Regional), Bent (Kommunal) and Dorthe (Almen
    /// praksis), Cecilie as Bent's substitute, and a meeting held <paramref name="daysAgo"/> days before today.
    /// </summary>
    private async Task<Meeting> HeldMeeting(Visitor secretariat, string name, int daysAgo)
    {
        int body;
        using (var administrator = await app.SignInAs(Role.Administrator))
        {
            body = await administrator.CreateBody(name, "2026-01-01");
            await administrator.GrantSecretariat(ProcedureTestBodies.SecretariatEmail, body);
            var rules = await administrator.Submit(await administrator.Open($"/udvalg/{body}/forretningsorden/ny"), new()
            {
                ["Input.ValidFrom"] = "2026-01-01",
                ["Input.QuorumRequiredGroups"] = "Municipal",
            });
            Assert.True(rules.Status == HttpStatusCode.Redirect, $"Forretningsorden ikke gemt ({(int)rules.Status}): {rules.Text("[role=alert]")}");
        }
        await Add(secretariat, body, Dorthe, "Member", "GeneralPractice", "PLO-Suppleantland", "GeneralPractice");
        await Add(secretariat, body, Bent, "Member", "Municipal", "Suppleantby Kommune", "Municipality");
        await Add(secretariat, body, Anne, "Member", "Regional", "Region Suppleantland", "Region");
        await Add(secretariat, body, Cecilie, "Substitute", "Municipal", "Suppleantby Kommune", "Municipality", await secretariat.MembershipId(body, Bent));
        var date = app.Clock.Today.AddDays(daysAgo);
        var (meeting, item) = await MeetingWithItem(secretariat, body, date, Budget);
        await PublishAndHold(secretariat, meeting);
        var members = (await secretariat.Members(body)).ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("membershipId").GetInt32());
        return new Meeting(meeting, body, date, members, new Dictionary<string, int> { [Budget] = item });
    }

    private static async Task Add(Visitor secretariat, int body, string name, string role, string group, string organisation, string kind, int? standsInFor = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.NewPersonName"] = name,
            ["Input.Role"] = role,
            ["Input.Group"] = group,
            ["Input.NewOrganisationName"] = organisation,
            ["Input.NewOrganisationKind"] = kind,
            ["Input.From"] = "2026-01-01",
        };
        if (standsInFor is { } member)
        {
            fields["Input.StandsInForId"] = $"{member}";
        }
        var result = await secretariat.AddMembership(body, fields);
        Assert.True(result.Status == HttpStatusCode.Redirect, $"{name} ikke tilføjet ({(int)result.Status}): {result.Text("[role=alert]")}");
    }

    /// <summary>Fills in the attendance page as the secretary does: per member a status, a substitute chosen by name or a new one's name.</summary>
    private static async Task<HtmlPage> RecordAttendance(Visitor secretariat, int meeting,
        Dictionary<string, (string Status, string? Substitute, string? NewSubstitute)> rows, (string Item, string Person)? absentFromItem = null)
    {
        var page = await secretariat.Open($"/moeder/{meeting}/fremmoede");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var fields = new Dictionary<string, string>();
        foreach (var (member, (status, substitute, newSubstitute)) in rows)
        {
            var row = Row(page, member);
            var prefix = row.QuerySelector("input[name$='.MembershipId']")!.GetAttribute("name")![..^".MembershipId".Length];
            fields[$"{prefix}.Status"] = status;
            if (substitute is not null)
            {
                fields[$"{prefix}.SubstituteId"] = row.QuerySelectorAll("select option").Single(o => o.TextContent.Trim() == substitute).GetAttribute("value")!;
            }
            if (newSubstitute is not null)
            {
                fields[$"{prefix}.NewSubstituteName"] = newSubstitute;
            }
        }
        if (absentFromItem is var (item, person))
        {
            var box = page.Document.QuerySelectorAll("details").Single(d => d.QuerySelector("summary")!.TextContent.Contains(item, StringComparison.Ordinal))
                .QuerySelectorAll("input[type='checkbox']").Single(c => page.Document.QuerySelector($"label[for='{c.Id}']")!.TextContent.Trim() == person);
            fields[box.GetAttribute("name")!] = box.GetAttribute("value")!;
        }
        return await secretariat.Submit(page, fields);
    }

    /// <summary>The member's row on the attendance page.</summary>
    private static AngleSharp.Dom.IElement Row(HtmlPage page, string member) =>
        page.Document.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th[scope='row']")?.TextContent.Trim().StartsWith(member, StringComparison.Ordinal) == true);

    private static IHtmlFormElement VoteForm(HtmlPage editor, int item) =>
        editor.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Single(f => f.Action.Contains("Vote", StringComparison.Ordinal) && f.QuerySelector($"input[name='itemId'][value='{item}']") is not null);

    /// <summary>The rows of the item's vote table: who may vote, in seat order.</summary>
    private static string[] VoteRows(HtmlPage editor, int item) =>
        [.. VoteForm(editor, item).QuerySelectorAll("tbody th[scope='row']").Select(th => Squeeze(th.TextContent))];

    private static Dictionary<string, (string? Status, string? Substitute)> Attendance(JsonElement meeting) =>
        meeting.GetProperty("attendance").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => (
            a.GetProperty("status").GetString(),
            a.GetProperty("substitute").ValueKind == JsonValueKind.Null ? null : a.GetProperty("substitute").GetString()));

    private static JsonElement Item(JsonElement meeting, string title) =>
        meeting.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == title);

    private static string[] Codes(JsonElement findings) => [.. findings.EnumerateArray().Select(f => f.GetProperty("code").GetString()!)];

    private static string ItemSection(HtmlPage minutes, string title) =>
        minutes.Document.QuerySelectorAll("section[aria-labelledby^='punkt-']")
            .Single(s => s.QuerySelector("h2")!.TextContent.Contains(title, StringComparison.Ordinal)).TextContent;

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}

public sealed class SubstitutesOnSqlite(SqliteApp app) : SubstituteScenarios(app), IClassFixture<SqliteApp>;

public sealed class SubstitutesOnPostgres(PostgresApp app) : SubstituteScenarios(app), IClassFixture<PostgresApp>;
