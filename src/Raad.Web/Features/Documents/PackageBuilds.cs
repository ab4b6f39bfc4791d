using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

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
public sealed class PackageSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            await channel.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Time for a look anyway: another instance may have queued work.
        }
    }
}

/// <summary>Asks for an agenda package: the current one if it is built, else a build in the queue and its progress.</summary>
public sealed class PackageRequests(AppDbContext db, AgendaPackage package, PackageSignal signal, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public async Task<Result<PackageBuild>> RequestAsync(int meetingId, DocumentVersion version, CancellationToken ct)
    {
        // The members' package is built once, for every insider alike; a member disqualified from a closed item of the
        // meeting may not read that item (Visibility.Item), so he gets the public's package.
        if (version == DocumentVersion.Members && await DisqualifiedFromAClosedItemAsync(meetingId, ct))
        {
            version = DocumentVersion.Public;
        }
        var (fingerprint, error) = await package.FingerprintAsync(meetingId, version, ct);
        if (error is not null)
        {
            return error;
        }
        var now = clock.GetUtcNow();
        var latest = await db.PackageBuilds.AsNoTracking()
            .Where(b => b.MeetingId == meetingId && b.Edition == version && b.Fingerprint == fingerprint)
            .OrderByDescending(b => b.Id)
            .Select(b => new PackageBuild
            {
                Id = b.Id,
                MeetingId = b.MeetingId,
                Edition = b.Edition,
                Fingerprint = b.Fingerprint,
                Status = b.Status,
                Progress = b.Progress,
                Message = b.Message,
                FileName = b.FileName,
                RequestedAt = b.RequestedAt,
                FinishedAt = b.FinishedAt,
            })
            .FirstOrDefaultAsync(ct);
        // A failure is shown for a while, then asking again tries again.
        var retry = latest is { Status: PackageBuildStatus.Failed, FinishedAt: { } failed } && now - failed > TimeSpan.FromSeconds(30);
        if (latest is not null && !retry)
        {
            return latest;
        }
        var build = new PackageBuild { MeetingId = meetingId, Edition = version, Fingerprint = fingerprint!, Status = PackageBuildStatus.Queued, RequestedAt = now };
        db.PackageBuilds.Add(build);
        await db.SaveChangesAsync(ct);
        signal.Nudge();
        return build;
    }

    /// <summary>Whether the viewer may not read every closed item of the meeting (Visibility.Item), though he reads the rest.</summary>
    private async Task<bool> DisqualifiedFromAClosedItemAsync(int meetingId, CancellationToken ct)
    {
        var viewer = (await viewers.GetAsync(ct)).Facts;
        if (viewer.DisqualifiedFromItems.Count == 0)
        {
            return false;
        }
        var closed = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId && i.IsClosed)
            .Select(i => new { i.Id, i.Meeting!.BodyId, i.Meeting.Status }).ToListAsync(ct);
        return closed.Any(i => Visibility.Item(viewer, new MeetingState(i.BodyId, i.Status), new ItemState(i.Id, IsClosed: true)) != ItemSight.Full);
    }

    public Task<byte[]?> ContentAsync(long buildId, CancellationToken ct) =>
        db.PackageBuilds.Where(b => b.Id == buildId).Select(b => b.Content).FirstOrDefaultAsync(ct);
}

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
