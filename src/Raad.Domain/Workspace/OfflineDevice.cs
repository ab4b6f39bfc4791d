namespace Raad.Domain.Workspace;

/// <summary>
/// A browser on which a member keeps meetings to read offline ("Gem til offline"). The device names itself with a key
/// it made; each sync tells the server what it keeps, and the server answers what it may keep. "Mine indstillinger"
/// lists the devices, and forgetting one makes its next sync remove everything it kept.
/// </summary>
public class OfflineDevice
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public Guid Key { get; set; }

    /// <summary>What the browser says it is ("Chrome på Android"), to tell devices apart in the settings.</summary>
    public required string Name { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSyncAt { get; set; }

    /// <summary>Forgotten in the settings: its next sync removes everything it kept, and it must start over with a new key.</summary>
    public DateTimeOffset? ForgottenAt { get; set; }
    public List<KeptMeeting> Meetings { get; set; } = [];
}

public class KeptMeeting
{
    public int Id { get; set; }
    public int OfflineDeviceId { get; set; }
    public int MeetingId { get; set; }
    public DateTimeOffset KeptAt { get; set; }
}
