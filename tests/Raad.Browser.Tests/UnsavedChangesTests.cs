using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Raad.Browser.Tests;

/// <summary>
/// Nothing typed is lost, done as the secretary does it in Chromium: text typed into an item survives adding a file,
/// two items' decisions survive one save, and a page with unsaved changes warns before it is left.
/// </summary>
public sealed class UnsavedChangesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Background = "Kommunerne og regionen har siden foråret drøftet et fælles forløb.";
    private const string Recommendation = "at sundhedsrådet godkender det fælles forløb.";
    private const string Presentation = "Forløbet samler genoptræning efter udskrivning i ét tilbud.";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
        + "trailer <</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public async Task Secretary_types_the_sections_attaches_a_file_and_the_text_is_still_there_also_after_reload()
    {
        var (context, page) = await SignedIn();
        await NewBodyWithMeeting(page, "Browserudvalget for bilag", app.Today.AddDays(30), ["Fælles genoptræning"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rediger Fælles genoptræning" }).ClickAsync();
        await TypeSections(page);

        await page.GetByLabel("Bilagets titel").FillAsync("Notat om forløbet");
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "notat.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj bilag" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notat om forløbet" })).ToBeVisibleAsync();
        await ExpectSections(page);
        await Assertions.Expect(page.GetByText("Bilaget \"notat.pdf\" er tilføjet, og punktet er gemt.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await ExpectSections(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notat om forløbet" })).ToBeVisibleAsync();
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Secretary_who_leaves_an_item_with_unsaved_text_is_warned_and_one_who_saves_is_not()
    {
        var (context, page) = await SignedIn();
        await NewBodyWithMeeting(page, "Browserudvalget for advarsler", app.Today.AddDays(31), ["Sag med tekst"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rediger Sag med tekst" }).ClickAsync();
        var itemUrl = page.Url;
        var dialogs = new List<string>();
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            if (accept)
            {
                await dialog.AcceptAsync();
            }
            else
            {
                await dialog.DismissAsync();
            }
        };

        // Nothing typed yet: leaving is silent.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tilbage til dagsordenen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tilføj punkt" })).ToBeVisibleAsync();
        Assert.Empty(dialogs);

        // Typed, then leaving: the browser asks, and staying keeps the text.
        await page.GotoAsync(itemUrl);
        await page.GetByLabel("Baggrund for sagens fremlæggelse").ClickAsync();
        await page.GetByLabel("Baggrund for sagens fremlæggelse").FillAsync(Background);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tilbage til dagsordenen" }).ClickAsync();
        await WaitFor(() => dialogs.Count == 1);
        Assert.Equal(["beforeunload"], dialogs);
        Assert.Equal(itemUrl, page.Url);
        await Assertions.Expect(page.GetByLabel("Baggrund for sagens fremlæggelse")).ToHaveValueAsync(Background);

        // Saving is not leaving: no question, and the saved page is clean again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem punktet" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Punktet er gemt.")).ToBeVisibleAsync();
        Assert.Single(dialogs);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tilbage til dagsordenen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tilføj punkt" })).ToBeVisibleAsync();
        Assert.Single(dialogs);

        // Typed again and leaving anyway: accepting the question leaves.
        await page.GotoAsync(itemUrl);
        await page.GetByLabel("Sagsfremstilling").ClickAsync();
        await page.GetByLabel("Sagsfremstilling").FillAsync(Presentation);
        accept = true;
        await page.GetByRole(AriaRole.Link, new() { Name = "Tilbage til dagsordenen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tilføj punkt" })).ToBeVisibleAsync();
        Assert.Equal(["beforeunload", "beforeunload"], dialogs);
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Secretary_chooses_decisions_for_items_1_and_2_saves_once_and_both_are_kept()
    {
        var (context, page) = await SignedIn();
        await NewBodyWithMeeting(page, "Browserudvalget for referater", app.Today.AddDays(-1), ["Budget", "Sundhedsplan"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Udsend dagsorden" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Marker mødet som afholdt" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Skriv referat" }).ClickAsync();
        var quick = page.Locator("select[name$='.Quick']");
        var text = page.Locator("textarea[name$='.Text']");
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.DismissAsync();
        };

        await quick.Nth(0).SelectOptionAsync("Godkendt");
        await quick.Nth(1).SelectOptionAsync("Taget til efterretning");
        await text.Nth(1).FillAsync("Udvalget ønsker en status i foråret.");
        // Item 1's button saves item 2's choice too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem beslutninger (alle punkter)" }).First.ClickAsync();

        await Assertions.Expect(page.GetByText("Beslutningerne er gemt.")).ToBeVisibleAsync();
        Assert.Empty(dialogs);
        await page.ReloadAsync();
        await Assertions.Expect(text.Nth(0)).ToHaveValueAsync("Godkendt");
        await Assertions.Expect(text.Nth(1)).ToHaveValueAsync("Taget til efterretning.\n\nUdvalget ønsker en status i foråret.");

        // A choice not yet saved is not lost by leaving for another page without being asked.
        await text.Nth(2).ClickAsync();
        await quick.Nth(2).SelectOptionAsync("Drøftet");
        await page.GetByRole(AriaRole.Link, new() { Name = "Se referatet" }).ClickAsync();
        await WaitFor(() => dialogs.Count == 1);
        Assert.Equal(["beforeunload"], dialogs);
        await Assertions.Expect(quick.Nth(2)).ToHaveValueAsync("Drøftet");
        await context.DisposeAsync();
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignedIn()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "da-DK" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync("sekretariat@raad.local");
        await page.GetByLabel("Adgangskode").FillAsync(Raad.Web.Features.Demo.DemoLoader.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        return (context, page);
    }

    /// <summary>
    /// A body of its own (no rules of procedure, so no notice to keep) from a year before the app's today, a meeting on
    /// the date and the items on its agenda draft; leaves the browser in the agenda editor.
    /// </summary>
    private static async Task NewBodyWithMeeting(IPage page, string body, DateOnly date, string[] items)
    {
        await page.GotoAsync("/udvalg/nyt");
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync(body);
        await page.GetByLabel("Gælder fra").FillAsync(Iso(date.AddYears(-1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem udvalg" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mødeplan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Planlæg møde" }).ClickAsync();
        await page.GetByLabel("Dato").FillAsync(Iso(date));
        await page.GetByLabel("Starter kl.").FillAsync("14:00");
        await page.GetByLabel("Slutter kl.").FillAsync("16:00");
        await page.GetByLabel("Mødested").FillAsync("Rådhuset, mødesal 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret møde" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Mødet er oprettet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Rediger dagsorden" }).ClickAsync();
        foreach (var title in items)
        {
            await page.GetByLabel("Titel").FillAsync(title);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj punkt" }).ClickAsync();
            await Assertions.Expect(page.GetByText($"Punktet \"{title}\" er tilføjet.")).ToBeVisibleAsync();
        }
    }

    private static async Task TypeSections(IPage page)
    {
        await page.GetByLabel("Baggrund for sagens fremlæggelse").FillAsync(Background);
        await page.GetByLabel("Indstilling", new() { Exact = true }).FillAsync(Recommendation);
        await page.GetByLabel("Sagsfremstilling").FillAsync(Presentation);
    }

    private static async Task ExpectSections(IPage page)
    {
        await Assertions.Expect(page.GetByLabel("Baggrund for sagens fremlæggelse")).ToHaveValueAsync(Background);
        await Assertions.Expect(page.GetByLabel("Indstilling", new() { Exact = true })).ToHaveValueAsync(Recommendation);
        await Assertions.Expect(page.GetByLabel("Sagsfremstilling")).ToHaveValueAsync(Presentation);
    }

    /// <summary>Waits (up to five seconds) for something the browser reports by an event, e.g. a dialog.</summary>
    private static async Task WaitFor(Func<bool> condition)
    {
        for (var waited = 0; !condition() && waited < 5000; waited += 50)
        {
            await Task.Delay(50);
        }
        Assert.True(condition(), "Browseren meldte det ventede inden for fem sekunder.");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
