using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

public sealed class ItemInput
{
    public string? Title { get; set; }
    public ItemKind Kind { get; set; }
    public int DurationMinutes { get; set; }
    public bool IsClosed { get; set; }
    public string? Background { get; set; }
    public string? Summary { get; set; }
    public string? Presentation { get; set; }
    public string? Economy { get; set; }

    /// <summary>Prints the body's economy overview (Tabel 1) of this day under "Økonomi"; frozen when the agenda is published.</summary>
    public DateOnly? EconomyAsOf { get; set; }

    public string? FurtherProcess { get; set; }

    /// <summary>One "at ..." clause per line.</summary>
    public string? Recommendation { get; set; }

    public string? Presenters { get; set; }
    public int? CaseId { get; set; }
    public int Version { get; set; }

    public static ItemInput Of(AgendaItem i) => new()
    {
        Title = i.Title,
        Kind = i.Kind,
        DurationMinutes = i.DurationMinutes,
        IsClosed = i.IsClosed,
        Background = i.Background,
        Summary = i.Summary,
        Presentation = i.Presentation,
        Economy = i.Economy,
        EconomyAsOf = i.EconomyAsOf,
        FurtherProcess = i.FurtherProcess,
        Recommendation = string.Join('\n', i.Recommendation),
        Presenters = i.Presenters,
        CaseId = i.CaseId,
        Version = i.Version,
    };
}

/// <summary>
/// What the item form's attachment buttons ask for. The item's text is saved with it, in the same transaction, so
/// that adding or removing a file never throws away what was typed in the sections.
/// </summary>
/// <param name="FileRequired">"Tilføj bilag" was pressed: without a file the user is told to choose one.</param>
public sealed record AttachmentChange(IFormFile? File = null, string? Title = null, bool FileRequired = false, int? RemoveId = null)
{
    public static readonly AttachmentChange None = new();
}

/// <summary>
/// Saves every section of an item on a draft agenda, with a file added or removed by the same form; a save over
/// someone else's newer version is refused, and then nothing is saved. Answers the item's id.
/// </summary>
public sealed class SaveItem(AppDbContext db, IOptions<AttachmentOptions> attachmentOptions, IOptions<Search.AttachmentTextOptions> textOptions,
    Search.AttachmentTextWorker textWorker, TimeProvider clock) : IUseCase
{
    public Task<Result<int>> HandleAsync(int itemId, ItemInput input, CancellationToken ct) => HandleAsync(itemId, input, AttachmentChange.None, ct);

    public async Task<Result<int>> HandleAsync(int itemId, ItemInput input, AttachmentChange attachments, CancellationToken ct)
    {
        var errors = new List<Error>(AgendaItem.Validate(input.Title, input.DurationMinutes).Errors);
        byte[]? content = null;
        string? contentType = null;
        if (attachments.File is not null || attachments.FileRequired)
        {
            var (read, type, fileError) = await UploadedFile.ReadAsync(attachments.File, attachmentOptions.Value.MaxBytes, ct);
            (content, contentType) = (read, type);
            if (fileError is not null)
            {
                errors.Add(fileError);
            }
        }
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }
        var (meeting, guard) = await AgendaGuard.EditableMeetingOfItemAsync(db, itemId, ct);
        if (!guard.IsSuccess)
        {
            return guard.With(itemId);
        }
        if (input.CaseId is { } caseId && !await db.Cases.AnyAsync(c => c.Id == caseId, ct))
        {
            return new Error("item.case_not_found", "Sagen findes ikke.", nameof(ItemInput.CaseId));
        }
        var item = meeting!.Items.First(i => i.Id == itemId);
        db.ExpectVersion(item, input.Version);
        item.Title = input.Title!.Trim();
        item.Kind = input.Kind;
        item.DurationMinutes = input.DurationMinutes;
        item.IsClosed = input.IsClosed;
        item.Background = input.Background.OrNull();
        item.Summary = input.Summary.OrNull();
        item.Presentation = input.Presentation.OrNull();
        item.Economy = input.Economy.OrNull();
        if (item.EconomyAsOf != input.EconomyAsOf)
        {
            (item.EconomyAsOf, item.EconomyTable) = (input.EconomyAsOf, null);
        }
        item.FurtherProcess = input.FurtherProcess.OrNull();
        item.Recommendation = AgendaItem.ParseRecommendation(input.Recommendation);
        item.Presenters = input.Presenters.OrNull();
        item.CaseId = input.CaseId;
        if (content is not null)
        {
            await AddAttachmentAsync(itemId, attachments, content, contentType!, ct);
        }
        // One transaction: the text, the file added, the file removed (deleted without loading its content).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (attachments.RemoveId is { } removeId)
        {
            var removed = db.Attachments.Where(a => a.Id == removeId && a.AgendaItemId == itemId);
            var file = await removed.Select(a => new { a.Title, a.FileName }).FirstOrDefaultAsync(ct);
            if (await removed.ExecuteDeleteAsync(ct) == 0)
            {
                return new Error("attachment.not_found", "Bilaget findes ikke (længere) på punktet.");
            }
            // Deleted past the change tracker, so recorded by hand.
            Infrastructure.Audit.AuditTrail.Record(db, Infrastructure.Audit.AuditAct.Deleted, nameof(Attachment), $"{removeId}", file?.Title ?? "",
                before: new Dictionary<string, object?> { ["AgendaItemId"] = itemId, ["Title"] = file?.Title, ["FileName"] = file?.FileName });
        }
        var saved = await db.SaveAsync("Punktet", ct);
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(ct);
            if (db.Attachments.Local.Any(a => a.Text is null))
            {
                textWorker.Nudge();
            }
        }
        return saved.With(itemId);
    }

    private async Task AddAttachmentAsync(int itemId, AttachmentChange attachments, byte[] content, string contentType, CancellationToken ct)
    {
        var order = await db.Attachments.Where(a => a.AgendaItemId == itemId).MaxAsync(a => (int?)a.Order, ct) ?? 0;
        var file = attachments.File!;
        // Searchable at once; a large or slow file is left unread (null) for the background (Search/AttachmentTextWorker).
        var text = await Search.AttachmentText.AtUploadAsync(content, textOptions.Value, ct);
        db.Attachments.Add(new Attachment
        {
            AgendaItemId = itemId,
            Title = string.IsNullOrWhiteSpace(attachments.Title) ? Path.GetFileNameWithoutExtension(file.FileName) : attachments.Title.Trim(),
            FileName = Path.GetFileName(file.FileName),
            ContentType = contentType,
            Size = content.Length,
            Sha256 = UploadedFile.Sha256(content),
            Content = content,
            Order = order + 1,
            UploadedAt = clock.GetUtcNow(),
            Text = text,
        });
    }
}
