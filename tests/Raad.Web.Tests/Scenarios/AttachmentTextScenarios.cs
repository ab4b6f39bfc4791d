using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Agenda;
using Raad.Web.Data;
using Raad.Web.Features.Agenda;
using Raad.Web.Features.Demo;
using Raad.Web.Features.Search;
using Raad.Web.Infrastructure.PublicPages;
using Raad.Web.Tests.Import;
using Raad.Web.Tests.Infrastructure;
using static Raad.Web.Tests.Import.DocxMaker;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Attachments' words for search: read in the upload's own request, so a file is searchable at once; and in the
/// background for files that came without (imports, rows from before search), one pass at a time, never twice.
/// </summary>
public abstract class AttachmentTextScenarios(RaadApp app)
{
    private const string Body = "Bilagstekstudvalget (test)";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static byte[] Pdf(string line) => new PdfMaker(embedded: true).Page().Line("Notat", 14, isBold: true).Line(line).Build();

    [Fact]
    public async Task Secretariat_uploads_a_PDF_and_its_words_are_stored_at_once_but_not_in_the_audit_log()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var item = await NewItem(secretariat, 10);

        var pdf = await secretariat.Attach(item, "Notat om indsatser", "notat.pdf", Pdf("Sundhedsrådenes indsatser for ældre på Amager."), "application/pdf");
        var png = await secretariat.Attach(item, "Kort", "kort.png", Png, "image/png");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("Notat Sundhedsrådenes indsatser for ældre på Amager.", await TextOf(db, pdf));
        Assert.Equal("", await TextOf(db, png));
        var logged = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Attachment) && e.EntityId == pdf.ToString(CultureInfo.InvariantCulture))
            .Select(e => e.After).SingleAsync(ct);
        Assert.Contains("notat.pdf", logged);
        Assert.DoesNotContain("indsatser for", logged);
    }

    [Fact]
    public async Task Attachments_without_words_get_them_from_one_background_pass_which_refreshes_public_pages_and_does_not_read_a_file_twice()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var item = await NewItem(secretariat, 11);
        var ct = TestContext.Current.CancellationToken;
        var docx = new DocxMaker().Add(P("Heading1", R("Referat")), P("Psykiatriens tilbud i kommunerne.")).Build();
        // As an import or a database from before search leaves them: files, no words yet.
        var files = new (string Name, byte[] Bytes, string Type)[]
        {
            ("import.pdf", Pdf("Forebyggelse og sundhedsfremme."), "application/pdf"),
            ("referat.docx", docx, AttachmentPolicy.Check("referat.docx", docx.Length, docx, AttachmentPolicy.DefaultMaxBytes).ContentType!),
            ("beskadiget.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage"u8.ToArray(), "application/pdf"),
            ("foto.png", Png, "image/png"),
        };
        var ids = new List<int>();
        long stampBefore;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = files.Select((f, i) => new Attachment
            {
                AgendaItemId = item,
                Title = f.Name,
                FileName = f.Name,
                ContentType = f.Type,
                Size = f.Bytes.Length,
                Sha256 = UploadedFile.Sha256(f.Bytes),
                Content = f.Bytes,
                Order = 10 + i,
                UploadedAt = app.Clock.GetUtcNow(),
            }).ToList();
            db.Attachments.AddRange(rows);
            await db.SaveChangesAsync(ct);
            ids.AddRange(rows.Select(r => r.Id));
            stampBefore = await ContentStamp.ReadAsync(db, ct);
        }
        var worker = app.Services.GetRequiredService<AttachmentTextWorker>();

        // Other tests of the class may leave unread rows too; every one is read, these four among them.
        Assert.True(await worker.RunOnceAsync(ct) >= files.Length);
        var again = await worker.RunOnceAsync(ct);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal("Notat Forebyggelse og sundhedsfremme.", await TextOf(db, ids[0]));
            Assert.Equal("Referat Psykiatriens tilbud i kommunerne.", await TextOf(db, ids[1]));
            Assert.Equal("", await TextOf(db, ids[2]));
            Assert.Equal("", await TextOf(db, ids[3]));
            Assert.True(await ContentStamp.ReadAsync(db, ct) > stampBefore, "Den offentlige sides stempel steg ikke.");
            Assert.False(await db.Attachments.AnyAsync(a => a.Text == null, ct));
        }
        // The damaged file and the image have their "" and are not read again.
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task A_members_file_taken_onto_the_agenda_is_left_to_the_background_which_reads_it()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId("Politisk Sundhedsklynge Syd");
        // Within the demo body's period, which ends 31 December 2025 (as ItemRequestScenarios).
        const string date = "2025-12-22";
        var planned = await secretariat.PlanMeeting(syd, new MeetingPlan(date, "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(syd, date);
        using var member = await app.SignInAs(Role.Member);
        var form = await member.Open($"/moeder/{meeting}/punktoensker/nyt");
        var sent = await member.SubmitFile(form, new() { ["Title"] = "Genoptræning", ["Wanted"] = "Drøftelse af notatet." },
            "Files", "genoptraening.pdf", Pdf("Ventetider på genoptræning i klyngen."), "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var meetingPage = await secretariat.Open($"/moeder/{meeting}");
        var requestId = meetingPage.Document.QuerySelector("form[action*='AcceptRequest'] input[name='requestId']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.SubmitForm(meetingPage.FormWithValue("requestId", requestId), [])).Status);
        var item = await secretariat.ItemId(meeting, "Genoptræning");
        var ct = TestContext.Current.CancellationToken;
        int attachment;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            attachment = await db.Attachments.Where(a => a.AgendaItemId == item).Select(a => a.Id).SingleAsync(ct);
            Assert.Null(await TextOf(db, attachment));
        }

        await app.Services.GetRequiredService<AttachmentTextWorker>().RunOnceAsync(ct);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal("Notat Ventetider på genoptræning i klyngen.", await TextOf(scope.ServiceProvider.GetRequiredService<AppDbContext>(), attachment));
        }
    }

    [Fact]
    public async Task On_a_site_that_reads_only_small_files_at_upload_the_running_background_service_reads_a_larger_one_soon_after()
    {
        // Looks once at start, then only when woken: the upload's nudge is what brings it round.
        using var site = app.WithWebHostBuilder(b => b
            .UseSetting("Raad:AttachmentText:ReadAtUploadMaxBytes", "100")
            .UseSetting("Raad:AttachmentText:PollSeconds", "3600"));
        using var secretariat = new Visitor(site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var account = DemoLoader.Accounts.First(a => a.Role == Raad.Web.Infrastructure.Roles.Secretariat);
        await secretariat.SignIn(account.Email, DemoLoader.Password);
        var item = await NewItem(secretariat, 13);

        var id = await secretariat.Attach(item, "Stort notat", "stort.pdf", Pdf("Akutpladser og sygehusenes kapacitet."), "application/pdf");

        string? text = null;
        for (var look = 0; look < 300 && text is null; look++)
        {
            await using var scope = site.Services.CreateAsyncScope();
            text = await TextOf(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id);
            if (text is null)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
        Assert.Equal("Notat Akutpladser og sygehusenes kapacitet.", text);
    }

    private static async Task<string?> TextOf(AppDbContext db, int id) =>
        await db.Attachments.AsNoTracking().Where(a => a.Id == id).Select(a => a.Text).SingleAsync(TestContext.Current.CancellationToken);

    /// <summary>A new item on a meeting <paramref name="daysAhead"/> days from the app's today.</summary>
    private async Task<int> NewItem(Visitor secretariat, int daysAhead)
    {
        var body = await secretariat.EnsureBody(Body, "2026-01-01");
        var date = app.Clock.Today.AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(date, "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(body, date);
        await secretariat.AddItem(meeting, "Bilag med tekst");
        return await secretariat.ItemId(meeting, "Bilag med tekst");
    }

}

public sealed class AttachmentTextOnSqlite(SqliteApp app) : AttachmentTextScenarios(app), IClassFixture<SqliteApp>;

public sealed class AttachmentTextOnPostgres(PostgresApp app) : AttachmentTextScenarios(app), IClassFixture<PostgresApp>;
