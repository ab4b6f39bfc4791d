using System.Net;
using System.Security.Claims;
using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raad.Web.Infrastructure;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>
/// One person at a browser who signs in through an OpenID Connect provider: the app's cookies (a <see cref="Visitor"/>
/// over the test server) and the provider's (its own login and consent pages, over real HTTP on loopback). Redirects are
/// followed by hand, as the browser would, each to the side it names.
/// </summary>
public sealed class OidcBrowser : IDisposable
{
    private readonly RaadApp app;
    private readonly CookieContainer appCookies = new();
    private readonly HttpClient provider;

    public OidcBrowser(RaadApp app)
    {
        this.app = app;
        App = new Visitor(app.CreateDefaultClient(new CookieContainerHandler(appCookies)));
        provider = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
    }

    /// <summary>The browser's dealings with Raad.</summary>
    public Visitor App { get; }

    /// <summary>
    /// Presses "Log ind med <paramref name="label"/>" on the page, signs in at the provider as <paramref name="login"/> and
    /// consents, and follows the provider's answer back through the app's callback: the app's last answer, a redirect
    /// to where the member goes on once signed in, or the page that refuses him.
    /// </summary>
    public Task<HtmlPage> SignInWith(HtmlPage page, string label, string login) => ThroughProvider(page, label, login);

    /// <summary>Presses "Log ind med <paramref name="label"/>" and then "[ Cancel ]" on the provider's login page.</summary>
    public Task<HtmlPage> CancelAtProvider(HtmlPage page, string label) => ThroughProvider(page, label, login: null);

    private async Task<HtmlPage> ThroughProvider(HtmlPage page, string label, string? login)
    {
        var challenge = await App.Press(page, $"Log ind med {label}", []);
        var authorize = challenge.RedirectTo
            ?? throw new InvalidOperationException($"Knappen \"Log ind med {label}\" sendte ikke videre ({(int)challenge.Status}): {challenge.Text("[role=alert]")}");
        var back = await AtProviderAsync(authorize, login);
        Assert.Equal("localhost", back.Host);
        // The provider's answer to the handler (/signin-oidc-<name>), which takes the code and sends on to the callback.
        using var handled = await App.Get(back.PathAndQuery);
        var callback = handled.Headers.Location;
        if (handled.StatusCode != HttpStatusCode.Redirect || callback is null)
        {
            throw new InvalidOperationException($"{back.AbsolutePath} gav {(int)handled.StatusCode}: {await handled.Content.ReadAsStringAsync()}");
        }
        return await App.Open(callback.IsAbsoluteUri ? callback.PathAndQuery : callback.OriginalString);
    }

    /// <summary>The name the page's header shows for the signed-in member, or null when nobody is signed in.</summary>
    public async Task<string?> SignedInAs()
    {
        var home = await App.Open("/");
        return home.Document.QuerySelector(".raad-user")?.TextContent.Trim();
    }

    /// <summary>The claims in the app's sign-in cookie, as the app reads them; null without one.</summary>
    public ClaimsPrincipal? SignInCookie()
    {
        var cookie = appCookies.GetCookies(new Uri("http://localhost"))["raad"];
        if (cookie is null)
        {
            return null;
        }
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Unprotect(cookie.Value)?.Principal;
    }

    public string? SignInMethodInCookie() => SignInCookie() is { } principal ? SignInMethod.Of(principal) : null;

    /// <summary>Through the provider's pages (login with any password, then consent) until it sends the browser elsewhere.</summary>
    private async Task<Uri> AtProviderAsync(Uri start, string? login)
    {
        Func<Task<HttpResponseMessage>> request = () => provider.GetAsync(start);
        for (var step = 0; step < 12; step++)
        {
            using var response = await request();
            var at = response.RequestMessage!.RequestUri!;
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = new Uri(at, location);
                if (next.Authority != start.Authority)
                {
                    return next;
                }
                request = () => provider.GetAsync(next);
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Udbyderen svarede {(int)response.StatusCode} på {at}: {html}");
            }
            var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(at));
            if (login is null)
            {
                var cancel = document.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == "[ Cancel ]")
                    ?? throw new InvalidOperationException($"Udbyderens side {at} har intet \"[ Cancel ]\": {html}");
                var abort = new Uri(at, cancel.GetAttribute("href"));
                request = () => provider.GetAsync(abort);
                continue;
            }
            var form = document.Forms.OfType<IHtmlFormElement>().FirstOrDefault()
                ?? throw new InvalidOperationException($"Udbyderens side {at} har ingen formular: {html}");
            // The login page asks for a login and a password (any, on these development pages); consent asks nothing.
            var fields = form.Elements.OfType<IHtmlInputElement>()
                .Where(i => !string.IsNullOrEmpty(i.Name))
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Name switch
                {
                    "login" => login,
                    "password" => "hvad-som-helst",
                    _ => i.Value,
                }))
                .ToList();
            var action = new Uri(at, form.Action);
            request = async () =>
            {
                using var content = new FormUrlEncodedContent(fields);
                return await provider.PostAsync(action, content);
            };
        }
        throw new InvalidOperationException("Udbyderen sendte ikke tilbage til Raad inden 12 skridt.");
    }

    public void Dispose()
    {
        App.Dispose();
        provider.Dispose();
    }
}
