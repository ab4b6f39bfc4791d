using System.Text.Json;
using Microsoft.Playwright;

namespace Raad.Browser.Tests;

/// <summary>npm's axe-core run in the page, and the layout checks every accessibility test makes.</summary>
public static class Axe
{
    /// <summary>axe-core finds nothing serious or critical; one h1, one main landmark, nothing wider than the tablet.</summary>
    public static async Task ExpectAccessible(IPage page, int width)
    {
        await page.AddScriptTagAsync(new() { Path = Script() });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${v.help}. ${(n.failureSummary || '').replace(/\s+/g, ' ')}`));
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.True(found.Count == 0, $"axe-core på {page.Url}:\n{string.Join("\n", found)}");

        var layout = await page.EvaluateAsync<JsonElement>("""
            () => {
                const wide = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (${Math.round(e.getBoundingClientRect().right)} px)`);
                return {
                    h1: document.querySelectorAll('h1').length,
                    main: document.querySelectorAll('main, [role=main]').length,
                    scrollWidth: document.documentElement.scrollWidth,
                    wide: wide.slice(0, 10),
                };
            }
            """);
        Assert.True(layout.GetProperty("h1").GetInt32() == 1, $"{page.Url}: {layout.GetProperty("h1").GetInt32()} h1 (skal være én).");
        Assert.True(layout.GetProperty("main").GetInt32() == 1, $"{page.Url}: {layout.GetProperty("main").GetInt32()} main-landemærker (skal være ét).");
        var scrollWidth = layout.GetProperty("scrollWidth").GetInt32();
        Assert.True(scrollWidth <= width,
            $"{page.Url} ruller vandret: {scrollWidth} px > {width} px. For brede: {string.Join(", ", layout.GetProperty("wide").EnumerateArray().Select(w => w.GetString()))}");
    }

    /// <summary>npm's axe-core, installed by test.sh (npm ci) next to this project.</summary>
    public static string Script()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(Path.Combine(folder.FullName, "Raad.Browser.Tests.csproj")))
            {
                return File.Exists(script)
                    ? script
                    : throw new InvalidOperationException($"axe-core mangler i {folder.FullName}/node_modules. Kør ./test.sh (npm ci).");
            }
        }
        throw new InvalidOperationException("Fandt ikke tests/Raad.Browser.Tests.");
    }
}
