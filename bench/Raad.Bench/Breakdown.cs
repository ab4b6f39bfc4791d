using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Raad.Web.Data;
using Raad.Web.Features.Documents;
using Raad.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace Raad.Bench;

/// <summary>
/// Where the time goes, measured in this process with Raad's own services (RaadHost) on the same database: each step
/// of DocumentPdf.RenderAsync called one by one as it calls them, AgendaPackage's steps, and the phases of one Chromium
/// print (a replica of ChromiumPrinter.PrintPageAsync with the same browser arguments and print options).
/// </summary>
internal sealed class Breakdown(string database, string contentRoot, int rounds, Func<Func<Task>, Task<bool>> guard)
{
    private readonly Dictionary<string, Dictionary<string, List<double>>> times = [];
    private Dictionary<string, Dictionary<string, List<double>>> current = [];

    private async Task<T> Time<T>(string column, string step, Func<Task<T>> run)
    {
        var watch = Stopwatch.StartNew();
        var result = await run();
        watch.Stop();
        Record(column, step, watch.Elapsed.TotalSeconds);
        return result;
    }

    private void Record(string column, string step, double seconds) => Add(current, column, step, seconds);

    private static void Add(Dictionary<string, Dictionary<string, List<double>>> times, string column, string step, double seconds)
    {
        if (!times.TryGetValue(step, out var columns))
        {
            times[step] = columns = [];
        }
        if (!columns.TryGetValue(column, out var list))
        {
            columns[column] = list = [];
        }
        list.Add(seconds);
    }

    public async Task RunAsync(int august, int synthetic)
    {
        await using var app = RaadHost.Build(database, contentRoot);
        var printer = app.Services.GetRequiredService<ChromiumPrinter>();
        var web = app.Services.GetRequiredService<IWebHostEnvironment>();
        await using var playwright = new PlaywrightBox(await Playwright.CreateAsync());
        var browser = await playwright.Value.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--font-render-hinting=none"],
        });

        // Round 0 is the warm-up (JIT, Razor, both Chromiums); a round disturbed by other work is done again.
        for (var round = 0; round <= rounds; round++)
        {
            current = [];
            var kept = await guard(async () =>
            {
                foreach (var (column, id) in new[] { ("27 Aug", august), ("synthetic", synthetic) })
                {
                    var html = await AgendaStepsAsync(app, column, id);
                    await PrintPhasesAsync(browser, web, column, html);
                }
                await PackageStepsAsync(app, synthetic);
            });
            if (!kept)
            {
                round--;
                continue;
            }
            if (round == 0)
            {
                continue;
            }
            foreach (var (step, columns) in current)
            {
                foreach (var (column, list) in columns)
                {
                    foreach (var seconds in list)
                    {
                        Add(times, column, step, seconds);
                    }
                }
            }
        }
        await browser.CloseAsync();
        Print();
    }

    /// <summary>DocumentPdf.RenderAsync, step by step: load, HTML, the print (layout measured, one print if it holds), metadata.</summary>
    private async Task<string> AgendaStepsAsync(WebApplication app, string column, int meetingId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var editions = scope.ServiceProvider.GetRequiredService<DocumentEditions>();
        var pdf = scope.ServiceProvider.GetRequiredService<DocumentPdf>();
        var html = scope.ServiceProvider.GetRequiredService<DocumentHtml>();
        var total = Stopwatch.StartNew();
        var (document, error) = await Time(column, "1 load the meeting (MeetingQuery)", () => editions.DocumentAsync(meetingId, DocumentKind.Agenda, DocumentVersion.Public, CancellationToken.None));
        if (error is not null)
        {
            throw new InvalidOperationException(error.Message);
        }
        var (title, subject) = DocumentEditions.Describe(document!.View, DocumentKind.Agenda, DocumentVersion.Public);
        var author = document.View.Body.Name;
        var first = await Time(column, "2 Razor HTML (empty page column)", () => html.RenderAsync(new PrintModel(document, title, author)));
        var printed = await Time(column, "3 DocumentPdf.PrintAsync: measure the layout, print, read the outline (again if it differs)", () => pdf.PrintAsync(document, title, author, null, CancellationToken.None));
        Record(column, "4 prints in step 3 (a count, not seconds)", printed.Value!.Prints);
        await Time(column, "5 PdfMetadata.WithInfo (title, author, subject)", () => Task.FromResult(PdfMetadata.WithInfo(printed.Value!.Pdf, title, author, subject, TimeProvider.System.GetUtcNow())));
        Record(column, "= sum of steps 1-5", total.Elapsed.TotalSeconds);
        await Time(column, "DocumentPdf.RenderAsync in one call (what agenda.pdf runs)", () => pdf.RenderAsync(meetingId, DocumentKind.Agenda, DocumentVersion.Public, CancellationToken.None));
        return first;
    }

    /// <summary>The phases of one print, as ChromiumPrinter.PrintPageAsync does them, and what other ways would cost.</summary>
    private async Task PrintPhasesAsync(IBrowser browser, IWebHostEnvironment web, string column, string html)
    {
        var context = await Time(column, "P1 new browser context", () => browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }));
        var page = await Time(column, "P2 new page + request route", async () =>
        {
            var p = await context.NewPageAsync();
            await p.RouteAsync($"{ChromiumPrinter.Origin}/**", route => AnswerAsync(route, html, web));
            return p;
        });
        await Time(column, "P3 goto: HTML, CSS, fonts, layout (load)", () => page.GotoAsync($"{ChromiumPrinter.Origin}/dokument", new PageGotoOptions { WaitUntil = WaitUntilState.Load }));
        var options = new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, PrintBackground = true, Tagged = true, Outline = true };
        await Time(column, "P4 page.pdf, tagged with outline (as Raad)", () => page.PdfAsync(options));
        await Time(column, "P5 page.pdf again, same page (no new context, no goto)", () => page.PdfAsync(options));
        await Time(column, "P6 page.pdf again, untagged, no outline", () => page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, PrintBackground = true }));
        var outlineOnly = await Time(column, "P6b page.pdf again, untagged, with outline", () => page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, PrintBackground = true, Outline = true }));
        using (var read = PdfDocument.Open(outlineOnly))
        {
            Record(column, "P6c bookmarks in P6b's PDF (a count, not seconds)", read.TryGetBookmarks(out var marks) ? marks.GetNodes().Count() : 0);
        }
        // The second print of DocumentPdf on the same page: the new HTML loaded again (its page numbers differ), printed.
        html = html.Replace("<span class=\"raad-page\"></span>", "<span class=\"raad-page\">side 99</span>", StringComparison.Ordinal);
        await Time(column, "P8 same page reused: goto with new HTML + page.pdf (tagged, outline)", async () =>
        {
            await page.GotoAsync($"{ChromiumPrinter.Origin}/dokument", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(options);
        });
        await Time(column, "P7 close the context", async () =>
        {
            await context.CloseAsync();
            return 0;
        });
    }

    private static async Task AnswerAsync(IRoute route, string html, IWebHostEnvironment web)
    {
        var path = new Uri(route.Request.Url).AbsolutePath;
        if (path == "/dokument")
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            return;
        }
        var file = web.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
            return;
        }
        await using var stream = file.CreateReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var type = Path.GetExtension(path) switch { ".css" => "text/css", ".woff2" => "font/woff2", _ => "application/octet-stream" };
        await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = type, BodyBytes = buffer.ToArray() });
    }

    /// <summary>AgendaPackage: the fingerprint every request computes, the whole build, and replicas of its PdfPig parts.</summary>
    private async Task PackageStepsAsync(WebApplication app, int meetingId)
    {
        const string column = "synthetic";
        await using var scope = app.Services.CreateAsyncScope();
        var package = scope.ServiceProvider.GetRequiredService<AgendaPackage>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pdf = scope.ServiceProvider.GetRequiredService<DocumentPdf>();
        var editions = scope.ServiceProvider.GetRequiredService<DocumentEditions>();
        await Time(column, "K1 AgendaPackage.FingerprintAsync (each package.pdf request)", () => package.FingerprintAsync(meetingId, DocumentVersion.Public, CancellationToken.None));
        var built = await Time(column, "K2 AgendaPackage.BuildAsync in one call", () => package.BuildAsync(meetingId, DocumentVersion.Public, null, CancellationToken.None, allowed: true));
        var contents = await Time(column, "K3 load the 40 attachments, count their pages (replica)", async () =>
        {
            var list = await db.Attachments.AsNoTracking().Where(a => a.AgendaItem!.MeetingId == meetingId && a.ContentType == "application/pdf")
                .OrderBy(a => a.AgendaItem!.Position).Select(a => a.Content).ToListAsync();
            foreach (var content in list)
            {
                using var document = PdfDocument.Open(content);
                _ = document.NumberOfPages;
            }
            return list;
        });
        var agenda = (await pdf.RenderAsync(meetingId, DocumentKind.Agenda, DocumentVersion.Public, CancellationToken.None)).Value!.Content;
        using (var builder = new PdfDocumentBuilder())
        {
            await Time(column, "K4 merge (replica): copy the agenda's pages", () =>
            {
                using var printed = PdfDocument.Open(agenda);
                for (var page = 1; page <= printed.NumberOfPages; page++)
                {
                    builder.AddPage(printed, page);
                }
                return Task.FromResult(0);
            });
            await Time(column, "K5 merge (replica): copy the 120 attachment pages", () =>
            {
                foreach (var content in contents)
                {
                    using var attachment = PdfDocument.Open(content);
                    for (var page = 1; page <= attachment.NumberOfPages; page++)
                    {
                        builder.AddPage(attachment, page);
                    }
                }
                return Task.FromResult(0);
            });
            await Time(column, "K6 merge (replica): PdfDocumentBuilder.Build", () => Task.FromResult(builder.Build()));
        }
        var printed = await Time(column, "K7 DocumentPdf.PrintAsync with the package's contents (as BuildAsync calls it)", async () =>
        {
            var (document, _) = await editions.DocumentAsync(meetingId, DocumentKind.Agenda, DocumentVersion.Public, CancellationToken.None, allowed: true);
            return await pdf.PrintAsync(document!, "Samlet dagsorden", document!.View.Body.Name, agendaPages =>
                [.. document.View.Items.SelectMany(i => i.Attachments.Select(a => new Raad.Web.Features.Agenda.PackageEntry(a.Number, a.Title, i.Number, agendaPages > 0 ? agendaPages + 1 : null, null)))],
                CancellationToken.None);
        });
        Record(column, "K8 prints in K7 (a count, not seconds)", printed.Value!.Prints);
        Record(column, "K9 package size (MB, not seconds)", built.Value!.Content.Length / 1048576.0);
    }

    private void Print()
    {
        static double Median(List<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
        string Cell(Dictionary<string, List<double>> columns, string column) =>
            columns.TryGetValue(column, out var list) && list.Count > 0
                ? $"{Median(list) * 1000:0} ms ({list.Min() * 1000:0}-{list.Max() * 1000:0})"
                : "";
        Console.WriteLine();
        Console.WriteLine($"Breakdown, in this process with Raad's services (median of {rounds} rounds after a warm-up; min-max in brackets):");
        Console.WriteLine();
        Console.WriteLine("| step | 27 Aug 2025 agenda | synthetic 40-item agenda |");
        Console.WriteLine("|---|---|---|");
        foreach (var (step, columns) in times.OrderBy(t => t.Key.StartsWith('=') || t.Key.StartsWith('D') ? "1" + t.Key : t.Key[0] is 'P' ? "2" + t.Key : t.Key[0] is 'K' ? "3" + t.Key : "0" + t.Key, StringComparer.Ordinal))
        {
            if (step.Contains("not seconds", StringComparison.Ordinal))
            {
                Console.WriteLine($"| {step} | {(columns.TryGetValue("27 Aug", out var a) ? $"{Median(a):0.#}" : "")} | {Median(columns["synthetic"]):0.#} |");
                continue;
            }
            Console.WriteLine($"| {step} | {Cell(columns, "27 Aug")} | {Cell(columns, "synthetic")} |");
        }
    }

    /// <summary>IPlaywright is IDisposable only; this lets it sit in an await using.</summary>
    private sealed class PlaywrightBox(IPlaywright value) : IAsyncDisposable
    {
        public IPlaywright Value { get; } = value;

        public ValueTask DisposeAsync()
        {
            Value.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
