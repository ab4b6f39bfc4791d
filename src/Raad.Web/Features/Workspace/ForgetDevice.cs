using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Workspace;

/// <summary>
/// The member forgets a device in his settings (a lost tablet): its list of kept meetings is emptied, and its next sync
/// tells it to delete everything it kept. Signing out everywhere as well ends its session.
/// </summary>
public sealed class ForgetDevice(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public async Task<Result> HandleAsync(int deviceId, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        var device = await db.OfflineDevices.Include(d => d.Meetings)
            .FirstOrDefaultAsync(d => d.Id == deviceId && d.UserId == viewer.UserId, ct);
        if (device is null || device.ForgottenAt is not null)
        {
            return new Error("device.not_found", "Enheden findes ikke.");
        }
        device.ForgottenAt = clock.GetUtcNow();
        device.Meetings.Clear();
        return await db.SaveAsync("Enheden", ct);
    }
}
