using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Features.Demo;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>The secretariat attaches files ("bilag") to items; they are checked, stored as sent and numbered across the meeting.</summary>
public abstract class AttachmentScenarios(RaadApp app)
{
    private const string Body = "Bilagsudvalget (test)";

    /// <summary>A small but real PDF: header, one empty page, trailer.</summary>
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
        + "trailer <</Root 1 0 R>>\n%%EOF\n");

    /// <summary>The PNG signature followed by the start of an IHDR chunk.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task Secretariat_attaches_a_PDF_and_a_PNG_and_the_public_downloads_the_same_bytes_numbered_across_the_meeting()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await MeetingWithItems(secretariat, "2026-12-01");
        var first = await secretariat.ItemId(meeting, "Økonomi");
        var second = await secretariat.ItemId(meeting, "Psykiatri");
        var secondPdf = Pdf.Concat("% anden fil\n"u8.ToArray()).ToArray();

        // The later item first: numbers follow the agenda, not the order of upload.
        await secretariat.Attach(second, "Kort over klyngen", "kort.png", Png, "image/png");
        await secretariat.Attach(first, "Notat om økonomien", "notat.pdf", Pdf, "application/pdf");
        await secretariat.Attach(second, "Referat fra faglig klynge", "referat.pdf", secondPdf, "application/pdf");
        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        using var outsider = app.Anonymous();

        var agenda = await outsider.Open($"/moeder/{meeting}/dagsorden");

        var links = agenda.Document.QuerySelectorAll("a[href^='/bilag/']")
            .Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href")!)).ToList();
        Assert.Equal(
            ["Bilag 1 – Notat om økonomien", "Bilag 2 – Kort over klyngen", "Bilag 3 – Referat fra faglig klynge"],
            links.Select(l => l.Text));
        var expected = new[] { (Pdf, "application/pdf"), (Png, "image/png"), (secondPdf, "application/pdf") };
        foreach (var ((bytes, contentType), link) in expected.Zip(links))
        {
            var download = await outsider.Download(link.Href);
            Assert.Equal(HttpStatusCode.OK, download.Status);
            Assert.Equal(contentType, download.ContentType);
            Assert.Equal(bytes, download.Content);
        }
    }

    [Fact]
    public async Task Attachment_is_stored_with_its_SHA256_and_size()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await MeetingWithItems(secretariat, "2026-12-02");
        var item = await secretariat.ItemId(meeting, "Økonomi");

        var attachment = await secretariat.Attach(item, "Budgetnotat", "budget.pdf", Pdf, "application/pdf");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Attachments.AsNoTracking().Where(a => a.Id == attachment)
            .Select(a => new { a.Sha256, a.Size, a.FileName, a.ContentType }).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), stored.Sha256);
        Assert.Equal(Pdf.Length, stored.Size);
        Assert.Equal("budget.pdf", stored.FileName);
        Assert.Equal("application/pdf", stored.ContentType);
    }

    [Theory]
    [InlineData("program.exe", "MZ\u0090\0\u0003", "Filtypen \".exe\" kan ikke bruges som bilag. Tilladte typer: PDF, DOCX, XLSX, PNG og JPEG.")]
    [InlineData("falsk.pdf", "Dette er en tekstfil med et forkert navn.", "Filen \"falsk.pdf\" er ikke en gyldig PDF-fil.")]
    public async Task Secretariat_who_attaches_a_file_that_is_not_allowed_is_told_why_and_nothing_is_saved(
        string fileName, string content, string message)
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await MeetingWithItems(secretariat, "2026-12-03");
        var item = await secretariat.ItemId(meeting, "Økonomi");
        var form = await secretariat.Open($"/punkter/{item}/rediger");

        var result = await secretariat.SubmitFile(form, new() { ["AttachmentTitle"] = "Bilag der afvises" },
            "File", fileName, Encoding.Latin1.GetBytes(content), "application/octet-stream");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(message, result.Text("[role=alert]"));
        Assert.Equal(message, result.Document.QuerySelector("#Input_File")?.ParentElement?.QuerySelector(".form-error-message")?.TextContent.Trim());
        Assert.Empty((await secretariat.Open($"/punkter/{item}/rediger")).Document.QuerySelectorAll("a[href^='/bilag/']"));
    }

    [Fact]
    public async Task Secretariat_on_a_site_with_a_2_kB_limit_attaches_2_kB_but_is_refused_a_larger_file()
    {
        using var site = app.WithWebHostBuilder(b => b.UseSetting("Raad:Attachments:MaxBytes", "2048"));
        using var secretariat = new Visitor(site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var account = DemoLoader.Accounts.First(a => a.Role == Raad.Web.Infrastructure.Roles.Secretariat);
        await secretariat.SignIn(account.Email, DemoLoader.Password);
        var meeting = await MeetingWithItems(secretariat, "2026-12-04");
        var item = await secretariat.ItemId(meeting, "Økonomi");
        var form = await secretariat.Open($"/punkter/{item}/rediger");
        Assert.Contains("højst 2 kB", form.Text("#file-hint"));

        var tooLarge = await secretariat.SubmitFile(form, new() { ["AttachmentTitle"] = "For stort" },
            "File", "stor.pdf", PdfOfSize(2049), "application/pdf");

        Assert.Equal(HttpStatusCode.OK, tooLarge.Status);
        Assert.Contains("Filen \"stor.pdf\" fylder 3 kB. Bilag må højst fylde 2 kB.", tooLarge.Text("[role=alert]"));
        Assert.Empty((await secretariat.Open($"/punkter/{item}/rediger")).Document.QuerySelectorAll("a[href^='/bilag/']"));

        var atTheLimit = await secretariat.SubmitFile(form, new() { ["AttachmentTitle"] = "Netop stort nok" },
            "File", "netop.pdf", PdfOfSize(2048), "application/pdf");

        Assert.True(atTheLimit.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)atTheLimit.Status}): {atTheLimit.Text("[role=alert]")}");
        Assert.Equal(["Netop stort nok"],
            (await secretariat.Open($"/punkter/{item}/rediger")).Document.QuerySelectorAll("a[href^='/bilag/']").Select(a => a.TextContent.Trim()));
    }

    private static byte[] PdfOfSize(int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        Pdf.CopyTo(bytes, 0);
        return bytes;
    }


    /// <summary>A meeting of the body on the date with the items "Økonomi" and "Psykiatri", set up the first time it is asked for.</summary>
    private static async Task<int> MeetingWithItems(Visitor secretariat, string date)
    {
        var body = await secretariat.EnsureBody(Body, "2026-01-01");
        if ((await secretariat.Meetings(body)).Any(m => m.GetProperty("date").GetString() == date))
        {
            return await secretariat.MeetingId(body, date);
        }
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(date, "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(body, date);
        await secretariat.AddItem(meeting, "Økonomi");
        await secretariat.AddItem(meeting, "Psykiatri");
        return meeting;
    }
}

public sealed class AttachmentOnSqlite(SqliteApp app) : AttachmentScenarios(app), IClassFixture<SqliteApp>;

public sealed class AttachmentOnPostgres(PostgresApp app) : AttachmentScenarios(app), IClassFixture<PostgresApp>;
