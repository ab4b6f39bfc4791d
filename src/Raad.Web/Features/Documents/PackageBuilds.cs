using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;

namespace Raad.Web.Features.Documents;

public enum PackageBuildStatus
{
    Queued,
    Building,
    Done,
    Failed,
}

/// <summary>
/// One agenda package, asked for and built in the background. Kept while its fingerprint (the agenda as printed and
/// its attachments' checksums) is current, so the next reader gets it at once.
/// </summary>
public class PackageBuild
{
    public long Id { get; set; }
    public int MeetingId { get; set; }
    public DocumentVersion Edition { get; set; }
    public required string Fingerprint { get; set; }
    public PackageBuildStatus Status { get; set; }

    /// <summary>0-100, for the progress bar.</summary>
    public int Progress { get; set; }

    public string? Message { get; set; }
    public byte[]? Content { get; set; }
    public string? FileName { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>While later than now (Unix milliseconds) one app instance is building it.</summary>
    public long ClaimedUntilMs { get; set; }
}

/// <summary>Wakes the package worker when a package is asked for, so it need not wait for its next look.</summary>
public sealed class PackageSignal : Infrastructure.WakeSignal;

/// <summary>
/// Builds queued agenda packages one at a time per instance. A build is claimed in the database first, so several
/// instances never build the same one; a claim left by a crashed instance runs out and the build is taken up again.
/// </summary>
public sealed class PackageWorker(IServiceScopeFactory scopes, PackageSignal signal, TimeProvider clock, ILogger<PackageWorker> log) : BackgroundService
{
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await BuildNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Samlede dagsordener kunne ikke bygges; prøver igen.");
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }

    /// <summary>Claims and builds one queued package; false when there was none.</summary>
    public async Task<bool> BuildNextAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var next = await db.PackageBuilds
            .Where(b => b.Status == PackageBuildStatus.Queued || (b.Status == PackageBuildStatus.Building && b.ClaimedUntilMs < now))
            .OrderBy(b => b.Id).Select(b => new { b.Id, b.MeetingId, b.Edition }).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return false;
        }
        var claimed = await db.PackageBuilds
            .Where(b => b.Id == next.Id && (b.Status == PackageBuildStatus.Queued || (b.Status == PackageBuildStatus.Building && b.ClaimedUntilMs < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, PackageBuildStatus.Building)
                .SetProperty(b => b.ClaimedUntilMs, now + (long)Claim.TotalMilliseconds), ct);
        if (claimed == 0)
        {
            return true;
        }
        var progress = new Progress(db, next.Id);
        Result<DocumentFile> built;
        try
        {
            built = await scope.ServiceProvider.GetRequiredService<AgendaPackage>().BuildAsync(next.MeetingId, next.Edition, progress, ct, allowed: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Den samlede dagsorden til møde {Meeting} kunne ikke bygges.", next.MeetingId);
            built = new Error("package.failed", "Den samlede dagsorden kunne ikke laves. Prøv igen om lidt.");
        }
        var finished = clock.GetUtcNow();
        if (built.IsSuccess)
        {
            await db.PackageBuilds.Where(b => b.Id == next.Id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, PackageBuildStatus.Done).SetProperty(b => b.Progress, 100)
                .SetProperty(b => b.Content, built.Value!.Content).SetProperty(b => b.FileName, built.Value.FileName)
                .SetProperty(b => b.FinishedAt, finished), ct);
            // Older packages of the meeting are out of date now; keep the database small.
            await db.PackageBuilds.Where(b => b.MeetingId == next.MeetingId && b.Edition == next.Edition && b.Id < next.Id
                && (b.Status == PackageBuildStatus.Done || b.Status == PackageBuildStatus.Failed)).ExecuteDeleteAsync(ct);
        }
        else
        {
            await db.PackageBuilds.Where(b => b.Id == next.Id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, PackageBuildStatus.Failed).SetProperty(b => b.Message, built.Errors[0].Message)
                .SetProperty(b => b.FinishedAt, finished), ct);
        }
        return true;
    }

    /// <summary>Writes the progress as it comes, at most once per step of 5.</summary>
    private sealed class Progress(AppDbContext db, long id) : IProgress<int>
    {
        private int last = -1;

        public void Report(int value)
        {
            if (value < last + 5 && value != 100)
            {
                return;
            }
            last = value;
            db.PackageBuilds.Where(b => b.Id == id).ExecuteUpdate(s => s.SetProperty(b => b.Progress, value));
        }
    }
}
