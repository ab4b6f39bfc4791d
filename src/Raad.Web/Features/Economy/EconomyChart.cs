using System.Globalization;
using System.Xml.Linq;
using Raad.Domain.Common;
using Raad.Domain.Money;

namespace Raad.Web.Features.Economy;

/// <summary>
/// Tabel 1 as a bar chart rendered on the server: per project a bar for expected spend and a bar for the grant with
/// the remainder funds stacked on it, so a member on a tablet sees at a glance who spends more than granted.
/// No script and no external styles; built with LINQ to XML so every text is escaped and the markup well-formed.
/// Screen readers get the title and a description that states every figure, since the drawing itself is an image.
/// </summary>
public static class EconomyChart
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    // Contrast against white: expected 7.4:1, granted 4.9:1, remainder 11:1; orange and purple also differ in
    // lightness, so the stacked parts stay apart without colour vision. A white line separates them as well.
    public const string ExpectedColour = "#005A9C";
    public const string GrantedColour = "#B35900";
    public const string RemainderColour = "#5B2A86";
    public const string OverspendColour = "#B00020";
    private const string TextColour = "#1A1A1A";

    private const double Width = 960;
    private const double Height = 480;
    private const double Left = 72;
    private const double Right = 16;
    private const double PlotTop = 110;
    private const double PlotHeight = 260;
    private const double PlotBottom = PlotTop + PlotHeight;
    private const double FontSize = 12;
    private const int MaxLabelLines = 4;

    /// <summary>The chart as an SVG element. <paramref name="id"/> prefixes the ids of title and description, unique per page.</summary>
    public static string Svg(EconomySnapshot snapshot, string id = "okonomi-graf")
    {
        var titleId = $"{id}-titel";
        var descId = $"{id}-beskrivelse";
        var rows = snapshot.Rows;
        var top = AxisTop(rows.Count == 0 ? 0 : rows.Max(r => Math.Max(r.ExpectedSpend, r.Granted + r.RemainderGranted)));
        double Y(decimal amount) => PlotBottom - BarHeight(amount, top);

        var svg = new XElement(Ns + "svg",
            new XAttribute("viewBox", $"0 0 {N(Width)} {N(Height)}"),
            new XAttribute("width", "100%"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{titleId} {descId}"),
            new XAttribute("font-family", "'IBM Plex Sans', Arial, sans-serif"),
            new XAttribute("font-size", N(FontSize)),
            new XAttribute("fill", TextColour),
            new XAttribute("class", "okonomi-graf"),
            new XElement(Ns + "title", new XAttribute("id", titleId), $"Forventet forbrug og tildelte midler pr. projekt pr. {DanishFormat.Date(snapshot.AsOf)}"),
            new XElement(Ns + "desc", new XAttribute("id", descId), Description(snapshot)));

        svg.Add(Legend());

        // Grid lines and amounts on the axis: decoration for the eye, the figures themselves are on the bars.
        var axis = new XElement(Ns + "g", new XAttribute("class", "akse"), new XAttribute("aria-hidden", "true"));
        var step = top / 5m;
        for (var i = 0; i <= 5; i++)
        {
            var amount = step * i;
            var y = Y(amount);
            axis.Add(
                new XElement(Ns + "line", A("x1", Left), A("x2", Width - Right), A("y1", y), A("y2", y),
                    new XAttribute("stroke", i == 0 ? "#333333" : "#D0D0D0"), new XAttribute("stroke-width", i == 0 ? "1.5" : "1")),
                new XElement(Ns + "text", A("x", Left - 8), A("y", y + 4), new XAttribute("text-anchor", "end"), Short(amount)));
        }
        svg.Add(axis);

        var groupWidth = rows.Count == 0 ? 0 : (Width - Left - Right) / rows.Count;
        var barWidth = Math.Min(48, groupWidth * 0.38);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var centre = Left + (groupWidth * i) + (groupWidth / 2);
            var expectedX = centre - 2 - barWidth;
            var grantedX = centre + 2;
            var group = new XElement(Ns + "g", new XAttribute("class", "projekt"), new XAttribute("data-projekt", row.Project),
                new XElement(Ns + "title", row.Project));

            group.Add(Bar("forventet", expectedX, barWidth, Y(row.ExpectedSpend), BarHeight(row.ExpectedSpend, top), ExpectedColour,
                $"Forventet forbrug: {DanishFormat.Kroner(row.ExpectedSpend)}"));
            group.Add(Bar("tildelt", grantedX, barWidth, Y(row.Granted), BarHeight(row.Granted, top), GrantedColour,
                $"Tildelt: {DanishFormat.Kroner(row.Granted)}"));
            var stackTop = Y(row.Granted);
            if (row.RemainderGranted > 0)
            {
                stackTop = Y(row.Granted + row.RemainderGranted);
                var remainder = Bar("restmidler", grantedX, barWidth, stackTop, BarHeight(row.Granted + row.RemainderGranted, top) - BarHeight(row.Granted, top),
                    RemainderColour, $"Restmidler tildelt: {DanishFormat.Kroner(row.RemainderGranted)}");
                remainder.Add(new XAttribute("stroke", "#FFFFFF"), new XAttribute("stroke-width", "1"));
                group.Add(remainder);
            }

            group.Add(Label(expectedX + (barWidth / 2), Y(row.ExpectedSpend) - 5, Short(row.ExpectedSpend), "belob-forventet"));
            group.Add(Label(grantedX + (barWidth / 2), stackTop - 5, Short(row.Granted), "belob-tildelt"));
            var highest = Math.Min(Y(row.ExpectedSpend), stackTop) - 5;
            if (row.RemainderGranted > 0)
            {
                highest = Math.Min(Y(row.ExpectedSpend) - 5, stackTop - 5 - FontSize - 2);
                group.Add(Label(grantedX + (barWidth / 2), stackTop - 5 - FontSize - 2, "+" + Short(row.RemainderGranted), "belob-restmidler", RemainderColour));
            }

            if (row.Overspend > 0)
            {
                group.Add(OverspendMarker(row, expectedX, barWidth, Y(row.Granted), centre, highest - FontSize - 4));
            }

            var name = new XElement(Ns + "text", new XAttribute("class", "navn"), A("y", PlotBottom + 18), new XAttribute("text-anchor", "middle"));
            var lines = Wrap(row.Project, (int)Math.Max(6, groupWidth / (FontSize * 0.55)), MaxLabelLines);
            for (var l = 0; l < lines.Count; l++)
            {
                name.Add(new XElement(Ns + "tspan", A("x", centre), new XAttribute("dy", l == 0 ? "0" : N(FontSize * 1.25)), lines[l]));
            }
            group.Add(name);
            svg.Add(group);
        }
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The figures in words, the chart's text alternative.</summary>
    public static string Description(EconomySnapshot snapshot)
    {
        var parts = snapshot.Rows.Select(r =>
            $"{r.Project}: forventet forbrug {DanishFormat.Kroner(r.ExpectedSpend)}, tildelt {DanishFormat.Kroner(r.Granted)}" +
            (r.RemainderGranted > 0 ? $", restmidler {DanishFormat.Kroner(r.RemainderGranted)}" : "") +
            (r.Overspend > 0 ? $", merforbrug {DanishFormat.Kroner(r.Overspend)} ({EconomyExport.StatusText(r.Status()).ToLower(DanishFormat.Culture)})" : "") + ".");
        var t = snapshot.Totals;
        return $"Søjlediagram med {snapshot.Rows.Count} projekter. " + string.Join(" ", parts) +
            $" I alt forventet forbrug {DanishFormat.Kroner(t.ExpectedSpend)}, tildelt {DanishFormat.Kroner(t.Granted)}, restmidler tildelt {DanishFormat.Kroner(t.RemainderGranted)}.";
    }

    /// <summary>Amounts on the chart, all in millions so they compare at a glance: "2,05 mio.", "0,24 mio."; below 10.000 kr. in kroner.</summary>
    public static string Short(decimal amount) => Math.Abs(amount) >= 10_000m || amount == 0
        ? amount == 0 ? "0" : $"{decimal.Round(amount / 1_000_000m, 2).ToString("0.##", DanishFormat.Culture)} mio."
        : $"{amount.ToString("#,##0", DanishFormat.Culture)} kr.";

    /// <summary>The axis' top: a round number (1, 2 or 5 times a power of ten, per fifth) at or above the largest bar.</summary>
    private static decimal AxisTop(decimal max)
    {
        if (max <= 0)
        {
            return 1_000_000m;
        }
        var rough = (double)max / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * power).First(s => s >= rough);
        return (decimal)step * 5;
    }

    private static double BarHeight(decimal amount, decimal top) => Math.Round((double)(Math.Max(0, amount) / top) * PlotHeight, 2);

    private static XElement Bar(string kind, double x, double width, double y, double height, string colour, string title) =>
        new(Ns + "rect", new XAttribute("class", $"soejle {kind}"), A("x", x), A("y", y), A("width", width), A("height", height),
            new XAttribute("fill", colour), new XElement(Ns + "title", title));

    private static XElement Label(double x, double y, string text, string kind, string colour = TextColour) =>
        new(Ns + "text", new XAttribute("class", kind), A("x", x), A("y", y), new XAttribute("text-anchor", "middle"),
            new XAttribute("fill", colour), text);

    /// <summary>A dashed line where the grant ends across the expected bar, and "Merforbrug" in words above the group.</summary>
    private static XElement OverspendMarker(EconomyRow row, double expectedX, double barWidth, double grantY, double centre, double textY) =>
        new(Ns + "g", new XAttribute("class", "merforbrug"),
            new XElement(Ns + "line", A("x1", expectedX - 4), A("x2", expectedX + barWidth + 4), A("y1", grantY), A("y2", grantY),
                new XAttribute("stroke", TextColour), new XAttribute("stroke-width", "2"), new XAttribute("stroke-dasharray", "4 3")),
            new XElement(Ns + "text", A("x", centre), A("y", textY), new XAttribute("text-anchor", "middle"), new XAttribute("font-weight", "bold"),
                new XAttribute("fill", OverspendColour), "▲ Merforbrug",
                new XElement(Ns + "title", $"Merforbrug: {DanishFormat.Kroner(row.Overspend)}")));

    private static XElement Legend()
    {
        var legend = new XElement(Ns + "g", new XAttribute("class", "forklaring"));
        (string Text, string? Colour)[] items =
            [("Forventet forbrug", ExpectedColour), ("Tildelt", GrantedColour), ("Restmidler tildelt", RemainderColour), ("Merforbrug: over tildelt", null)];
        var x = Left;
        foreach (var (text, colour) in items)
        {
            legend.Add(colour is null
                ? new XElement(Ns + "line", A("x1", x), A("x2", x + 14), A("y1", 27), A("y2", 27), new XAttribute("stroke", TextColour),
                    new XAttribute("stroke-width", "2"), new XAttribute("stroke-dasharray", "4 3"))
                : new XElement(Ns + "rect", A("x", x), A("y", 20), A("width", 14), A("height", 14), new XAttribute("fill", colour)));
            legend.Add(new XElement(Ns + "text", A("x", x + 20), A("y", 32), text));
            x += 20 + (text.Length * FontSize * 0.55) + 24;
        }
        return legend;
    }

    /// <summary>Words onto lines of at most <paramref name="width"/> characters; what does not fit ends in "…".</summary>
    internal static IReadOnlyList<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.Length > width ? word[..(width - 1)] + "…" : word;
            if (line.Length == 0)
            {
                line = w;
            }
            else if (line.Length + 1 + w.Length <= width)
            {
                line += " " + w;
            }
            else
            {
                lines.Add(line);
                line = w;
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        if (lines.Count > maxLines)
        {
            var last = lines[maxLines - 1];
            lines = [.. lines.Take(maxLines - 1), (last.Length >= width ? last[..(width - 1)] : last) + "…"];
        }
        return lines;
    }

    private static XAttribute A(string name, double value) => new(name, N(value));

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
