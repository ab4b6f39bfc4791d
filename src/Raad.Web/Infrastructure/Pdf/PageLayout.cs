using Microsoft.Playwright;

namespace Raad.Web.Infrastructure.Pdf;

/// <summary>
/// What to measure before printing, and what to write into the page once the pages are known: element id to text
/// (the page numbers of a contents). Text of a fixed-width box, so writing it moves nothing.
/// </summary>
/// <param name="Headings">CSS selector of the elements whose page is wanted; each needs an id.</param>
public sealed record Renumber(string Headings, Func<PageLayout, IReadOnlyDictionary<string, string>> Texts);

/// <summary>
/// The page each heading begins on and the page count, found before printing by laying the document out in columns
/// the size of the @page content box: Chromium breaks columns with the same fragmentation engine as pages, so the
/// column a heading lands in is its page. An estimate, never trusted blindly: the caller compares it with the printed
/// PDF's outline and prints again where it differs. Chromium has no target-counter, and this saves the second print.
/// </summary>
public sealed record PageLayout(IReadOnlyDictionary<string, int> Pages, int PageCount)
{
    /// <summary>
    /// Runs in Playwright's own script world (the printing context has page scripts turned off). Forced page breaks
    /// become column breaks; null when the page's @page rule is not A4 with margins, so nothing is guessed.
    /// </summary>
    private const string Script = """
        selector => {
          const rule = [...document.styleSheets].flatMap(s => [...s.cssRules])
            .find(r => r instanceof CSSPageRule && !r.selectorText);
          if (!rule || rule.style.getPropertyValue('size').trim().toUpperCase() !== 'A4') return null;
          const probe = document.createElement('div');
          probe.style.cssText = 'position:absolute;visibility:hidden;height:0';
          document.body.appendChild(probe);
          const px = v => { probe.style.width = v || '0'; return probe.getBoundingClientRect().width; };
          const m = side => px(rule.style.getPropertyValue('margin-' + side));
          const width = px('210mm') - m('left') - m('right');
          const height = px('297mm') - m('top') - m('bottom');
          probe.remove();
          const gap = width;
          const style = document.createElement('style');
          style.textContent = `html, body { margin: 0; padding: 0; }
            body { width: ${width}px; height: ${height}px; columns: ${width}px; column-gap: ${gap}px; column-fill: auto; }
            ${selector} { break-before: column; }`;
          document.head.appendChild(style);
          const left = document.body.getBoundingClientRect().left;
          const pageOf = el => Math.floor((el.getBoundingClientRect().left - left + gap / 2) / (width + gap)) + 1;
          const pages = {};
          for (const el of document.querySelectorAll(selector)) if (el.id) pages[el.id] = pageOf(el);
          const count = Math.round((document.body.scrollWidth + gap) / (width + gap));
          style.remove();
          return { pages, count };
        }
        """;

    /// <summary>Writes the texts into the elements with those ids (textContent: no markup).</summary>
    public static Task FillAsync(IPage page, IReadOnlyDictionary<string, string> texts) =>
        page.EvaluateAsync("texts => { for (const [id, text] of Object.entries(texts)) { const el = document.getElementById(id); if (el) el.textContent = text; } }",
            texts.ToDictionary(t => t.Key, t => (object)t.Value));

    public static async Task<PageLayout?> MeasureAsync(IPage page, string headings)
    {
        var measured = await page.EvaluateAsync<System.Text.Json.JsonElement?>(Script, headings);
        if (measured is not { ValueKind: System.Text.Json.JsonValueKind.Object } m || m.GetProperty("count").GetInt32() is var count && count < 1)
        {
            return null;
        }
        // Playwright marks objects with "$id" for references; only the numbers are pages.
        var pages = m.GetProperty("pages").EnumerateObject()
            .Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        return new PageLayout(pages, count);
    }
}
