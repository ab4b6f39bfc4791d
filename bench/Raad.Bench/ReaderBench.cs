using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Raad.Bench;

/// <summary>
/// bench/reader.sh: the time until the reader (/moeder/{id}/laes) has drawn the first attachment page, online and offline,
/// measured in headless Chromium at a tablet's viewport by the performance mark the reader sets
/// ("raad:first-page-drawn", milliseconds from the start of the navigation).
/// </summary>
internal sealed class ReaderBench(string url, string database, string contentRoot, int rounds)
{
    /// <summary>The second meeting: one item whose attachment is a single 120-page PDF.</summary>
    public static readonly DateOnly SingleDate = new(2025, 12, 3);
    public const int SinglePages = 120;
    private const string Member = "medlem@raad.local";

    /// <summary>Adds the meeting with one 120-page attachment (after `seed`, which adds the 40-item one).</summary>
    public static async Task<int> SeedAsync(string database, string contentRoot)
    {
        await using var app = RaadHost.Build(database, contentRoot);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.Bodies.SingleAsync(b => b.Name == Measure.BodyName);
        if (await db.Meetings.AnyAsync(m => m.BodyId == body.Id && m.Date == SingleDate))
        {
            return 0;
        }
        var now = TimeProvider.System.GetUtcNow();
        var content = Pdf(SinglePages);
        var meeting = new Meeting
        {
            BodyId = body.Id,
            Kind = MeetingKind.Ordinary,
            Date = SingleDate,
            Start = new TimeOnly(9, 0),
            End = new TimeOnly(10, 0),
            Location = "Hvidovre Rådhus, mødesal 1",
            Items =
            [
                new AgendaItem
                {
                    Title = "Bilagspakke til temadrøftelse", Kind = ItemKind.Discussion, Position = 1, DurationMinutes = 60,
                    Attachments =
                    [
                        new Attachment
                        {
                            Title = "Samlet bilagspakke", FileName = "bilagspakke.pdf", ContentType = "application/pdf", Size = content.Length,
                            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content, Order = 1, UploadedAt = now,
                        },
                    ],
                },
            ],
        };
        if (!meeting.StartAgenda().IsSuccess || !meeting.PublishAgenda(now).IsSuccess)
        {
            throw new InvalidOperationException("The bench meeting could not be published.");
        }
        meeting.AgendaLateReason = "Syntetisk bilagspakke til benchmark (bench/reader.sh).";
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        Console.WriteLine($"Seeded: a meeting of {Measure.BodyName} on {SingleDate:yyyy-MM-dd} with one {SinglePages}-page attachment ({content.Length / 1024} kB).");
        return 0;
    }

    /// <summary>Pages of text, as an attachment package has them.</summary>
    private static byte[] Pdf(int pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        for (var n = 1; n <= pages; n++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText($"Bilagspakke, side {n} af {pages}", 14, new PdfPoint(72, 770), bold);
            for (var line = 0; line < 48; line++)
            {
                page.AddText($"Linje {line + 1}: Sundhedsraadet droefter status for det naere sundhedsvaesen og den videre proces.", 10, new PdfPoint(72, 740 - (line * 14)), font);
            }
        }
        return builder.Build();
    }

    private sealed record Case(string Name, int MeetingId, int AttachmentId, long Bytes);

    public async Task<int> RunAsync()
    {
        var cases = await CasesAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var figures = new Dictionary<string, List<double>>();
        void Add(string row, double ms) => (figures.TryGetValue(row, out var list) ? list : figures[row] = []).Add(ms);
        foreach (var c in cases)
        {
            // Round 0 warms up the server (JIT, Razor) and is not counted.
            for (var round = 0; round <= rounds; round++)
            {
                var measured = await RoundAsync(browser, c);
                if (round > 0)
                {
                    foreach (var (row, ms) in measured)
                    {
                        Add($"{c.Name}|{row}", ms);
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Median of {rounds} rounds (min-max), ms; each round a new browser context (empty HTTP cache, no service worker) at 820×1180 with touch:");
        Console.WriteLine();
        Console.WriteLine("| measured | " + string.Join(" | ", cases.Select(c => c.Name)) + " |");
        Console.WriteLine("|---|" + string.Concat(cases.Select(_ => "---:|")));
        foreach (var row in Rows)
        {
            Console.WriteLine($"| {row} | " + string.Join(" | ", cases.Select(c =>
                figures.TryGetValue($"{c.Name}|{row}", out var list) ? Format(list) : "–")) + " |");
        }
        return 0;
    }

    private static readonly string[] Rows =
    [
        "(a) online, first visit: first page drawn",
        "(b) kept, online: first page drawn",
        "(c) kept, offline: first page drawn",
        "(d) the attachment's bytes alone, from the server",
        "(e) the attachment's bytes alone, from the kept copy (offline)",
        "(f) \"Gem til offline\" (page, attachments, reader files)",
    ];

    private static string Format(List<double> values)
    {
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"{median:0} ({sorted[0]:0}-{sorted[^1]:0})");
    }

    private async Task<List<(string Row, double Ms)>> RoundAsync(IBrowser browser, Case c)
    {
        var result = new List<(string, double)>();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = url,
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = 820, Height = 1180 },
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync(Member);
        await page.GetByLabel("Adgangskode").FillAsync(Raad.Web.Features.Demo.DemoLoader.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).WaitForAsync();

        var reader = $"/moeder/{c.MeetingId}/laes#punkt-1";
        await page.GotoAsync(reader);
        result.Add((Rows[0], await FirstPageAsync(page)));
        result.Add((Rows[3], await FetchAsync(page, c.AttachmentId)));

        await page.GetByText("Offline", new() { Exact = true }).ClickAsync();
        var keep = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem til offline" }).ClickAsync();
        await page.Locator("[data-offline-status]", new() { HasTextString = "Mødet er gemt på enheden og kan læses uden net." }).WaitForAsync(new() { Timeout = 120_000 });
        result.Add((Rows[5], keep.Elapsed.TotalMilliseconds));
        await UntilAsync(page, "navigator.serviceWorker.controller !== null");

        await page.ReloadAsync();
        result.Add((Rows[1], await FirstPageAsync(page)));

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        result.Add((Rows[2], await FirstPageAsync(page)));
        result.Add((Rows[4], await FetchAsync(page, c.AttachmentId)));
        await context.SetOfflineAsync(false);
        return result;
    }

    private static async Task<double> FirstPageAsync(IPage page)
    {
        await UntilAsync(page, "performance.getEntriesByName('raad:first-page-drawn').length > 0");
        return await page.EvaluateAsync<double>("performance.getEntriesByName('raad:first-page-drawn')[0].startTime");
    }

    /// <summary>
    /// Polls from outside the page: Playwright's WaitForFunction evaluates its predicate with eval inside the page,
    /// which the Content-Security-Policy (script-src 'self') refuses.
    /// </summary>
    private static async Task UntilAsync(IPage page, string expression)
    {
        var until = Stopwatch.StartNew();
        while (!await page.EvaluateAsync<bool>($"async () => !!({expression})"))
        {
            if (until.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"Not true after 2 minutes: {expression}");
            }
            await Task.Delay(5);
        }
    }

    /// <summary>Fetching the attachment whole from the page, bypassing the HTTP cache (the service worker still answers).</summary>
    private static Task<double> FetchAsync(IPage page, int attachmentId) => page.EvaluateAsync<double>($$"""
        async () => {
          const start = performance.now();
          const response = await fetch('/bilag/{{attachmentId}}', { cache: 'no-store' });
          await response.arrayBuffer();
          return performance.now() - start;
        }
        """);

    private async Task<List<Case>> CasesAsync()
    {
        await using var app = RaadHost.Build(database, contentRoot);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.Bodies.SingleAsync(b => b.Name == Measure.BodyName);
        async Task<Case> For(string name, DateOnly date)
        {
            var meeting = await db.Meetings.SingleAsync(m => m.BodyId == body.Id && m.Date == date);
            var first = await db.Attachments.Where(a => a.AgendaItem!.MeetingId == meeting.Id)
                .OrderBy(a => a.AgendaItem!.Position).ThenBy(a => a.Order).Select(a => new { a.Id }).FirstAsync();
            var bytes = await db.Attachments.Where(a => a.AgendaItem!.MeetingId == meeting.Id).SumAsync(a => a.Size);
            return new Case(name, meeting.Id, first.Id, bytes);
        }
        var cases = new List<Case>
        {
            await For($"40 items, 40 PDFs × {Synthetic.PagesPerAttachment} pages", Synthetic.Date),
            await For($"1 item, one {SinglePages}-page PDF", SingleDate),
        };
        foreach (var c in cases)
        {
            Console.WriteLine($"{c.Name}: meeting {c.MeetingId}, attachments {c.Bytes / 1024} kB in all, first attachment {c.AttachmentId}");
        }
        return cases;
    }
}
