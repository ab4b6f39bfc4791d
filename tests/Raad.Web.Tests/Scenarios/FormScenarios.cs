using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Raad.Web.Tests.Infrastructure;
using static Raad.Web.Tests.Scenarios.ProcedureTestBodies;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The forms keep what the user typed and fail early: a file added to an item saves the text typed beside it, one save
/// keeps every item's decision, the written procedure and a late agenda say what the rules need before the form is
/// filled in, and the error summary leads to the field.
/// </summary>
public abstract class FormScenarios(RaadApp app)
{
    private const string Background = "Regionen og kommunerne har siden 2024 drøftet et fælles forløb.";
    private const string Recommendation = "at udvalget godkender forløbet.";
    private const string Presentation = "Forløbet samler genoptræning efter udskrivning i ét tilbud.";

    /// <summary>A small but real PDF: header, one empty page, trailer.</summary>
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
        + "trailer <</Root 1 0 R>>\n%%EOF\n");

    // ---- Nothing typed is lost: the item editor -------------------------------------------------------------

    [Fact]
    public async Task Secretariat_who_types_the_sections_and_adds_a_file_finds_both_saved()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var item = await DraftItem(secretariat, "Formularudvalget, bilag (test)", 30, "Fælles genoptræning");
        var editor = await secretariat.Open($"/punkter/{item}/rediger");

        var added = await secretariat.Press(editor, "Tilføj bilag", Typed(new() { ["AttachmentTitle"] = "Notat om forløbet" }),
            ("File", "notat.pdf", Pdf, "application/pdf"));

        Assert.True(added.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)added.Status}): {added.Text("[role=alert]")}");
        var reopened = await secretariat.Open($"/punkter/{item}/rediger");
        Assert.Equal(Background, reopened.Value("Input.Background"));
        Assert.Equal(Recommendation, reopened.Value("Input.Recommendation"));
        Assert.Equal(Presentation, reopened.Value("Input.Presentation"));
        Assert.Equal(["Notat om forløbet"], reopened.Document.QuerySelectorAll("a[href^='/bilag/']").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Secretariat_whose_file_is_refused_finds_the_typed_text_still_in_the_form_and_a_link_to_the_file_field()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var item = await DraftItem(secretariat, "Formularudvalget, afvist bilag (test)", 31, "Fælles genoptræning");
        var editor = await secretariat.Open($"/punkter/{item}/rediger");

        var refused = await secretariat.Press(editor, "Tilføj bilag", Typed([]),
            ("File", "program.exe", "MZ\u0090\0\u0003"u8.ToArray(), "application/octet-stream"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Filtypen \".exe\" kan ikke bruges som bilag.", refused.Text("#error-summary"));
        Assert.Equal(Background, refused.Value("Input.Background"));
        Assert.Equal(Recommendation, refused.Value("Input.Recommendation"));
        Assert.Equal(Presentation, refused.Value("Input.Presentation"));
        // Not saved, so leaving the page warns from the start.
        Assert.Equal("dirty", refused.Document.QuerySelector("form[data-unsaved-warning]")?.GetAttribute("data-unsaved-warning"));
        AssertSummaryLinksLeadToFields(refused, 1);
        Assert.True(string.IsNullOrEmpty((await secretariat.Open($"/punkter/{item}/rediger")).Value("Input.Background")));
    }

    [Fact]
    public async Task Secretariat_who_removes_a_file_keeps_the_text_typed_meanwhile()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var item = await DraftItem(secretariat, "Formularudvalget, fjern bilag (test)", 32, "Fælles genoptræning");
        var attached = await secretariat.Press(await secretariat.Open($"/punkter/{item}/rediger"), "Tilføj bilag",
            new() { ["AttachmentTitle"] = "Gammelt notat" }, ("File", "gammelt.pdf", Pdf, "application/pdf"));
        Assert.Equal(HttpStatusCode.Redirect, attached.Status);

        var removed = await secretariat.Press(await secretariat.Open($"/punkter/{item}/rediger"), "Fjern bilaget \"Gammelt notat\"", Typed([]));

        Assert.True(removed.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)removed.Status}): {removed.Text("[role=alert]")}");
        var reopened = await secretariat.Open($"/punkter/{item}/rediger");
        Assert.Empty(reopened.Document.QuerySelectorAll("a[href^='/bilag/']"));
        Assert.Equal(Background, reopened.Value("Input.Background"));
        Assert.Equal(Presentation, reopened.Value("Input.Presentation"));
    }

    // ---- Nothing typed is lost: the minutes editor ----------------------------------------------------------

    [Fact]
    public async Task Secretariat_who_chooses_decisions_for_items_1_and_2_and_saves_once_keeps_both()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, first, second) = await HeldMeetingWithTwoItems(secretariat, "Formularudvalget, referat (test)", -1);
        var editor = await secretariat.Open($"/moeder/{meeting}/referat/rediger");

        var saved = await secretariat.Press(editor, "Gem beslutninger (alle punkter)", new()
        {
            [$"Decisions[{first}].Quick"] = "Godkendt",
            [$"Decisions[{second}].Quick"] = "Taget til efterretning",
            [$"Decisions[{second}].Text"] = "Udvalget ønsker en status i foråret.",
        });

        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        var decisions = (await secretariat.GetJson($"/api/meetings/{meeting}")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("decision").GetString());
        Assert.Equal("Godkendt", decisions["Første sag"]);
        Assert.Equal("Taget til efterretning.\n\nUdvalget ønsker en status i foråret.", decisions["Anden sag"]);
    }

    [Fact]
    public async Task Secretariat_whose_save_meets_a_colleagues_newer_decision_keeps_every_choice_in_the_form()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        using var colleague = await app.SignInAs(Role.Secretariat);
        var (meeting, first, second) = await HeldMeetingWithTwoItems(secretariat, "Formularudvalget, samtidigt referat (test)", -2);
        var editor = await secretariat.Open($"/moeder/{meeting}/referat/rediger");
        var theirs = await colleague.Decide(meeting, second, "", "Udsat til næste møde.");
        Assert.Equal(HttpStatusCode.Redirect, theirs.Status);

        var refused = await secretariat.Press(editor, "Gem beslutninger (alle punkter)", new()
        {
            [$"Decisions[{first}].Quick"] = "Godkendt",
            [$"Decisions[{second}].Quick"] = "Taget til efterretning",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var number = refused.Text($"#heading-{second}").Split('.')[0];
        Assert.Contains($"Beslutningen på punkt {number} er blevet ændret af en anden", refused.Text("#error-summary"));
        Assert.Equal("Godkendt", refused.Value($"Decisions[{first}].Quick"));
        Assert.Equal("Taget til efterretning", refused.Value($"Decisions[{second}].Quick"));
        Assert.Contains("Gemt version: Udsat til næste møde.", refused.Text($"#punkt-{second}"));
        // Nothing was saved: the colleague's decision stands, the first item has none.
        var decisions = (await secretariat.GetJson($"/api/meetings/{meeting}")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("decision").GetString());
        Assert.Null(decisions["Første sag"]);
        Assert.Equal("Udsat til næste møde.", decisions["Anden sag"]);
    }

    [Fact]
    public async Task Minutes_editor_refusals_link_the_error_summary_to_the_refused_items_field()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, _, second) = await HeldMeetingWithTwoItems(secretariat, "Formularudvalget, fejl i referat (test)", -3);
        IHtmlFormElement FormOf(HtmlPage page, string handler) => page.Document.Forms
            .Single(f => f.Action.Contains($"handler={handler}", StringComparison.Ordinal)
                && f.QuerySelector($"input[name='itemId'][value='{second}']") is not null);

        var editor = await secretariat.Open($"/moeder/{meeting}/referat/rediger");
        var disqualify = await secretariat.SubmitForm(FormOf(editor, "Disqualify"), new() { ["reason"] = "" });
        var dissent = await secretariat.SubmitForm(FormOf(editor, "Dissent"), new() { ["text"] = "" });
        var vote = await secretariat.SubmitForm(FormOf(editor, "Vote"), []);

        Assert.Equal("reason", AssertSummaryLinksLeadToFields(disqualify, 1).Single().GetAttribute("name"));
        Assert.Equal("text", AssertSummaryLinksLeadToFields(dissent, 1).Single().GetAttribute("name"));
        Assert.StartsWith("choice[", AssertSummaryLinksLeadToFields(vote, 1).Single().GetAttribute("name"), StringComparison.Ordinal);
        // The field is the refused item's own.
        Assert.NotNull(disqualify.Document.QuerySelector($"#punkt-{second} #Disqualification_Reason"));
    }

    // ---- Fail early: written procedure ----------------------------------------------------------------------

    [Fact]
    public async Task Secretariat_is_not_offered_a_written_procedure_that_the_rules_do_not_allow_and_is_told_why()
    {
        var body = await BodyWithRulesAndMember(app, "Formularudvalget uden skriftlig proces (test)",
            new() { ["Input.WrittenProcedureAllowed"] = "false" });
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var created = await secretariat.Submit(await secretariat.Open("/sager/ny"), new() { ["Input.Title"] = "Sag uden skriftlig proces", ["Input.BodyId"] = $"{body}" });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var caseId = created.RedirectTo!.AbsolutePath.Split('/')[2];

        var casePage = await secretariat.Open($"/sager/{caseId}");

        Assert.Null(casePage.Document.QuerySelector($"a[href='/sager/{caseId}/skriftlig-proces/ny']"));
        Assert.Contains("tillader ikke skriftlig proces; sagen skal behandles på et møde.", casePage.Text("main"));
        var form = await secretariat.Open($"/sager/{caseId}/skriftlig-proces/ny");
        Assert.Contains("tillader ikke skriftlig proces", form.Text("[role=status]"));
        Assert.Null(form.Document.QuerySelector("[name='Input.Recommendation']"));
    }

    // ---- Fail early: a late agenda --------------------------------------------------------------------------

    [Fact]
    public async Task Agenda_editor_asks_for_the_late_reason_beside_the_publish_button_and_one_press_publishes()
    {
        var body = await BodyWithRulesAndMember(app, "Formularudvalget med kort varsel (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, _) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(3), "Hastesag");
        var editor = await secretariat.Open($"/moeder/{meeting}/dagsorden/rediger");
        Assert.Contains("§ 3, stk. 3: Dagsordenen skal udsendes senest 10 dage før mødet; nu er der 3 dage til mødet.",
            editor.Text("#hint-Input_Reason"));

        var published = await secretariat.Press(editor, "Udsend dagsorden", new() { ["reason"] = "Sagen kom fra regionsrådet i sidste uge." });

        Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");
        var agenda = await secretariat.Open($"/moeder/{meeting}/dagsorden");
        Assert.Contains("Dagsordenen er udsendt for sent, fordi Sagen kom fra regionsrådet i sidste uge.", agenda.Text(".raad-flag"));
    }

    [Fact]
    public async Task Agenda_with_enough_notice_is_published_without_being_asked_for_a_reason()
    {
        var body = await BodyWithRulesAndMember(app, "Formularudvalget med varsel nok (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, _) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(40), "Almindelig sag");

        var editor = await secretariat.Open($"/moeder/{meeting}/dagsorden/rediger");
        var meetingPage = await secretariat.Open($"/moeder/{meeting}");

        Assert.Null(editor.Document.QuerySelector("[name='reason']"));
        Assert.Null(meetingPage.Document.QuerySelector("form[action*='handler=Status'] [name='reason']:not(#Input_CancellationReason)"));
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.Press(editor, "Udsend dagsorden", [])).Status);
    }

    [Fact]
    public async Task Publishing_late_without_a_reason_is_refused_with_a_summary_link_to_the_reason_field()
    {
        var body = await BodyWithRulesAndMember(app, "Formularudvalget uden begrundelse (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, _) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(2), "Hastesag");

        var refused = await secretariat.Press(await secretariat.Open($"/moeder/{meeting}"), "Udsend dagsorden", new() { ["reason"] = "" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Skriv, hvorfor den udsendes for sent", refused.Text("#error-summary"));
        var field = AssertSummaryLinksLeadToFields(refused, 1).Single();
        Assert.Equal("reason", field.GetAttribute("name"));
    }

    [Fact]
    public async Task Written_procedure_form_sent_empty_links_each_error_to_its_field()
    {
        var body = await BodyWithRulesAndMember(app, "Formularudvalget med skriftlig proces (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var created = await secretariat.Submit(await secretariat.Open("/sager/ny"), new() { ["Input.Title"] = "Sag til skriftlig proces", ["Input.BodyId"] = $"{body}" });
        var caseId = created.RedirectTo!.AbsolutePath.Split('/')[2];

        var refused = await secretariat.Submit(await secretariat.Open($"/sager/{caseId}/skriftlig-proces/ny"),
            new() { ["Input.Title"] = "", ["Input.Recommendation"] = "", ["Input.Deadline"] = ProcedureTestBodies.Iso(app.Clock.Today) });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        AssertSummaryLinksLeadToFields(refused, 3);
    }

    [Fact]
    public async Task Once_the_late_reason_is_given_the_rules_box_stops_asking_for_one()
    {
        var body = await BodyWithRulesAndMember(app, "Formularudvalget med begrundelse (test)");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (meeting, _) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(4), "Hastesag");

        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished", "Mødet blev fremrykket efter ønske fra formandskabet.");

        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        var box = (await secretariat.Open($"/moeder/{meeting}")).Text(".raad-findings");
        Assert.Contains("§ 3, stk. 3: Dagsordenen skal udsendes senest 10 dage før mødet.", box);
        Assert.DoesNotContain("Angiv i dagsordenen, hvorfor den er udsendt for sent.", box);
        Assert.Contains("Begrundelsen er trykt i dagsordenen: \"Mødet blev fremrykket efter ønske fra formandskabet.\"", box);
    }

    // ---- Set-up ---------------------------------------------------------------------------------------------

    /// <summary>The three sections the user typed, with other fields of the item form.</summary>
    private static Dictionary<string, string> Typed(Dictionary<string, string> more)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Background"] = Background,
            ["Input.Recommendation"] = Recommendation,
            ["Input.Presentation"] = Presentation,
        };
        foreach (var (key, value) in more)
        {
            fields[key] = value;
        }
        return fields;
    }

    /// <summary>An item on the draft agenda of a new body's meeting <paramref name="days"/> from the app's today.</summary>
    private async Task<int> DraftItem(Visitor secretariat, string bodyName, int days, string title)
    {
        var body = await secretariat.EnsureBody(bodyName, "2026-01-01");
        var (_, item) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(days), title);
        return item;
    }

    /// <summary>A held meeting <paramref name="daysAgo"/> (negative) from the app's today with the items "Første sag" and "Anden sag".</summary>
    private async Task<(int Meeting, int First, int Second)> HeldMeetingWithTwoItems(Visitor secretariat, string bodyName, int daysAgo)
    {
        var body = await BodyWithRulesAndMember(app, bodyName);
        var (meeting, first) = await MeetingWithItem(secretariat, body, app.Clock.Today.AddDays(daysAgo), "Første sag");
        await secretariat.AddItem(meeting, "Anden sag", kind: "Decision");
        var second = await secretariat.ItemId(meeting, "Anden sag");
        await PublishAndHold(secretariat, meeting);
        return (meeting, first, second);
    }

    /// <summary>Every link of the error summary leads to a field on the page; returns the fields.</summary>
    private static List<IElement> AssertSummaryLinksLeadToFields(HtmlPage page, int expected)
    {
        var links = page.Document.QuerySelectorAll("#error-summary a[href]").ToList();
        Assert.Equal(expected, links.Count);
        var fields = new List<IElement>();
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            var target = page.Document.GetElementById(href[1..]);
            Assert.True(target is IHtmlInputElement or IHtmlTextAreaElement or IHtmlSelectElement,
                $"\"{link.TextContent.Trim()}\" fører til {href}, som ikke er et felt på siden.");
            fields.Add(target!);
        }
        return fields;
    }

    [Fact]
    public async Task Correcting_a_person_keeps_the_danish_errors_and_refuses_a_form_shown_before_someone_elses_change()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody("Formularudvalget for personer (test)", "2026-01-01");
        var added = await secretariat.AddMembership(body, new()
        {
            ["Input.NewPersonName"] = "Karen Rettelse (test)",
            ["Input.Role"] = "Member",
            ["Input.Group"] = "Regional",
            ["Input.NewOrganisationName"] = "Region Formland",
            ["Input.NewOrganisationKind"] = "Region",
            ["Input.From"] = "2026-01-01",
        });
        Assert.True(added.Status == HttpStatusCode.Redirect, $"Ikke tilføjet ({(int)added.Status}): {added.Text("[role=alert]")}");
        var person = (await secretariat.Open($"/medlemskaber/{await secretariat.MembershipId(body, "Karen Rettelse (test)")}/rediger")).Value("Input.PersonId");
        var stale = await secretariat.Open($"/personer/{person}/rediger");

        var blank = await secretariat.Submit(stale, new() { ["Name"] = " ", ["Title"] = "regionsrådsmedlem" });
        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains("Personen skal have et navn.", blank.Text("main"), StringComparison.Ordinal);
        Assert.Equal("regionsrådsmedlem", blank.Value("Title"));

        var saved = await secretariat.Submit(await secretariat.Open($"/personer/{person}/rediger"), new() { ["Title"] = " regionsrådsmedlem ", ["Party"] = "A" });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        var refused = await secretariat.Submit(stale, new() { ["Email"] = "karen@example.dk" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("er blevet ændret af en anden", refused.Text("[role=alert]"), StringComparison.Ordinal);
        var now = await secretariat.Open($"/personer/{person}/rediger");
        Assert.Equal(("Karen Rettelse (test)", "regionsrådsmedlem", "A", ""), (now.Value("Name"), now.Value("Title"), now.Value("Party"), now.Value("Email") ?? ""));
    }

    [Fact]
    public async Task A_case_without_a_title_is_refused_in_danish_and_a_titled_one_is_created()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var form = await secretariat.Open("/sager/ny");

        var refused = await secretariat.Submit(form, new() { ["Input.Title"] = "  ", ["Input.CaseNumber"] = "EMN-2026-00001" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Sagen skal have en titel.", refused.Text("main"), StringComparison.Ordinal);
        Assert.Equal("EMN-2026-00001", refused.Value("Input.CaseNumber"));

        var created = await secretariat.Submit(refused, new() { ["Input.Title"] = "Sag med titel (test)" });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("Sag med titel (test)", (await secretariat.Open(created.RedirectTo!.AbsolutePath)).Text("h1"));
    }
}

public sealed class FormScenariosOnSqlite(SqliteApp app) : FormScenarios(app), IClassFixture<SqliteApp>;

public sealed class FormScenariosOnPostgres(PostgresApp app) : FormScenarios(app), IClassFixture<PostgresApp>;
