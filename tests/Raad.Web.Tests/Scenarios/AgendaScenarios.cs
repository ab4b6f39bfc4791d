using System.Net;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The secretariat builds an agenda in the editor: adds, moves and removes items, sees when it runs too long,
/// publishes it; closed items stay with the members of the body.
/// </summary>
public abstract class AgendaScenarios(RaadApp app)
{
    // A body of its own, from 1 January 2026; its meetings are planned around the app's today, after the demo bodies' end and before their successors.
    private const string Body = "Dagsordensudvalget (test)";
    private const string OtherBody = "Dagsordensudvalget uden medlem (test)";
    private const string Member = "Jørgen Steen Andersen";
    private const string Welcome = "Velkomst og godkendelse af dagsorden";
    private const string AnyOtherBusiness = "Eventuelt";

    [Fact]
    public async Task Secretariat_adds_an_item_and_it_lands_before_Eventuelt()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedMeeting(secretariat, Day(-2));

        var result = await secretariat.AddItem(meeting, "Status på sundhedsaftalen", minutes: 30, kind: "Decision");

        Assert.True(result.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
        Assert.Equal($"/moeder/{meeting}/dagsorden/rediger", result.RedirectTo?.AbsolutePath);
        var saved = await secretariat.GetJson($"/api/meetings/{meeting}");
        Assert.Equal("agendaDraft", saved.GetProperty("status").GetString());
        var items = saved.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([Welcome, "Status på sundhedsaftalen", AnyOtherBusiness], items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal("decision", items[1].GetProperty("kind").GetString());
        Assert.Equal(30, items[1].GetProperty("durationMinutes").GetInt32());
        Assert.True(items[1].GetProperty("open").GetBoolean());
    }

    [Theory]
    [InlineData("", 15, "NewItem.Title", "Punktet skal have en titel.")]
    [InlineData("Budget 2027", -5, "NewItem.DurationMinutes", "Varigheden kan ikke være negativ.")]
    [InlineData("Budget 2027", 500, "NewItem.DurationMinutes", "Varigheden kan højst være 480 minutter.")]
    public async Task Secretariat_who_adds_an_item_that_cannot_be_right_is_told_why_and_nothing_is_saved(
        string title, int minutes, string field, string message)
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedMeeting(secretariat, Day(-1));
        var before = await secretariat.ItemTitles(meeting);

        var result = await secretariat.AddItem(meeting, title, minutes);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(message, result.Text("[role=alert]"));
        Assert.Equal(message, result.Document.QuerySelector($"[name='{field}']")?.ParentElement?.QuerySelector(".form-error-message")?.TextContent.Trim());
        Assert.Equal(title, result.Value("NewItem.Title"));
        Assert.Equal(before, await secretariat.ItemTitles(meeting));
    }

    [Fact]
    public async Task Secretariat_moves_an_item_up_and_down_and_the_agenda_follows()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedMeeting(secretariat, Day(0));
        await secretariat.AddItem(meeting, "Økonomi");
        await secretariat.AddItem(meeting, "Psykiatri");
        var psychiatry = await secretariat.ItemId(meeting, "Psykiatri");

        var up = await Move(secretariat, meeting, psychiatry, "-1");

        Assert.Equal(HttpStatusCode.Redirect, up.Status);
        Assert.Equal($"/moeder/{meeting}/dagsorden/rediger", up.RedirectTo?.AbsolutePath);
        Assert.Equal([Welcome, "Psykiatri", "Økonomi", AnyOtherBusiness], await secretariat.ItemTitles(meeting));

        var down = await Move(secretariat, meeting, psychiatry, "1");

        Assert.Equal(HttpStatusCode.Redirect, down.Status);
        Assert.Equal([Welcome, "Økonomi", "Psykiatri", AnyOtherBusiness], await secretariat.ItemTitles(meeting));
    }

    [Fact]
    public async Task Secretariat_moves_an_item_with_htmx_and_gets_the_new_list_in_place_of_the_old()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedMeeting(secretariat, Day(1));
        await secretariat.AddItem(meeting, "Økonomi");
        await secretariat.AddItem(meeting, "Psykiatri");
        var psychiatry = await secretariat.ItemId(meeting, "Psykiatri");
        var editor = await secretariat.Open($"/moeder/{meeting}/dagsorden/rediger");

        var partial = await secretariat.Post($"/moeder/{meeting}/dagsorden/rediger?handler=Move", editor,
            [new("itemId", $"{psychiatry}"), new("direction", "-1")], htmx: true);

        Assert.Equal(HttpStatusCode.OK, partial.Status);
        Assert.NotNull(partial.Document.QuerySelector("section#agenda-items"));
        Assert.Null(partial.Document.QuerySelector("#main-content"));
        Assert.Equal(
            [$"1. {Welcome}", "2. Psykiatri", "3. Økonomi", $"4. {AnyOtherBusiness}"],
            partial.Document.QuerySelectorAll("ol.raad-items strong").Select(s => s.TextContent.Trim()));
        Assert.Equal([Welcome, "Psykiatri", "Økonomi", AnyOtherBusiness], await secretariat.ItemTitles(meeting));
    }

    [Fact]
    public async Task Secretariat_removes_an_item_only_after_confirming_it()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedMeeting(secretariat, Day(2));
        await secretariat.AddItem(meeting, "Punkt der udgår");
        var item = await secretariat.ItemId(meeting, "Punkt der udgår");

        var question = await secretariat.Open($"/punkter/{item}/fjern");

        Assert.Equal(HttpStatusCode.OK, question.Status);
        Assert.Equal("Fjern punktet \"Punkt der udgår\"?", question.Text("h1"));
        Assert.Contains("Punkt der udgår", await secretariat.ItemTitles(meeting));

        var removed = await secretariat.SubmitForm(question.FormPostingTo($"/punkter/{item}/fjern"), []);

        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal($"/moeder/{meeting}/dagsorden/rediger", removed.RedirectTo?.AbsolutePath);
        Assert.Equal([Welcome, AnyOtherBusiness], await secretariat.ItemTitles(meeting));
    }

    [Fact]
    public async Task Secretariat_sees_it_flagged_when_the_agenda_runs_past_the_meetings_end()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedMeeting(secretariat, Day(4), "14:00", "15:00");
        Assert.False((await secretariat.GetJson($"/api/meetings/{meeting}")).GetProperty("overrun").GetBoolean());

        await secretariat.AddItem(meeting, "Temadrøftelse om forebyggelse", minutes: 120);

        Assert.True((await secretariat.GetJson($"/api/meetings/{meeting}")).GetProperty("overrun").GetBoolean());
        var editor = await secretariat.Open($"/moeder/{meeting}/dagsorden/rediger");
        Assert.Contains(
            "Dagsordenen varer 130 minutter og slutter kl. 16.10 – 70 minutter efter mødets sluttid kl. 15.00.",
            editor.Text("#agenda-items .raad-flag"));
    }

    [Fact]
    public async Task Secretariat_publishes_the_agenda_which_numbers_the_items_and_locks_them()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedMeeting(secretariat, Day(5));
        await secretariat.AddItem(meeting, "Økonomi");
        await secretariat.AddItem(meeting, "Psykiatri");
        var economy = await secretariat.ItemId(meeting, "Økonomi");
        // Open before publishing: someone still has the item's page open when the agenda goes out.
        var form = await secretariat.Open($"/punkter/{economy}/rediger");

        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished");

        Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");
        var saved = await secretariat.GetJson($"/api/meetings/{meeting}");
        Assert.Equal("agendaPublished", saved.GetProperty("status").GetString());
        Assert.Equal([1, 2, 3, 4], saved.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()));

        var editor = await secretariat.Open($"/moeder/{meeting}/dagsorden/rediger");
        Assert.Equal(HttpStatusCode.Redirect, editor.Status);
        Assert.Equal($"/moeder/{meeting}", editor.RedirectTo?.AbsolutePath);

        var edit = await secretariat.Submit(form, new() { ["Input.Title"] = "Økonomi, rettet efter udsendelse" });

        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Contains("Dagsordenen kan ikke ændres", edit.Text("[role=alert]"));
        Assert.Equal([Welcome, "Økonomi", "Psykiatri", AnyOtherBusiness], await secretariat.ItemTitles(meeting));
    }

    [Fact]
    public async Task Public_does_not_see_a_closed_item_nor_its_attachment_but_a_member_of_the_body_does()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedMeeting(secretariat, Day(6));
        await EnsureMember(secretariat, await secretariat.EnsureBody(Body, "2026-01-01"));
        var (closedTitle, attachment) = await PublishWithClosedItem(secretariat, meeting);
        using var outsider = app.Anonymous();
        using var member = await app.SignInAs(Role.Member);

        var publicAgenda = await outsider.Open($"/moeder/{meeting}/dagsorden");
        Assert.Equal(HttpStatusCode.OK, publicAgenda.Status);
        Assert.Contains("Samarbejdsaftale", publicAgenda.Document.Body!.TextContent);
        Assert.DoesNotContain(closedTitle, publicAgenda.Document.Body!.TextContent);
        Assert.Contains("1 lukket punkt er ikke vist.", publicAgenda.Text(".raad-muted"));
        Assert.DoesNotContain(closedTitle, await outsider.ItemTitles(meeting));
        Assert.DoesNotContain(closedTitle, (await outsider.Open($"/moeder/{meeting}")).Document.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Download($"/bilag/{attachment}")).Status);

        var memberAgenda = await member.Open($"/moeder/{meeting}/dagsorden");
        Assert.Contains(closedTitle, memberAgenda.Document.Body!.TextContent);
        var closed = (await member.GetJson($"/api/meetings/{meeting}")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == closedTitle);
        Assert.False(closed.GetProperty("open").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await member.Download($"/bilag/{attachment}")).Status);
    }

    [Fact]
    public async Task Member_does_not_see_a_closed_item_of_a_body_they_do_not_sit_in()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody(OtherBody, "2026-01-01");
        var meeting = await PlannedMeeting(secretariat, Day(7), body: body);
        var (closedTitle, attachment) = await PublishWithClosedItem(secretariat, meeting);
        using var member = await app.SignInAs(Role.Member);

        Assert.DoesNotContain(closedTitle, (await member.Open($"/moeder/{meeting}/dagsorden")).Document.Body!.TextContent);
        Assert.DoesNotContain(closedTitle, await member.ItemTitles(meeting));
        Assert.Equal(HttpStatusCode.NotFound, (await member.Download($"/bilag/{attachment}")).Status);
    }

    /// <summary>Adds an open and a closed item, attaches a file to the closed one, publishes; returns the closed title and the file's id.</summary>
    private static async Task<(string ClosedTitle, int Attachment)> PublishWithClosedItem(Visitor secretariat, int meeting)
    {
        const string closedTitle = "Personalesag om sekretariatet";
        await secretariat.AddItem(meeting, "Samarbejdsaftale");
        var added = await secretariat.AddItem(meeting, closedTitle, closed: true);
        Assert.True(added.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)added.Status}): {added.Text("[role=alert]")}");
        var item = await secretariat.ItemId(meeting, closedTitle);
        var form = await secretariat.Open($"/punkter/{item}/rediger");
        var uploaded = await secretariat.SubmitFile(form, new() { ["AttachmentTitle"] = "Fortroligt notat" },
            "File", "notat.pdf", "%PDF-1.4\n% fortroligt\n"u8.ToArray(), "application/pdf");
        Assert.True(uploaded.Status == HttpStatusCode.Redirect, $"Bilag ikke gemt ({(int)uploaded.Status}): {uploaded.Text("[role=alert]")}");
        var attachment = (await secretariat.Open($"/punkter/{item}/rediger")).Document.QuerySelector("a[href^='/bilag/']")!.GetAttribute("href")!;
        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished");
        Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");
        return (closedTitle, int.Parse(attachment["/bilag/".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Jørgen Steen Andersen (the demo member's person) as a member of the body, added once through the form.</summary>
    private static async Task EnsureMember(Visitor secretariat, int body)
    {
        if ((await secretariat.Members(body)).Any(m => m.GetProperty("name").GetString() == Member))
        {
            return;
        }
        var form = await secretariat.Open($"/udvalg/{body}/medlemskaber/nyt");
        var person = form.Document.QuerySelectorAll("select[name='Input.PersonId'] option")
            .Single(o => o.TextContent.StartsWith(Member, StringComparison.Ordinal)).GetAttribute("value")!;
        var result = await secretariat.Submit(form, new()
        {
            ["Input.PersonId"] = person,
            ["Input.Role"] = "Member",
            ["Input.Group"] = "GeneralPractice",
            ["Input.From"] = "2026-01-01",
        });
        Assert.True(result.Status == HttpStatusCode.Redirect, $"Medlemskab ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
    }

    /// <summary>The app's today moved by some days, as the form takes a date: each scenario plans on a day of its own.</summary>
    private string Day(int fromToday) => ProcedureTestBodies.Iso(app.Clock.Today.AddDays(fromToday));

    /// <summary>The body's meeting on the date, planned through the form the first time it is asked for.</summary>
    private static async Task<int> PlannedMeeting(Visitor secretariat, string date, string start = "14:00", string end = "16:00", int? body = null)
    {
        var bodyId = body ?? await secretariat.EnsureBody(Body, "2026-01-01");
        if ((await secretariat.Meetings(bodyId)).Any(m => m.GetProperty("date").GetString() == date))
        {
            return await secretariat.MeetingId(bodyId, date);
        }
        var planned = await secretariat.PlanMeeting(bodyId, new MeetingPlan(date, start, end));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        return await secretariat.MeetingId(bodyId, date);
    }

    /// <summary>Presses "Op" (-1) or "Ned" (1) by the item in the editor, without htmx.</summary>
    private static async Task<HtmlPage> Move(Visitor secretariat, int meeting, int item, string direction)
    {
        var editor = await secretariat.Open($"/moeder/{meeting}/dagsorden/rediger");
        return await secretariat.SubmitForm(editor.FormWithValue("itemId", $"{item}"), new() { ["direction"] = direction });
    }
}

public sealed class AgendaOnSqlite(SqliteApp app) : AgendaScenarios(app), IClassFixture<SqliteApp>;

public sealed class AgendaOnPostgres(PostgresApp app) : AgendaScenarios(app), IClassFixture<PostgresApp>;
