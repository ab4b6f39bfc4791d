using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Features.Documents;
using Raad.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Outline;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The agenda and the minutes as PDF, printed by Debian's Chromium and read back with PdfPig: the contents' page
/// numbers are the pages the items begin on, every page says "Side N af M", one bookmark per item, and the public
/// edition holds nothing of a closed item.
/// </summary>
public abstract partial class PdfScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    [Fact]
    public async Task The_27_august_2025_agenda_prints_with_exact_contents_page_numbers_footers_and_a_bookmark_per_item()
    {
        using var citizen = app.Anonymous();
        var meeting = await citizen.MeetingId(await citizen.BodyId(Syd), "2025-08-27");

        var pdf = await Pdf(citizen, $"/api/meetings/{meeting}/agenda.pdf");

        await AssertLaidOut(citizen, meeting, pdf);
        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Dagsorden – Politisk Sundhedsklynge Syd – 27. august 2025", document.Information.Title);
        Assert.Equal(Syd, document.Information.Author);
        var catalog = document.Structure.Catalog.CatalogDictionary.Data;
        Assert.True(catalog.ContainsKey("StructTreeRoot"), "PDF'en er ikke tagget.");
        Assert.Equal("da", (catalog["Lang"] as UglyToad.PdfPig.Tokens.StringToken)?.Data);
        Assert.Contains("onsdag den 27. august 2025", Text(document.GetPage(1)));
        Assert.Contains("Side 1 af", Text(document.GetPage(1)));
    }

    [Fact]
    public async Task The_18_january_2023_minutes_print_with_their_decisions_in_item_order()
    {
        using var citizen = app.Anonymous();
        var meeting = await citizen.MeetingId(await citizen.BodyId(Syd), "2023-01-18");

        var pdf = await Pdf(citizen, $"/api/meetings/{meeting}/minutes.pdf");

        await AssertLaidOut(citizen, meeting, pdf);
        using var document = PdfDocument.Open(pdf);
        Assert.StartsWith("Referat – Politisk Sundhedsklynge Syd – 18. januar 2023", document.Information.Title);
        var all = Squeeze(string.Join(" ", document.GetPages().Select(Text)));
        Assert.Contains("REFERAT", all);
        var decisions = (await citizen.GetJson($"/api/meetings/{meeting}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("decision").GetString()).OfType<string>().Where(d => d.Length > 0).ToList();
        Assert.NotEmpty(decisions);
        Assert.All(decisions, d => Assert.Contains(Squeeze(d).Split('.')[0], all));
    }

    [Fact]
    public async Task A_closed_item_is_in_the_members_edition_only_and_its_title_public_only_where_the_body_allows_it()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var date = "2025-12-09";
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PlanMeeting(syd, new MeetingPlan(date, "14:00", "16:00"))).Status);
        var meeting = await secretariat.MeetingId(syd, date);
        await secretariat.AddItem(meeting, "Personalesag om sekretariatet", closed: true);
        var item = await secretariat.ItemId(meeting, "Personalesag om sekretariatet");
        var edit = await secretariat.Open($"/punkter/{item}/rediger");
        var saved = await secretariat.Submit(edit, new() { ["Input.Background"] = "Fortrolige oplysninger om en navngiven medarbejder." });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Punktet ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testmøde.")).Status);
        using var citizen = app.Anonymous();

        var publicText = AllText(await Pdf(citizen, $"/api/meetings/{meeting}/agenda.pdf"));
        var members = AllText(await Pdf(secretariat, $"/api/meetings/{meeting}/agenda.pdf?version=members"));

        Assert.DoesNotContain("Personalesag", publicText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Fortrolige oplysninger", publicText);
        Assert.Contains("PERSONALESAG OM SEKRETARIATET", members);
        Assert.Contains("Fortrolige oplysninger om en navngiven medarbejder.", members);
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.Download($"/api/meetings/{meeting}/agenda.pdf?version=members")).Status);
        // The secretariat's own request for the public edition gets the public one.
        Assert.DoesNotContain("Personalesag", AllText(await Pdf(secretariat, $"/api/meetings/{meeting}/agenda.pdf?version=public")), StringComparison.OrdinalIgnoreCase);

        // Where the body allows it, the public sees the closed item's number and title, and nothing else of it.
        var body = await secretariat.Open($"/udvalg/{syd}/rediger");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.Submit(body, new() { ["Input.PublicClosedItemTitles"] = "true" })).Status);
        try
        {
            var withTitles = AllText(await Pdf(citizen, $"/api/meetings/{meeting}/agenda.pdf"));
            Assert.Contains("PERSONALESAG OM SEKRETARIATET", withTitles);
            Assert.DoesNotContain("Fortrolige oplysninger", withTitles);
        }
        finally
        {
            await secretariat.Submit(await secretariat.Open($"/udvalg/{syd}/rediger"), new() { ["Input.PublicClosedItemTitles"] = "false" });
        }
    }

    [Fact]
    public async Task The_measured_layout_saves_the_second_print_and_a_wrong_prediction_is_overruled_by_the_printed_pdf()
    {
        using var citizen = app.Anonymous();
        var meeting = await citizen.MeetingId(await citizen.BodyId(Syd), "2025-08-27");
        using var scope = app.Services.CreateScope();
        var (document, _) = await scope.ServiceProvider.GetRequiredService<DocumentEditions>()
            .DocumentAsync(meeting, DocumentKind.Agenda, DocumentVersion.Public, TestContext.Current.CancellationToken);
        var pdf = scope.ServiceProvider.GetRequiredService<DocumentPdf>();

        var predicted = (await pdf.PrintAsync(document!, "Dagsorden", Syd, null, TestContext.Current.CancellationToken)).Value!;
        pdf.AdjustLayout = layout => layout with { Pages = layout.Pages.ToDictionary(p => p.Key, p => p.Value + 1) };
        var overruled = (await pdf.PrintAsync(document!, "Dagsorden", Syd, null, TestContext.Current.CancellationToken)).Value!;

        Assert.Equal(1, predicted.Prints);
        await AssertLaidOut(citizen, meeting, predicted.Pdf);
        Assert.Equal(2, overruled.Prints);
        Assert.Equal(predicted.ItemPages, overruled.ItemPages);
        await AssertLaidOut(citizen, meeting, overruled.Pdf);
    }

    [Fact]
    public async Task A_draft_agenda_has_no_public_pdf_and_a_wrong_version_is_refused()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PlanMeeting(syd, new MeetingPlan("2025-12-10", "14:00", "16:00"))).Status);
        var draft = await secretariat.MeetingId(syd, "2025-12-10");
        using var citizen = app.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Download($"/api/meetings/{draft}/agenda.pdf")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.Download($"/api/meetings/{draft}/agenda.pdf?version=alt")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Download($"/api/meetings/{draft}/minutes.pdf")).Status);
    }

    /// <summary>Items in order; the contents' page for each item is the page its bookmark and heading are on; "Side N af M" everywhere.</summary>
    private static async Task AssertLaidOut(Visitor visitor, int meeting, byte[] pdf)
    {
        var items = (await visitor.GetJson($"/api/meetings/{meeting}")).GetProperty("items").EnumerateArray()
            .Select(i => (Number: i.GetProperty("number").GetInt32(), Title: i.GetProperty("title").GetString()!)).ToList();
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => Squeeze(Text(p))).ToList();

        for (var n = 0; n < pages.Count; n++)
        {
            Assert.Contains($"Side {n + 1} af {pages.Count}", pages[n]);
        }

        Assert.True(document.TryGetBookmarks(out var bookmarks), "PDF'en har ingen bogmærker.");
        var itemMarks = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().Where(b => ItemMark().IsMatch(b.Title)).ToList();
        Assert.Equal(items.Select(i => i.Number), itemMarks.Select(b => int.Parse(ItemMark().Match(b.Title).Groups[1].Value, CultureInfo.InvariantCulture)));

        var contents = pages.First(p => p.Contains("INDHOLD", StringComparison.Ordinal));
        var previous = 0;
        foreach (var (item, mark) in items.Zip(itemMarks))
        {
            // The heading is the title after the kind ("Drøftelse: ...") where the kind is printed.
            var listed = Regex.Match(contents, $@"{item.Number}\. (?:\w+: )?{Regex.Escape(Squeeze(item.Title))} \d+ min\. side (\d+)");
            Assert.True(listed.Success, $"Punkt {item.Number} står ikke med sidetal i indholdsfortegnelsen: {contents}");
            var page = int.Parse(listed.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(mark.PageNumber, page);
            var upper = Squeeze(item.Title).ToUpper(CultureInfo.GetCultureInfo("da-DK"));
            Assert.Matches($@"{item.Number}\. (?:\w+: )?{Regex.Escape(upper[..Math.Min(20, upper.Length)])}", pages[page - 1]);
            Assert.True(page >= previous, $"Punkt {item.Number} begynder før punktet foran.");
            previous = page;
        }
    }

    private static async Task<byte[]> Pdf(Visitor visitor, string url)
    {
        var (status, type, content) = await visitor.Download(url);
        Assert.True(status == HttpStatusCode.OK, $"{url} gav {(int)status}: {System.Text.Encoding.UTF8.GetString(content)}");
        Assert.Equal("application/pdf", type);
        return content;
    }

    private static string AllText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeeze(string.Join(" ", document.GetPages().Select(Text)));
    }

    private static string Text(UglyToad.PdfPig.Content.Page page) => ContentOrderTextExtractor.GetText(page);

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [GeneratedRegex(@"^(\d+)\. ")]
    private static partial Regex ItemMark();
}

public sealed class PdfOnSqlite(SqliteApp app) : PdfScenarios(app), IClassFixture<SqliteApp>;

public sealed class PdfOnPostgres(PostgresApp app) : PdfScenarios(app), IClassFixture<PostgresApp>;
