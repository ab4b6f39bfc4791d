using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Raad.Domain.Common;
using Raad.Web.Features.Demo;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Remarks within the body: its members and secretariat comment on an item before the meeting, in threads. Members of
/// other bodies, advisors and the public get nothing of them, on no page, document or API answer.
/// </summary>
public abstract class RemarkScenarios(RaadApp app)
{
    private const string Body = "Bemærkningsudvalget";
    private const string Silent = "Udvalget uden bemærkninger";
    private const string Member = "Jørgen Steen Andersen";
    private const string Colleague = "Anders Wolf Andresen";
    private const string Advisor = "Tina Holm Nielsen";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Visitor> SignIn(RaadApp app, string email)
    {
        var visitor = app.Anonymous();
        await visitor.SignIn(email, DemoLoader.Password);
        return visitor;
    }

    /// <summary>
    /// The body (set up once per class by the secretariat, who then runs it) with two members and an advisor of the demo,
    /// remarks on or off.
    /// </summary>
    private async Task<int> BodyWithMembers(Visitor secretariat, string name, bool allowsRemarks)
    {
        var from = app.Clock.Today.AddDays(-30);
        var existing = (await secretariat.GetJson("/api/bodies")).EnumerateArray().Any(b => b.GetProperty("name").GetString() == name);
        var body = await secretariat.EnsureBody(name, Iso(from));
        if (existing)
        {
            return body;
        }
        foreach (var (person, role) in new[] { (Member, "Member"), (Colleague, "Member"), (Advisor, "Advisor") })
        {
            var form = await secretariat.Open($"/udvalg/{body}/medlemskaber/nyt");
            var option = form.Document.QuerySelectorAll("select[name='Input.PersonId'] option").Single(o => o.TextContent.Trim() == person || o.TextContent.Trim().StartsWith($"{person} (", StringComparison.Ordinal));
            var added = await secretariat.Submit(form, new()
            {
                ["Input.PersonId"] = option.GetAttribute("value")!,
                ["Input.Role"] = role,
                ["Input.Group"] = "Regional",
                ["Input.From"] = Iso(from),
            });
            Assert.True(added.Status == HttpStatusCode.Redirect, $"{person} ikke tilføjet ({(int)added.Status}): {added.Text("[role=alert]")}");
        }
        var edit = await secretariat.Open($"/udvalg/{body}/rediger");
        Assert.Equal("Medlemmer og sekretariat kan skrive bemærkninger til punkterne før mødet", edit.Text("label[for='Input_AllowsRemarks']"));
        var saved = await secretariat.Submit(edit, new() { ["Input.AllowsRemarks"] = allowsRemarks ? "true" : "false" });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Udvalget ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        return body;
    }

    /// <summary>A meeting of the body on the day, its agenda published so the public reads the meeting and its agenda; returns its id and its first item.</summary>
    private static async Task<(int Meeting, int Item)> PublishedMeeting(Visitor secretariat, int body, DateOnly date)
    {
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(Iso(date), "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(body, Iso(date));
        var item = (await secretariat.DraftItems(meeting))[0].Id;
        foreach (var step in new[] { "AgendaDraft", "AgendaPublished" })
        {
            var page = await secretariat.Open($"/moeder/{meeting}");
            var moved = await secretariat.SubmitForm(page.FormWithValue("target", step), []);
            Assert.True(moved.Status == HttpStatusCode.Redirect, $"{step} ({(int)moved.Status}): {moved.Text("[role=alert]")}");
        }
        return (meeting, item);
    }

    private static IHtmlFormElement NewRemarkForm(HtmlPage page, int item) =>
        page.Document.GetElementById($"bemaerkning-{item}-ny") is IHtmlTextAreaElement { Form: { } form } ? form
            : throw new InvalidOperationException($"{page.Address} ({(int)page.Status}) har ingen formular til en ny bemærkning til punkt {item}.");

    private static IHtmlFormElement AnswerForm(HtmlPage page, int item) =>
        page.Document.QuerySelector($"textarea[id^='bemaerkning-{item}-svar-']") is IHtmlTextAreaElement { Form: { } form } ? form
            : throw new InvalidOperationException($"{page.Address} ({(int)page.Status}) har ingen svarformular til punkt {item}.");

    /// <summary>Everything the visitor can fetch about the meeting: its page, its agenda, the API and the agenda as Word (its text).</summary>
    private static async Task<Dictionary<string, string>> Everything(Visitor visitor, int meeting)
    {
        var answers = new Dictionary<string, string>();
        foreach (var url in new[] { $"/moeder/{meeting}", $"/moeder/{meeting}/dagsorden", $"/api/meetings/{meeting}" })
        {
            using var response = await visitor.Get(url);
            answers[url] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        foreach (var url in new[] { $"/api/meetings/{meeting}/agenda.docx", $"/api/meetings/{meeting}/agenda.docx?version=members" })
        {
            var (status, _, bytes) = await visitor.Download(url);
            answers[url] = status == HttpStatusCode.OK ? $"200 {DocxText(bytes)}" : $"{(int)status}";
        }
        return answers;
    }

    /// <summary>The text of every part of a Word file (a zip of XML), so a marker in it is found.</summary>
    private static string DocxText(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }

    private static void NowhereIn(Dictionary<string, string> answers, string marker, string who)
    {
        foreach (var (url, answer) in answers)
        {
            Assert.False(answer.Contains(marker, StringComparison.Ordinal), $"{who} fandt bemærkningen i {url}.");
        }
    }

    [Fact]
    public async Task A_member_writes_a_colleague_answers_the_secretariat_reads_both_and_no_one_else_sees_or_writes_any()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await BodyWithMembers(secretariat, Body, allowsRemarks: true);
        Assert.Contains("kan skrive bemærkninger til punkterne før mødet", (await secretariat.Open($"/udvalg/{body}")).Text("#remarks-setting"));
        var (meeting, item) = await PublishedMeeting(secretariat, body, app.Clock.Today.AddDays(20));
        var first = $"BEMÆRKNING-{Guid.NewGuid():N}";
        var answer = $"SVAR-{Guid.NewGuid():N}";

        using var member = await app.SignInAs(Role.Member);
        var page = await member.Open($"/moeder/{meeting}");
        // Nothing typed is lost: a refused remark comes back in its form with why.
        var tooLong = first + new string('x', 5_000);
        var refused = await member.SubmitForm(NewRemarkForm(page, item), new() { ["text"] = tooLong });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("En bemærkning må højst have 5.000 tegn.", refused.Text($"#bemaerkninger-{item}"));
        Assert.Equal(tooLong, ((IHtmlTextAreaElement)refused.Document.GetElementById($"bemaerkning-{item}-ny")!).Value);
        var empty = await member.SubmitForm(NewRemarkForm(page, item), new() { ["text"] = "  " });
        Assert.Contains("Skriv en bemærkning.", empty.Text($"#bemaerkninger-{item}"));

        var written = await member.SubmitForm(NewRemarkForm(page, item), new() { ["text"] = first });

        Assert.Equal(HttpStatusCode.Redirect, written.Status);
        Assert.Equal($"/moeder/{meeting}", written.RedirectTo?.AbsolutePath);

        using var colleague = await SignIn(app, "medlem-kommunal@raad.local");
        var theirs = await colleague.Open($"/moeder/{meeting}");
        Assert.Contains(first, theirs.Text($"#bemaerkninger-{item}"));
        var answered = await colleague.SubmitForm(AnswerForm(theirs, item), new() { ["text"] = answer });
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);

        var desk = await secretariat.Open($"/moeder/{meeting}");
        var thread = desk.Document.QuerySelector($"#bemaerkninger-{item} .raad-remark-thread")!;
        Assert.Contains(first, thread.QuerySelector(".raad-remark")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Member, thread.QuerySelector(".raad-remark")!.TextContent, StringComparison.Ordinal);
        var reply = thread.QuerySelector(".raad-remark-answers li")!.TextContent;
        Assert.Contains(answer, reply, StringComparison.Ordinal);
        Assert.Contains(Colleague, reply, StringComparison.Ordinal);
        // When, in Danish: "3. december 2026 kl. 10.02".
        Assert.Matches($"{DanishFormat.Date(app.Clock.Today)} kl\\. \\d\\d\\.\\d\\d", reply);
        Assert.Contains("2 bemærkninger", desk.Text($"a[href='#bemaerkninger-{item}']"));

        // Nothing of it anywhere else, for the insiders either: the agenda, the API and the Word file never read remarks.
        foreach (var (who, visitor) in new[] { ("medlemmet", member), ("sekretariatet", secretariat) })
        {
            var answers = await Everything(visitor, meeting);
            answers.Remove($"/moeder/{meeting}");
            Assert.All(answers.Where(a => a.Key.Contains("docx", StringComparison.Ordinal)), a => Assert.StartsWith("200", a.Value, StringComparison.Ordinal));
            NowhereIn(answers, first, who);
            NowhereIn(answers, answer, who);
        }

        // A member of another body, an advisor of this one, another body's secretariat and the public: nothing, and no writing.
        using var otherMember = await SignIn(app, "medlem-regional@raad.local");
        using var advisor = await SignIn(app, "bisidder@raad.local");
        using var otherSecretariat = await SignIn(app, "sekretariat-holbaek@raad.local");
        using var citizen = app.Anonymous();
        var intruder = $"FREMMED-{Guid.NewGuid():N}";
        foreach (var (who, visitor) in new[] { ("et andet udvalgs medlem", otherMember), ("bisidderen", advisor), ("et andet sekretariat", otherSecretariat), ("offentligheden", citizen) })
        {
            var answers = await Everything(visitor, meeting);
            Assert.StartsWith("200", answers[$"/moeder/{meeting}"], StringComparison.Ordinal);
            NowhereIn(answers, first, who);
            NowhereIn(answers, answer, who);
            var own = await visitor.Open($"/moeder/{meeting}");
            Assert.Null(own.Document.GetElementById($"bemaerkninger-{item}"));
            Assert.Null(own.Document.GetElementById($"bemaerkning-{item}-ny"));

            var sent = await visitor.Post($"/moeder/{meeting}?handler=Remark", own,
                [new("itemId", $"{item}"), new("text", intruder)]);
            Assert.True(sent.Status == HttpStatusCode.NotFound || sent.RedirectTo?.AbsolutePath is "/konto/log-ind" or "/konto/adgang-naegtet",
                $"{who} fik {(int)sent.Status} {sent.RedirectTo}");
        }
        Assert.DoesNotContain(intruder, (await secretariat.Open($"/moeder/{meeting}")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_remarks_are_written_after_the_meeting()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await BodyWithMembers(secretariat, Body, allowsRemarks: true);
        var (meeting, item) = await PublishedMeeting(secretariat, body, app.Clock.Today.AddDays(2));
        using var member = await app.SignInAs(Role.Member);
        var before = await member.Open($"/moeder/{meeting}");
        var form = NewRemarkForm(before, item);
        var late = $"FOR-SENT-{Guid.NewGuid():N}";

        app.Clock.Travel(TimeSpan.FromDays(3));
        try
        {
            var after = await member.Open($"/moeder/{meeting}");
            Assert.Null(after.Document.GetElementById($"bemaerkning-{item}-ny"));
            Assert.Contains("Bemærkninger kan kun skrives før mødet.", after.Text($"#bemaerkninger-{item}"));

            // The form kept open from before the meeting, sent now: refused, the text kept, nothing saved.
            var refused = await member.SubmitForm(form, new() { ["text"] = late });

            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("Bemærkninger kan kun skrives før mødet.", refused.Text("[role=alert]"));
            Assert.DoesNotContain(late, (await secretariat.Open($"/moeder/{meeting}")).Text($"#bemaerkninger-{item}"), StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.BackToToday();
        }
    }

    [Fact]
    public async Task A_body_that_does_not_allow_remarks_shows_no_form_and_refuses_one()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await BodyWithMembers(secretariat, Silent, allowsRemarks: false);
        Assert.Null((await secretariat.Open($"/udvalg/{body}")).Document.GetElementById("remarks-setting"));
        var (meeting, item) = await PublishedMeeting(secretariat, body, app.Clock.Today.AddDays(21));
        using var member = await app.SignInAs(Role.Member);
        var page = await member.Open($"/moeder/{meeting}");
        Assert.Null(page.Document.GetElementById($"bemaerkninger-{item}"));
        var marker = $"SLÅET-FRA-{Guid.NewGuid():N}";

        var refused = await member.Post($"/moeder/{meeting}?handler=Remark", page, [new("itemId", $"{item}"), new("text", marker)]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Udvalget har ikke slået bemærkninger til.", refused.Text("[role=alert]"));
        Assert.DoesNotContain(marker, (await secretariat.Open($"/moeder/{meeting}")).Text("main"), StringComparison.Ordinal);
    }
}

public sealed class RemarksOnSqlite(SqliteApp app) : RemarkScenarios(app), IClassFixture<SqliteApp>;

public sealed class RemarksOnPostgres(PostgresApp app) : RemarkScenarios(app), IClassFixture<PostgresApp>;
