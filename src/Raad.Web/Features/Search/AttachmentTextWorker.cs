using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raad.Domain.Agenda;
using Raad.Web.Data;

namespace Raad.Web.Features.Search;

/// <summary>
/// Reads the words of attachments that have none yet (<see cref="Attachment.Text"/> null): files too large to read at
/// upload, files taken over from a member's item request, and rows from before search. Every
/// <see cref="AttachmentTextOptions.PollSeconds"/> it reads them in small batches, one file in memory at a time, and
/// saves through tracked entities, so the search index and the public page cache follow as for any other change.
/// Several instances may run it: the worst that happens is that two read the same file and save the same words.
/// </summary>
public sealed class AttachmentTextWorker(IServiceScopeFactory scopes, IOptions<AttachmentTextOptions> options, ILogger<AttachmentTextWorker> log)
    : BackgroundService
{
    /// <summary>A batch is saved early once it holds this many bytes of files, so memory stays small.</summary>
    private const long BatchBytes = 32L * 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.PollSeconds;
        if (seconds <= 0)
        {
            log.LogInformation("Læsning af tekst i bilag i baggrunden er slået fra (Raad:AttachmentText:PollSeconds = 0).");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database away for a moment must neither stop the reading for good nor take the app down.
                log.LogError(e, "Tekst i bilag kunne ikke læses; der prøves igen om {Seconds} s.", seconds);
            }
            await wake.WaitAsync(TimeSpan.FromSeconds(seconds), stoppingToken);
        }
    }

    private readonly Infrastructure.WakeSignal wake = new();

    /// <summary>Wakes this instance's worker: an attachment was saved without its words (too large to read at upload, or taken over from an item request).</summary>
    public void Nudge() => wake.Nudge();

    /// <summary>
    /// One pass: reads every attachment that was unread when the pass began and saves its words ("" when it has none or
    /// cannot be read, so it is not read again). Answers how many it saved. Tests call it to wait for the background.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var limits = options.Value;
        var timeout = TimeSpan.FromSeconds(Math.Max(1, limits.TimeoutSeconds));
        var batchSize = Math.Max(1, limits.BatchSize);
        int total;
        await using (var scope = scopes.CreateAsyncScope())
        {
            total = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Attachments.CountAsync(a => a.Text == null, ct);
        }
        if (total == 0)
        {
            return 0;
        }
        log.LogInformation("Læser tekst i bilag: 0 af {Total}", total);
        var saved = 0;
        var lastId = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Ids only: the files are loaded one at a time below.
            var ids = await db.Attachments.Where(a => a.Text == null && a.Id > lastId).OrderBy(a => a.Id)
                .Select(a => a.Id).Take(batchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }
            lastId = ids[^1];
            var pending = 0;
            long bytes = 0;
            foreach (var id in ids)
            {
                // Read again under the condition: another instance may have read it, or the secretariat removed it.
                var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == id && a.Text == null, ct);
                if (attachment is null)
                {
                    continue;
                }
                var text = await AttachmentText.ReadWithinAsync(attachment.Content, limits, timeout, ct);
                if (text is null)
                {
                    log.LogWarning("Teksten i bilag {Id} ({FileName}) kunne ikke læses inden for {Seconds} s; det søges ikke i.",
                        attachment.Id, attachment.FileName, timeout.TotalSeconds);
                }
                attachment.Text = text ?? "";
                pending++;
                bytes += attachment.Content.Length;
                if (bytes >= BatchBytes)
                {
                    saved += await SaveAsync(db, pending, ct);
                    (pending, bytes) = (0, 0);
                }
            }
            saved += await SaveAsync(db, pending, ct);
            log.LogInformation("Læser tekst i bilag: {Done} af {Total}", Math.Min(saved, total), total);
        }
        return saved;
    }

    /// <summary>Saves the batch and lets go of its files; a batch with a file removed meanwhile is left for the next pass.</summary>
    private async Task<int> SaveAsync(AppDbContext db, int pending, CancellationToken ct)
    {
        if (pending == 0)
        {
            return 0;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return pending;
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogInformation("Et bilag blev fjernet, mens dets tekst blev læst; resten læses ved næste gennemgang.");
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
