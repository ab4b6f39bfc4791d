using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Domain.Workspace;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Workspace;

public sealed record OfflineSync(Guid Device, string? Name, IReadOnlyList<int>? Meetings);

/// <param name="Forgotten">The member forgot this device in his settings: it deletes everything and starts over with a new key.</param>
public sealed record OfflineAnswer(IReadOnlyList<int> Keep, IReadOnlyList<int> Remove, bool Forgotten);

/// <summary>
/// A device tells which meetings it keeps offline ("Gem til offline", "Mine næste møder"); the answer says which it may
/// keep and which it must delete now: a meeting no longer his to read (a seat ended, a meeting gone) goes at the next sync.
/// </summary>
public sealed class KeepOffline(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public const int MaxMeetings = 50;

    public async Task<Result<OfflineAnswer>> HandleAsync(OfflineSync sync, string? userAgent, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        if (viewer.UserId is not { } userId)
        {
            return new Error("offline.signed_out", "Du skal være logget ind.");
        }
        if (sync.Device == Guid.Empty)
        {
            return new Error("offline.device_missing", "Enheden mangler sin nøgle.", "Device");
        }
        var wanted = (sync.Meetings ?? []).Distinct().ToList();
        if (wanted.Count > MaxMeetings)
        {
            return new Error("offline.too_many", $"Der kan højst gemmes {MaxMeetings} møder på en enhed.", "Meetings");
        }
        var now = clock.GetUtcNow();
        var device = await db.OfflineDevices.Include(d => d.Meetings).FirstOrDefaultAsync(d => d.UserId == userId && d.Key == sync.Device, ct);
        if (device?.ForgottenAt is not null)
        {
            return new OfflineAnswer([], wanted, Forgotten: true);
        }
        if (device is null)
        {
            device = new OfflineDevice { UserId = userId, Key = sync.Device, Name = DeviceName(sync.Name, userAgent), FirstSeenAt = now };
            db.OfflineDevices.Add(device);
        }
        var states = await db.Meetings.AsNoTracking().Where(m => wanted.Contains(m.Id))
            .Select(m => new { m.Id, State = new MeetingState(m.BodyId, m.Status, m.Date) }).ToListAsync(ct);
        var keep = states.Where(m => Visibility.KeepOffline(viewer.Facts, m.State)).Select(m => m.Id).ToHashSet();

        device.LastSyncAt = now;
        device.Meetings.RemoveAll(k => !keep.Contains(k.MeetingId));
        foreach (var id in keep.Where(id => device.Meetings.All(k => k.MeetingId != id)))
        {
            device.Meetings.Add(new KeptMeeting { MeetingId = id, KeptAt = now });
        }
        var saved = await db.SaveAsync("Enheden", ct);
        return saved.With(new OfflineAnswer([.. wanted.Where(keep.Contains)], [.. wanted.Where(id => !keep.Contains(id))], false));
    }

    /// <summary>"Chrome på Android" from what the browser says, for the list of devices in the settings.</summary>
    public static string DeviceName(string? given, string? userAgent)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Trim()[..Math.Min(given.Trim().Length, 200)];
        }
        var ua = userAgent ?? "";
        var browser = ua.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
            : ua.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
            : ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("Chromium/", StringComparison.Ordinal) ? "Chrome"
            : ua.Contains("Safari/", StringComparison.Ordinal) ? "Safari"
            : "En browser";
        var system = ua.Contains("iPad", StringComparison.Ordinal) ? "iPad"
            : ua.Contains("iPhone", StringComparison.Ordinal) ? "iPhone"
            : ua.Contains("Android", StringComparison.Ordinal) ? "Android"
            : ua.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : ua.Contains("Mac OS", StringComparison.Ordinal) ? "Mac"
            : ua.Contains("Linux", StringComparison.Ordinal) ? "Linux"
            : null;
        return system is null ? browser : $"{browser} på {system}";
    }
}
