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
using static Raad.Web.Features.Import.ImportNames;

namespace Raad.Web.Features.Import;

/// <param name="Corrections">The preview's form as posted; kept with the file as it is imported.</param>
public sealed record ConfirmImportCommand(int DocumentId, ImportCorrections Corrections, int Version);

/// <summary>
/// "Importér": saves what the preview shows, in one SaveChanges (one transaction): the body, the people and their
/// seats, the meeting from history (<see cref="Meeting.FromHistory"/>) or the items of the meeting Raad already has,
/// a draft of the rules of procedure, and the original file. The upload pages confirm a waiting file
/// (<see cref="RunAsync"/>); `raad import` confirms a file it has just previewed (<see cref="FileAsync"/>).
/// </summary>
public sealed class ConfirmImport(AppDbContext db, PreviewImport previews, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public async Task<Result<ImportOutcome>> RunAsync(ConfirmImportCommand command, string user, CancellationToken ct)
    {
        var document = await db.ImportedDocuments.FirstOrDefaultAsync(d => d.Id == command.DocumentId && d.Status == ImportStatus.Pending, ct);
        if (document is null)
        {
            return new Error("import.not_found", "Filen findes ikke eller er allerede importeret.");
        }
        var parsed = document.ReadParsed();
        if (command.Corrections.Validate(parsed) is { Count: > 0 } errors)
        {
            return Result<ImportOutcome>.Fail(errors);
        }
        command.Corrections.ApplyTo(parsed);
        db.ExpectVersion(document, command.Version);
        document.BodyHint = string.IsNullOrWhiteSpace(command.Corrections.BodyHint) ? null : command.Corrections.BodyHint.Trim();
        var preview = (await previews.FileAsync(document.FileName, document.Content, document.BodyHint, parsed, ct)).Value!;
        // Into an existing body only by its secretariat; a body the file brings is new, and any secretariat may add it.
        if (preview.BodyName is { } name && await FindBodyAsync(db.Bodies, name, ct) is { } existing
            && !(await viewers.GetAsync(ct)).CanEditBody(existing.Id))
        {
            return AccessErrors.NotSecretariatOf(existing.Name);
        }
        return await SaveAsync(preview, document.Content, user, document, ct);
    }

    /// <summary>A file previewed by `raad import` (<see cref="PreviewImport.FileAsync"/>), saved with its original bytes.</summary>
    public Task<Result<ImportOutcome>> FileAsync(ImportPreview preview, byte[] content, string user, CancellationToken ct) =>
        SaveAsync(preview, content, user, null, ct);

    private async Task<Result<ImportOutcome>> SaveAsync(ImportPreview preview, byte[] content, string user, ImportedDocument? pending, CancellationToken ct)
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
        var date = parsed.Meeting?.Date ?? Clock.Today(clock);
        var body = await FindBodyAsync(db.Bodies, preview.BodyName!, ct);
        var found = body is not null;
        if (body is null)
        {
            body = NewBody(preview.BodyName!, parsed.Annexes?.Rules?.ValidFrom ?? date);
            db.Bodies.Add(body);
            // The secretary who brings a new body in runs it (from the command line there is no one to grant).
            if (await viewers.GetAsync(ct) is { IsAdministrator: false, UserId: { } userId })
            {
                db.SecretariatGrants.Add(new SecretariatGrant { UserId = userId, Body = body });
            }
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
        document.WriteParsed(parsed);
        document.Body = body;

        string summary;
        if (parsed.Meeting is { } source)
        {
            var saved = await SaveMeetingAsync(preview, source, body, found, parsed.Kind == ImportedKind.Minutes, ct);
            if (!saved.IsSuccess)
            {
                return Result<ImportOutcome>.Fail(saved.Errors);
            }
            (document.Meeting, summary) = saved.Value;
        }
        else if (parsed.Annexes?.Rules is { } rules)
        {
            ReachBack(found, body, date);
            document.Rules = Draft(rules, body, preview.FileName);
            db.RulesOfProcedure.Add(document.Rules);
            summary = $"Forretningsordenen er gemt som udkast for {body.Name}; sekretariatet skal kontrollere og bekræfte den.";
        }
        else
        {
            ReachBack(found, body, date);
            summary = "Bilagene er gemt med udvalget; de indeholder ingen forretningsorden.";
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(ErrorMapping.ConflictCode, CorrectImport.Conflict);
        }
        catch (DbUpdateException)
        {
            // Another instance imported the same file while this one was saving: the unique index on the hash said no.
            if (await ImportedMeanwhileAsync(preview.Sha256))
            {
                return new Error("import.duplicate", $"Filen {preview.FileName} blev importeret af en anden imens; intet er ændret.");
            }
            throw;
        }
        return new ImportOutcome(document.Id, document.FileName, body.Id, document.Meeting?.Id, document.Rules?.Id, summary);
    }

    /// <summary>A body Raad knew reaches back to the oldest document imported for it (a new one starts there already).</summary>
    private static void ReachBack(bool found, Body body, DateOnly date)
    {
        if (found && body.ValidFrom > date)
        {
            body.ValidFrom = date;
        }
    }

    private async Task<Result<(Meeting Meeting, string Summary)>> SaveMeetingAsync(ImportPreview preview, ParsedMeeting source, Body body, bool found, bool minutes, CancellationToken ct)
    {
        var date = source.Date!.Value;
        var existing = preview.ExistingMeeting is { } seen
            ? await db.Meetings.Include(m => m.Items).ThenInclude(i => i.Absences).Include(m => m.Attendance).FirstAsync(m => m.Id == seen.Id, ct)
            : null;
        Meeting meeting;
        if (existing is not null)
        {
            meeting = existing;
            ReachBack(found, body, date);
        }
        else
        {
            var built = Meeting.FromHistory(source, body);
            if (!built.IsSuccess)
            {
                return Result<(Meeting, string)>.Fail(built.Errors);
            }
            meeting = built.Value!;
            db.Meetings.Add(meeting);
        }

        var seats = await SeatsAsync(preview, source, body, date, ct);
        var cases = body.Id == 0 ? [] : await db.Cases.Where(c => c.BodyId == body.Id && c.CaseNumber != null).ToListAsync(ct);
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
                item = meeting.AddItemFromHistory(parsed);
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
                if (seats.GetValueOrDefault(Key(name)) is { } seat && !item.Absences.Any(a => a.Membership == seat || (seat.Id > 0 && a.MembershipId == seat.Id)))
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
            var approved = meeting.RecordApprovedMinutes(preview.FileName);
            if (!approved.IsSuccess)
            {
                return Result<(Meeting, string)>.Fail(approved.Errors);
            }
        }
        else if (existing is null)
        {
            var published = meeting.RecordPublishedAgenda();
            if (!published.IsSuccess)
            {
                return Result<(Meeting, string)>.Fail(published.Errors);
            }
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
        // The people the preview matched, in one query rather than one per person without a seat.
        var matchedIds = preview.People.Select(m => m.PersonId).OfType<int>().Distinct().ToList();
        var people = await db.People.Where(x => matchedIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        foreach (var match in preview.People)
        {
            var p = match.Participant;
            var seat = memberships.FirstOrDefault(m => match.PersonId is { } id && m.PersonId == id && m.Role == p.Role)
                ?? memberships.FirstOrDefault(m => match.PersonId is { } id && m.PersonId == id);
            if (seat is null)
            {
                var person = match.PersonId is { } id ? people[id] : new Person { Name = p.Name, Title = p.Title, Party = p.Party };
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
}
