using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The agenda and the minutes as Word files, read back with the Open XML SDK: valid by its validator, every item a
/// "heading 1" in order, a real contents field, "Side N af M" from fields in the footer, and a public edition that
/// holds nothing of a closed item.
/// </summary>
public abstract partial class DocxScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task The_27_august_2025_agenda_is_a_valid_word_file_with_every_item_as_a_heading_and_a_contents_field()
    {
        using var citizen = app.Anonymous();
        var meeting = await citizen.MeetingId(await citizen.BodyId(Syd), "2025-08-27");

        var (file, name) = await Docx(citizen, $"/api/meetings/{meeting}/agenda.docx");

        Assert.Equal("dagsorden-2025-08-27.docx", name);
        using var document = WordprocessingDocument.Open(new MemoryStream(file), false);
        await AssertWellMade(citizen, meeting, document);
        Assert.Equal("Dagsorden – Politisk Sundhedsklynge Syd – 27. august 2025", document.PackageProperties.Title);
        var text = Text(document);
        Assert.Contains("DAGSORDEN", text);
        Assert.Contains("onsdag den 27. august 2025", text);
        Assert.Contains("Medlemmer", text);
        Assert.Contains("Det indstilles:", text);
    }

    [Fact]
    public async Task The_18_january_2023_minutes_are_a_valid_word_file_with_their_decisions()
    {
        using var citizen = app.Anonymous();
        var meeting = await citizen.MeetingId(await citizen.BodyId(Syd), "2023-01-18");

        var (file, name) = await Docx(citizen, $"/api/meetings/{meeting}/minutes.docx");

        Assert.Equal("referat-2023-01-18.docx", name);
        using var document = WordprocessingDocument.Open(new MemoryStream(file), false);
        await AssertWellMade(citizen, meeting, document);
        Assert.StartsWith("Referat – Politisk Sundhedsklynge Syd – 18. januar 2023", document.PackageProperties.Title);
        var text = Text(document);
        Assert.Contains("REFERAT", text);
        var decisions = (await citizen.GetJson($"/api/meetings/{meeting}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("decision").GetString()).OfType<string>().Where(d => d.Length > 0).ToList();
        Assert.NotEmpty(decisions);
        Assert.All(decisions, d => Assert.Contains(Squeeze(d), text));
        Assert.Contains(document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>(), p => Style(p) == "Decision");
    }

    [Fact]
    public async Task A_closed_item_is_in_the_members_word_file_only_and_its_title_public_only_where_the_body_allows_it()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var date = "2025-12-11";
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PlanMeeting(syd, new MeetingPlan(date, "14:00", "16:00"))).Status);
        var meeting = await secretariat.MeetingId(syd, date);
        await secretariat.AddItem(meeting, "Personalesag om sekretariatet", closed: true);
        var item = await secretariat.ItemId(meeting, "Personalesag om sekretariatet");
        var edit = await secretariat.Open($"/punkter/{item}/rediger");
        var saved = await secretariat.Submit(edit, new() { ["Input.Background"] = "Fortrolige oplysninger om en navngiven medarbejder." });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Punktet ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        using var citizen = app.Anonymous();

        // A draft has no public edition; its members' edition is for insiders only.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Download($"/api/meetings/{meeting}/agenda.docx")).Status);
        var (draft, draftName) = await Docx(secretariat, $"/api/meetings/{meeting}/agenda.docx?version=members");
        Assert.Equal("dagsorden-2025-12-11-medlemmer.docx", draftName);
        Assert.Contains("Kladde. Dagsordenen er ikke udsendt.", Text(draft));

        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testmøde.")).Status);

        var publicText = Text((await Docx(citizen, $"/api/meetings/{meeting}/agenda.docx")).File);
        var (members, _) = await Docx(secretariat, $"/api/meetings/{meeting}/agenda.docx?version=members");

        Assert.DoesNotContain("Personalesag", publicText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Fortrolige oplysninger", publicText);
        Assert.Contains("1 lukket punkt er ikke vist.", publicText);
        Assert.Contains("Personalesag om sekretariatet", Text(members));
        Assert.Contains("Fortrolige oplysninger om en navngiven medarbejder.", Text(members));
        using (var document = WordprocessingDocument.Open(new MemoryStream(members), false))
        {
            await AssertWellMade(secretariat, meeting, document);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.Download($"/api/meetings/{meeting}/agenda.docx?version=members")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.Download($"/api/meetings/{meeting}/agenda.docx?version=alt")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Download($"/api/meetings/{meeting}/minutes.docx")).Status);
        // The secretariat's own request for the public edition gets the public one.
        Assert.DoesNotContain("Personalesag", Text((await Docx(secretariat, $"/api/meetings/{meeting}/agenda.docx?version=public")).File),
            StringComparison.OrdinalIgnoreCase);

        // Where the body allows it, the public sees the closed item's number and title, and nothing else of it.
        var body = await secretariat.Open($"/udvalg/{syd}/rediger");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.Submit(body, new() { ["Input.PublicClosedItemTitles"] = "true" })).Status);
        try
        {
            var (withTitles, _) = await Docx(citizen, $"/api/meetings/{meeting}/agenda.docx");
            using var document = WordprocessingDocument.Open(new MemoryStream(withTitles), false);
            var heading = Assert.Single(document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>(),
                p => Style(p) == "Heading1" && p.InnerText.EndsWith("Personalesag om sekretariatet", StringComparison.Ordinal));
            var section = heading.ElementsAfter().OfType<Paragraph>().TakeWhile(p => Style(p) != "Heading1").Select(p => p.InnerText);
            Assert.Equal(["Lukket punkt. Punktet behandles for lukkede døre."], section);
            Assert.DoesNotContain("Fortrolige oplysninger", Text(withTitles));
            Assert.Empty(Validate(document));
        }
        finally
        {
            await secretariat.Submit(await secretariat.Open($"/udvalg/{syd}/rediger"), new() { ["Input.PublicClosedItemTitles"] = "false" });
        }
    }

    /// <summary>
    /// Valid; every item of the meeting (as the caller reads it from the API) a "heading 1" on a new page, in order;
    /// Word's own heading styles; a TOC field; PAGE and NUMPAGES in the footer; the metadata; fields refreshed on opening.
    /// </summary>
    private static async Task AssertWellMade(Visitor visitor, int meeting, WordprocessingDocument document)
    {
        var errors = Validate(document);
        Assert.True(errors.Count == 0, $"OpenXmlValidator fandt {errors.Count} fejl:\n{string.Join("\n", errors)}");

        var items = (await visitor.GetJson($"/api/meetings/{meeting}")).GetProperty("items").EnumerateArray()
            .Select(i => (Number: i.GetProperty("number").GetInt32(), Title: i.GetProperty("title").GetString()!)).ToList();
        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Descendants<Paragraph>().Where(p => Style(p) == "Heading1" && ItemHeading().IsMatch(p.InnerText)).ToList();
        Assert.Equal(items.Count, headings.Count);
        foreach (var (item, heading) in items.Zip(headings))
        {
            // The heading is the title after the kind ("Drøftelse: ...") where the kind is printed.
            Assert.Matches($@"^{item.Number}\. (?:\w+: )?{Regex.Escape(item.Title)}$", heading.InnerText);
            Assert.NotNull(heading.ParagraphProperties?.PageBreakBefore);
        }

        var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        foreach (var (id, name) in new[] { ("Heading1", "heading 1"), ("Heading2", "heading 2"), ("Heading3", "heading 3"), ("Title", "Title") })
        {
            Assert.Equal(name, styles.Single(s => s.StyleId == id).StyleName?.Val?.Value);
        }
        // The contents list the items only: what the TOC field collects when Word updates it is the item headings.
        Assert.Equal(headings.Select(h => h.InnerText), ContentsEntries(document));
        var footer = Assert.Single(document.MainDocumentPart.FooterParts).Footer!;
        var codes = footer.Descendants<FieldCode>().Select(f => f.Text.Trim()).ToList();
        Assert.Contains("PAGE", codes);
        Assert.Contains("NUMPAGES", codes);
        Assert.StartsWith("Side ", footer.InnerText, StringComparison.Ordinal);
        Assert.Equal(Syd, document.PackageProperties.Creator);
        Assert.Equal("da-DK", document.PackageProperties.Language);
        Assert.False(string.IsNullOrEmpty(document.PackageProperties.Title));
        Assert.True(document.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>()?.Val?.Value);
    }

    /// <summary>The paragraphs Word puts in the contents when it updates the TOC field: those whose outline level is in its \o range.</summary>
    internal static List<string> ContentsEntries(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart!;
        var field = main.Document!.Body!.Descendants<FieldCode>().Select(f => f.Text.Trim()).Single(f => f.StartsWith("TOC ", StringComparison.Ordinal));
        var range = Regex.Match(field, @"\\o ""(\d)-(\d)""");
        Assert.True(range.Success, $"TOC-feltet har intet \\o-interval: {field}");
        var (from, to) = (int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture) - 1, int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture) - 1);
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        int? Level(string? styleId)
        {
            for (var id = styleId; id is not null && styles.TryGetValue(id, out var style); id = style.BasedOn?.Val?.Value)
            {
                if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level)
                {
                    return level;
                }
            }
            return null;
        }
        return [.. main.Document.Body.Descendants<Paragraph>()
            .Where(p => (p.ParagraphProperties?.OutlineLevel?.Val?.Value ?? Level(Style(p))) is { } level && level >= from && level <= to)
            .Select(p => p.InnerText)];
    }

    private static List<string> Validate(WordprocessingDocument document) =>
        [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];

    private static async Task<(byte[] File, string? Name)> Docx(Visitor visitor, string url)
    {
        using var response = await visitor.Get(url);
        var content = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gav {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(content)}");
        Assert.Equal(WordType, response.Content.Headers.ContentType?.MediaType);
        return (content, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    private static string? Style(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    /// <summary>The paragraphs' text (field codes left out), line breaks as spaces, whitespace squeezed.</summary>
    private static string Text(WordprocessingDocument document) =>
        Squeeze(string.Join(" ", document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p =>
            string.Concat(p.Descendants().Select(e => e switch
            {
                Text t => t.Text,
                Break or TabChar => " ",
                _ => "",
            })))));

    private static string Text(byte[] file)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(file), false);
        return Text(document);
    }

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex ItemHeading();
}

public sealed class DocxOnSqlite(SqliteApp app) : DocxScenarios(app), IClassFixture<SqliteApp>;

public sealed class DocxOnPostgres(PostgresApp app) : DocxScenarios(app), IClassFixture<PostgresApp>;
