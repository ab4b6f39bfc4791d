using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Browser.Tests;

/// <summary>
/// Raad on a real Kestrel port with its own copy of the SQLite template with the demo (<see cref="TemplateDatabases"/>), and Debian's Chromium driven by Playwright.
/// Chromium is never downloaded: the tests use /usr/bin/chromium (installed by test.sh) or RAAD_CHROMIUM.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("raad-browser-").FullName;
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's clock: pinned to <see cref="TravellingClock.Start"/>, so dates in the tests never depend on the machine's.</summary>
    public TravellingClock Clock { get; } = new();
    public string BaseUrl { get; private set; } = "";

    /// <summary>Today in Copenhagen by the app's own clock, for dates in the tests that must lie before or after it.</summary>
    public DateOnly Today => Raad.Web.Infrastructure.Clock.Today(factory!.Services.GetRequiredService<TimeProvider>());

    /// <summary>The app's services, for setting up a test's data in its database.</summary>
    public IServiceProvider Services => factory!.Services;

    /// <summary>The accessibility statement's address the portal is configured with (a WAS-Tool address in production).</summary>
    public const string AccessibilityStatement = "https://www.was.digst.dk/raad-test-tilgaengelighedserklaering";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("RAAD_CHROMIUM") ?? "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Browsertestene kræver Chromium på {ChromiumPath}. Kør ./test.sh (installerer Debians chromium) eller sæt RAAD_CHROMIUM.");
        }
        var database = Path.Combine(folder, "raad.db");
        await TemplateDatabases.CopySqliteAsync(new DemoVariant(demo: true, money: true), database);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Raad:Database:Provider", "Sqlite");
            b.UseSetting("Raad:Database:ConnectionString", $"Data Source={database}");
            b.UseEnvironment("Production");
            // Production loads no demo by default; these tests sign in with its accounts.
            b.UseSetting("Raad:Demo:LoadOnEmptyDatabase", "true");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Raad:Portal:AccessibilityStatementUrl", AccessibilityStatement);
            // A port of its own: without an address Raad listens on 5080, and each test class has its own app.
            b.UseSetting("urls", "http://127.0.0.1:0");
            b.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        factory.UseKestrel(0);
        factory.StartServer();
        BaseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without these Chromium tries to reach Google's services, which this closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
