using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Raad.Browser.Tests;

/// <summary>
/// The member's pages on a tablet (820 × 1180, touch), checked by axe-core in Chromium: the start page, "Mine
/// indstillinger", a council meeting page with its remarks, and the public front page. Each has one h1, a main
/// landmark and no horizontal scroll; and a member writes a remark with the keyboard alone.
/// </summary>
public sealed class WorkspaceAccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Member = "medlem@raad.local";
    private const string MemberName = "Jørgen Steen Andersen";
    private const string Council = "Sundhedsråd Amager og Vestegnen";
    private const int Width = 820;
    private const int Height = 1180;

    [Fact]
    public async Task Members_start_page_has_no_serious_axe_violations_on_a_tablet()
    {
        var (context, page) = await Tablet(Member, forAxe: true);
        await page.GotoAsync("/");
        await ExpectAccessible(page);
        await context.DisposeAsync();
    }

    [Fact]
    public async Task My_settings_have_no_serious_axe_violations_on_a_tablet()
    {
        var (context, page) = await Tablet(Member, forAxe: true);
        await page.GotoAsync("/konto/indstillinger");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessible(page);
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Council_meeting_page_with_remarks_has_no_serious_axe_violations_on_a_tablet()
    {
        var meeting = await PlanCouncilMeeting(app.Today.AddDays(60), "Tilgængelighed af sundhedsplanen");
        var (context, page) = await Tablet(Member, forAxe: true);
        await page.GotoAsync(meeting);
        // A thread of its own, so the page also shows a remark and its answer form.
        await page.GetByLabel("Ny bemærkning til punkt").First.FillAsync("Kan planen også læses på let dansk?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skriv bemærkning" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Din bemærkning er gemt.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Article, new() { Name = $"Bemærkning fra {MemberName}" })).ToBeVisibleAsync();
        await ExpectAccessible(page);
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Public_front_page_has_no_serious_axe_violations_on_a_tablet()
    {
        var (context, page) = await Tablet(account: null, forAxe: true);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log ind" })).ToBeVisibleAsync();
        await ExpectAccessible(page);
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Member_reaches_the_remark_form_with_Tab_writes_and_sends_it_with_Enter()
    {
        const string text = "Tastaturet alene: hvornår kommer høringssvarene fra almen praksis?";
        var meeting = await PlanCouncilMeeting(app.Today.AddDays(61), "Høringssvar fra almen praksis");
        var (context, page) = await Tablet(Member, forAxe: false);
        await page.GotoAsync(meeting);
        var form = page.GetByLabel("Ny bemærkning til punkt").First;
        var formId = await form.GetAttributeAsync("id");

        // From the top of the page: the first Tab is the skip link, and Tab goes on until the remark's text field.
        var path = new List<string>();
        await page.Locator("body").FocusAsync();
        for (var tabs = 0; tabs < 150; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await Focused(page);
            path.Add(focused.Describe);
            Assert.True(focused.Visible, $"Fokus står på noget usynligt: {focused.Describe} (efter {string.Join(" → ", path)})");
            Assert.True(focused.Outlined, $"Fokus ses ikke på {focused.Describe}: intet omrids.");
            if (focused.Id == formId)
            {
                break;
            }
        }
        Assert.Equal("a: Gå til sidens indhold", path[0]);
        Assert.StartsWith($"textarea#{formId}: Ny bemærkning til punkt", path[^1]);
        // The label is visible text next to the field, not only a name for screen readers.
        await Assertions.Expect(page.Locator($"label[for='{formId}']")).ToBeVisibleAsync();

        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("button: Skriv bemærkning", (await Focused(page)).Describe);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByText("Din bemærkning er gemt.")).ToBeVisibleAsync();
        var thread = page.GetByRole(AriaRole.Article, new() { Name = $"Bemærkning fra {MemberName}" });
        await Assertions.Expect(thread).ToContainTextAsync(text);
        // The answer to the thread is reached by the keyboard too: its summary opens with Enter and shows the field.
        var answer = thread.Locator("summary");
        await answer.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(thread.GetByLabel("Dit svar")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.StartsWith("textarea", (await Focused(page)).Describe);
        await context.DisposeAsync();
    }

    /// <summary>A tablet-sized Chromium page, signed in as the account (or signed out).</summary>
    private async Task<(IBrowserContext Context, IPage Page)> Tablet(string? account, bool forAxe)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = Width, Height = Height },
            HasTouch = true,
            // Only for the axe runs: the app's CSP (script-src 'self') would refuse the injected axe script. The
            // keyboard test keeps the CSP, as a member's browser does.
            BypassCSP = forAxe,
        });
        var page = await context.NewPageAsync();
        if (account is not null)
        {
            await SignIn(page, account);
        }
        return (context, page);
    }

    private static async Task SignIn(IPage page, string account)
    {
        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync(account);
        await page.GetByLabel("Adgangskode").FillAsync(Raad.Web.Features.Demo.DemoLoader.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// The secretariat plans a meeting of the council with one item (its agenda a draft, which the members read), and
    /// gives the meeting page's address. The council allows remarks and starts on 1 January 2027; the app's clock
    /// starts on 3 December 2026, so 60 days on always lies within it.
    /// </summary>
    private async Task<string> PlanCouncilMeeting(DateOnly date, string item)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "da-DK" });
        var page = await context.NewPageAsync();
        await SignIn(page, "sekretariat@raad.local");
        await page.GotoAsync("/");
        // The start page names the council twice for the secretariat: in "Mine udvalg" and in the list of all bodies.
        await page.GetByRole(AriaRole.Link, new() { Name = Council, Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mødeplan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Planlæg møde" }).ClickAsync();
        await page.GetByLabel("Dato").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Starter kl.").FillAsync("14:00");
        await page.GetByLabel("Slutter kl.").FillAsync("16:00");
        await page.GetByLabel("Mødested").FillAsync("Hvidovre Rådhus, mødesal 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret møde" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Mødet er oprettet.")).ToBeVisibleAsync();
        var meeting = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Link, new() { Name = "Rediger dagsorden" }).ClickAsync();
        await page.GetByLabel("Titel").FillAsync(item);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj punkt" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Punktet \"{item}\" er tilføjet.")).ToBeVisibleAsync();
        await context.DisposeAsync();
        return meeting;
    }

    private static Task ExpectAccessible(IPage page) => Axe.ExpectAccessible(page, Width);

    private sealed record FocusedElement(string Describe, string? Id, bool Visible, bool Outlined);

    /// <summary>The focused element: tag, id and its name as a person sees it (label, text or aria-label).</summary>
    private static async Task<FocusedElement> Focused(IPage page)
    {
        var e = await page.EvaluateAsync<JsonElement>("""
            () => {
                const el = document.activeElement;
                const label = el.labels && el.labels.length ? el.labels[0].innerText
                    : el.getAttribute('aria-label') || el.innerText || el.value || '';
                const tag = el.tagName.toLowerCase();
                const rect = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                const outlined = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
                return {
                    describe: `${tag}${tag === 'textarea' && el.id ? '#' + el.id : ''}: ${label.replace(/\s+/g, ' ').trim()}`,
                    id: el.id || null,
                    visible: rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden',
                    outlined,
                };
            }
            """);
        return new FocusedElement(
            e.GetProperty("describe").GetString()!,
            e.GetProperty("id").ValueKind == JsonValueKind.Null ? null : e.GetProperty("id").GetString(),
            e.GetProperty("visible").GetBoolean(),
            e.GetProperty("outlined").GetBoolean());
    }
}
