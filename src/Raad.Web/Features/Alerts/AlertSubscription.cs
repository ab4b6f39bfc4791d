namespace Raad.Web.Features.Alerts;

/// <summary>
/// One address that wants mail from one body when an agenda is out or minutes are approved. Holds no more than that:
/// the address, the body, the hash of the confirmation token and three times. Never shown to anyone, not even the
/// secretariat, nor written to the audit log; deleted, not flagged, on unsubscribe. Not confirmed it gets no alerts.
/// The times are Unix milliseconds because they are filtered on, and SQLite cannot compare DateTimeOffset in a query.
/// </summary>
public class AlertSubscription
{
    public int Id { get; set; }
    public int BodyId { get; set; }

    /// <summary>Trimmed and in lower case, so one address is one row per body.</summary>
    public required string Email { get; set; }

    /// <summary>SHA-256 (hex) of the token in the confirmation mail. The token itself is never stored.</summary>
    public required string ConfirmTokenHash { get; set; }

    /// <summary>When the (latest) confirmation mail was asked for; the link is valid for <see cref="PublicAlerts.ConfirmFor"/> from then.</summary>
    public long CreatedAtMs { get; set; }

    /// <summary>Null until the address's owner confirmed: only confirmed rows get alerts.</summary>
    public long? ConfirmedAtMs { get; set; }

    /// <summary>When the last confirmation mail went to this row (the subscribe form's rate limit per address).</summary>
    public long LastMailAtMs { get; set; }
}

/// <summary>
/// That a meeting's alert of one kind has gone out, so an agenda withdrawn and published again (or minutes approved
/// again) alerts nobody a second time. One row per meeting and kind (unique).
/// </summary>
public class AlertDispatch
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
