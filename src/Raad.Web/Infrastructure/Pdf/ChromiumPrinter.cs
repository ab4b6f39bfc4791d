using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Raad.Domain.Common;

namespace Raad.Web.Infrastructure.Pdf;

public sealed class PdfOptions
{
    /// <summary>Debian's Chromium; Raad never downloads a browser.</summary>
    public string Chromium { get; set; } = "/usr/bin/chromium";

    /// <summary>How many documents are printed at once; more wait their turn.</summary>
    public int MaxConcurrentPrints { get; set; } = 2;

    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>Where printed documents are kept by fingerprint (relative to the folder Raad is started from, as the SQLite file is).</summary>
    public string CacheFolder { get; set; } = "data/cache/pdf";

    /// <summary>How many printed documents the cache keeps; the oldest go first.</summary>
    public int CachedDocuments { get; set; } = 500;

    /// <summary>How many documents one client (an account, or an address when not signed in) may have printing at once.</summary>
    public int PrintsPerClient { get; set; } = 2;
}

/// <summary>
/// Prints HTML to PDF with one headless Chromium for the whole app: started on first use, restarted when it has
/// crashed, a limited number of pages at once. The page's own address (https://raad.print/) is answered from
/// wwwroot, so stylesheets and fonts load without a network or a signed-in request.
/// </summary>
public sealed class ChromiumPrinter(IOptions<PdfOptions> options, IWebHostEnvironment environment, ILogger<ChromiumPrinter> log) : IAsyncDisposable
{
    public const string Origin = "https://raad.print";

    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly SemaphoreSlim printing = new(Math.Max(1, options.Value.MaxConcurrentPrints));
    private IPlaywright? playwright;
    private IBrowser? browser;

    private long prints;

    /// <summary>How many pages this printer has turned into PDF: what the cache saves is visible here (and in the tests).</summary>
    public long Prints => Interlocked.Read(ref prints);

    /// <summary>
    /// What every print depends on beside its HTML: this build of Raad (templates and code) and the print stylesheet.
    /// Part of each document's fingerprint, so a new version never serves a PDF printed by an old one.
    /// </summary>
    public string Fingerprint => fingerprint ??= PrintFingerprint.Of(
        typeof(ChromiumPrinter).Assembly.ManifestModule.ModuleVersionId.ToString(),
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(ReadWebFile("/css/print.css"))));

    private string? fingerprint;

    private byte[] ReadWebFile(string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists)
        {
            return [];
        }
        using var stream = file.CreateReadStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Put on this printer's Chromium command line, so operations (and the tests) can tell its process from others.</summary>
    public string InstanceTag { get; } = $"--raad-printer={Guid.NewGuid():N}";

    /// <summary>Null when Chromium can be used; otherwise what to install, in Danish.</summary>
    public string? Unavailable => File.Exists(options.Value.Chromium)
        ? null
        : $"PDF kræver Chromium, som ikke findes på {options.Value.Chromium}. Installér Debian-pakken chromium (apt-get install chromium), eller angiv stien i Raad:Pdf:Chromium.";

    /// <summary>Prints the page to PDF (A4, the page's own @page rules, tagged, with an outline of its headings).</summary>
    public Task<Result<byte[]>> PrintAsync(string html, CancellationToken ct) => PrintAsync(html, null, ct);

    /// <summary>
    /// Prints the page; with <paramref name="renumber"/>, first lays the page out as pages (see <see cref="PageLayout"/>)
    /// and writes the texts it gives for that layout into the page. The layout is an estimate: the caller checks the PDF.
    /// </summary>
    public async Task<Result<byte[]>> PrintAsync(string html, Renumber? renumber, CancellationToken ct)
    {
        if (Unavailable is { } missing)
        {
            return new Error("pdf.chromium_missing", missing);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var waiting = true;
        try
        {
            // Waiting for a free page counts against the timeout too: a queue that is too long answers in Danish, not 500.
            await printing.WaitAsync(timeout.Token);
            waiting = false;
            // A browser that died since the last print fails the first attempt; the second starts a new one.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await PrintPageAsync(html, renumber, timeout.Token);
                }
                catch (PlaywrightException e) when (attempt == 1 && browser is { IsConnected: false })
                {
                    log.LogWarning(e, "Chromium var gået ned; starter den igen og udskriver på ny.");
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Udskrivning til PDF tog mere end {Seconds} sekunder og blev afbrudt.", options.Value.TimeoutSeconds);
            return new Error("pdf.timeout",
                $"PDF'en kunne ikke laves på {options.Value.TimeoutSeconds.ToString(Domain.Common.DanishFormat.Culture)} sekunder. Prøv igen om lidt.");
        }
        catch (PlaywrightException e)
        {
            log.LogError(e, "Chromium fejlede under udskrivning til PDF.");
            return new Error("pdf.failed", "PDF'en kunne ikke laves, fordi browseren fejlede. Prøv igen.");
        }
        finally
        {
            if (!waiting)
            {
                printing.Release();
            }
        }
    }

    /// <summary>
    /// A page kept open between prints: a new context and page cost about a quarter of a second each time (measured in
    /// bench/). The page holds nothing from one document to the next but the cached stylesheet and fonts.
    /// </summary>
    private sealed class Slot
    {
        public required IBrowserContext Context { get; init; }
        public required IPage Page { get; init; }
        public required IBrowser Browser { get; init; }
        public string Html { get; set; } = "";
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<Slot> idle = [];
    private long documents;

    private async Task<byte[]> PrintPageAsync(string html, Renumber? renumber, CancellationToken ct)
    {
        var current = await BrowserAsync(ct);
        Slot? slot = null;
        while (idle.TryTake(out var kept))
        {
            if (kept.Browser == current && current.IsConnected)
            {
                slot = kept;
                break;
            }
        }
        slot ??= await NewSlotAsync(current);
        var done = false;
        try
        {
            await LoadAsync(slot, html, ct);
            if (renumber is not null && await PageLayout.MeasureAsync(slot.Page, renumber.Headings).WaitAsync(ct) is { } layout)
            {
                await PageLayout.FillAsync(slot.Page, renumber.Texts(layout)).WaitAsync(ct);
            }
            var pdf = await slot.Page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PreferCSSPageSize = true,
                PrintBackground = true,
                Tagged = true,
                Outline = true,
            }).WaitAsync(ct);
            done = true;
            Interlocked.Increment(ref prints);
            return pdf;
        }
        finally
        {
            slot.Html = "";
            if (done)
            {
                idle.Add(slot);
            }
            else if (slot.Browser.IsConnected)
            {
                // A print that failed or ran out of time may leave the page busy: it is not used again.
                await slot.Context.CloseAsync();
            }
        }
    }

    private async Task LoadAsync(Slot slot, string html, CancellationToken ct)
    {
        slot.Html = html;
        // A new address each time, so the page really loads the new document.
        await slot.Page.GotoAsync($"{Origin}/dokument/{Interlocked.Increment(ref documents)}", new PageGotoOptions
        {
            WaitUntil = WaitUntilState.Load,
            Timeout = (float)options.Value.TimeoutSeconds * 1000,
        }).WaitAsync(ct);
    }

    private async Task<Slot> NewSlotAsync(IBrowser current)
    {
        var context = await current.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var slot = new Slot { Context = context, Page = await context.NewPageAsync(), Browser = current };
        await slot.Page.RouteAsync($"{Origin}/**", route => AnswerAsync(route, slot.Html));
        return slot;
    }

    private async Task AnswerAsync(IRoute route, string html)
    {
        var path = new Uri(route.Request.Url).AbsolutePath;
        if (path.StartsWith("/dokument/", StringComparison.Ordinal))
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            return;
        }
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
            return;
        }
        await using var stream = file.CreateReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = ContentType(path), BodyBytes = buffer.ToArray() });
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".css" => "text/css",
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true } running)
        {
            return running;
        }
        await starting.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true } started)
            {
                return started;
            }
            if (browser is not null)
            {
                log.LogWarning("Chromium var lukket ned; starter den igen.");
                await browser.DisposeAsync();
            }
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Value.Chromium,
                Headless = true,
                // Containers and CI run as root without a user namespace sandbox.
                Args = ["--no-sandbox", "--disable-dev-shm-usage", "--font-render-hinting=none", InstanceTag],
            });
            return browser;
        }
        finally
        {
            starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        starting.Dispose();
        printing.Dispose();
    }
}
