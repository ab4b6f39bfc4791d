using Microsoft.Playwright;

namespace Raad.Browser.Tests;

/// <summary>The secretariat imports a file in a real browser: upload, preview beside the source text, import.</summary>
public sealed class ImportTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Secretariat_uploads_an_agenda_checks_the_preview_beside_its_source_on_desktop_and_tablet_and_imports_it()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync("sekretariat@raad.local");
        await page.GetByLabel("Adgangskode").FillAsync(Raad.Web.Features.Demo.DemoLoader.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        var seed = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "002_*.txt").Single();
        await page.GetByLabel("Filer").SetInputFilesAsync(seed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Læs filerne" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Kontrollér {Path.GetFileName(seed)}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Læst som dagsorden")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Dato")).ToHaveValueAsync("2023-04-26");
        var result = page.Locator(".raad-import__result");
        var source = page.GetByRole(AriaRole.Region, new() { Name = "Kildetekst" });
        var (r, s) = (await result.BoundingBoxAsync(), await source.BoundingBoxAsync());
        Assert.True(s!.X >= r!.X + r.Width - 1, $"På en bred skærm står kildeteksten ikke ved siden af resultatet: {r.X}+{r.Width} / {s.X}");

        // On a tablet held upright the two are stacked, the result first.
        await page.SetViewportSizeAsync(768, 1024);
        (r, s) = (await result.BoundingBoxAsync(), await source.BoundingBoxAsync());
        Assert.True(s!.Y >= r!.Y + r.Height - 1, $"På en tablet står kildeteksten ikke under resultatet: {r.Y}+{r.Height} / {s.Y}");
        if (Environment.GetEnvironmentVariable("RAAD_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "import-preview-tablet.png"), FullPage = false });
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "import-preview-desktop.png"), FullPage = false });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Importér" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"{Path.GetFileName(seed)} er importeret.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Path.GetFileName(seed) })).ToBeVisibleAsync();
    }
}
