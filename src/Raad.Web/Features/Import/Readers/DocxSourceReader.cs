using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Raad.Domain.Common;
using Raad.Domain.Import;

namespace Raad.Web.Features.Import;

/// <summary>
/// A Word document's paragraphs in body order, one line each, with the line breaks the author typed (soft breaks)
/// splitting them. Table rows become one line, cells separated by tabs; a row with a single filled cell (a layout
/// table) gives that cell's paragraphs as lines. Heading levels come from the paragraph style (its name, e.g.
/// "heading 1" also for the Danish "Overskrift 1", or its outline level, through the basedOn chain); bold and font
/// size from the runs, their character styles, the paragraph style and the document defaults. Explicit page breaks,
/// "page break before" and section breaks that start a new page count pages; Word's last rendered page breaks are not
/// used (they are stale after editing). A blank line marks visible space between paragraphs: an empty paragraph, or
/// 6 pt or more of paragraph spacing, as a PDF of the document would show it.
/// </summary>
internal static partial class DocxSourceReader
{
    /// <summary>Paragraph spacing (twentieths of a point) from which a gap is a paragraph break: 6 pt.</summary>
    private const int BlankSpacing = 120;

    private const int MaxStyleDepth = 20;

    public static Result<SourceDocument> Read(ReadOnlyMemory<byte> content, ReadLimits limits, CancellationToken ct)
    {
        if (CheckZip(content, limits, ct) is { } error)
        {
            return error;
        }
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(Stream(content), false);
        }
#pragma warning disable CA1031 // The packaging and XML layers throw many kinds of exceptions on damaged files.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ReadErrors.DocxDamaged;
        }
        using (document)
        {
            try
            {
                var body = document.MainDocumentPart?.Document?.Body;
                if (body is null)
                {
                    return ReadErrors.DocxDamaged;
                }
                return new Walker(document.MainDocumentPart!, limits, ct).Read(body);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return ReadErrors.DocxDamaged;
            }
#pragma warning restore CA1031
        }
    }

    /// <summary>
    /// The zip must open and hold a Word main document; other Office files and zips are named in the message. Then
    /// <see cref="DocxGuard"/> reads its XML as a stream, so no part the Open XML SDK would choke on (too deep, too
    /// large, a zip bomb) ever reaches it.
    /// </summary>
    private static Error? CheckZip(ReadOnlyMemory<byte> content, ReadLimits limits, CancellationToken ct)
    {
        try
        {
            using var zip = new ZipArchive(Stream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            string? contentTypes = null;
            if (zip.GetEntry("[Content_Types].xml") is { Length: < 1024 * 1024 } types)
            {
                using var reader = new StreamReader(types.Open());
                contentTypes = reader.ReadToEnd();
            }
            var isWord = contentTypes?.Contains("wordprocessingml", StringComparison.Ordinal) == true || names.Contains("word/document.xml");
            if (!isWord)
            {
                return ReadErrors.DocxNotWord(
                    names.Contains("xl/workbook.xml") ? " (det er et Excel-regneark)"
                    : names.Contains("ppt/presentation.xml") ? " (det er en PowerPoint-præsentation)"
                    : names.Contains("content.xml") && names.Contains("mimetype") ? " (det er et OpenDocument-dokument)"
                    : "");
            }
            var unpacked = zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase)).Sum(e => e.Length);
            if (unpacked > limits.MaxBytes * 10)
            {
                return ReadErrors.TooLargeUnpacked(unpacked, limits.MaxBytes * 10);
            }
            return DocxGuard.Check(zip, ct);
        }
#pragma warning disable CA1031
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return ReadErrors.DocxDamaged;
        }
    }

    /// <summary>A read-only stream over the bytes, without a copy when they are an array's.</summary>
    private static MemoryStream Stream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    [GeneratedRegex(@"^(?:heading|overskrift)\s*([1-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingName();

    /// <summary>Walks the body once, writing lines to a sink.</summary>
    private sealed class Walker(MainDocumentPart main, ReadLimits limits, CancellationToken ct)
    {
        private readonly LineSink sink = new();
        private readonly Styles styles = new(main.StyleDefinitionsPart?.Styles);
        private readonly List<ImportWarning> warnings = [];
        private readonly Numbering numbering = new(main.NumberingDefinitionsPart?.Numbering);
        private Paragraph? previous;
        private int paragraphs;

        /// <summary>Paragraph-level section ends after which the next section starts on a new page.</summary>
        private HashSet<SectionProperties> sectionStarts = [];

        public Result<SourceDocument> Read(Body body)
        {
            var sections = body.Descendants<SectionProperties>().ToList();
            sectionStarts = [];
            for (var i = 0; i + 1 < sections.Count; i++)
            {
                // A section's break type says how the next section starts; "nextPage" is the default.
                var type = sections[i + 1].GetFirstChild<SectionType>()?.Val?.InnerText;
                if (type is not ("continuous" or "nextColumn"))
                {
                    sectionStarts.Add(sections[i]);
                }
            }
            Blocks(body);
            // Text boxes are drawings (with a fallback copy of their text): left out, but not silently.
            if (body.Descendants().Any(e => e.LocalName == "txbxContent" && e.InnerText.Trim().Length > 0))
            {
                warnings.Add(new ImportWarning(0, "", "Dokumentet har tekstbokse; deres tekst er ikke læst med. Flyt teksten ud af tekstboksene, hvis den skal importeres."));
            }
            if (sink.Page > limits.MaxPages)
            {
                return ReadErrors.TooManyPages(sink.Page, limits.MaxPages);
            }
            if (!sink.HasText)
            {
                return ReadErrors.NoText;
            }
            return new SourceDocument(SourceFormat.Docx, sink.Lines, sink.Lines[^1].Page, warnings);
        }

        private void Blocks(OpenXmlElement parent)
        {
            foreach (var child in parent.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        ReadParagraph(paragraph);
                        break;
                    case Table table:
                        ReadTable(table);
                        break;
                    case SectionProperties or TableProperties or TableGrid or ParagraphProperties or RunProperties or AlternateContentFallback:
                        break;
                    default:
                        // Content controls, custom XML and the like wrap ordinary paragraphs.
                        Blocks(child);
                        break;
                }
            }
        }

        private void ReadTable(Table table)
        {
            var rows = 0;
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = row.Elements<TableCell>().ToList();
                var filled = cells.Where(c => c.InnerText.Trim().Length > 0).ToList();
                if (filled.Count <= 1 || cells.Any(c => c.Descendants<Table>().Any()))
                {
                    // A layout table: its cells' paragraphs are the document's paragraphs.
                    foreach (var cell in filled)
                    {
                        Blocks(cell);
                    }
                    continue;
                }
                var line = new Line();
                foreach (var cell in cells)
                {
                    if (line.Length > 0)
                    {
                        line.Append("\t", bold: null, size: null);
                    }
                    var first = true;
                    foreach (var paragraph in cell.Descendants<Paragraph>())
                    {
                        if (!first)
                        {
                            line.Append(" ", bold: null, size: null);
                        }
                        first = false;
                        Runs(paragraph, line, softBreak: () => line.Append(" ", bold: null, size: null));
                    }
                }
                // A table of data is a block of its own, as paragraph breaks around it.
                if (rows++ == 0)
                {
                    sink.Blank();
                }
                Emit(line, null);
                previous = null;
            }
            if (rows > 0)
            {
                sink.Blank();
            }
        }

        private void ReadParagraph(Paragraph paragraph)
        {
            if (++paragraphs % 1000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            var properties = paragraph.ParagraphProperties;
            var styleId = properties?.ParagraphStyleId?.Val?.Value;
            if (sink.Lines.Count > 0 && styles.ParagraphFlag<PageBreakBefore>(properties, styleId))
            {
                NewPage();
            }
            var heading = styles.HeadingLevel(properties, styleId);
            var line = new Line();
            if (numbering.Label(properties, styleId, styles) is { } label)
            {
                line.Append(label, bold: null, size: null);
            }
            Gap(paragraph);
            var pageBreaks = 0;
            Runs(paragraph, line, softBreak: () => Emit(line, heading), pageBreak: () =>
            {
                Emit(line, heading);
                NewPage();
                pageBreaks++;
            });
            // An empty paragraph is visible space; one that only breaks the page is not (a page end is no paragraph break).
            if (line.Length == 0 && line.Lines == 0 && pageBreaks == 0)
            {
                sink.Blank();
            }
            Emit(line, heading);
            previous = paragraph;
            if (properties?.SectionProperties is { } section && sectionStarts.Contains(section))
            {
                NewPage();
            }
        }

        /// <summary>A blank line when the paragraph spacing between the previous paragraph and this one is visible.</summary>
        private void Gap(Paragraph? current)
        {
            if (previous is null || current is null)
            {
                return;
            }
            var (above, below) = (previous.ParagraphProperties, current.ParagraphProperties);
            var (aboveStyle, belowStyle) = (above?.ParagraphStyleId?.Val?.Value, below?.ParagraphStyleId?.Val?.Value);
            if (aboveStyle == belowStyle && styles.ParagraphFlag<ContextualSpacing>(below, belowStyle))
            {
                return;
            }
            var after = styles.Spacing(above, aboveStyle, s => s.After, s => s.AfterAutoSpacing);
            var before = styles.Spacing(below, belowStyle, s => s.Before, s => s.BeforeAutoSpacing);
            if (after + before >= BlankSpacing)
            {
                sink.Blank();
            }
        }

        private void NewPage()
        {
            sink.Page++;
        }

        private void Emit(Line line, int? heading)
        {
            if (line.Length == 0)
            {
                return;
            }
            sink.Add(line.Text, heading, line.Size, line.Bold);
            line.Clear();
        }

        /// <summary>The paragraph's visible text, run by run; deleted and hidden text, field codes and drawings' text boxes are skipped.</summary>
        private void Runs(Paragraph paragraph, Line line, Action softBreak, Action? pageBreak = null)
        {
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            foreach (var run in Visible(paragraph))
            {
                if (styles.Hidden(run.RunProperties, styleId))
                {
                    continue;
                }
                var bold = styles.Bold(run.RunProperties, styleId);
                var size = styles.Size(run.RunProperties, styleId);
                foreach (var item in run.ChildElements)
                {
                    switch (item)
                    {
                        case Text text:
                            line.Append(text.Text, bold, size);
                            break;
                        case TabChar or PositionalTab:
                            line.Append("\t", bold: null, size: null);
                            break;
                        case NoBreakHyphen:
                            line.Append("-", bold, size);
                            break;
                        case Break br when br.Type?.InnerText == "page":
                            (pageBreak ?? softBreak)();
                            break;
                        case Break or CarriageReturn:
                            softBreak();
                            break;
                    }
                }
            }
        }

        private static IEnumerable<Run> Visible(OpenXmlElement parent)
        {
            foreach (var child in parent.ChildElements)
            {
                switch (child)
                {
                    case Run run:
                        yield return run;
                        break;
                    case ParagraphProperties or DeletedRun or MoveFromRun or Drawing or Picture or EmbeddedObject
                        or AlternateContent or Paragraph or Table:
                        break;
                    default:
                        foreach (var run in Visible(child))
                        {
                            yield return run;
                        }
                        break;
                }
            }
        }
    }

    /// <summary>One line being built, with how many of its characters are bold and in which sizes.</summary>
    private sealed class Line
    {
        private readonly StringBuilder text = new();
        private readonly Dictionary<double, int> sizes = [];
        private int letters;
        private int boldLetters;

        public int Length => text.Length;

        /// <summary>Lines already emitted from the same paragraph (soft breaks).</summary>
        public int Lines { get; private set; }

        /// <summary>Starts the paragraph's next line after a soft break.</summary>
        public void Clear()
        {
            text.Clear();
            sizes.Clear();
            letters = 0;
            boldLetters = 0;
            Lines++;
        }

        public string Text => text.ToString();

        public bool Bold => letters > 0 && boldLetters == letters;

        public double? Size => sizes.Count == 0 ? null : sizes.OrderByDescending(s => s.Value).ThenByDescending(s => s.Key).First().Key;

        public void Append(string? value, bool? bold, double? size)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }
            text.Append(value);
            if (bold is null)
            {
                return;
            }
            var count = value.Count(c => !char.IsWhiteSpace(c));
            letters += count;
            boldLetters += bold.Value ? count : 0;
            if (size is { } s && count > 0)
            {
                sizes[s] = sizes.GetValueOrDefault(s) + count;
            }
        }
    }

    /// <summary>The style definitions, resolved through basedOn chains (with a guard against cycles).</summary>
    private sealed class Styles
    {
        private readonly Dictionary<string, Style> byId = new(StringComparer.Ordinal);
        private readonly string? defaultParagraph;
        private readonly OpenXmlElement? runDefaults;
        private readonly OpenXmlElement? paragraphDefaults;

        public Styles(DocumentFormat.OpenXml.Wordprocessing.Styles? styles)
        {
            if (styles is null)
            {
                return;
            }
            foreach (var style in styles.Elements<Style>())
            {
                if (style.StyleId?.Value is { } id)
                {
                    byId.TryAdd(id, style);
                    if (style.Type?.InnerText == "paragraph" && On(style.Default))
                    {
                        defaultParagraph ??= id;
                    }
                }
            }
            runDefaults = styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
            paragraphDefaults = styles.DocDefaults?.ParagraphPropertiesDefault?.ParagraphPropertiesBaseStyle;
        }

        /// <summary>The style and the ones it is based on, nearest first.</summary>
        public IEnumerable<Style> Chain(string? styleId)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var id = styleId; id is not null && seen.Count < MaxStyleDepth && seen.Add(id) && byId.TryGetValue(id, out var style); id = style.BasedOn?.Val?.Value)
            {
                yield return style;
            }
        }

        private IEnumerable<Style> ParagraphChain(string? styleId) =>
            Chain(styleId is not null && byId.ContainsKey(styleId) ? styleId : defaultParagraph);

        public int? HeadingLevel(ParagraphProperties? properties, string? styleId)
        {
            if (Outline(properties?.OutlineLevel) is { } direct)
            {
                return direct;
            }
            foreach (var style in ParagraphChain(styleId))
            {
                var name = style.StyleName?.Val?.Value?.Trim() ?? "";
                foreach (var candidate in new[] { name, style.StyleId?.Value ?? "" })
                {
                    if (HeadingName().Match(candidate) is { Success: true } match)
                    {
                        return match.Groups[1].Value[0] - '0';
                    }
                    if (candidate.Equals("title", StringComparison.OrdinalIgnoreCase) || candidate.Equals("titel", StringComparison.OrdinalIgnoreCase))
                    {
                        return 1;
                    }
                }
                var outline = style.StyleParagraphProperties?.OutlineLevel;
                if (Int(outline?.Val) is not null)
                {
                    return Outline(outline);
                }
            }
            return null;
        }

        /// <summary>0-8 are heading levels 1-9; 9 is body text.</summary>
        private static int? Outline(OutlineLevel? level) =>
            Int(level?.Val) is { } value and >= 0 and <= 8 ? value + 1 : null;

        public bool ParagraphFlag<T>(ParagraphProperties? properties, string? styleId) where T : OnOffType
        {
            if (properties?.GetFirstChild<T>() is { } direct)
            {
                return On(direct.Val);
            }
            foreach (var style in ParagraphChain(styleId))
            {
                if (style.StyleParagraphProperties?.GetFirstChild<T>() is { } inherited)
                {
                    return On(inherited.Val);
                }
            }
            return paragraphDefaults?.GetFirstChild<T>() is { } fallback && On(fallback.Val);
        }

        public int Spacing(ParagraphProperties? properties, string? styleId, Func<SpacingBetweenLines, StringValue?> value, Func<SpacingBetweenLines, OnOffValue?> auto)
        {
            var sources = new List<OpenXmlElement?> { properties };
            sources.AddRange(ParagraphChain(styleId).Select(s => s.StyleParagraphProperties));
            sources.Add(paragraphDefaults);
            foreach (var source in sources)
            {
                if (source?.GetFirstChild<SpacingBetweenLines>() is not { } spacing)
                {
                    continue;
                }
                if (auto(spacing) is { } automatic && On(automatic))
                {
                    return 280;
                }
                if (value(spacing)?.Value is { } twips && int.TryParse(twips, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result))
                {
                    return result;
                }
            }
            return 0;
        }

        public bool Bold(RunProperties? run, string? paragraphStyle) =>
            RunValue<bool>(run, paragraphStyle, e => e.GetFirstChild<Bold>() is { } b ? On(b.Val) : null) ?? false;

        /// <summary>Hidden text (w:vanish) is not printed, so not read.</summary>
        public bool Hidden(RunProperties? run, string? paragraphStyle) =>
            RunValue<bool>(run, paragraphStyle, e => e.GetFirstChild<Vanish>() is { } v ? On(v.Val) : null) ?? false;

        public double? Size(RunProperties? run, string? paragraphStyle) =>
            RunValue<double>(run, paragraphStyle, e => e.GetFirstChild<FontSize>()?.Val?.Value is { } half
                && double.TryParse(half, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value / 2 : null)
            ?? 10; // Word's size when nothing says otherwise.

        /// <summary>A run property from the run, its character style, the paragraph style, then the document defaults.</summary>
        private T? RunValue<T>(RunProperties? run, string? paragraphStyle, Func<OpenXmlElement, T?> read) where T : struct
        {
            if (run is not null && read(run) is { } direct)
            {
                return direct;
            }
            foreach (var style in Chain(run?.RunStyle?.Val?.Value))
            {
                if (style.StyleRunProperties is { } properties && read(properties) is { } character)
                {
                    return character;
                }
            }
            foreach (var style in ParagraphChain(paragraphStyle))
            {
                if (style.StyleRunProperties is { } properties && read(properties) is { } inherited)
                {
                    return inherited;
                }
            }
            return runDefaults is null ? null : read(runDefaults);
        }
    }

    /// <summary>An on/off property: present without a value means on; a value Word cannot read counts as on too.</summary>
    private static bool On(OnOffValue? value) => value?.InnerText?.Trim().ToLowerInvariant() is not ("0" or "false" or "off");

    /// <summary>
    /// An integer attribute read from its text: the SDK's typed value throws on text it cannot parse, and one odd
    /// attribute must not make a whole document unreadable.
    /// </summary>
    private static int? Int(Int32Value? value) =>
        int.TryParse(value?.InnerText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) ? result : null;
}
