using System.Net;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>§ 3, stk. 2: a member asks for an item; the secretariat sees it against the deadline and accepts or declines it.</summary>
public abstract class ItemRequestScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    private async Task<int> PlannedSydMeeting(Visitor secretariat, string date)
    {
        var syd = await secretariat.BodyId(Syd);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PlanMeeting(syd, new MeetingPlan(date, "14:00", "16:00"))).Status);
        return await secretariat.MeetingId(syd, date);
    }

    private static async Task<HtmlPage> Request(Visitor member, int meeting, string title, string wanted)
    {
        var form = await member.Open($"/moeder/{meeting}/punktoensker/nyt");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await member.Submit(form, new() { ["Title"] = title, ["Wanted"] = wanted });
    }

    [Fact]
    public async Task Member_asks_for_an_item_the_secretariat_sees_it_is_late_and_takes_it_onto_the_agenda()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedSydMeeting(secretariat, "2025-12-15");
        using var member = await app.SignInAs(Role.Member);

        var sent = await Request(member, meeting, "Lægedækning på ydertidspunkter", "Status på lægedækningen i klyngen.");

        Assert.Equal("/punktoensker", sent.RedirectTo?.AbsolutePath);
        Assert.Contains("Afventer sekretariatets svar.", (await member.Open("/punktoensker")).Text("main"));

        var meetingPage = await secretariat.Open($"/moeder/{meeting}");
        var requests = meetingPage.Text("#requests-heading + ul");
        Assert.Contains("Lægedækning på ydertidspunkter", requests);
        Assert.Contains("Jørgen Steen Andersen", requests);
        // Received today (2026 by the machine's clock), long after the deadline of 17 November 2025.
        Assert.Contains("§ 3, stk. 2: Ønsker om punkter skal være modtaget senest 28 dage før mødet, dvs. 17. november 2025.", requests);

        var accepted = await secretariat.SubmitForm(meetingPage.FormWithValue("requestId", RequestId(meetingPage)), []);

        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal(
            ["Velkomst og godkendelse af dagsorden", "Lægedækning på ydertidspunkter", "Eventuelt"],
            await secretariat.ItemTitles(meeting));
        Assert.Contains("Optaget på dagsordenen.", (await member.Open("/punktoensker")).Text("main"));
    }

    [Fact]
    public async Task Secretariat_declines_an_item_with_a_reason_the_member_reads()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedSydMeeting(secretariat, "2025-12-16");
        using var member = await app.SignInAs(Role.Member);
        await Request(member, meeting, "Parkering ved rådhuset", "Flere pladser.");
        var page = await secretariat.Open($"/moeder/{meeting}");
        var decline = page.Document.QuerySelectorAll("form")
            .OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => f.Action.Contains("DeclineRequest", StringComparison.Ordinal));

        var withoutReason = await secretariat.SubmitForm(decline, new() { ["reason"] = "" });

        Assert.Equal(HttpStatusCode.OK, withoutReason.Status);
        Assert.Contains("Skriv en begrundelse; medlemmet ser den.", withoutReason.Text("[role=alert]"));

        var declined = await secretariat.SubmitForm(decline, new() { ["reason"] = "Hører under kommunernes egne udvalg." });

        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        Assert.Contains("Ikke optaget: Hører under kommunernes egne udvalg.", (await member.Open("/punktoensker")).Text("main"));
        Assert.Equal(["Velkomst og godkendelse af dagsorden", "Eventuelt"], await secretariat.ItemTitles(meeting));
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_of_the_body_cannot_ask_for_an_item()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedSydMeeting(secretariat, "2025-12-17");

        var refused = await Request(secretariat, meeting, "Et punkt", "Noget.");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Kun udvalgets medlemmer kan ønske punkter på dagsordenen.", refused.Text("[role=alert]"));
    }

    [Fact]
    public async Task Member_declares_himself_disqualified_for_an_item_but_not_someone_else()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedSydMeeting(secretariat, "2025-12-18");
        await secretariat.AddItem(meeting, "Tilskud til lægevagten");
        using var member = await app.SignInAs(Role.Member);
        var page = await member.Open($"/moeder/{meeting}");
        var form = page.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .First(f => f.Action.Contains("DisqualifyMe", StringComparison.Ordinal));
        var someoneElse = (await secretariat.Members(await secretariat.BodyId(Syd)))
            .First(m => m.GetProperty("name").GetString() == "Lars Gaardhøj").GetProperty("membershipId").GetInt32();

        var refused = await member.SubmitForm(form, new() { ["membershipId"] = $"{someoneElse}", ["reason"] = "nej" });

        Assert.Contains("Du kan kun erklære dig selv inhabil.", refused.Text("[role=alert]"));

        var declared = await member.SubmitForm(form, new() { ["reason"] = "min praksis er part i sagen" });

        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        var items = (await secretariat.GetJson($"/api/meetings/{meeting}")).GetProperty("items").EnumerateArray();
        Assert.Contains(items, i => i.GetProperty("disqualified").EnumerateArray().Any(d => d.GetString() == "Jørgen Steen Andersen"));
    }

    [Fact]
    public async Task Files_sent_with_a_request_follow_it_onto_the_agenda_and_the_member_is_told_by_mail()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await PlannedSydMeeting(secretariat, "2025-12-19");
        using var member = await app.SignInAs(Role.Member);
        var form = await member.Open($"/moeder/{meeting}/punktoensker/nyt");
        var fields = new Dictionary<string, string> { ["Title"] = "Ventetider på genoptræning", ["Wanted"] = "Drøftelse af notatet." };

        var refused = await member.SubmitFile(form, fields, "Files", "notat.exe", "MZ\u0090\u0000"u8.ToArray(), "application/octet-stream");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Filtypen \".exe\" kan ikke bruges som bilag.", refused.Text("[role=alert]"));
        Assert.DoesNotContain("Ventetider på genoptræning", (await member.Open("/punktoensker")).Text("main"));

        var pdf = "%PDF-1.4\nnotat\n%%EOF\n"u8.ToArray();
        var sent = await member.SubmitFile(form, fields, "Files", "notat.pdf", pdf, "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var mine = await member.Open("/punktoensker");
        var own = mine.Document.QuerySelector("a[href^='/punktoensker/bilag/']")!.GetAttribute("href")!;
        Assert.Equal(pdf, (await member.Download(own)).Content);

        var meetingPage = await secretariat.Open($"/moeder/{meeting}");
        Assert.Contains("notat.pdf", meetingPage.Text("#requests-heading + ul"));
        var accepted = await secretariat.SubmitForm(meetingPage.FormWithValue("requestId", RequestId(meetingPage)), []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);

        var item = await secretariat.ItemId(meeting, "Ventetider på genoptræning");
        var file = (await secretariat.Open($"/punkter/{item}/rediger")).Document.QuerySelector("a[href^='/bilag/']")!.GetAttribute("href")!;
        Assert.Equal(pdf, (await secretariat.Download(file)).Content);
        var mail = Assert.Single(await app.WaitForMailAsync(m => m.Subject == "Dit ønske er optaget på dagsordenen: Ventetider på genoptræning"));
        Assert.Equal("medlem@raad.local", mail.To.Mailboxes.Single().Address);
    }

    private static string RequestId(HtmlPage page) =>
        page.Document.QuerySelector("form[action*='AcceptRequest'] input[name='requestId']")!.GetAttribute("value")!;
}

public sealed class ItemRequestsOnSqlite(SqliteApp app) : ItemRequestScenarios(app), IClassFixture<SqliteApp>;

public sealed class ItemRequestsOnPostgres(PostgresApp app) : ItemRequestScenarios(app), IClassFixture<PostgresApp>;
