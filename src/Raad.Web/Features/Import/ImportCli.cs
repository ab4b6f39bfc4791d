using System.CommandLine;
using System.Text.Json;
using Raad.Domain.Common;
using Raad.Domain.Import;
using Raad.Domain.Meetings;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Features.Meetings;
using Raad.Web.Infrastructure;
using static Raad.Web.Infrastructure.ApiFormat;

namespace Raad.Web.Features.Import;

public sealed record ParticipantJson(string Name, string Role, string? Group, string? Title, string? Party, string? Organisation, bool Absent);

public sealed record WarningJson(int Line, string Text, string Message);

/// <summary>The shape of GET /api/meetings/{id} (id null in a dry run), plus place and participants as the document lists them.</summary>
public sealed record ImportedMeetingJson(
    int? Id, string Title, int? BodyId, string? Body, string? Date, string? Start, string? End, string Kind, string Status,
    bool Virtual, string? Location, string? Chair, bool Overrun, IReadOnlyList<ItemDto> Items, IReadOnlyList<AttendanceDto> Attendance,
    string? Place, IReadOnlyList<ParticipantJson> Participants);

/// <summary>One object per file in `raad import --json`; documented in docs/api.md.</summary>
public sealed record ImportFileJson(string File, string? Kind, ImportedMeetingJson? Meeting, IReadOnlyList<WarningJson> Warnings, string? Error, string? Result);

/// <summary>`raad import FILE... [--body NAME] [--dry-run] [--json]`: the same preview and confirmation as the upload pages.</summary>
public static class ImportCli
{
    private static readonly Argument<string[]> Files = new Argument<string[]>("FIL")
    {
        Description = "Dagsordener, referater eller bilag (PDF, DOCX, tekst).",
        Arity = ArgumentArity.OneOrMore,
    }.RefusingUnknownOptions();

    private static readonly Option<string?> Body = new("--body")
    {
        Description = "Udvalget, filerne hører til, når dokumenterne ikke selv nævner det.",
        HelpName = "NAVN",
    };

    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Læser, fortolker og matcher, men gemmer intet." };
    private static readonly Option<bool> Json = new("--json") { Description = "Skriver ét JSON-objekt pr. fil (se docs/api.md)." };

    public static Command Create(CliContext context)
    {
        var command = Define();
        command.SetAction(async (parsed, ct) =>
        {
            await using var app = context.BuildApp("import");
            return await RunAsync(parsed, app.Services, context.Console.Out, context.Console.Error, context.Console.ErrorIsTerminal);
        });
        return command;
    }

    private static Command Define() => new("import", "Importerer dagsordener, referater og bilag (PDF, DOCX, tekst) som møder. Afslutter med 1, hvis en fil ikke kunne importeres.")
    {
        Files, Body, DryRun, Json,
    };

    /// <summary>The command's own words (without `import`), parsed as `raad import` parses them; for tests and tools in the same process.</summary>
    /// <param name="terminal">Standard error is a terminal: the progress bar is redrawn in place instead of a line per file.</param>
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr, bool terminal)
    {
        var parsed = Define().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var message in Infrastructure.CommandLine.Danish(parsed))
            {
                stderr.WriteLine(message);
            }
            return Infrastructure.CommandLine.Usage;
        }
        return await RunAsync(parsed, services, stdout, stderr, terminal);
    }

    private static async Task<int> RunAsync(ParseResult parsed, IServiceProvider services, TextWriter stdout, TextWriter stderr, bool terminal)
    {
        var files = parsed.GetValue(Files) ?? [];
        var body = parsed.GetValue(Body);
        var dryRun = parsed.GetValue(DryRun);
        var json = parsed.GetValue(Json);
        await DatabaseStartup.MigrateAsync(services, CancellationToken.None);

        var results = new List<ImportFileJson>();
        var failures = new List<string>();
        var progress = new ProgressBar(files.Length, stderr, terminal);
        foreach (var file in files)
        {
            progress.Show(results.Count, Path.GetFileName(file));
            var result = await ImportOneAsync(services, file, body, dryRun);
            results.Add(result);
            if (result.Error is { } why)
            {
                failures.Add($"{file}: {why}");
            }
            else if (!json)
            {
                stdout.WriteLine($"{file}: {result.Result}");
            }
        }
        progress.Done();
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(results, JsonSettings));
        }
        foreach (var failure in failures)
        {
            stderr.WriteLine(failure);
        }
        return failures.Count > 0 ? Infrastructure.CommandLine.Failed : Infrastructure.CommandLine.Ok;
    }

    private static readonly JsonSerializerOptions JsonSettings = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static async Task<ImportFileJson> ImportOneAsync(IServiceProvider services, string file, string? body, bool dryRun)
    {
        var name = Path.GetFileName(file);
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                return new ImportFileJson(file, null, null, [], "Filen findes ikke.", null);
            }
            if (info.Length > ReadLimits.DefaultMaxBytes)
            {
                return new ImportFileJson(file, null, null, [], ReadErrors.TooLarge(info.Length, ReadLimits.DefaultMaxBytes).Message, null);
            }
            var content = await File.ReadAllBytesAsync(file);
            await using var scope = services.CreateAsyncScope();
            var preview = (await scope.ServiceProvider.GetRequiredService<PreviewImport>().FileAsync(name, content, body, null, CancellationToken.None)).Value!;
            if (preview.AlreadyImported is { } known)
            {
                return Describe(file, preview, known.MeetingId, null, $"allerede importeret (samme SHA-256); intet er ændret.");
            }
            if (!preview.CanImport)
            {
                return Describe(file, preview, null, preview.Error ?? "Filen kan ikke importeres.", null);
            }
            if (dryRun)
            {
                return Describe(file, preview, null, null, "prøvekørsel; intet er gemt.");
            }
            var saved = await scope.ServiceProvider.GetRequiredService<ConfirmImport>().FileAsync(preview, content, "raad import", CancellationToken.None);
            preview.BodyId ??= saved.Value?.BodyId;
            return saved.IsSuccess
                ? Describe(file, preview, saved.Value!.MeetingId ?? preview.ExistingMeeting?.Id, null, saved.Value.Summary)
                : Describe(file, preview, null, saved.Errors[0].Message, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportFileJson(file, null, null, [], $"Filen kunne ikke læses: {e.Message}", null);
        }
    }

    public static ImportFileJson Describe(string file, ImportPreview preview, int? meetingId, string? error, string? result)
    {
        var parsed = preview.Parsed;
        var warnings = preview.Warnings.Select(w => new WarningJson(w.Line, w.Text, w.Message)).ToList();
        var meeting = parsed?.Meeting is { } m ? Meeting(m, preview, meetingId) : null;
        return new ImportFileJson(file, parsed?.Kind is { } kind ? Camel(kind) : null, meeting, warnings, error, result);
    }

    private static ImportedMeetingJson Meeting(ParsedMeeting m, ImportPreview preview, int? id)
    {
        var body = preview.BodyName ?? m.BodyName;
        var minutes = preview.Parsed?.Kind == ImportedKind.Minutes;
        var start = m.Start ?? new TimeOnly(0, 0);
        var end = m.End ?? start;
        var timeline = Timeline.Compute(start, end, m.Items.Select(i => i.DurationMinutes ?? 0));
        var items = m.Items.Select((i, n) => new ItemDto(
            i.Number, i.Title, Camel(i.Kind), i.DurationMinutes ?? 0, Hm(timeline.Slots[n].Start), Hm(timeline.Slots[n].End), !i.IsClosed,
            i.Recommendation, minutes ? i.Decision : null, i.Absent, i.CaseNumber, [], null, [])).ToList();
        var attendance = minutes
            ? m.Participants.Where(p => p.Role is MembershipRole.Member or MembershipRole.CoChair)
                .Select(p => new AttendanceDto(p.Name, p.Group is { } g ? Camel(g) : null, p.Absent ? "absent" : "present", null)).ToList()
            : [];
        var place = m.IsVirtual ? (m.Place ?? "Virtuelt møde") : m.Place;
        return new ImportedMeetingJson(
            id, m.Kind == MeetingKind.Extraordinary ? $"Ekstraordinært møde i {body}" : $"Møde i {body}",
            preview.BodyId, body, m.Date is { } d ? Iso(d) : null, m.Start is { } s ? Hm(s) : null, m.End is { } e ? Hm(e) : null,
            Camel(m.Kind), Camel(minutes ? MeetingStatus.MinutesApproved : MeetingStatus.AgendaPublished), m.IsVirtual, place, null,
            m.Start is not null && m.End is not null && timeline.Overruns, items, attendance, place,
            [.. m.Participants.Select(p => new ParticipantJson(p.Name, Camel(p.Role), p.Group is { } g ? Camel(g) : null, p.Title, p.Party, p.Organisation, p.Absent))]);
    }

    /// <summary>A bar on standard error, redrawn in place on a terminal, a line per file otherwise (logs, CI).</summary>
    private sealed class ProgressBar(int total, TextWriter output, bool terminal)
    {
        public void Show(int done, string current)
        {
            const int width = 30;
            var filled = total == 0 ? width : done * width / total;
            var line = $"[{new string('#', filled)}{new string('.', width - filled)}] {done + 1}/{total} {current}";
            if (terminal)
            {
                output.Write($"\r{line,-100}");
            }
            else
            {
                output.WriteLine(line);
            }
        }

        public void Done()
        {
            if (terminal)
            {
                output.Write($"\r{$"[{new string('#', 30)}] {total}/{total} færdig",-100}\n");
            }
        }
    }
}
