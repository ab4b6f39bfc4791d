using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Cases;
using Raad.Domain.Common;
using Raad.Domain.Import;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Import;

/// <summary>How a field of the preview relates to what Raad already holds.</summary>
public enum FieldState
{
    New,
    Matched,
    Warning,
    Error,
}

public sealed record PersonMatch(ParsedParticipant Participant, int? PersonId, FieldState State);

/// <summary>One file read and parsed, matched against the database: what confirming it would do.</summary>
public sealed class ImportPreview
{
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public string ContentType { get; set; } = "text/plain";
    public int Pages { get; set; }
    public IReadOnlyList<SourceLine> Lines { get; set; } = [];
    public ParsedDocument? Parsed { get; set; }

    /// <summary>Why this file cannot be imported, in Danish.</summary>
    public string? Error { get; set; }

    /// <summary>The same file was imported before (its SHA-256): importing it again changes nothing.</summary>
    public ImportedDocument? AlreadyImported { get; set; }

    public string? BodyName { get; set; }
    public int? BodyId { get; set; }

    /// <summary>The body's meeting on the same date: minutes fill in its items instead of creating a second meeting.</summary>
    public Meeting? ExistingMeeting { get; set; }

    public List<PersonMatch> People { get; } = [];

    /// <summary>The preview's own findings (matching), beside the parser's warnings.</summary>
    public List<ImportWarning> Notes { get; } = [];

    public bool CanImport => Error is null && AlreadyImported is null && Parsed is { Error: null };

    public IEnumerable<ImportWarning> Warnings => (Parsed?.Warnings ?? []).Concat(Notes);
}

public sealed record ImportOutcome(int DocumentId, int? BodyId, int? MeetingId, int? RulesId, string Summary);

/// <summary>
/// The two phases of an import, shared by the upload pages and `raad import`: <see cref="PreviewAsync"/> reads, parses
/// and matches without writing; <see cref="SaveAsync"/> writes everything the preview shows in one transaction.
/// </summary>
public sealed partial class Importer(AppDbContext db, TimeProvider clock) : IUseCase
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<ImportPreview> PreviewAsync(string fileName, byte[] content, string? bodyHint, ParsedDocument? edited, CancellationToken ct)
    {
        var preview = new ImportPreview { FileName = Path.GetFileName(fileName), Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)) };
        preview.AlreadyImported = await db.ImportedDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Sha256 == preview.Sha256 && d.Status == ImportStatus.Imported, ct);

        var read = DocumentReader.Read(preview.FileName, content, null, ct);
        if (!read.IsSuccess)
        {
            preview.Error = read.Errors[0].Message;
            return preview;
        }
        var source = read.Value!;
        preview.Lines = source.Lines;
        preview.Pages = source.Pages;
        preview.ContentType = source.Format switch
        {
            SourceFormat.Pdf => "application/pdf",
            SourceFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _ => "text/plain; charset=utf-8",
        };
        preview.Notes.AddRange(source.Warnings);
        var parsed = edited ?? MeetingDocumentParser.Parse(source.Lines);
        preview.Parsed = parsed;
        if (parsed.Error is not null)
        {
            preview.Error = parsed.Error;
            return preview;
        }

        preview.BodyName = Clean(bodyHint) ?? Clean(parsed.Meeting?.BodyName) ?? BodyOfRules(parsed.Annexes?.Rules?.Title);
        if (preview.BodyName is null)
        {
            preview.Error = "Dokumentet nævner ikke, hvilket udvalg det hører til. Angiv udvalget (--body i kommandolinjen).";
            return preview;
        }
        var body = await FindBodyAsync(preview.BodyName, ct);
        if (body is not null && Key(body.Name) != Key(preview.BodyName))
        {
            preview.Notes.Add(new(0, preview.BodyName, $"Dokumentet kalder udvalget \"{preview.BodyName}\"; det er genkendt som {body.Name}. Ret udvalget, hvis det er et andet."));
        }
        preview.BodyId = body?.Id;
        preview.BodyName = body?.Name ?? preview.BodyName;
        if (parsed.Meeting is { } meeting)
        {
            await MatchMeetingAsync(preview, meeting, body, ct);
        }
        return preview;
    }

    private async Task MatchMeetingAsync(ImportPreview preview, ParsedMeeting meeting, Body? body, CancellationToken ct)
    {
        if (meeting.Date is null)
        {
            preview.Error = "Mødets dato står ikke i dokumentet; den skal rettes i forhåndsvisningen, før der kan importeres.";
            return;
        }
        if (body is not null)
        {
            preview.ExistingMeeting = await db.Meetings.AsNoTracking().Include(m => m.Items)
                .FirstOrDefaultAsync(m => m.BodyId == body.Id && m.Date == meeting.Date && m.Status != MeetingStatus.Cancelled, ct);
        }
        if (preview.ExistingMeeting is { } existing && preview.Parsed!.Kind == ImportedKind.Minutes)
        {
            foreach (var item in meeting.Items)
            {
                var match = existing.Items.FirstOrDefault(i => (i.Number ?? i.Position) == item.Number);
                if (match is null)
                {
                    preview.Notes.Add(new(item.Line, item.Title, $"Punkt {item.Number} findes ikke på mødets dagsorden i Raad; det tilføjes."));
                }
                else if (Key(match.Title) != Key(item.Title))
                {
                    preview.Notes.Add(new(item.Line, item.Title, $"Punkt {item.Number} hedder \"{match.Title}\" i Raad; beslutningen sættes på det punkt."));
                }
                if (match is { Decision: { Length: > 0 } had } && item.Decision is { Length: > 0 } && Key(had) != Key(item.Decision))
                {
                    preview.Notes.Add(new(item.Line, item.Title, $"Punkt {item.Number} har allerede en anden beslutning i Raad; den bevares."));
                }
            }
        }

        var people = await db.People.AsNoTracking().ToListAsync(ct);
        var byName = people.GroupBy(p => Key(p.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var memberOf = body is null ? [] : await db.Memberships.AsNoTracking().Where(m => m.BodyId == body.Id)
            .Select(m => new { m.PersonId, Organisation = m.Organisation != null ? m.Organisation.Name : null }).ToListAsync(ct);
        foreach (var participant in meeting.Participants)
        {
            var candidates = byName.GetValueOrDefault(Key(participant.Name)) ?? [];
            // Same name and, where the document names it, the same organisation in this body; else the one person of that name.
            var person = candidates.FirstOrDefault(p => memberOf.Any(m => m.PersonId == p.Id
                    && (participant.Organisation is null || m.Organisation is null || Key(m.Organisation) == Key(participant.Organisation))))
                ?? (candidates.Count == 1 ? candidates[0] : null);
            if (candidates.Count > 1 && person is null)
            {
                preview.Notes.Add(new(participant.Line, participant.Name, $"Der findes {candidates.Count} personer med navnet {participant.Name}; der oprettes en ny. Ret det bagefter, hvis det er en af dem."));
            }
            preview.People.Add(new PersonMatch(participant, person?.Id, person is null ? (candidates.Count > 1 ? FieldState.Warning : FieldState.New) : FieldState.Matched));
        }
        var names = meeting.Participants.Select(p => Key(p.Name)).ToHashSet();
        foreach (var item in meeting.Items)
        {
            foreach (var absent in item.Absent.Where(a => !names.Contains(Key(a)) && !byName.ContainsKey(Key(a))))
            {
                preview.Notes.Add(new(item.Line, absent, $"{absent} er fraværende fra punkt {item.Number}, men står ikke blandt deltagerne; fraværet registreres ikke."));
            }
        }
    }

    /// <summary>Saves what the preview shows, in one transaction. A pending upload (<paramref name="pending"/>) becomes the kept file.</summary>
    public async Task<Result<ImportOutcome>> SaveAsync(ImportPreview preview, byte[] content, string user, ImportedDocument? pending, CancellationToken ct)
    {
        if (preview.AlreadyImported is { } known)
        {
            return new Error("import.duplicate", $"Filen {preview.FileName} er allerede importeret ({DanishFormat.Date(DateOnly.FromDateTime((known.ImportedAt ?? known.UploadedAt).UtcDateTime))}); intet er ændret.");
        }
        if (!preview.CanImport)
        {
            return new Error("import.invalid", preview.Error ?? preview.Parsed?.Error ?? "Filen kan ikke importeres.");
        }
        var parsed = preview.Parsed!;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var body = await FindBodyAsync(preview.BodyName!, ct);
        var date = parsed.Meeting?.Date ?? Clock.Today(clock);
        if (body is null)
        {
            body = new Body
            {
                Name = preview.BodyName!,
                Level = preview.BodyName!.Contains("politisk", StringComparison.OrdinalIgnoreCase) ? BodyLevel.Political : BodyLevel.Professional,
                ValidFrom = parsed.Annexes?.Rules?.ValidFrom ?? date,
                StandardItems = Body.DefaultTemplate(),
            };
            db.Bodies.Add(body);
        }
        else if (body.ValidFrom > date)
        {
            body.ValidFrom = date;
        }

        var document = pending ?? new ImportedDocument { FileName = preview.FileName, ContentType = preview.ContentType, Sha256 = preview.Sha256, UploadedBy = user, UploadedAt = now };
        if (pending is null)
        {
            db.ImportedDocuments.Add(document);
        }
        document.Content = content;
        document.Size = content.Length;
        document.Status = ImportStatus.Imported;
        document.Kind = parsed.Kind;
        document.ImportedAt = now;
        document.Parsed = JsonSerializer.Serialize(parsed, Json);

        string summary;
        Meeting? meeting = null;
        RulesOfProcedure? rules = null;
        if (parsed.Meeting is { } source)
        {
            (meeting, summary) = await SaveMeetingAsync(preview, source, body, parsed.Kind == ImportedKind.Minutes, ct);
        }
        else if (parsed.Annexes?.Rules is { } found)
        {
            rules = Draft(found, body, preview.FileName);
            db.RulesOfProcedure.Add(rules);
            summary = $"Forretningsordenen er gemt som udkast for {body.Name}; sekretariatet skal kontrollere og bekræfte den.";
        }
        else
        {
            summary = "Bilagene er gemt med udvalget; de indeholder ingen forretningsorden.";
        }
        try
        {
            await db.SaveChangesAsync(ct);
            document.BodyId = body.Id;
            document.MeetingId = meeting?.Id;
            document.RulesId = rules?.Id;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error("import.concurrency", "Filen er rettet eller importeret af en anden imens. Åbn den igen.");
        }
        catch (DbUpdateException)
        {
            // Another instance imported the same file while this one was saving: the unique index on the hash said no.
            await transaction.RollbackAsync(CancellationToken.None);
            if (await ImportedMeanwhileAsync(preview.Sha256))
            {
                return new Error("import.duplicate", $"Filen {preview.FileName} blev importeret af en anden imens; intet er ændret.");
            }
            throw;
        }
        return new ImportOutcome(document.Id, body.Id, meeting?.Id, rules?.Id, summary);
    }

    private async Task<(Meeting Meeting, string Summary)> SaveMeetingAsync(ImportPreview preview, ParsedMeeting source, Body body, bool minutes, CancellationToken ct)
    {
        var date = source.Date!.Value;
        var existing = preview.ExistingMeeting is { } seen
            ? await db.Meetings.Include(m => m.Items).ThenInclude(i => i.Absences).Include(m => m.Attendance).FirstAsync(m => m.Id == seen.Id, ct)
            : null;
        var meeting = existing ?? new Meeting
        {
            Body = body,
            Kind = source.Kind,
            Date = date,
            Start = source.Start ?? new TimeOnly(0, 0),
            End = source.End ?? source.Start ?? new TimeOnly(0, 0),
            Location = source.Place,
            IsVirtual = source.IsVirtual,
        };
        if (existing is null)
        {
            db.Meetings.Add(meeting);
        }

        var seats = await SeatsAsync(preview, source, body, date, ct);
        var cases = await db.Cases.Where(c => c.BodyId == body.Id && c.CaseNumber != null).ToListAsync(ct);
        var added = 0;
        var decided = 0;
        foreach (var parsed in source.Items)
        {
            var item = meeting.Items.FirstOrDefault(i => (i.Number ?? i.Position) == parsed.Number);
            if (item is null && existing is not null && !minutes)
            {
                continue; // an agenda of a meeting Raad already has changes nothing of it: the file is kept with it
            }
            if (item is null)
            {
                item = new AgendaItem
                {
                    Title = parsed.Title,
                    Number = parsed.Number,
                    Position = parsed.Number,
                    Kind = parsed.Kind,
                    DurationMinutes = Math.Clamp(parsed.DurationMinutes ?? 0, 0, AgendaItem.MaxDurationMinutes),
                    IsClosed = parsed.IsClosed,
                    Background = parsed.Background,
                    Summary = parsed.Summary,
                    Presentation = Join(parsed.Presentation, parsed.PreviousDecisions is { } previous ? $"Tidligere beslutninger:\n{previous}" : null),
                    Economy = parsed.Economy,
                    FurtherProcess = parsed.FurtherProcess,
                    Recommendation = [.. parsed.Recommendation],
                    Presenters = parsed.Presenters,
                    DocumentId = parsed.DocumentId,
                    ListedAttachments = [.. parsed.Attachments],
                };
                if (parsed.CaseNumber is { } number)
                {
                    var @case = cases.FirstOrDefault(c => c.CaseNumber == number);
                    if (@case is null)
                    {
                        @case = new Case { Title = parsed.Title, CaseNumber = number, JournalNumber = parsed.JournalNumber, Body = body };
                        cases.Add(@case);
                    }
                    item.Case = @case;
                }
                meeting.Items.Add(item);
                added++;
            }
            // Closed stays closed: minutes that mark an item closed close the item Raad already has.
            item.IsClosed |= parsed.IsClosed;
            if (minutes && parsed.Decision is { Length: > 0 } decision && string.IsNullOrWhiteSpace(item.Decision))
            {
                item.Decision = decision;
                decided++;
            }
            foreach (var name in minutes ? parsed.Absent : [])
            {
                if (seats.GetValueOrDefault(Key(name)) is { } seat && !item!.Absences.Any(a => a.Membership == seat || (seat.Id > 0 && a.MembershipId == seat.Id)))
                {
                    item.Absences.Add(new ItemAbsence { Membership = seat });
                }
            }
        }

        if (minutes)
        {
            foreach (var match in preview.People.Where(p => p.Participant.Role is MembershipRole.Member or MembershipRole.CoChair))
            {
                var seat = seats[Key(match.Participant.Name)];
                if (!meeting.Attendance.Any(a => a.Membership == seat || (seat.Id > 0 && a.MembershipId == seat.Id)))
                {
                    meeting.Attendance.Add(new Attendance { Membership = seat, Status = match.Participant.Absent ? AttendanceStatus.Absent : AttendanceStatus.Present });
                }
            }
            // History, not workflow: the minutes of a past meeting arrive approved, with where they came from.
            if (meeting.Status is not MeetingStatus.MinutesApproved)
            {
                meeting.Status = MeetingStatus.MinutesApproved;
                meeting.MinutesApprovalNote = $"Importeret fra {preview.FileName}.";
            }
        }
        else if (existing is null)
        {
            meeting.Status = MeetingStatus.AgendaPublished;
        }
        var what = existing is null ? $"Mødet {DanishFormat.Date(date)} er oprettet med {added} punkter" : $"Mødet {DanishFormat.Date(date)} fandtes; {added} punkter er tilføjet";
        return (meeting, minutes ? $"{what} og {decided} beslutninger." : $"{what}.");
    }

    /// <summary>Each participant's seat in the body on the date: found by person, or created with the person.</summary>
    private async Task<Dictionary<string, Membership>> SeatsAsync(ImportPreview preview, ParsedMeeting source, Body body, DateOnly date, CancellationToken ct)
    {
        var seats = new Dictionary<string, Membership>();
        var memberships = body.Id == 0 ? [] : await db.Memberships.Include(m => m.Person).Include(m => m.Organisation)
            .Where(m => m.BodyId == body.Id).ToListAsync(ct);
        var organisations = await db.Organisations.ToListAsync(ct);
        foreach (var match in preview.People)
        {
            var p = match.Participant;
            var seat = memberships.FirstOrDefault(m => match.PersonId is { } id && m.PersonId == id && m.Role == p.Role)
                ?? memberships.FirstOrDefault(m => match.PersonId is { } id && m.PersonId == id);
            if (seat is null)
            {
                var person = match.PersonId is { } id ? await db.People.FirstAsync(x => x.Id == id, ct) : new Person { Name = p.Name, Title = p.Title, Party = p.Party };
                Organisation? organisation = null;
                if (p.Organisation is { } name)
                {
                    organisation = organisations.FirstOrDefault(o => Key(o.Name) == Key(name));
                    if (organisation is null)
                    {
                        organisation = new Organisation { Name = name, Kind = KindOf(name) };
                        organisations.Add(organisation);
                    }
                }
                var group = p.Group ?? (p.Role is MembershipRole.Member or MembershipRole.CoChair ? GroupOf(organisation?.Kind) : null);
                seat = new Membership { Body = body, Person = person, Role = p.Role, Group = group, Organisation = organisation, From = date };
                memberships.Add(seat);
                db.Memberships.Add(seat);
            }
            else if (seat.From > date)
            {
                seat.From = date;
            }
            seats[Key(p.Name)] = seat;
        }
        // Absent names not among the participants, but already members of the body.
        foreach (var name in source.Items.SelectMany(i => i.Absent).Where(n => !seats.ContainsKey(Key(n))))
        {
            if (memberships.FirstOrDefault(m => m.Person is { } person && Key(person.Name) == Key(name)) is { } known)
            {
                seats[Key(name)] = known;
            }
        }
        return seats;
    }

    private async Task<bool> ImportedMeanwhileAsync(string sha256)
    {
        db.ChangeTracker.Clear();
        return await db.ImportedDocuments.AnyAsync(d => d.Sha256 == sha256 && d.Status == ImportStatus.Imported);
    }

    private static RulesOfProcedure Draft(ParsedRules r, Body body, string fileName)
    {
        var defaults = new RulesOfProcedure();
        return new RulesOfProcedure
        {
            Body = body,
            Title = r.Title,
            IsDraft = true,
            DraftSource = fileName,
            ValidFrom = r.ValidFrom ?? body.ValidFrom,
            ValidTo = r.ValidTo,
            RegionalSeats = r.RegionalSeats ?? 0,
            MunicipalSeats = r.MunicipalSeats ?? 0,
            GeneralPracticeSeats = r.GeneralPracticeSeats ?? 0,
            SubstitutesAllowed = r.SubstitutesAllowed ?? defaults.SubstitutesAllowed,
            MinOrdinaryMeetingsPerYear = r.MinOrdinaryMeetingsPerYear ?? defaults.MinOrdinaryMeetingsPerYear,
            ItemRequestLeadDays = r.ItemRequestLeadDays ?? defaults.ItemRequestLeadDays,
            AgendaNoticeDays = r.AgendaNoticeDays ?? defaults.AgendaNoticeDays,
            MinutesDispatchDays = r.MinutesDispatchDays ?? defaults.MinutesDispatchDays,
            ObjectionWindowDays = r.ObjectionWindowDays ?? defaults.ObjectionWindowDays,
            WrittenProcedureAllowed = r.WrittenProcedureAllowed ?? defaults.WrittenProcedureAllowed,
            WrittenProcedureObjectionsToMeeting = r.WrittenProcedureObjectionsToMeeting ?? defaults.WrittenProcedureObjectionsToMeeting,
            OrdinaryNoticeDays = r.OrdinaryNoticeDays ?? defaults.OrdinaryNoticeDays,
            QuorumShare = r.QuorumShare ?? defaults.QuorumShare,
        };
    }

    /// <summary>
    /// The body of that name, ignoring case and spacing; else one name at most two letters away, for the typos real
    /// documents have ("Polisk sundhedsklynge Syd"). The preview says when it matched that way.
    /// </summary>
    private async Task<Body?> FindBodyAsync(string name, CancellationToken ct)
    {
        var bodies = await db.Bodies.ToListAsync(ct);
        var key = Key(name);
        var near = bodies.Where(b => key.Length >= 10 && Distance(Key(b.Name), key) <= 2).ToList();
        return bodies.FirstOrDefault(b => Key(b.Name) == key) ?? (near.Count == 1 ? near[0] : null);
    }

    /// <summary>Levenshtein distance, stopping early: only "at most 2" matters.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return 3;
        }
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            if (current.Min() > 2)
            {
                return 3;
            }
            previous = current;
        }
        return previous[b.Length];
    }

    private static OrganisationKind KindOf(string name) => name.ToLowerInvariant() switch
    {
        var n when n.Contains("kommune") => OrganisationKind.Municipality,
        var n when n.StartsWith("region", StringComparison.Ordinal) => OrganisationKind.Region,
        var n when n.Contains("plo") || n.Contains("praksis") => OrganisationKind.GeneralPractice,
        var n when n.Contains("hospital") => OrganisationKind.Hospital,
        _ => OrganisationKind.Other,
    };

    private static MemberGroup? GroupOf(OrganisationKind? kind) => kind switch
    {
        OrganisationKind.Region => MemberGroup.Regional,
        OrganisationKind.Municipality => MemberGroup.Municipal,
        OrganisationKind.GeneralPractice => MemberGroup.GeneralPractice,
        _ => null,
    };

    /// <summary>"Forretningsorden for Politisk sundhedsklynge Syd" names its body.</summary>
    private static string? BodyOfRules(string? title) =>
        title is not null && RulesFor().Match(title) is { Success: true } m ? Clean(m.Groups[1].Value) : null;

    private static string? Join(string? a, string? b) =>
        (a, b) switch { (null, null) => null, (_, null) => a, (null, _) => b, _ => $"{a}\n\n{b}" };

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Spaces().Replace(text, " ").Trim();

    /// <summary>Names compared without case and spacing: "Politisk sundhedsklynge  Syd" is "Politisk Sundhedsklynge Syd".</summary>
    public static string Key(string text) => (Clean(text) ?? "").ToLower(CultureInfo.GetCultureInfo("da-DK"));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"forretningsorden\s+for\s+(?:den\s+|det\s+)?(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RulesFor();
}

public static class ImportText
{
    public static string Danish(this ImportedKind kind) => kind switch
    {
        ImportedKind.Agenda => "dagsorden",
        ImportedKind.Minutes => "referat",
        ImportedKind.Annexes => "bilag",
        _ => kind.ToString(),
    };

    public static string Danish(this FieldState state) => state switch
    {
        FieldState.New => "Ny",
        FieldState.Matched => "Genkendt",
        FieldState.Warning => "Advarsel",
        FieldState.Error => "Fejl",
        _ => state.ToString(),
    };
}
