using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Raad.Web.Features.Import;

internal static partial class DocxSourceReader
{
    /// <summary>
    /// Word's list numbers, which are not in the text: "1.", "a)", "2.3" from numbering.xml, counted in body order per
    /// list definition; bullets become "-" whatever symbol the list shows.
    /// </summary>
    private sealed class Numbering
    {
        private readonly Dictionary<int, NumberingInstance> instances = [];
        private readonly Dictionary<int, AbstractNum> abstracts = [];
        private readonly Dictionary<int, int?[]> counters = [];
        private readonly HashSet<int> started = [];

        public Numbering(DocumentFormat.OpenXml.Wordprocessing.Numbering? numbering)
        {
            if (numbering is null)
            {
                return;
            }
            foreach (var instance in numbering.Elements<NumberingInstance>())
            {
                if (Int(instance.NumberID) is { } id)
                {
                    instances.TryAdd(id, instance);
                }
            }
            foreach (var definition in numbering.Elements<AbstractNum>())
            {
                if (Int(definition.AbstractNumberId) is { } id)
                {
                    abstracts.TryAdd(id, definition);
                }
            }
        }

        /// <summary>The paragraph's list label followed by a space, or null when it is not in a list.</summary>
        public string? Label(ParagraphProperties? properties, string? styleId, Styles styles)
        {
            var reference = properties?.NumberingProperties;
            string? fromStyle = null;
            foreach (var style in styles.Chain(styleId ?? ""))
            {
                if (reference?.NumberingId is not null)
                {
                    break;
                }
                if (style.StyleParagraphProperties?.NumberingProperties is { } inherited)
                {
                    (reference, fromStyle) = (inherited, style.StyleId?.Value);
                }
            }
            if (reference is null || Int(reference.NumberingId?.Val) is not { } numId || numId == 0 || !instances.TryGetValue(numId, out var instance))
            {
                return null;
            }
            if (Int(instance.AbstractNumId?.Val) is not { } abstractId || !abstracts.TryGetValue(abstractId, out var definition))
            {
                return null;
            }
            var levels = new Level?[9];
            foreach (var item in definition.Elements<Level>())
            {
                if (Int(item.LevelIndex) is { } index && index is >= 0 and <= 8)
                {
                    levels[index] ??= item;
                }
            }
            foreach (var levelOverride in instance.Elements<LevelOverride>())
            {
                if (levelOverride.Level is { } replaced && Int(levelOverride.LevelIndex) is { } index && index is >= 0 and <= 8)
                {
                    levels[index] = replaced;
                }
            }
            // Heading numbering: the style names the list, and the list level names the style (w:lvl/w:pStyle).
            var linked = fromStyle is null ? -1 : Array.FindIndex(levels, l => l?.ParagraphStyleIdInLevel?.Val?.Value == fromStyle);
            var level = Math.Clamp(Int(reference.NumberingLevelReference?.Val) ?? Math.Max(linked, 0), 0, 8);
            if (levels[level] is not { } current)
            {
                return null;
            }
            // Counted per list definition, as Word does; null is a level not begun since its parent last moved on.
            var count = counters.TryGetValue(abstractId, out var existing) ? existing : counters[abstractId] = new int?[9];
            if (started.Add(numId))
            {
                foreach (var levelOverride in instance.Elements<LevelOverride>())
                {
                    if (Int(levelOverride.LevelIndex) is { } index && index is >= 0 and <= 8
                        && Int(levelOverride.StartOverrideNumberingValue?.Val) is { } start and >= 0 and < 100_000)
                    {
                        count[index] = start - 1;
                    }
                }
            }
            for (var i = 0; i <= level; i++)
            {
                count[i] ??= Start(levels[i]) - (i == level ? 1 : 0);
            }
            count[level]++;
            for (var i = level + 1; i < 9; i++)
            {
                count[i] = null;
            }
            var format = Format(current);
            if (format == "bullet")
            {
                return "- ";
            }
            var text = current.LevelText?.Val?.Value ?? "";
            var label = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
                {
                    var index = text[i + 1] - '1';
                    label.Append(Number(count[index] ?? Start(levels[index]), levels[index] is { } l ? Format(l) : "decimal"));
                    i++;
                }
                else
                {
                    label.Append(text[i]);
                }
            }
            return label.Length == 0 ? null : label.Append(' ').ToString();
        }

        private static int Start(Level? level) => Int(level?.StartNumberingValue?.Val) is { } start and >= 0 and < 100_000 ? start : 1;

        private static string Format(Level level) => level.NumberingFormat?.Val?.InnerText ?? "decimal";

        private static string Number(int value, string format) => format switch
        {
            "none" => "",
            "lowerLetter" => Letters(value).ToLowerInvariant(),
            "upperLetter" => Letters(value),
            "lowerRoman" => Roman(value).ToLowerInvariant(),
            "upperRoman" => Roman(value),
            "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>Word's letters: a..z, then aa..zz.</summary>
        private static string Letters(int value) =>
            value <= 0 ? "" : new string((char)('A' + ((value - 1) % 26)), ((value - 1) / 26) + 1);

        private static string Roman(int value)
        {
            if (value is <= 0 or >= 4000)
            {
                return value.ToString(CultureInfo.InvariantCulture);
            }
            var result = new StringBuilder();
            foreach (var (number, numeral) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            {
                while (value >= number)
                {
                    result.Append(numeral);
                    value -= number;
                }
            }
            return result.ToString();
        }
    }
}
