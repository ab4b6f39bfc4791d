using Microsoft.EntityFrameworkCore;
using Raad.Domain.Bodies;
using Raad.Domain.Common;
using Raad.Domain.Import;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using static Raad.Web.Features.Import.ImportNames;

namespace Raad.Web.Features.Import;

/// <summary>A pending upload with its stored parse (and the secretariat's corrections) and what importing it would do.</summary>
public sealed record PendingImport(ImportedDocument Document, ParsedDocument Parsed, ImportPreview Preview);

/// <summary>
/// "Kontrollér filen": reads, parses and matches a file against the database without writing anything. Shared by the
/// upload (which refuses what cannot be read), the preview page, the confirmation and `raad import` (also --dry-run).
/// A query, not a use case: its answer is a preview, which says in <see cref="ImportPreview.Error"/> why a file
/// cannot be imported beside the source text.
/// </summary>
public sealed class PreviewImport(AppDbContext db)
{
    /// <summary>A file's bytes; <paramref name="edited"/> is a parse corrected in the preview, used instead of parsing again.</summary>
    public async Task<Result<ImportPreview>> FileAsync(string fileName, byte[] content, string? bodyHint, ParsedDocument? edited, CancellationToken ct)
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
        var body = await FindBodyAsync(db.Bodies.AsNoTracking(), preview.BodyName, ct);
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

    /// <summary>
    /// A pending upload, read again for its source text, with its stored parse; <paramref name="corrections"/> (not
    /// saved) are applied to it first, so a page refused for an error shows the preview as corrected.
    /// </summary>
    public async Task<Result<PendingImport>> PendingAsync(int id, ImportCorrections? corrections, CancellationToken ct)
    {
        var document = await db.ImportedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return new Error("import.not_found", "Filen findes ikke; den er måske kasseret.");
        }
        var parsed = document.ReadParsed();
        var bodyHint = document.BodyHint;
        if (corrections is not null)
        {
            corrections.ApplyTo(parsed);
            bodyHint = corrections.BodyHint;
        }
        var preview = await FileAsync(document.FileName, document.Content, bodyHint, parsed, ct);
        return new PendingImport(document, parsed, preview.Value!);
    }

    /// <summary>The original file, for the secretariat (an imported agenda may hold closed items).</summary>
    public async Task<Result<(string FileName, string ContentType, byte[] Content)>> OriginalAsync(int id, CancellationToken ct)
    {
        var file = await db.ImportedDocuments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.FileName, d.ContentType, d.Content }).FirstOrDefaultAsync(ct);
        return file is null
            ? new Error("import.not_found", "Filen findes ikke; den er måske kasseret.")
            : (file.FileName, file.ContentType, file.Content);
    }

    private async Task MatchMeetingAsync(ImportPreview preview, ParsedMeeting meeting, Body? body, CancellationToken ct)
    {
        if (meeting.Date is null)
        {
            preview.Error = Meeting.HistoryDateMissing;
            return;
        }
        if (body is not null)
        {
            preview.ExistingMeeting = await db.Meetings.AsNoTracking().Include(m => m.Items)
                .FirstOrDefaultAsync(m => m.BodyId == body.Id && m.Date == meeting.Date && m.Status != MeetingStatus.Cancelled, ct);
        }
        if (preview.ExistingMeeting is null
            && Meeting.ValidateHistory(meeting, body ?? NewBody(preview.BodyName!, meeting.Date.Value)) is { Count: > 0 } refused)
        {
            // A new meeting from history gets the checks a new meeting gets (Meeting.FromHistory); said here, it can be corrected.
            preview.Error = string.Join(" ", refused.Select(e => e.Message));
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
}
