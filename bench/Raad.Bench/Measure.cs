using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Raad.Web.Features.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Raad.Bench;

/// <summary>One timed window: wall time, and the CPU seconds of the server (with Chromium), of this process (with the
/// LibreOffice runs) and of other work on the machine.</summary>
internal sealed record Sample(double Seconds, double ServerCpu, double BenchCpu, double OtherCpu, int BusyBefore, double? Exact = null);

/// <summary>
/// Runs the documents benchmark against a running Raad (the real `raad serve`, started by bench/documents.sh on the
/// seeded database) and LibreOffice on this machine, side by side: every round measures all five in turn.
/// </summary>
internal sealed partial class Measure(Options options)
{
    public const string BodyName = "Politisk Sundhedsklynge Syd";
    private static readonly DateOnly August = new(2025, 8, 27);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly string url = options.Require("url").TrimEnd('/');
    private readonly string database = options.Require("db");
    private readonly string contentRoot = options.Require("content-root");
    private readonly string work = options.Require("work");
    private readonly int serverPid = options.Int("server-pid", 0);
    private readonly int rounds = options.Int("rounds", 5);
    private readonly int quietWait = options.Int("quiet-wait", 600);
    private readonly int quietBusy = options.Int("quiet-busy", 15);
    private readonly int maxOtherPct = options.Int("max-other-pct", 10);
    private readonly int retries = options.Int("retries", 3);
    private readonly string soffice = options.Get("soffice") ?? "soffice";
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromMinutes(3) };
    private int discarded;
    private int notQuiet;

    private sealed record Step(string Key, string Label, Func<Task<Sample>> Run);

    public async Task<int> RunAsync()
    {
        var august = MeetingId(August);
        var synthetic = MeetingId(Synthetic.Date);
        Directory.CreateDirectory(work);
        var profile = Path.Combine(work, "lo-profile");
        var augustDocx = await DownloadAsync($"/api/meetings/{august}/agenda.docx", "raad-2025-08-27.docx");
        var syntheticDocx = await DownloadAsync($"/api/meetings/{synthetic}/agenda.docx", "raad-synthetic.docx");
        var attachments = WriteAttachments(synthetic);
        var pdfunite = File.Exists("/usr/bin/pdfunite") ? "/usr/bin/pdfunite" : null;

        Console.WriteLine($"Versions: {Version("/usr/bin/chromium", "--version")}; {Version(soffice, "--version")}");
        Console.WriteLine($"Raad at {url} (server pid {serverPid}); meetings: 27 Aug 2025 = {august}, synthetic 2 Dec 2025 = {synthetic}");
        Console.WriteLine($"Load average before: {Machine.LoadAverage()}");

        var steps = new List<Step>
        {
            new("a", "Raad: 27 Aug 2025 agenda.pdf (HTTP GET)", () => Timed(() => RaadPdfAsync(august, "raad-2025-08-27.pdf"))),
            new("b", "LibreOffice: 27 Aug 2025 agenda.docx → PDF", () => Timed(() => LibreOfficeAsync(augustDocx, profile, "lo-august"))),
            new("c", "Raad: synthetic 40-item agenda.pdf (HTTP GET)", () => Timed(() => RaadPdfAsync(synthetic, "raad-synthetic.pdf"))),
            new("d", "LibreOffice: synthetic agenda.docx → PDF", () => Timed(() => LibreOfficeAsync(syntheticDocx, profile, "lo-synthetic"))),
            new("e", "Raad: synthetic package.pdf, built fresh (agenda + 120 attachment pages)", () => Timed(() => PackageAsync(synthetic))),
        };
        if (pdfunite is not null)
        {
            steps.Add(new("g", "LibreOffice route to a package: (d) + pdfunite of the agenda and the 40 attachments",
                () => Timed(() => LibreOfficePackageAsync(syntheticDocx, profile, pdfunite, attachments))));
        }
        var tiny = Path.Combine(work, "one-line.txt");
        await File.WriteAllTextAsync(tiny, "Dagsorden\n");
        steps.Add(new("h", "LibreOffice start and stop alone: a one-line text file → PDF", () => Timed(() => LibreOfficeAsync(tiny, profile, "lo-tiny"))));

        Console.WriteLine();
        Console.WriteLine("Warm-up (one of each, not counted; starts Chromium in the server and creates the LibreOffice profile):");
        foreach (var step in steps)
        {
            var watch = Stopwatch.StartNew();
            await step.Run();
            Console.WriteLine($"  ({step.Key}) {watch.Elapsed.TotalSeconds:0.000} s incl. quiet wait");
        }

        var samples = steps.ToDictionary(s => s.Key, _ => new List<Sample>());
        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine();
            Console.WriteLine($"Round {round} of {rounds}:");
            foreach (var step in steps)
            {
                var sample = await step.Run();
                samples[step.Key].Add(sample);
                Console.WriteLine($"  ({step.Key}) {sample.Seconds:0.000} s{(sample.Exact is { } x ? $" (build finished after {x:0.000} s)" : "")};"
                    + $" CPU s: server+Chromium {sample.ServerCpu:0.00}, bench+LibreOffice {sample.BenchCpu:0.00}, other {sample.OtherCpu:0.00}; busy before {sample.BusyBefore}%");
            }
        }

        var checks = Checks();
        Console.WriteLine();
        Console.WriteLine($"Load average after: {Machine.LoadAverage()}; measurements discarded as disturbed by other work: {discarded};"
            + $" quiet waits that ran out: {notQuiet}");
        Report(steps, samples, checks);

        Console.WriteLine();
        Console.WriteLine("Breakdown (in-process, this bench's own Chromium; the server above is idle meanwhile) ...");
        await new Breakdown(database, contentRoot, rounds, GuardAsync).RunAsync(august, synthetic);
        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}; measurements and breakdown rounds discarded as disturbed: {discarded}");
        return 0;
    }

    private int MeetingId(DateOnly date)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m."Id" FROM "Meetings" m JOIN "Bodies" b ON b."Id" = m."BodyId"
            WHERE b."Name" = $body AND m."Date" = $date
            """;
        command.Parameters.AddWithValue("$body", BodyName);
        command.Parameters.AddWithValue("$date", date.ToString("yyyy-MM-dd", Invariant));
        return Convert.ToInt32(command.ExecuteScalar() ?? throw new InvalidOperationException($"No meeting on {date:yyyy-MM-dd}"), Invariant);
    }

    private async Task<string> DownloadAsync(string path, string file)
    {
        using var response = await http.GetAsync(url + path);
        response.EnsureSuccessStatusCode();
        var target = Path.Combine(work, file);
        await File.WriteAllBytesAsync(target, await response.Content.ReadAsByteArrayAsync());
        return target;
    }

    /// <summary>The synthetic meeting's PDF attachments as files, in item order, for the LibreOffice route's merge.</summary>
    private List<string> WriteAttachments(int meetingId)
    {
        var folder = Path.Combine(work, "attachments");
        Directory.CreateDirectory(folder);
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a."Content" FROM "Attachments" a JOIN "AgendaItems" i ON i."Id" = a."AgendaItemId"
            WHERE i."MeetingId" = $meeting ORDER BY i."Position", a."Order"
            """;
        command.Parameters.AddWithValue("$meeting", meetingId);
        using var reader = command.ExecuteReader();
        var files = new List<string>();
        while (reader.Read())
        {
            var file = Path.Combine(folder, $"{files.Count + 1:00}.pdf");
            File.WriteAllBytes(file, (byte[])reader[0]);
            files.Add(file);
        }
        return files;
    }

    /// <summary>
    /// Waits for a quiet machine, runs the measurement and counts the CPU time of the server tree (Raad, its Playwright
    /// driver, Chromium), of this process's tree (with the LibreOffice runs it waited for, and the breakdown's Chromium)
    /// and of other work; repeats a run that other work disturbed (more than max-other-pct % of the machine).
    /// </summary>
    private async Task<Sample> Timed(Func<Task<(double Seconds, double? Exact)>> run)
    {
        for (var attempt = 0; ; attempt++)
        {
            var sample = await AccountAsync(run);
            if (!Disturbed(sample))
            {
                return sample;
            }
            if (attempt >= retries)
            {
                Console.Error.WriteLine($"warning: still disturbed after {retries} retries (other work {sample.OtherCpu:0.00} CPU s); keeping this run");
                return sample;
            }
            discarded++;
            Console.WriteLine($"    disturbed by other work ({sample.OtherCpu:0.00} CPU s in {sample.Seconds:0.000} s): discarded, repeating");
        }
    }

    private bool Disturbed(Sample sample) => sample.OtherCpu > sample.Seconds * Environment.ProcessorCount * maxOtherPct / 100.0;

    private async Task<Sample> AccountAsync(Func<Task<(double Seconds, double? Exact)>> run)
    {
        var (busy, quiet) = await Machine.WaitQuietAsync(quietWait, quietBusy);
        if (!quiet)
        {
            notQuiet++;
            Console.Error.WriteLine($"warning: the machine stayed busy ({busy}% CPU) for {quietWait}s; measuring anyway");
        }
        var machine0 = Machine.BusySeconds();
        var server0 = serverPid > 0 ? Machine.TreeSeconds(serverPid) : 0;
        var self0 = Machine.TreeSeconds(Environment.ProcessId);
        var (seconds, exact) = await run();
        var machine1 = Machine.BusySeconds();
        var server1 = serverPid > 0 ? Machine.TreeSeconds(serverPid) : 0;
        var self1 = Machine.TreeSeconds(Environment.ProcessId);
        var server = server1 - server0;
        var self = self1 - self0;
        return new Sample(seconds, server, self, Math.Max(0, machine1 - machine0 - server - self), busy, exact);
    }

    private int guardAttempts;

    /// <summary>For the breakdown: one round under the same accounting; false when other work disturbed it (do it again).</summary>
    private async Task<bool> GuardAsync(Func<Task> run)
    {
        var sample = await AccountAsync(async () =>
        {
            var watch = Stopwatch.StartNew();
            await run();
            return (watch.Elapsed.TotalSeconds, null);
        });
        if (!Disturbed(sample) || guardAttempts >= retries)
        {
            guardAttempts = 0;
            return true;
        }
        guardAttempts++;
        discarded++;
        Console.WriteLine($"    breakdown round disturbed by other work ({sample.OtherCpu:0.00} CPU s in {sample.Seconds:0.000} s): discarded, repeating");
        return false;
    }

    private async Task<(double, double?)> RaadPdfAsync(int meetingId, string file)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync($"{url}/api/meetings/{meetingId}/agenda.pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode || !bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            throw new InvalidOperationException($"agenda.pdf of meeting {meetingId}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(300, bytes.Length)))}");
        }
        await File.WriteAllBytesAsync(Path.Combine(work, file), bytes);
        return (watch.Elapsed.TotalSeconds, null);
    }

    /// <summary>
    /// soffice --headless --convert-to pdf, one process per conversion (the way the command line is used), with a
    /// profile that the warm-up has already created. Only the conversion is timed; the DOCX was downloaded before.
    /// </summary>
    private async Task<(double, double?)> LibreOfficeAsync(string docx, string profile, string outName)
    {
        var outDir = Path.Combine(work, outName);
        var pdf = Path.Combine(outDir, Path.ChangeExtension(Path.GetFileName(docx), ".pdf"));
        Directory.CreateDirectory(outDir);
        File.Delete(pdf);
        var watch = Stopwatch.StartNew();
        await RunAsync(soffice, $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, docx);
        watch.Stop();
        if (!File.Exists(pdf))
        {
            throw new InvalidOperationException($"LibreOffice wrote no {pdf}");
        }
        return (watch.Elapsed.TotalSeconds, null);
    }

    private async Task<(double, double?)> LibreOfficePackageAsync(string docx, string profile, string pdfunite, List<string> attachments)
    {
        var watch = Stopwatch.StartNew();
        await LibreOfficeAsync(docx, profile, "lo-package");
        var agenda = Path.Combine(work, "lo-package", Path.ChangeExtension(Path.GetFileName(docx), ".pdf"));
        await RunAsync(pdfunite, [agenda, .. attachments, Path.Combine(work, "lo-package", "package.pdf")]);
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, null);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await output} {await error}");
        }
    }

    /// <summary>
    /// A package built fresh: the cached builds are deleted first (outside the timed window), then the clock runs from
    /// the first request (202, queued) until a GET answers 200 with the PDF. The database is polled every 10 ms for the
    /// build's status (no HTTP polling, which would render the agenda's HTML in the server at every look). Exact: the
    /// server's own FinishedAt of the build (same machine clock) minus the moment the first request was sent.
    /// </summary>
    private async Task<(double, double?)> PackageAsync(int meetingId)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = """DELETE FROM "PackageBuilds" """;
            delete.ExecuteNonQuery();
        }
        var packageUrl = $"{url}/api/meetings/{meetingId}/package.pdf";
        var started = TimeProvider.System.GetUtcNow();
        var watch = Stopwatch.StartNew();
        using (var first = await http.GetAsync(packageUrl))
        {
            if (first.StatusCode != System.Net.HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"package.pdf: expected 202 for a fresh build, got {(int)first.StatusCode}");
            }
        }
        using var poll = connection.CreateCommand();
        poll.CommandText = """SELECT "Status", "FinishedAt", "Message" FROM "PackageBuilds" ORDER BY "Id" DESC LIMIT 1""";
        DateTimeOffset? finished = null;
        while (watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            using (var reader = poll.ExecuteReader())
            {
                if (reader.Read() && reader.GetString(0) is "Done" or "Failed")
                {
                    if (reader.GetString(0) == "Failed")
                    {
                        throw new InvalidOperationException($"package build failed: {reader[2]}");
                    }
                    finished = DateTimeOffset.Parse(reader.GetString(1), Invariant);
                    break;
                }
            }
            await Task.Delay(10);
        }
        using var done = await http.GetAsync(packageUrl);
        var bytes = await done.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (finished is null || done.StatusCode != System.Net.HttpStatusCode.OK || !bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            throw new InvalidOperationException($"package.pdf was not ready after {watch.Elapsed.TotalSeconds:0.0} s ({(int)done.StatusCode})");
        }
        await File.WriteAllBytesAsync(Path.Combine(work, "raad-package.pdf"), bytes);
        return (watch.Elapsed.TotalSeconds, (finished.Value - started).TotalSeconds);
    }

    // ---- checks on the last outputs ----

    private sealed record Check(string What, string Result);

    private List<Check> Checks()
    {
        var checks = new List<Check>();
        foreach (var (file, items, package) in new[] { ("raad-2025-08-27.pdf", 0, false), ("raad-synthetic.pdf", Synthetic.Items, false), ("raad-package.pdf", Synthetic.Items, true) })
        {
            checks.Add(new Check($"Raad {file}", RaadContents(File.ReadAllBytes(Path.Combine(work, file)), package)));
        }
        foreach (var file in new[] { "lo-august/raad-2025-08-27.pdf", "lo-synthetic/raad-synthetic.pdf" })
        {
            checks.Add(new Check($"LibreOffice {file}", LibreOfficeContents(File.ReadAllBytes(Path.Combine(work, file)))));
        }
        if (File.Exists(Path.Combine(work, "lo-package", "package.pdf")))
        {
            using var merged = PdfDocument.Open(File.ReadAllBytes(Path.Combine(work, "lo-package", "package.pdf")));
            checks.Add(new Check("LibreOffice route lo-package/package.pdf", $"{merged.NumberOfPages} pages"));
        }
        return checks;
    }

    private static string Words(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    /// <summary>
    /// Reads Raad's contents ("side N" per item, then per attachment in a package) and checks each number against the
    /// page the item really begins on: the page whose first word is "N." (the item's heading), and for an attachment
    /// the page that says "Bilag til punkt N, side 1 af 3" (written into the synthetic attachments).
    /// </summary>
    private static string RaadContents(byte[] pdf, bool package)
    {
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary.Data;
        var tagged = catalog.ContainsKey("StructTreeRoot");
        var bookmarks = document.TryGetBookmarks(out var marks) ? marks.GetNodes().Count() : 0;
        var pages = document.GetPages().Select(Words).ToList();
        // Item headings begin their page: "1. VELKOMST ..." (the print stylesheet sets them in capitals, which tells them
        // from a contents page that happens to begin with "20. Orientering: ...").
        var itemStarts = new List<int>();
        for (var n = 1; ; n++)
        {
            var from = itemStarts.Count > 0 ? itemStarts[^1] : 0;
            var page = pages.FindIndex(from, p => p.StartsWith($"{n}. ", StringComparison.Ordinal)
                && p[$"{n}. ".Length..].Split(' ')[0] is var word && word.Any(char.IsLetter) && !word.Any(char.IsLower));
            if (page < 0)
            {
                break;
            }
            itemStarts.Add(page + 1);
        }
        var contentsPages = itemStarts.Count > 0 ? itemStarts[0] - 1 : pages.Count;
        var contentsText = string.Join(" ", pages.Take(contentsPages));
        var printed = ContentsNumber().Matches(contentsText).Select(m => int.Parse(m.Groups[1].Value, Invariant)).ToList();
        var expected = new List<int>(itemStarts);
        if (package)
        {
            for (var n = 1; n <= Synthetic.Items; n++)
            {
                var first = pages.FindIndex(p => p.Contains($"Bilag til punkt {n}, side 1 af {Synthetic.PagesPerAttachment}", StringComparison.Ordinal));
                expected.Add(first + 1);
            }
        }
        var exact = printed.SequenceEqual(expected);
        var summary = $"{document.NumberOfPages} pages, {itemStarts.Count} items, contents on page(s) 1-{contentsPages}, "
            + $"{printed.Count} page numbers in the contents, {(exact ? "all equal to the pages the items" + (package ? " and attachments" : "") + " begin on" : "NOT EXACT: printed " + string.Join(",", printed) + " expected " + string.Join(",", expected))}; "
            + $"{bookmarks} bookmarks; {(tagged ? "tagged" : "not tagged")}";
        return summary;
    }

    /// <summary>What LibreOffice's PDF gives in the contents: the start of the "Indhold" text, and whether it has page numbers.</summary>
    private static string LibreOfficeContents(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary.Data;
        var tagged = catalog.ContainsKey("StructTreeRoot");
        var bookmarks = document.TryGetBookmarks(out var marks) ? marks.GetNodes().OfType<DocumentBookmarkNode>().ToList() : [];
        var pages = document.GetPages().Select(Words).ToList();
        var all = string.Join(" \u2016 ", pages.Take(3));
        var at = all.IndexOf("INDHOLD", StringComparison.OrdinalIgnoreCase);
        var excerpt = at < 0 ? "(no \"Indhold\" found on pages 1-3)" : all.Substring(at, Math.Min(260, all.Length - at));
        // Where the items begin in LibreOffice's own layout: its bookmarks of the item headings ("1. ...").
        var itemMarks = bookmarks.Where(b => ItemHeading().IsMatch(b.Title)).Select(b => $"{b.Title.Split('.')[0]}→{b.PageNumber}").Take(6);
        return $"{document.NumberOfPages} pages; {bookmarks.Count} bookmarks (first items: {string.Join(", ", itemMarks)}); {(tagged ? "tagged" : "not tagged")}; "
            + $"contents text: \"{excerpt}…\"";
    }

    [GeneratedRegex(@"(?<![\p{L}])side (\d+)(?! af)")]
    private static partial Regex ContentsNumber();

    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex ItemHeading();

    // ---- report ----

    private void Report(List<Step> steps, Dictionary<string, List<Sample>> samples, List<Check> checks)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
        string S(double v) => v.ToString("0.000", Invariant);

        Console.WriteLine();
        Console.WriteLine($"| | measurement | {string.Join(" | ", Enumerable.Range(1, rounds).Select(r => $"round {r}"))} | **median** | min | max | CPU s per run: server+Chromium / bench+LibreOffice / other (median) |");
        Console.WriteLine($"|---|---|{string.Concat(Enumerable.Repeat("---|", rounds))}---|---|---|---|");
        var medians = new Dictionary<string, double>();
        foreach (var step in steps)
        {
            var list = samples[step.Key];
            var seconds = list.Select(s => s.Seconds).ToList();
            medians[step.Key] = Median(seconds);
            Console.WriteLine($"| ({step.Key}) | {step.Label} | {string.Join(" | ", seconds.Select(S))} | **{S(Median(seconds))} s** | {S(seconds.Min())} | {S(seconds.Max())} | "
                + $"{Median(list.Select(s => s.ServerCpu)):0.00} / {Median(list.Select(s => s.BenchCpu)):0.00} / {Median(list.Select(s => s.OtherCpu)):0.00} |");
            if (list.All(s => s.Exact is not null))
            {
                var exact = list.Select(s => s.Exact!.Value).ToList();
                medians[step.Key + "x"] = Median(exact);
                Console.WriteLine($"| ({step.Key}′) | … of which until the build finished (server's FinishedAt − first request) | {string.Join(" | ", exact.Select(S))} | **{S(Median(exact))} s** | {S(exact.Min())} | {S(exact.Max())} | |");
            }
        }
        Console.WriteLine();
        Console.WriteLine("Ratios (LibreOffice median / Raad median; above 1 means Raad is faster):");
        Console.WriteLine($"  27 Aug 2025 agenda:       (b)/(a) = {medians["b"] / medians["a"]:0.00}×  (aim ≥ 2×: {(medians["b"] / medians["a"] >= 2 ? "met" : "NOT met")})");
        Console.WriteLine($"  synthetic 40-item agenda: (d)/(c) = {medians["d"] / medians["c"]:0.00}×  (aim ≥ 2×: {(medians["d"] / medians["c"] >= 2 ? "met" : "NOT met")})");
        if (medians.ContainsKey("g"))
        {
            Console.WriteLine($"  synthetic package:        (g)/(e) = {medians["g"] / medians["e"]:0.00}×");
        }
        Console.WriteLine($"  package under 2 s: (e) = {S(medians["e"])} s → {(medians["e"] < 2 ? "met" : "NOT met")}");
        Console.WriteLine();
        Console.WriteLine("Checks on the last round's files:");
        foreach (var check in checks)
        {
            Console.WriteLine($"  {check.What}: {check.Result}");
        }
    }

    private static string Version(string program, string argument)
    {
        try
        {
            var start = new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text.Split('\n')[0];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{program}: not found";
        }
    }
}
