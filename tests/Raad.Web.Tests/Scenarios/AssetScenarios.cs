using System.Net;
using System.Text.RegularExpressions;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Every file the served stylesheets refer to is served: DKFDS's icons (the tick of a checkbox, the arrow of a select)
/// and fonts, and the fonts of the print stylesheet; and the site has a favicon.
/// </summary>
public sealed partial class AssetScenarios(EmptySqliteApp app) : IClassFixture<EmptySqliteApp>
{
    [Fact]
    public async Task Every_url_in_the_served_stylesheets_answers_200()
    {
        using var visitor = app.Anonymous();
        var home = await visitor.Open("/");
        var sheets = home.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Append("/css/print.css").ToList();
        Assert.Contains(sheets, s => s.Contains("dkfds", StringComparison.Ordinal));

        var checkedUrls = new List<string>();
        var missing = new List<string>();
        foreach (var sheet in sheets)
        {
            var sheetUri = new Uri(new Uri("http://raad.test"), sheet);
            var response = await visitor.Get(sheetUri.PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{sheet} gav {(int)response.StatusCode}");
            var css = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            foreach (var url in CssUrl().Matches(css).Select(m => m.Groups["url"].Value.Trim()).Distinct())
            {
                if (url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith('#'))
                {
                    continue;
                }
                var target = new Uri(sheetUri, url).PathAndQuery;
                checkedUrls.Add(target);
                var status = (await visitor.Get(target)).StatusCode;
                if (status != HttpStatusCode.OK)
                {
                    missing.Add($"{target} ({(int)status}, fra {sheet})");
                }
            }
        }

        Assert.Contains(checkedUrls, u => u.EndsWith("/check-white.svg", StringComparison.Ordinal));
        Assert.Contains(checkedUrls, u => u.EndsWith("/chevron-down.svg", StringComparison.Ordinal));
        Assert.True(missing.Count == 0, $"{missing.Count} af {checkedUrls.Count} filer svarer ikke 200:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public async Task The_pages_name_a_favicon_that_is_served_and_favicon_ico_answers_too()
    {
        using var visitor = app.Anonymous();
        var home = await visitor.Open("/");

        var icon = home.Document.QuerySelector("link[rel=icon]")?.GetAttribute("href");
        Assert.NotNull(icon);
        var served = await visitor.Get(icon);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/svg+xml", served.Content.Headers.ContentType?.MediaType);
        var ico = await visitor.Get("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal([0, 0, 1, 0], (await ico.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken))[..4]);
    }

    [Theory]
    [InlineData("/lib/pdfjs/pdf.min.mjs", "text/javascript")]
    [InlineData("/lib/pdfjs/pdf.worker.min.mjs", "text/javascript")]
    [InlineData("/lib/pdfjs/cmaps/UniJIS-UTF16-H.bcmap", "application/octet-stream")]
    [InlineData("/lib/pdfjs/standard_fonts/FoxitSerif.pfb", "application/x-font-type1")]
    [InlineData("/lib/pdfjs/standard_fonts/LiberationSans-Regular.ttf", "application/x-font-ttf")]
    [InlineData("/lib/pdfjs/wasm/openjpeg.wasm", "application/wasm")]
    [InlineData("/lib/pdfjs/wasm/openjpeg_nowasm_fallback.js", "text/javascript")]
    [InlineData("/js/reader/reader.mjs", "text/javascript")]
    [InlineData("/sw.js", "text/javascript")]
    [InlineData("/manifest.webmanifest", "application/manifest+json")]
    public async Task The_reader_s_files_are_served_to_anyone_with_their_types(string url, string type)
    {
        using var visitor = app.Anonymous();
        var response = await visitor.Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_manifest_names_the_app_in_Danish_and_its_icon_is_served()
    {
        using var visitor = app.Anonymous();
        var home = await visitor.Open("/");
        Assert.Equal("/manifest.webmanifest", home.Document.QuerySelector("link[rel=manifest]")?.GetAttribute("href"));
        var manifest = System.Text.Json.JsonDocument.Parse(await (await visitor.Get("/manifest.webmanifest")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("da", manifest.GetProperty("lang").GetString());
        Assert.Equal("/", manifest.GetProperty("scope").GetString());
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.Get(icon.GetProperty("src").GetString()!)).StatusCode);
        }
    }

    [GeneratedRegex("""url\(\s*["']?(?<url>[^"')]+)["']?\s*\)""")]
    private static partial Regex CssUrl();
}
