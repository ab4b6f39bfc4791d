using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Raad.Browser.Tests;

public sealed class PublishAgendaTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Secretariat_creates_a_meeting_adds_three_items_publishes_and_the_public_reads_the_agenda()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "da-DK" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync("sekretariat@raad.local");
        await page.GetByLabel("Adgangskode").FillAsync(Raad.Web.Features.Demo.DemoLoader.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();

        // The council that follows Sundhedsklynge Syd begins on 1 January 2027.
        await page.GotoAsync("/");
        // The start page names his bodies twice: under "Mine udvalg" and among all bodies.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sundhedsråd Amager og Vestegnen", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mødeplan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Planlæg møde" }).ClickAsync();
        // Ten weeks on by the app's clock: inside the council's period (from 1 January 2027) for a pinned clock.
        var date = app.Today.AddDays(69);
        await page.GetByLabel("Dato").FillAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Starter kl.").FillAsync("14:00");
        await page.GetByLabel("Slutter kl.").FillAsync("16:00");
        await page.GetByLabel("Mødested").FillAsync("Hvidovre Rådhus, mødesal 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret møde" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Mødet er oprettet.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Rediger dagsorden" }).ClickAsync();
        foreach (var (title, minutes) in new[] { ("Konstituering af sundhedsrådet", "30"), ("Sundhedsplan 2027", "45"), ("Økonomi for det nære sundhedsvæsen", "20") })
        {
            await page.GetByLabel("Titel").FillAsync(title);
            await page.GetByLabel("Forventet varighed (minutter)").FillAsync(minutes);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj punkt" }).ClickAsync();
            await Assertions.Expect(page.GetByText($"Punktet \"{title}\" er tilføjet.")).ToBeVisibleAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Udsend dagsorden" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Dagsordenen er udsendt, og punkterne er nummereret.")).ToBeVisibleAsync();
        var meetingUrl = page.Url;

        // A citizen, not signed in, reads the published agenda.
        var citizen = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var reader = await citizen.NewPageAsync();
        await reader.GotoAsync(new Uri(meetingUrl).AbsolutePath + "/dagsorden");
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "DAGSORDEN", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("html")).ToHaveAttributeAsync("lang", "da");
        var contents = reader.Locator(".raad-contents li");
        await Assertions.Expect(contents).ToHaveCountAsync(5);
        Assert.Equal(
            [
                "1. Velkomst og godkendelse af dagsorden 14.00-14.05 (5 min.)",
                "2. Drøftelse: Konstituering af sundhedsrådet 14.05-14.35 (30 min.)",
                "3. Drøftelse: Sundhedsplan 2027 14.35-15.20 (45 min.)",
                "4. Drøftelse: Økonomi for det nære sundhedsvæsen 15.20-15.40 (20 min.)",
                "5. Eventuelt 15.40-15.45 (5 min.)",
            ],
            (await contents.AllInnerTextsAsync()).Select(t => Regex.Replace(t, @"\s+", " ").Trim()));
        await Assertions.Expect(reader.GetByText(Raad.Domain.Common.DanishFormat.Date(date))).ToBeVisibleAsync();
        await Assertions.Expect(reader.GetByText("Hvidovre Rådhus, mødesal 1")).ToBeVisibleAsync();

        await citizen.DisposeAsync();
        await context.DisposeAsync();
    }
}
