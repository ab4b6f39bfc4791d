using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using Raad.Domain.People;
using Raad.Web.Data;

namespace Raad.Browser.Tests;

/// <summary>
/// The member's reader on a tablet (820×1180, touch): he opens his next meeting, reads an attachment's page drawn by
/// PDF.js, writes a note and marks an area, keeps the meeting offline, reads it without a network, writes a note
/// offline, and the note reaches the server when he is online again.
/// </summary>
public sealed class ReaderTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>Keeping a meeting fetches its page, attachments and the reader's files: slow on a machine busy with other tests.</summary>
    private const float KeepTimeout = 30_000;
    private const string Member = "medlem@raad.local";

    [Fact]
    public async Task A_member_reads_annotates_and_keeps_his_next_meeting_offline_and_his_offline_note_reaches_the_server()
    {
        var (meetingId, itemTitle) = await PlanMeetingAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = 820, Height = 1180 },
            HasTouch = true,
        });
        var errors = new List<string>();
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };

        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync(Member);
        await page.GetByLabel("Adgangskode").FillAsync(Raad.Web.Features.Demo.DemoLoader.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();

        // His next meeting, from his start page, in the reader.
        await page.GotoAsync("/");
        await page.Locator($"[data-testid=my-meetings] [data-meeting-id='{meetingId}']").GetByRole(AriaRole.Link, new() { Name = "Læs dagsordenen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/moeder/{meetingId}/laes"));
        await Assertions.Expect(page.Locator("[data-item-position]").First).ToHaveTextAsync("Punkt 1 af 3");

        // Item 2, by "Næste punkt"; its attachment's first page is drawn on the canvas.
        await page.GetByRole(AriaRole.Button, new() { Name = "Næste punkt" }).First.ClickAsync();
        var item = page.Locator("#punkt-2");
        await Assertions.Expect(item.GetByRole(AriaRole.Heading, new() { Name = $"2. Drøftelse: {itemTitle}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#punkt-1")).ToBeHiddenAsync();
        var pdf = item.Locator("[data-pdf]");
        await Assertions.Expect(pdf).ToHaveAttributeAsync("data-drawn-page", "1");
        await Assertions.Expect(pdf.Locator("[data-page-position]")).ToHaveTextAsync("Side 1 af 3");
        Assert.True(await DrawnPixelsAsync(pdf) > 1000, "Siden er ikke tegnet på lærredet.");

        // Page 2 and back, by the buttons.
        await pdf.GetByRole(AriaRole.Button, new() { Name = "Næste side" }).ClickAsync();
        await Assertions.Expect(pdf.Locator("[data-page-position]")).ToHaveTextAsync("Side 2 af 3");
        await pdf.GetByRole(AriaRole.Button, new() { Name = "Forrige side" }).ClickAsync();
        await Assertions.Expect(pdf.Locator("[data-page-position]")).ToHaveTextAsync("Side 1 af 3");

        // A note on item 2, saved on the server.
        await item.GetByLabel("Mine noter").FillAsync("Spørg til tidsplanen for implementeringen.");
        await Assertions.Expect(item.Locator("[data-note-for] [data-note-state]")).ToHaveTextAsync("Gemt");

        // A marked area on the attachment's page, dragged with the pointer, with a note on it.
        await pdf.GetByRole(AriaRole.Button, new() { Name = "Markér område" }).ClickAsync();
        var box = (await pdf.Locator("[data-pdf-marks]").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.1f), box.Y + (box.Height * 0.3f));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.5f), box.Y + (box.Height * 0.4f), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(pdf.Locator(".raad-mark")).ToHaveCountAsync(1);
        await pdf.GetByLabel("Note til markering 1 (side 1)").FillAsync("Tallet her er for lavt.");
        await pdf.GetByLabel("Note til markering 1 (side 1)").BlurAsync();
        await Assertions.Expect(pdf.Locator("[data-mark-list] [data-note-state]")).ToHaveTextAsync("Gemt");

        // Kept on the device.
        await page.GetByText("Offline", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem til offline" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-offline-status]")).ToHaveTextAsync("Mødet er gemt på enheden og kan læses uden net.", new() { Timeout = KeepTimeout });
        await Assertions.Expect(page.Locator("[data-kept] li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-kept-total]")).ToContainTextAsync("1 møde:");
        await UntilAsync(page, "navigator.serviceWorker.controller !== null");

        // Offline, he reloads: the agenda, the attachment's page and his notes are there.
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-offline-flag]")).ToBeVisibleAsync();
        await Assertions.Expect(item.GetByRole(AriaRole.Heading, new() { Name = $"2. Drøftelse: {itemTitle}" })).ToBeVisibleAsync();
        await Assertions.Expect(pdf).ToHaveAttributeAsync("data-drawn-page", "1");
        Assert.True(await DrawnPixelsAsync(pdf) > 1000, "Siden er ikke tegnet offline.");
        await Assertions.Expect(item.GetByLabel("Mine noter")).ToHaveValueAsync("Spørg til tidsplanen for implementeringen.");
        await Assertions.Expect(pdf.Locator(".raad-mark")).ToHaveCountAsync(1);
        await Assertions.Expect(pdf.GetByLabel("Note til markering 1 (side 1)")).ToHaveValueAsync("Tallet her er for lavt.");

        // The service worker has no network either: a page he did not keep is not there.
        await page.GotoAsync($"/moeder/{meetingId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du er offline" })).ToBeVisibleAsync();
        await page.GotoAsync($"/moeder/{meetingId}/laes#punkt-2");

        // A note written offline waits, and is sent when he is online again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Næste punkt" }).First.ClickAsync();
        var third = page.Locator("#punkt-3");
        await third.GetByLabel("Mine noter").FillAsync("Skrevet i toget uden net.");
        await Assertions.Expect(third.Locator("[data-note-state]")).ToHaveTextAsync("Gemmes, når du er online igen");
        Assert.False(await NoteOnServerAsync("Skrevet i toget uden net."));
        await context.SetOfflineAsync(false);
        await Assertions.Expect(third.Locator("[data-note-state]")).ToHaveTextAsync("Gemt");

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var userId = await db.Users.Where(u => u.Email == Member).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            var notes = await db.Notes.Where(n => n.UserId == userId).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Contains(notes, n => n.Text == "Skrevet i toget uden net." && n.AttachmentId == null);
            Assert.Contains(notes, n => n.Text == "Spørg til tidsplanen for implementeringen." && n.AttachmentId == null);
            Assert.Contains(notes, n => n.Text == "Tallet her er for lavt." && n.AttachmentId != null && n.Page == 1 && n.Width > 0.3 && n.Height > 0.05);
        }
        // The only failure: the meeting's page he did not keep, asked for offline (the worker's 503).
        var unexpected = errors.Where(e => !e.Contains($"status of 503 () ({app.BaseUrl}/moeder/{meetingId}:", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task What_a_device_kept_is_deleted_at_the_next_page_once_the_member_is_signed_out()
    {
        var (meetingId, _) = await PlanMeetingAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = 1180, Height = 820 },
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync(Member);
        await page.GetByLabel("Adgangskode").FillAsync(Raad.Web.Features.Demo.DemoLoader.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        await page.GotoAsync($"/moeder/{meetingId}/laes#punkt-2");
        await page.GetByText("Offline", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem til offline" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-offline-status]")).ToHaveTextAsync("Mødet er gemt på enheden og kan læses uden net.", new() { Timeout = KeepTimeout });
        Assert.Contains($"raad-meeting-{meetingId}", await page.EvaluateAsync<string[]>("caches.keys()"));

        // The session ends without the sign-out page (an expired cookie, a deactivation): the next page finds out.
        await context.ClearCookiesAsync();
        await page.GotoAsync("/");
        await UntilAsync(page, "(await caches.keys()).length === 0 && localStorage.getItem('raad.offline') === null");
        Assert.DoesNotContain("raad", await page.EvaluateAsync<string[]>("indexedDB.databases().then(list => list.map(d => d.name))"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_kept_meeting_is_removed_from_the_device_at_the_next_sync_once_it_is_no_longer_his_to_read()
    {
        var (meetingId, _) = await PlanMeetingAsync();
        var (otherId, _) = await PlanMeetingAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = 768, Height = 1024 },
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync(Member);
        await page.GetByLabel("Adgangskode").FillAsync(Raad.Web.Features.Demo.DemoLoader.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        foreach (var id in new[] { meetingId, otherId })
        {
            await page.GotoAsync($"/moeder/{id}/laes");
            await page.GetByText("Offline", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem til offline" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-offline-status]")).ToHaveTextAsync("Mødet er gemt på enheden og kan læses uden net.", new() { Timeout = KeepTimeout });
        }
        await Assertions.Expect(page.Locator("[data-kept] li")).ToHaveCountAsync(2);

        // The draft meeting moves to a body he does not sit in: its agenda is no longer his to read.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ct = TestContext.Current.CancellationToken;
            var personId = await db.Users.Where(u => u.Email == Member).Select(u => u.PersonId).SingleAsync(ct);
            var seats = await db.Memberships.Where(m => m.PersonId == personId).Select(m => m.BodyId).ToListAsync(ct);
            var elsewhere = await db.Bodies.Where(b => !seats.Contains(b.Id)).Select(b => b.Id).FirstAsync(ct);
            await db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.BodyId, elsewhere), ct);
        }

        // The next page he opens syncs: that meeting's copy goes, the other stays.
        await page.GotoAsync("/");
        await UntilAsync(page, $"!(await caches.keys()).includes('raad-meeting-{meetingId}')");
        Assert.Contains($"raad-meeting-{otherId}", await page.EvaluateAsync<string[]>("caches.keys()"));
        await page.GotoAsync($"/moeder/{otherId}/laes");
        await page.GetByText("Offline", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-kept] li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-kept] li a")).ToHaveAttributeAsync("href", $"/moeder/{otherId}/laes");
        await context.DisposeAsync();
    }

    /// <summary>
    /// Polls from outside the page: Playwright's WaitForFunction evaluates its predicate with eval inside the page,
    /// which the Content-Security-Policy (script-src 'self') refuses.
    /// </summary>
    private static async Task UntilAsync(IPage page, string expression)
    {
        var until = System.Diagnostics.Stopwatch.StartNew();
        while (!await page.EvaluateAsync<bool>($"async () => !!({expression})"))
        {
            Assert.True(until.Elapsed < TimeSpan.FromSeconds(30), $"Ikke sandt efter 30 s: {expression}");
            await Task.Delay(50);
        }
    }

    private async Task<bool> NoteOnServerAsync(string text)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notes.AnyAsync(n => n.Text == text, TestContext.Current.CancellationToken);
    }

    /// <summary>Non-white pixels on the attachment's canvas.</summary>
    private static Task<int> DrawnPixelsAsync(ILocator pdf) => pdf.Locator("canvas").EvaluateAsync<int>("""
        canvas => {
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let drawn = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) drawn++;
          }
          return drawn;
        }
        """);

    /// <summary>
    /// The member's next meeting, tomorrow by the app's clock, in a body where he holds a seat then: a draft agenda of
    /// three items, the second with a three-page PDF attachment.
    /// </summary>
    private async Task<(int MeetingId, string ItemTitle)> PlanMeetingAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var date = app.Today.AddDays(1);
        var personId = await db.Users.Where(u => u.Email == Member).Select(u => u.PersonId).SingleAsync(ct);
        var bodyId = await db.Memberships
            .Where(m => m.PersonId == personId && m.Role == MembershipRole.Member && m.From <= date && (m.To == null || m.To >= date))
            .Select(m => m.BodyId).FirstAsync(ct);
        var content = TestPdf.Pages(3, "Implementeringsplan for det naere sundhedsvaesen");
        const string title = "Implementeringsplan for det nære sundhedsvæsen";
        var meeting = new Meeting
        {
            BodyId = bodyId,
            Kind = MeetingKind.Ordinary,
            Date = date,
            Start = new TimeOnly(14, 0),
            End = new TimeOnly(16, 0),
            Location = "Hvidovre Rådhus, mødesal 1",
            Items =
            [
                new AgendaItem { Title = "Velkomst og godkendelse af dagsorden", Position = 1, DurationMinutes = 5, Kind = ItemKind.Approval },
                new AgendaItem
                {
                    Title = title, Position = 2, DurationMinutes = 30, Kind = ItemKind.Discussion,
                    Background = "Sekretariatet har udarbejdet en plan for implementeringen.",
                    Attachments =
                    [
                        new Attachment
                        {
                            Title = "Implementeringsplan", FileName = "implementeringsplan.pdf", ContentType = "application/pdf",
                            Size = content.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content, Order = 1,
                            UploadedAt = app.Clock.GetUtcNow(),
                        },
                    ],
                },
                new AgendaItem { Title = "Eventuelt", Position = 3, DurationMinutes = 5, Kind = ItemKind.AnyOtherBusiness },
            ],
        };
        Assert.True(meeting.StartAgenda().IsSuccess);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return (meeting.Id, title);
    }
}
