using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Documents;

/// <summary>
/// "Samlet dagsorden": asks for an agenda package, the current one if it is built, else a build in the queue. Answers the
/// build, with its progress.
/// </summary>
public sealed class RequestAgendaPackage(AppDbContext db, AgendaPackage package, PackageSignal signal, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public async Task<Result<PackageBuild>> HandleAsync(int meetingId, DocumentVersion version, CancellationToken ct)
    {
        // The members' package is built once, for every insider alike; an insider who may not read a closed item of the
        // meeting (a member disqualified from it, an advisor of a body that keeps closed items from its advisors) gets the public's.
        if (version == DocumentVersion.Members && await MissesAClosedItemAsync(meetingId, ct))
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
    private async Task<bool> MissesAClosedItemAsync(int meetingId, CancellationToken ct)
    {
        var viewer = (await viewers.GetAsync(ct)).Facts;
        var closed = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId && i.IsClosed)
            .Select(i => new { i.Id, i.Meeting!.BodyId, i.Meeting.Status, i.Meeting.Date }).ToListAsync(ct);
        return closed.Any(i => Visibility.Item(viewer, new MeetingState(i.BodyId, i.Status, i.Date), new ItemState(i.Id, IsClosed: true)) != ItemSight.Full);
    }

    public Task<byte[]?> ContentAsync(long buildId, CancellationToken ct) =>
        db.PackageBuilds.Where(b => b.Id == buildId).Select(b => b.Content).FirstOrDefaultAsync(ct);
}
