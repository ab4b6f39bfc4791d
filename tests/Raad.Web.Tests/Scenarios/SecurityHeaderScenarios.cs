using System.Net;
using AngleSharp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raad.Web.Infrastructure;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Every answer carries the headers that keep a browser safe: pages, files, API, errors, signed in or not. SQLite only:
/// headers do not depend on the database.
/// </summary>
public sealed class SecurityHeaderScenarios(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_page_the_secretariat_can_reach_and_every_kind_of_file_carries_the_headers_and_no_page_has_inline_script()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        using var anonymous = app.Anonymous();
        var syd = await secretariat.BodyId("Politisk Sundhedsklynge Syd");
        var meeting = (await secretariat.Meetings(syd))[0].GetProperty("id").GetInt32();

        // The pages, by following the links from the front page, as a person clicking through would.
        var pages = await CrawlAsync(secretariat, "/", max: 70);
        Assert.True(pages.Count >= 40, $"Kun {pages.Count} sider fundet.");
        string[] others =
        [
            "/css/raad.css", "/js/print.js", "/lib/htmx/htmx.min.js", "/api/bodies", $"/api/meetings/{meeting}", "/openapi/v1.json",
            "/api/docs/index.html", "/api/docs/index.js", $"/api/bodies/{syd}/economy.csv", "/findes-ikke", "/api/findes-ikke",
        ];
        var problems = new List<string>();
        foreach (var url in others)
        {
            using var response = await secretariat.Get(url);
            problems.AddRange(HeaderProblems(url, response));
        }
        foreach (var url in new[] { "/", $"/moeder/{meeting}", "/konto/log-ind", "/import", "/fejl/500" })
        {
            using var response = await anonymous.Get(url);
            problems.AddRange(HeaderProblems($"{url} (anonym)", response));
        }
        foreach (var url in pages)
        {
            using var response = await secretariat.Get(url);
            problems.AddRange(HeaderProblems(url, response));
            problems.AddRange(await InlineScriptAsync(url, response));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Over_https_the_answer_carries_hsts_and_every_cookie_is_secure_but_not_over_http()
    {
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://raad.test/"), AllowAutoRedirect = false });
        using (var response = await https.GetAsync(new Uri("/konto/log-ind", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.StartsWith("max-age=", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
            var cookies = response.Headers.GetValues("Set-Cookie").ToList();
            Assert.NotEmpty(cookies);
            Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        }
        var login = await new Visitor(https).Open("/konto/log-ind");
        using var signIn = new HttpRequestMessage(HttpMethod.Post, new Uri("/konto/log-ind", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(HtmlPage.Fill(login.FormWith(["Email"]), new Dictionary<string, string>
            {
                ["Email"] = "sekretariat@raad.local",
                ["Password"] = Features.Demo.DemoLoader.Password,
            })),
        };
        using (var signedIn = await https.SendAsync(signIn, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("raad=", StringComparison.Ordinal));
            Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
        }

        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://raad.test/"), AllowAutoRedirect = false });
        using var plain = await http.GetAsync(new Uri("/konto/log-ind", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_tls_proxys_addresses_and_networks_come_from_the_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Raad:Proxy:KnownProxies:0"] = "10.0.0.5",
            ["Raad:Proxy:KnownNetworks:0"] = "172.16.0.0/12",
        }).Build();
        var services = new ServiceCollection();

        services.AddProxy(configuration);

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Contains(IPAddress.Parse("10.0.0.5"), options.KnownProxies);
        Assert.Contains(System.Net.IPNetwork.Parse("172.16.0.0/12"), options.KnownIPNetworks);
        Assert.Equal(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            options.ForwardedHeaders);
    }

    private static IEnumerable<string> HeaderProblems(string url, HttpResponseMessage response)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

        var csp = Header("Content-Security-Policy");
        var script = csp?.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        if (script != "script-src 'self'")
        {
            yield return $"{url} ({(int)response.StatusCode}): script-src er \"{script}\" (CSP: {csp})";
        }
        if (csp?.Contains("frame-ancestors 'none'", StringComparison.Ordinal) != true)
        {
            yield return $"{url}: ingen frame-ancestors";
        }
        if (Header("X-Content-Type-Options") != "nosniff")
        {
            yield return $"{url}: ingen X-Content-Type-Options: nosniff";
        }
        if (string.IsNullOrEmpty(Header("Referrer-Policy")))
        {
            yield return $"{url}: ingen Referrer-Policy";
        }
    }

    private static async Task<IEnumerable<string>> InlineScriptAsync(string url, HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return [];
        }
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(response.Content.ReadAsStream()));
        var problems = new List<string>();
        foreach (var element in document.All)
        {
            if (element.LocalName == "script" && !element.HasAttribute("src"))
            {
                problems.Add($"{url}: <script> uden src");
            }
            problems.AddRange(element.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                .Select(a => $"{url}: {element.LocalName} har {a.Name}=\"{a.Value}\""));
            if (element.GetAttribute("href")?.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true)
            {
                problems.Add($"{url}: javascript:-link");
            }
        }
        return problems;
    }

    /// <summary>The site's own HTML pages reachable by links from <paramref name="start"/>, breadth first; no PDFs, packages or sign-out.</summary>
    private static async Task<List<string>> CrawlAsync(Visitor visitor, string start, int max)
    {
        var seen = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        var pages = new List<string>();
        while (queue.Count > 0 && pages.Count < max)
        {
            var url = queue.Dequeue();
            var page = await visitor.Open(url);
            if (page.Status != HttpStatusCode.OK || page.Document.ContentType != "text/html")
            {
                continue;
            }
            pages.Add(url);
            foreach (var href in page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                var path = href.Split('#')[0];
                if (path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/api", StringComparison.Ordinal)
                    && !path.Contains(".pdf", StringComparison.Ordinal) && !path.Contains("pakke", StringComparison.Ordinal)
                    && !path.Contains("log-ud", StringComparison.Ordinal) && seen.Add(path))
                {
                    queue.Enqueue(path);
                }
            }
        }
        return pages;
    }
}

/// <summary>Raad started without a word about the demo, as an operator starts it in production.</summary>
public sealed class DemoDefaultScenarios(UnconfiguredSqliteApp app) : IClassFixture<UnconfiguredSqliteApp>
{
    [Fact]
    public async Task An_empty_database_outside_development_gets_no_demo_and_no_account_with_the_published_password()
    {
        using var visitor = app.Anonymous();

        var login = await visitor.Submit(await visitor.Open("/konto/log-ind"),
            new() { ["Email"] = "admin@raad.local", ["Password"] = Features.Demo.DemoLoader.Password });

        Assert.Null(login.RedirectTo);
        Assert.Empty((await visitor.GetJson("/api/bodies")).EnumerateArray());
    }
}
