using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Raad.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Writer;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The agenda package: the agenda followed by the PDF attachments in item order, with a bookmark per item and per
/// attachment and the contents giving each attachment's first page; other files listed with a link; built in the
/// background and kept until the agenda or an attachment changes.
/// </summary>
public abstract class PackageScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    [Fact]
    public async Task The_package_holds_the_agenda_then_three_pdf_attachments_in_order_with_bookmarks_and_page_numbers()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PlanMeeting(syd, new MeetingPlan("2025-12-15", "14:00", "16:00"))).Status);
        var meeting = await secretariat.MeetingId(syd, "2025-12-15");
        await secretariat.AddItem(meeting, "Samling af projekter");
        await secretariat.AddItem(meeting, "Økonomi");
        var first = await secretariat.ItemId(meeting, "Samling af projekter");
        var second = await secretariat.ItemId(meeting, "Økonomi");
        await Attach(secretariat, first, "Projektbeskrivelse", "a.pdf", Pdf("A", 1));
        await Attach(secretariat, first, "Tidsplan", "b.pdf", Pdf("B", 2));
        await Attach(secretariat, second, "Budget", "c.pdf", Pdf("C", 3));
        await Attach(secretariat, second, "Notat i Word", "notat.docx", [.. "PK\u0003\u0004"u8, .. new byte[64]]);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testmøde.")).Status);
        using var citizen = app.Anonymous();

        var first202 = await citizen.Download($"/api/meetings/{meeting}/package.pdf");
        Assert.Equal(HttpStatusCode.Accepted, first202.Status);
        var package = await WhenBuilt(citizen, $"/api/meetings/{meeting}/package.pdf");

        using var document = PdfDocument.Open(package);
        var agendaPages = document.NumberOfPages - 6;
        Assert.True(agendaPages >= 3, $"Dagsordenen fylder kun {agendaPages} sider.");
        string[] expected = ["Bilag A side 1", "Bilag B side 1", "Bilag B side 2", "Bilag C side 1", "Bilag C side 2", "Bilag C side 3"];
        for (var n = 0; n < expected.Length; n++)
        {
            Assert.Contains(expected[n], Text(document.GetPage(agendaPages + 1 + n)));
        }

        // The footer counts the package's pages, and each attachment page says which attachment and which of its pages it is.
        for (var n = 1; n <= agendaPages; n++)
        {
            Assert.Contains($"Side {n} af {document.NumberOfPages}", Squeeze(Text(document.GetPage(n))));
        }
        string[] stamps = ["Bilag 1 – Projektbeskrivelse · side 1 af 1", "Bilag 2 – Tidsplan · side 1 af 2", "Bilag 2 – Tidsplan · side 2 af 2",
            "Bilag 3 – Budget · side 1 af 3", "Bilag 3 – Budget · side 2 af 3", "Bilag 3 – Budget · side 3 af 3"];
        for (var n = 0; n < stamps.Length; n++)
        {
            Assert.Contains(stamps[n], Squeeze(Text(document.GetPage(agendaPages + 1 + n))));
        }

        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var marks = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToDictionary(b => b.Title, b => b.PageNumber);
        Assert.Equal(1, marks["Dagsorden"]);
        Assert.Equal(agendaPages + 1, marks.Single(m => m.Key.StartsWith("Bilag 1 – Projektbeskrivelse", StringComparison.Ordinal)).Value);
        Assert.Equal(agendaPages + 2, marks.Single(m => m.Key.StartsWith("Bilag 2 – Tidsplan", StringComparison.Ordinal)).Value);
        Assert.Equal(agendaPages + 4, marks.Single(m => m.Key.StartsWith("Bilag 3 – Budget", StringComparison.Ordinal)).Value);
        Assert.DoesNotContain(marks.Keys, k => k.Contains("Notat i Word", StringComparison.Ordinal));
        var items = bookmarks.Roots.Single().Children;
        Assert.Equal(["Bilag 1 – Projektbeskrivelse", "Bilag 2 – Tidsplan"], items.Single(i => i.Title.EndsWith("Samling af projekter", StringComparison.Ordinal)).Children.Select(c => c.Title));

        var contents = Squeeze(string.Join(" ", document.GetPages().Take(agendaPages).Select(Text).Where(t => t.Contains("INDHOLD", StringComparison.Ordinal))));
        Assert.Contains($"Bilag 1 – Projektbeskrivelse (punkt 2) side {agendaPages + 1}", contents);
        Assert.Contains($"Bilag 2 – Tidsplan (punkt 2) side {agendaPages + 2}", contents);
        Assert.Contains($"Bilag 3 – Budget (punkt 3) side {agendaPages + 4}", contents);
        Assert.Contains("Bilag 4 – Notat i Word (punkt 3) DOCX, hentes separat", contents);

        // Built once: the next reader gets it at once, the same file.
        var again = await citizen.Download($"/api/meetings/{meeting}/package.pdf");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(package, again.Content);

        // A new attachment changes the package: it is built again, with the new file in it.
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(meeting, "AgendaDraft")).Status);
        await Attach(secretariat, second, "Tillæg", "d.pdf", Pdf("D", 1));
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testmøde.")).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await citizen.Download($"/api/meetings/{meeting}/package.pdf")).Status);
        using var rebuilt = PdfDocument.Open(await WhenBuilt(citizen, $"/api/meetings/{meeting}/package.pdf"));
        Assert.Contains("Bilag D side 1", Text(rebuilt.GetPage(rebuilt.NumberOfPages)));
    }

    [Fact]
    public async Task The_package_page_shows_progress_and_then_the_download()
    {
        using var citizen = app.Anonymous();
        var meeting = await citizen.MeetingId(await citizen.BodyId(Syd), "2025-08-27");

        var page = await citizen.Open($"/moeder/{meeting}/samlet-dagsorden");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var status = page.Text("[role=status]");
        Assert.True(status.Contains("Samlingen bygges", StringComparison.Ordinal) || status.Contains("Hent samlet dagsorden", StringComparison.Ordinal), status);
        await WhenBuilt(citizen, $"/api/meetings/{meeting}/package.pdf");
        var done = await citizen.Open($"/moeder/{meeting}/samlet-dagsorden");
        Assert.Equal($"/api/meetings/{meeting}/package.pdf?version=public", done.Document.QuerySelector("[role=status] a")!.GetAttribute("href"));
    }

    private static async Task<byte[]> WhenBuilt(Visitor visitor, string url)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var (status, type, content) = await visitor.Download(url);
            if (status == HttpStatusCode.OK)
            {
                Assert.Equal("application/pdf", type);
                return content;
            }
            Assert.True(status == HttpStatusCode.Accepted, $"{url} gav {(int)status}: {System.Text.Encoding.UTF8.GetString(content)}");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"{url} var ikke færdig efter 90 sekunder: {System.Text.Encoding.UTF8.GetString(content)}");
            await Task.Delay(250);
        }
    }

    private static async Task Attach(Visitor secretariat, int item, string title, string fileName, byte[] bytes)
    {
        var form = await secretariat.Open($"/punkter/{item}/rediger");
        var type = fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        var result = await secretariat.SubmitFile(form, new() { ["AttachmentTitle"] = title }, "File", fileName, bytes, type);
        Assert.True(result.Status == HttpStatusCode.Redirect, $"Bilag ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
    }

    /// <summary>A real PDF of <paramref name="pages"/> pages, each saying "Bilag X side N".</summary>
    private static byte[] Pdf(string name, int pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var n = 1; n <= pages; n++)
        {
            builder.AddPage(PageSize.A4).AddText($"Bilag {name} side {n}", 14, new PdfPoint(72, 720), font);
        }
        return builder.Build();
    }

    private static string Text(Page page) => ContentOrderTextExtractor.GetText(page);

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}

public sealed class PackageOnSqlite(SqliteApp app) : PackageScenarios(app), IClassFixture<SqliteApp>;

public sealed class PackageOnPostgres(PostgresApp app) : PackageScenarios(app), IClassFixture<PostgresApp>;
