using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure.Mail;

/// <summary>
/// Delivers the outbox in the background: every <see cref="MailOptions.PollSeconds"/> it sends the mails that are due.
/// Only this service talks to the mail server, so a slow or absent server never delays a user's request; a mail that
/// cannot be sent stays in the outbox and is tried again later, further apart each time.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxSender> logger)
    : BackgroundService
{
    // One delivery (connect, then send) is bounded by the SMTP timeout twice over; the claim outlasts that, so it does not
    // run out while its holder is still sending and another instance sends the mail a second time.
    private static readonly TimeSpan SmtpTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);
    private const int PerPass = 100;
    private const int MaxErrorLength = 2000;

    private bool warnedWithoutHost;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(options.Value.PollSeconds, 0.1));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database that is away for a moment must neither stop the mail for good nor take the app down with it.
                logger.LogError(e, "Udbakken kunne ikke gennemgås; der prøves igen om {Seconds} s.", interval.TotalSeconds);
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the outbox: sends the mails that are due, over one connection, and returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var mail = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (string.IsNullOrWhiteSpace(mail.Host))
        {
            await WarnOnceWithoutHostAsync(db, ct);
            return 0;
        }

        var now = NowMs();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAtMs <= now && m.ClaimedUntilMs < now)
            .OrderBy(m => m.NextAttemptAtMs).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(PerPass)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        using var smtp = new SmtpClient { Timeout = (int)SmtpTimeout.TotalMilliseconds };
        var sent = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(db, id, ct) is not { } message)
            {
                continue; // another pass, in this instance or another, has it or has sent it
            }
            try
            {
                if (!smtp.IsConnected)
                {
                    await ConnectAsync(smtp, mail.Host, mail, ct);
                }
                await smtp.SendAsync(Compose(message, mail), ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                await RecordFailureAsync(db, message, e);
                // Whatever went wrong (server away, refused login, refused address), the rest wait for the next pass
                // instead of each failing in turn now; the failed mail itself waits longer.
                break;
            }
            // Recorded even when the app is stopping at this moment: the mail has gone, and must not go again.
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, clock.GetUtcNow())
                .SetProperty(m => m.ClaimedUntilMs, 0L), CancellationToken.None);
            sent++;
        }
        await QuitAsync(smtp);
        return sent;
    }

    /// <summary>30 seconds after the first failure, twice as long after each further one, never more than an hour.</summary>
    public static TimeSpan RetryAfter(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(FirstRetry.TotalSeconds * Math.Pow(2, Math.Max(attempts - 1, 0)), LongestRetry.TotalSeconds));

    /// <summary>
    /// Takes the message for this pass with one UPDATE that succeeds only while it is unsent, due and unclaimed: the
    /// database lets exactly one of several passes or instances through, the others update no row and leave it.
    /// </summary>
    private async Task<OutboxMessage?> ClaimAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var now = NowMs();
        var until = now + (long)ClaimFor.TotalMilliseconds;
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.SentAt == null && m.NextAttemptAtMs <= now && m.ClaimedUntilMs < now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilMs, until), ct);
        return claimed == 1 ? await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct) : null;
    }

    private static async Task ConnectAsync(SmtpClient smtp, string host, MailOptions mail, CancellationToken ct)
    {
        if (!Enum.TryParse<SecureSocketOptions>(mail.Security, ignoreCase: true, out var security))
        {
            throw new InvalidOperationException(
                $"Raad:Mail:Security er \"{mail.Security}\". Brug \"None\", \"StartTls\", \"SslOnConnect\" eller \"Auto\".");
        }
        await smtp.ConnectAsync(host, mail.Port, security, ct);
        if (!string.IsNullOrEmpty(mail.UserName))
        {
            await smtp.AuthenticateAsync(mail.UserName, mail.Password ?? "", ct);
        }
    }

    private static MimeMessage Compose(OutboxMessage message, MailOptions mail)
    {
        // Dated when it was written, with the action it tells about, not when the server happened to take it.
        var mime = new MimeMessage { Subject = message.Subject, Date = message.CreatedAt };
        mime.From.Add(MailboxAddress.Parse(mail.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.ListUnsubscribe is { Length: > 0 } unsubscribe)
        {
            // RFC 2369 and RFC 8058: mail programs offer "Afmeld" and POST "List-Unsubscribe=One-Click" to the link.
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, message.Body);
        mime.Body = body;
        return mime;
    }

    private async Task RecordFailureAsync(AppDbContext db, OutboxMessage message, Exception error)
    {
        var attempts = message.Attempts + 1;
        var wait = RetryAfter(attempts);
        var text = $"{error.GetType().Name}: {error.Message}";
        text = text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
        var next = NowMs() + (long)wait.TotalMilliseconds;
        logger.LogWarning("E-mail {Id} ({Kind}) kunne ikke sendes (forsøg {Attempts}); næste forsøg om {Seconds} s: {Error}",
            message.Id, message.Kind, attempts, wait.TotalSeconds, text);
        // Not cancellable: the failure and the released claim are recorded even while the app stops.
        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, text)
            .SetProperty(m => m.NextAttemptAtMs, next)
            .SetProperty(m => m.ClaimedUntilMs, 0L), CancellationToken.None);
    }

    private async Task WarnOnceWithoutHostAsync(AppDbContext db, CancellationToken ct)
    {
        if (warnedWithoutHost)
        {
            return;
        }
        var waiting = await db.Outbox.CountAsync(m => m.SentAt == null, ct);
        if (waiting > 0)
        {
            warnedWithoutHost = true;
            logger.LogWarning("Raad:Mail:Host er ikke sat; {Waiting} e-mails venter i udbakken.", waiting);
        }
    }

    private async Task QuitAsync(SmtpClient smtp)
    {
        if (!smtp.IsConnected)
        {
            return;
        }
        try
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The mails are recorded as sent; a goodbye that fails changes nothing about them.
            logger.LogDebug(e, "SMTP-forbindelsen blev ikke afsluttet pænt.");
        }
    }

    private long NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
