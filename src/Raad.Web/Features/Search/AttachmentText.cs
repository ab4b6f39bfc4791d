using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Raad.Web.Features.Import;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Raad.Web.Features.Search;

/// <summary>How much work reading an attachment's words may cause (section Raad:AttachmentText).</summary>
public sealed class AttachmentTextOptions
{
    /// <summary>Characters kept per attachment: 2 million is some 600 pages of prose; the rest is not searched.</summary>
    public int MaxChars { get; set; } = 2_000_000;

    /// <summary>PDF pages read; later pages are not searched.</summary>
    public int MaxPages { get; set; } = 2000;

    /// <summary>How long one file may be read, in the background. A file that takes longer is given up ("" = no words).</summary>
    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>Files up to this size are read in the upload's own request, so they are searchable at once; larger ones in the background.</summary>
    public long ReadAtUploadMaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>How long an upload waits for the reading; past it the background reads the file instead.</summary>
    public double ReadAtUploadSeconds { get; set; } = 10;

    /// <summary>How often the background looks for unread attachments; 0 turns it off (the tests run a pass themselves).</summary>
    public double PollSeconds { get; set; } = 30;

    /// <summary>Attachments saved together in the background: one content stamp (public page cache) per batch.</summary>
    public int BatchSize { get; set; } = 10;
}

/// <summary>
/// The words of an attachment for search: PDF with PdfPig, DOCX with the Open XML SDK, XLSX's cell text; anything else
/// (images) has none. Never throws on the file, whatever it holds: a damaged, encrypted or hostile file gives "" (read,
/// no words), so it is never read again. The work is bounded: pages and characters by <see cref="AttachmentTextOptions"/>,
/// Word and Excel files first pass the importer's <see cref="DocxGuard"/> (zip bombs, deep nesting, huge XML), and
/// <see cref="ReadWithinAsync"/> bounds the time. Whitespace is collapsed to single spaces, invisible format characters
/// and unpaired surrogates dropped (PostgreSQL refuses them), and the text NFKC-normalised (ligatures "ﬁ" become "fi").
/// </summary>
public static class AttachmentText
{
    /// <summary>The words, or "" when the file has none or cannot be read. Throws only when <paramref name="ct"/> is cancelled.</summary>
    public static string Read(byte[] content, AttachmentTextOptions limits, CancellationToken ct)
    {
        try
        {
            var words = new Words(Math.Max(0, limits.MaxChars));
            if (IsPdf(content))
            {
                ReadPdf(content, Math.Max(0, limits.MaxPages), words, ct);
            }
            else if (content.AsSpan().StartsWith("PK\x03\x04"u8))
            {
                ReadOffice(content, words, ct);
            }
            return words.ToText();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // PdfPig, the zip and XML layers throw many kinds of exceptions on bad files; each is the file's, not a bug.
        catch (Exception)
#pragma warning restore CA1031
        {
            return "";
        }
    }

    /// <summary>
    /// <see cref="Read(byte[], AttachmentTextOptions, CancellationToken)"/> on the thread pool, given up after
    /// <paramref name="timeout"/>: null when time ran out (the reading stops at its next page or part).
    /// </summary>
    public static async Task<string?> ReadWithinAsync(byte[] content, AttachmentTextOptions limits, TimeSpan timeout, CancellationToken ct)
    {
        using var time = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeout <= TimeSpan.Zero)
        {
            // No time at all: given up before it starts (CancelAfter(0) would race the reading).
            time.Cancel();
        }
        else
        {
            time.CancelAfter(timeout);
        }
        try
        {
            return await Task.Run(() => Read(content, limits, time.Token), CancellationToken.None).WaitAsync(time.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>At upload: read in the request when the file is small enough, else (or when it takes too long) null for the background.</summary>
    public static Task<string?> AtUploadAsync(byte[] content, AttachmentTextOptions limits, CancellationToken ct) =>
        content.Length > limits.ReadAtUploadMaxBytes
            ? Task.FromResult<string?>(null)
            : ReadWithinAsync(content, limits, TimeSpan.FromSeconds(limits.ReadAtUploadSeconds), ct);

    /// <summary>Text as it is kept: whitespace collapsed, nothing PostgreSQL refuses, NFKC, at most <paramref name="max"/> characters.</summary>
    internal static string Normalise(string text, int max)
    {
        var words = new Words(max);
        words.Add(text);
        return words.ToText();
    }

    /// <summary>The header may follow some junk within the first kilobyte, as readers accept.</summary>
    private static bool IsPdf(byte[] content) => content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    /// <summary>Words page by page (PdfPig's nearest-neighbour words, so PDFs without space characters read too); a damaged page is skipped.</summary>
    private static void ReadPdf(byte[] content, int maxPages, Words words, CancellationToken ct)
    {
        using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false });
        var pages = Math.Min(document.NumberOfPages, maxPages);
        for (var number = 1; number <= pages && !words.Full; number++)
        {
            ct.ThrowIfCancellationRequested();
            IEnumerable<string> texts;
            try
            {
                var page = document.GetPage(number);
                texts = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters).Select(w => w.Text).ToList();
            }
            catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException)
            {
                return;
            }
#pragma warning disable CA1031 // One damaged page: the others are still worth searching.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                continue;
            }
            foreach (var text in texts)
            {
                words.Break();
                words.Add(text);
            }
            words.Break();
        }
    }

    /// <summary>A zip: a Word document or an Excel workbook, after the guard has read every XML part as a stream.</summary>
    private static void ReadOffice(byte[] content, Words words, CancellationToken ct)
    {
        bool word, excel;
        using (var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read))
        {
            word = zip.GetEntry("word/document.xml") is not null;
            excel = zip.GetEntry("xl/workbook.xml") is not null;
            if ((!word && !excel) || DocxGuard.Check(zip, ct) is not null)
            {
                return;
            }
        }
        if (word)
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false);
            if (document.MainDocumentPart?.Document?.Body is { } body)
            {
                ReadWord(body, words, ct);
            }
        }
        else
        {
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
            ReadExcel(workbook, words, ct);
        }
    }

    /// <summary>The body's text in order: runs join as written (a word split over runs stays one), paragraphs, tabs and breaks separate.</summary>
    private static void ReadWord(W.Body body, Words words, CancellationToken ct)
    {
        var seen = 0;
        foreach (var element in body.Descendants())
        {
            if ((++seen & 0x3FF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            switch (element)
            {
                case W.Text text:
                    words.Add(text.Text);
                    break;
                case W.Paragraph or W.TabChar or W.Break or W.CarriageReturn or W.TableCell:
                    words.Break();
                    break;
                case W.NoBreakHyphen:
                    words.Add("-");
                    break;
            }
            if (words.Full)
            {
                return;
            }
        }
    }

    /// <summary>The workbook's strings (shared and inline): the words people type into cells. Numbers are not searched.</summary>
    private static void ReadExcel(SpreadsheetDocument workbook, Words words, CancellationToken ct)
    {
        var part = workbook.WorkbookPart;
        if (part is null)
        {
            return;
        }
        var strings = part.SharedStringTablePart?.SharedStringTable?.Elements<X.SharedStringItem>() ?? [];
        foreach (var item in strings)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var text in item.Descendants<X.Text>())
            {
                words.Add(text.Text);
            }
            words.Break();
            if (words.Full)
            {
                return;
            }
        }
        foreach (var sheet in part.WorksheetParts)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var inline in sheet.Worksheet?.Descendants<X.InlineString>() ?? [])
            {
                words.Add(inline.InnerText);
                words.Break();
                if (words.Full)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Collects text up to a number of characters, with whitespace collapsed and nothing PostgreSQL would refuse.</summary>
    private sealed class Words(int max)
    {
        private readonly StringBuilder text = new();
        private bool pendingSpace;

        /// <summary>One letter past the limit: enough to tell whether the limit falls inside a word.</summary>
        public bool Full => text.Length > max;

        /// <summary>A word boundary: one space before the next letter, none at the start or end.</summary>
        public void Break() => pendingSpace = text.Length > 0;

        public void Add(string? piece)
        {
            if (piece is null)
            {
                return;
            }
            for (var i = 0; i < piece.Length && !Full; i++)
            {
                var c = piece[i];
                if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < piece.Length && char.IsLowSurrogate(piece[i + 1]))
                    {
                        Letter(c);
                        text.Append(piece[++i]);
                    }
                    continue;
                }
                if (char.IsLowSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
                {
                    continue;
                }
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    Break();
                    continue;
                }
                Letter(c);
            }
        }

        private void Letter(char c)
        {
            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }
            text.Append(c);
        }

        /// <summary>NFKC, then cut at the last word boundary within the limit (normalising may also lengthen the text).</summary>
        public string ToText()
        {
            var result = text.ToString().Normalize(NormalizationForm.FormKC);
            if (result.Length > max)
            {
                var cut = result.LastIndexOf(' ', max);
                result = cut > 0 ? result[..cut] : "";
            }
            return result;
        }
    }
}
