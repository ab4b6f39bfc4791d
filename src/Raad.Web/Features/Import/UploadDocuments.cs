using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Import;

/// <summary>One uploaded file: its name, its size as the request states it, and its bytes (read only when within the limit).</summary>
public sealed record UploadedFile(string Name, long Length, Func<CancellationToken, Task<byte[]>> ReadAsync);

public sealed record UploadDocumentsCommand(IReadOnlyList<UploadedFile> Files, string? BodyHint, string User);

/// <param name="Waiting">The ids of the files that now wait as previews.</param>
/// <param name="Refused">The files refused, each with why in Danish; nothing of them is kept.</param>
public sealed record UploadOutcome(IReadOnlyList<int> Waiting, IReadOnlyList<(string File, string Why)> Refused);

/// <summary>
/// "Upload": agendas, minutes and annexes to check before importing. Each file is read and parsed at once; one that
/// cannot be is refused with a Danish message, a readable one waits as a preview (<see cref="PreviewImport"/>) until
/// the secretariat confirms it (<see cref="ConfirmImport"/>). All waiting files are kept in one SaveChanges.
/// </summary>
public sealed class UploadDocuments(AppDbContext db, PreviewImport previews, TimeProvider clock) : IUseCase
{
    public async Task<Result<UploadOutcome>> RunAsync(UploadDocumentsCommand command, CancellationToken ct)
    {
        if (command.Files.Count == 0)
        {
            return new Error("import.no_files", "Vælg en eller flere filer.", "Files");
        }
        var body = string.IsNullOrWhiteSpace(command.BodyHint) ? null : command.BodyHint.Trim();
        var waiting = new List<ImportedDocument>();
        var refused = new List<(string File, string Why)>();
        foreach (var file in command.Files)
        {
            var name = Path.GetFileName(file.Name);
            if (file.Length > ReadLimits.DefaultMaxBytes)
            {
                refused.Add((name, ReadErrors.TooLarge(file.Length, ReadLimits.DefaultMaxBytes).Message));
                continue;
            }
            var content = await file.ReadAsync(ct);
            var preview = (await previews.FileAsync(name, content, body, null, ct)).Value!;
            if (preview.AlreadyImported is not null)
            {
                refused.Add((name, "Filen er allerede importeret (samme indhold); intet er ændret."));
                continue;
            }
            if (preview.Parsed is null || preview.Parsed.Error is not null)
            {
                refused.Add((name, preview.Error ?? "Filen kan ikke læses."));
                continue;
            }
            var document = new ImportedDocument
            {
                FileName = name,
                ContentType = preview.ContentType,
                Sha256 = preview.Sha256,
                Size = content.Length,
                Content = content,
                Status = ImportStatus.Pending,
                Kind = preview.Parsed.Kind,
                BodyHint = body,
                UploadedBy = command.User,
                UploadedAt = clock.GetUtcNow(),
            };
            document.WriteParsed(preview.Parsed);
            waiting.Add(document);
        }
        if (waiting.Count > 0)
        {
            db.ImportedDocuments.AddRange(waiting);
            await db.SaveChangesAsync(ct);
        }
        return new UploadOutcome([.. waiting.Select(d => d.Id)], refused);
    }
}
