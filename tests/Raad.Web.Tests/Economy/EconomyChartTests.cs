using System.Globalization;
using System.Xml.Linq;
using Raad.Web.Features.Economy;

namespace Raad.Web.Tests.Economy;

public sealed class EconomyChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Chart_is_accessible_svg_without_script()
    {
        var svg = XElement.Parse(EconomyChart.Svg(Tabel1.Snapshot()));

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.StartsWith("0 0 ", (string?)svg.Attribute("viewBox"), StringComparison.Ordinal);
        var title = svg.Element(Svg + "title")!;
        var desc = svg.Element(Svg + "desc")!;
        Assert.Equal($"{title.Attribute("id")!.Value} {desc.Attribute("id")!.Value}", (string?)svg.Attribute("aria-labelledby"));
        Assert.Contains("27. august 2025", title.Value, StringComparison.Ordinal);
        Assert.Contains("forventet forbrug 2,05 mio. kr., tildelt 2 mio. kr., restmidler 240.000 kr., merforbrug 50.000 kr.", desc.Value, StringComparison.Ordinal);
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.DoesNotContain(svg.DescendantsAndSelf().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));

        var legend = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "forklaring");
        Assert.Contains("Forventet forbrug", legend.Value, StringComparison.Ordinal);
        Assert.Contains("Restmidler tildelt", legend.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void One_group_per_project_with_bars_in_proportion()
    {
        var snapshot = Tabel1.Snapshot();
        var groups = Projects(XElement.Parse(EconomyChart.Svg(snapshot)));
        Assert.Equal(snapshot.Rows.Select(r => r.Project), groups.Select(g => (string)g.Attribute("data-projekt")!));

        var child = groups.Single(g => (string)g.Attribute("data-projekt")! == Tabel1.ChildPsychiatry);
        Assert.Equal(2.05 / 2.00, Height(child, "forventet") / Height(child, "tildelt"), 3);
        Assert.Equal(0.24 / 2.00, Height(child, "restmidler") / Height(child, "tildelt"), 3);
        // Stacked: the remainder bar ends where the granted bar begins.
        Assert.Equal(Attr(Bar(child, "tildelt"), "y"), Attr(Bar(child, "restmidler"), "y") + Height(child, "restmidler"), 2);

        var transition = groups[0];
        Assert.Equal(4.0 / 2.05, Height(transition, "forventet") / Height(child, "forventet"), 3);
        Assert.Single(transition.Elements(Svg + "rect"), r => Class(r).Contains("restmidler", StringComparison.Ordinal));
        Assert.DoesNotContain(groups[1].Elements(Svg + "rect"), r => Class(r).Contains("restmidler", StringComparison.Ordinal));
        Assert.Contains(child.Descendants(Svg + "text"), t => t.Value == "2,05 mio.");
    }

    [Fact]
    public void Overspend_is_marked_only_on_child_and_youth_psychiatry()
    {
        var groups = Projects(XElement.Parse(EconomyChart.Svg(Tabel1.Snapshot())));
        var marked = groups.Where(g => g.Descendants(Svg + "g").Any(m => Class(m) == "merforbrug")).ToList();

        var only = Assert.Single(marked);
        Assert.Equal(Tabel1.ChildPsychiatry, (string)only.Attribute("data-projekt")!);
        Assert.Contains("Merforbrug", only.Descendants(Svg + "g").Single(m => Class(m) == "merforbrug").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_names_are_escaped_and_long_ones_wrapped()
    {
        var snapshot = Tabel1.Of(
            Tabel1.Row("A & B <C>", 1_000_000m, 1_000_000m),
            Tabel1.Row(string.Join(' ', Enumerable.Repeat("Implementering af samarbejdsaftalen", 20)), 500_000m, 1_000_000m));
        var markup = EconomyChart.Svg(snapshot);

        Assert.Contains("A &amp; B &lt;C&gt;", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<C>", markup, StringComparison.Ordinal);
        var groups = Projects(XElement.Parse(markup));
        Assert.Equal("A & B <C>", (string)groups[0].Attribute("data-projekt")!);

        var name = groups[1].Elements(Svg + "text").Single(t => Class(t) == "navn");
        var lines = name.Elements(Svg + "tspan").Select(t => t.Value).ToList();
        Assert.InRange(lines.Count, 2, 4);
        Assert.EndsWith("…", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_snapshot_still_renders()
    {
        var svg = XElement.Parse(EconomyChart.Svg(Tabel1.Of()));
        Assert.Empty(Projects(svg));
    }

    private static List<XElement> Projects(XElement svg) =>
        [.. svg.Elements(Svg + "g").Where(g => Class(g) == "projekt")];

    private static string Class(XElement e) => (string?)e.Attribute("class") ?? "";

    private static XElement Bar(XElement group, string kind) =>
        group.Elements(Svg + "rect").Single(r => Class(r).Split(' ').Contains(kind));

    private static double Height(XElement group, string kind) => Attr(Bar(group, kind), "height");

    private static double Attr(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);
}
