using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Raad.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The documents read well on paper and in Word: a member group's heading is not left alone at the foot of a page, a
/// recommendation clause's further lines begin under its text, lines typed as "- " are a list, and Word's contents
/// list the items only.
/// </summary>
public abstract class DocumentPolishScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    private const string LongClause = "at Politisk Sundhedsklynge Syd godkender publikationsplanen med de foreslåede ændringer til tidsplanen, "
        + "budgettet og fordelingen af opgaverne mellem kommunerne, regionen og almen praksis i hele klyngen, og at sekretariatet følger op.";

    [Fact]
    public async Task No_member_group_heading_is_left_alone_at_the_foot_of_a_page_however_the_list_falls()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var meeting = await secretariat.MeetingId(syd, "2025-08-27");
        string[] headings = ["Regional", "Kommunal", "Almen praksis", "MEDLEMMER", "BISIDDERE", "GÆSTEDELTAGERE"];

        // Each new member moves everything below one line down, so over a dozen prints every heading of the list
        // comes to the foot of page 1 once; then it must take its first member with it to the next page.
        var stranded = new List<string>();
        var seen = 0;
        for (var added = 0; added <= 12; added++)
        {
            if (added > 0)
            {
                var result = await secretariat.AddMembership(syd, new()
                {
                    ["Input.NewPersonName"] = $"Testmedlem {added}",
                    ["Input.NewPersonTitle"] = "regionspolitiker",
                    ["Input.Role"] = "Member",
                    ["Input.Group"] = "Regional",
                    ["Input.NewOrganisationName"] = "Region Hovedstaden",
                    ["Input.From"] = "2025-01-01",
                });
                Assert.True(result.Status == HttpStatusCode.Redirect, $"Medlemmet ikke tilføjet ({(int)result.Status}): {result.Text("[role=alert]")}");
            }
            using var document = PdfDocument.Open(await Pdf(secretariat, $"/api/meetings/{meeting}/agenda.pdf"));
            foreach (var page in document.GetPages().Take(3))
            {
                var lines = Lines(page).Where(l => !l.Text.StartsWith("Side ", StringComparison.Ordinal)).ToList();
                seen += lines.Count(l => headings.Contains(l.Text));
                if (lines.Count > 0 && headings.Contains(lines[^1].Text))
                {
                    stranded.Add($"\"{lines[^1].Text}\" nederst på side {page.Number} med {added} ekstra medlemmer");
                }
            }
        }

        Assert.True(seen >= 13 * 5, $"Kun {seen} overskrifter fundet i 13 udskrifter.");
        Assert.True(stranded.Count == 0, string.Join("\n", stranded));
    }

    [Fact]
    public async Task A_list_typed_with_dashes_is_a_list_on_the_web_and_in_word_and_a_long_clause_wraps_under_its_text()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        // Within Syd's term (to 31 December 2025), so a past meeting whose agenda goes out late, with a reason.
        var planned = await secretariat.PlanMeeting(syd, new MeetingPlan("2025-12-04", "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(syd, "2025-12-04");
        await secretariat.AddItem(meeting, "Udgivelsesplan");
        var item = await secretariat.ItemId(meeting, "Udgivelsesplan");
        var edit = await secretariat.Open($"/punkter/{item}/rediger");
        var saved = await secretariat.Submit(edit, new()
        {
            ["Input.Background"] = "Sekretariatet foreslår:\n- at ansætte en koordinator\n- at købe udstyr til møderne\nDerefter følger en evaluering.",
            ["Input.Recommendation"] = LongClause,
        });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Punktet ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testmøde, udsendt sent.");
        Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");
        using var citizen = app.Anonymous();

        var web = await citizen.Open($"/moeder/{meeting}/dagsorden");
        var list = web.Document.QuerySelectorAll(".raad-document ul.raad-list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["at ansætte en koordinator", "at købe udstyr til møderne"], list);
        Assert.DoesNotContain("- at ansætte", web.Text(".raad-document"), StringComparison.Ordinal);

        var (_, _, docx) = await citizen.Download($"/api/meetings/{meeting}/agenda.docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var main = word.MainDocumentPart!;
            var bullets = main.Document!.Body!.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
            Assert.Equal(["at ansætte en koordinator", "at købe udstyr til møderne"], bullets.Select(p => p.InnerText));
            var numId = bullets[0].ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
            var instance = main.NumberingDefinitionsPart!.Numbering!.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == numId);
            var format = main.NumberingDefinitionsPart.Numbering.Elements<AbstractNum>()
                .Single(a => a.AbstractNumberId!.Value == instance.AbstractNumId!.Val!.Value).Elements<Level>().First().NumberingFormat!.Val!.Value;
            Assert.Equal(NumberFormatValues.Bullet, format);
            var entries = DocxScenarios.ContentsEntries(word);
            var items = (await citizen.GetJson($"/api/meetings/{meeting}")).GetProperty("items").GetArrayLength();
            Assert.Equal(items, entries.Count);
            Assert.All(entries, e => Assert.Matches(@"^\d+\. ", e));
            Assert.Contains(entries, e => e.EndsWith("Udgivelsesplan", StringComparison.Ordinal));
        }

        // The clause runs over several lines; the lines after the first begin to the right of its dash.
        using var pdf = PdfDocument.Open(await Pdf(citizen, $"/api/meetings/{meeting}/agenda.pdf"));
        var page = pdf.GetPages().Last(p => p.Text.Contains("publikationsplanen", StringComparison.Ordinal));
        var lines = Lines(page);
        var first = lines.FindIndex(l => l.Text.Contains("publikationsplanen", StringComparison.Ordinal));
        Assert.True(first >= 0 && first + 1 < lines.Count, "Indstillingen blev ikke fundet.");
        Assert.StartsWith("– at Politisk", lines[first].Text, StringComparison.Ordinal);
        var next = lines[first + 1];
        Assert.True(next.Left > lines[first].Left + 4, $"Indstillingens anden linje ({next.Text}, x={next.Left:0.0}) begynder ikke til højre for stregen (x={lines[first].Left:0.0}).");
    }

    /// <summary>The page's text lines from the top: words on one baseline joined, with where the line begins.</summary>
    private static List<(string Text, double Left)> Lines(Page page) =>
        [.. page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom / 3))
            .OrderByDescending(g => g.Key)
            .Select(g => (string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)), g.Min(w => w.BoundingBox.Left)))];

    private static async Task<byte[]> Pdf(Visitor visitor, string url)
    {
        var (status, type, content) = await visitor.Download(url);
        Assert.True(status == HttpStatusCode.OK, $"{url} gav {(int)status}: {System.Text.Encoding.UTF8.GetString(content)}");
        Assert.Equal("application/pdf", type);
        return content;
    }
}

public sealed class DocumentPolishOnSqlite(SqliteApp app) : DocumentPolishScenarios(app), IClassFixture<SqliteApp>;

public sealed class DocumentPolishOnPostgres(PostgresApp app) : DocumentPolishScenarios(app), IClassFixture<PostgresApp>;
