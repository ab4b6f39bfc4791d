namespace Raad.Web.Infrastructure.Mail;

/// <summary>
/// An e-mail waiting to be sent. Written in the same transaction as the action it tells about, and sent afterwards by
/// <see cref="OutboxSender"/>, so a mail server that is down neither loses the mail nor delays the user.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>What the mail is about ("agenda_published", "minutes_circulated" ...), for the log and the tests.</summary>
    public required string Kind { get; set; }

    /// <summary>The meeting the mail is about, for its page's list of mails sent.</summary>
    public int? MeetingId { get; set; }

    /// <summary>The person it went to, where it went to one of a body's people.</summary>
    public int? PersonId { get; set; }

    /// <summary>For a list's mail (the public's alerts): the link that unsubscribes, sent as <c>List-Unsubscribe</c> with one-click POST.</summary>
    public string? ListUnsubscribe { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    // The two times the sender filters on are Unix milliseconds: SQLite cannot compare DateTimeOffset in a query.
    /// <summary>Not to be tried before this instant (Unix milliseconds); moved on after a failure.</summary>
    public long NextAttemptAtMs { get; set; }

    /// <summary>While later than now (Unix milliseconds) one app instance is sending the message; others leave it alone.</summary>
    public long ClaimedUntilMs { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
