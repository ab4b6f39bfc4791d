using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Raad.Domain.Meetings;
using Raad.Web.Data;

namespace Raad.Browser.Tests;

/// <summary>
/// Every page the public reads, as a citizen opens it on a tablet (820 × 1180) without signing in, checked by npm's
/// axe-core in Chromium: no serious or critical violation, one h1, one main landmark, no sideways scrolling. The list is
/// the public page routes of the permission matrix, the search page and the API's documentation (Swagger UI).
/// </summary>
public sealed class PublicAccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Width = 820;
    private const int Height = 1180;
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private const string Council = "Sundhedsråd Amager og Vestegnen";

    public static TheoryData<string> Pages =>
    [
        "/", "/udvalg/{syd}", "/udvalg/{council}", "/udvalg/{syd}/moedeplan/2025", "/moeder/{published}", "/moeder/{published}/dagsorden",
        "/moeder/{approved}", "/moeder/{approved}/referat", "/moeder/{published}/samlet-dagsorden", "/sager", "/sager/{case}",
        "/udvalg/{syd}/oekonomi", "/udvalg/{syd}/puljer", "/udvalg/{syd}/forretningsorden", "/udvalg/{syd}/indsatser",
        "/sundhedsaftaler", "/konto/log-ind", "/konto/glemt-adgangskode", "/fejl/404",
        "/soeg", "/soeg?q=sundhedsaftale", "/soeg?q=xqvvjk",
        "/udvalg/{syd}/abonnement", "/abonnement/bekraeft?kode=ukendt", "/abonnement/afmeld?kode=ukendt",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Public_page_has_no_serious_axe_violations_on_a_tablet(string template)
    {
        var page = await Citizen();
        var path = await Resolve(template, page);
        var response = await page.GotoAsync(path);
        Assert.True(response is not null && (response.Ok || template == "/fejl/404"), $"{path}: {response?.Status}");
        await Axe.ExpectAccessible(page, Width);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task The_APIs_documentation_has_no_serious_axe_violations()
    {
        var page = await Citizen();
        await page.GotoAsync("/api/docs");
        // Swagger UI draws itself from the OpenAPI document: wait for the operations before axe looks.
        await Assertions.Expect(page.Locator(".opblock").First).ToBeVisibleAsync();
        // An operation opened, as a developer reads it: its parameters, its responses and their media-type selects.
        await page.Locator(".opblock-summary").First.ClickAsync();
        await Assertions.Expect(page.Locator(".opblock-body").First).ToBeVisibleAsync();
        await Axe.ExpectAccessible(page, Width);
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task The_front_page_links_the_accessibility_statement_and_searches_from_its_box()
    {
        var page = await Citizen();
        await page.GotoAsync("/");
        var statement = page.GetByRole(AriaRole.Link, new() { Name = "Tilgængelighedserklæring" });
        await Assertions.Expect(statement).ToHaveAttributeAsync("href", BrowserApp.AccessibilityStatement);
        await page.GetByLabel("Søg i dagsordener, referater, sager og bilag").FillAsync("sundhedsaftale");
        await page.GetByLabel("Søg i dagsordener, referater, sager og bilag").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/soeg");
        Assert.Equal("?q=sundhedsaftale", new Uri(page.Url).Query);
        // The results say how many there are, and the first leads on by keyboard.
        await Assertions.Expect(page.Locator("#results-heading")).ToContainTextAsync("for »sundhedsaftale«");
        var first = page.Locator(".raad-search-result h3 a").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator("mark").First).ToBeVisibleAsync();
        await page.Context.DisposeAsync();
    }

    private async Task<IPage> Citizen()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = Width, Height = Height },
            HasTouch = true,
            // The app's CSP (script-src 'self') would refuse the injected axe script.
            BypassCSP = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>The demo's places: Syd's 27 August 2025 meeting (published agenda with a closed item), its approved minutes, a case the public sees.</summary>
    private async Task<string> Resolve(string template, IPage page)
    {
        if (template.Contains("{case}", StringComparison.Ordinal))
        {
            await page.GotoAsync("/sager");
            return (await page.Locator("main a[href^='/sager/']").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"\w") })
                .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href')).filter(h => /^\\/sager\\/\\d+$/.test(h))"))[0];
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var syd = await db.Bodies.Where(b => b.Name == Syd).Select(b => b.Id).SingleAsync();
        var council = await db.Bodies.Where(b => b.Name == Council).Select(b => b.Id).SingleAsync();
        var published = await db.Meetings.Where(m => m.BodyId == syd && m.Date == new DateOnly(2025, 8, 27)).Select(m => m.Id).SingleAsync();
        var approved = (await db.Meetings.Where(m => m.BodyId == syd && m.Status == MeetingStatus.MinutesApproved).Select(m => new { m.Id, m.Date }).ToListAsync())
            .OrderByDescending(m => m.Date).First().Id;
        return template.Replace("{syd}", $"{syd}").Replace("{council}", $"{council}").Replace("{published}", $"{published}")
            .Replace("{approved}", $"{approved}");
    }
}
