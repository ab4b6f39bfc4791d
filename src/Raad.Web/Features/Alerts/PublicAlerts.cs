using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Alerts;

/// <summary>
/// E-mail alerts for the public: when a body's agenda is published or its minutes approved, each confirmed subscriber of
/// that body gets one mail through the outbox, in the same unit of work as the action, with a link to the document and
/// an unsubscribe link (also as <c>List-Unsubscribe</c> with RFC 8058's one-click POST). One alert per meeting and kind,
/// ever (<see cref="AlertDispatch"/>), and only of what the public may see (<see cref="Visibility"/>).
/// </summary>
public sealed class PublicAlerts(AppDbContext db, Outbox outbox, TimeProvider clock, IDataProtectionProvider protection)
{
    public const string AgendaKind = "public_agenda";
    public const string MinutesKind = "public_minutes";
    public const string ConfirmKind = "public_confirm";

    /// <summary>How long a confirmation link holds; unconfirmed rows older than this are deleted.</summary>
    public static readonly TimeSpan ConfirmFor = TimeSpan.FromDays(7);

    /// <summary>At most one confirmation mail per address in this time, whatever the body: the form cannot be used to flood an inbox.</summary>
    public static readonly TimeSpan MailEvery = TimeSpan.FromMinutes(10);

    private const string UnsubscribePurpose = "raad-alert-unsubscribe";

    /// <summary>A fresh random token for a link (256 bits, URL-safe).</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored of a token: its SHA-256, so a copy of the database holds no working link.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Trimmed, lower case; null when it is not one plain address.</summary>
    public static string? Normalise(string? email)
    {
        var address = email?.Trim().ToLowerInvariant();
        if (address is not { Length: > 3 and <= 254 } || address.Contains(' ', StringComparison.Ordinal) || address.Count(c => c == '@') != 1
            || address.StartsWith('@') || !address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..].Contains('.', StringComparison.Ordinal)
            || !MimeKit.MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address)
        {
            return null;
        }
        return address;
    }

    /// <summary>
    /// The unsubscribe link's token: the row and its creation time, protected (authenticated and encrypted) by the app's
    /// keys, so nothing of it is stored and a row id used again by a later subscription is not reached by an old link.
    /// </summary>
    public string UnsubscribeToken(AlertSubscription s) =>
        protection.CreateProtector(UnsubscribePurpose).Protect(string.Create(CultureInfo.InvariantCulture, $"{s.Id}:{s.CreatedAtMs}"));

    public string UnsubscribeLink(AlertSubscription s) => outbox.Link($"/abonnement/afmeld?kode={Uri.EscapeDataString(UnsubscribeToken(s))}");

    /// <summary>The subscription an unsubscribe link is for; null for a link that is not ours or whose row is gone.</summary>
    public async Task<AlertSubscription?> OfUnsubscribeTokenAsync(string? token, CancellationToken ct)
    {
        string text;
        try
        {
            if (token is not { Length: > 0 })
            {
                return null;
            }
            text = protection.CreateProtector(UnsubscribePurpose).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = text.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var created))
        {
            return null;
        }
        return await db.AlertSubscriptions.FirstOrDefaultAsync(s => s.Id == id && s.CreatedAtMs == created && s.ConfirmedAtMs != null, ct);
    }

    /// <summary>After <see cref="Meeting.PublishAgenda"/>: the body's subscribers hear of it, once.</summary>
    public async Task AgendaPublishedAsync(Meeting meeting, CancellationToken ct)
    {
        if (!Visibility.Agenda(ViewerFacts.Anonymous, new MeetingState(meeting.BodyId, meeting.Status, meeting.Date)))
        {
            return;
        }
        await QueueAsync(meeting, AgendaKind, name => (
            $"Ny dagsorden: {name} {DanishFormat.Date(meeting.Date)}",
            $"""
            Dagsordenen til mødet i {name} {DanishFormat.LongDate(meeting.Date)}, {DanishFormat.TimeRange(meeting.Start, meeting.End)}, er offentliggjort.
            Sted: {meeting.PlaceText}

            Læs dagsordenen: {outbox.Link($"/moeder/{meeting.Id}/dagsorden")}
            """), ct);
    }

    /// <summary>After the minutes are approved (by the secretariat or by silence): the body's subscribers hear of it, once.</summary>
    public async Task MinutesApprovedAsync(Meeting meeting, CancellationToken ct)
    {
        if (!Visibility.Minutes(ViewerFacts.Anonymous, new MeetingState(meeting.BodyId, meeting.Status, meeting.Date)))
        {
            return;
        }
        await QueueAsync(meeting, MinutesKind, name => (
            $"Godkendt referat: {name} {DanishFormat.Date(meeting.Date)}",
            $"""
            Referatet af mødet i {name} {DanishFormat.LongDate(meeting.Date)} er godkendt.

            Læs referatet: {outbox.Link($"/moeder/{meeting.Id}/referat")}
            """), ct);
    }

    private async Task QueueAsync(Meeting meeting, string kind, Func<string, (string Subject, string Text)> compose, CancellationToken ct)
    {
        // Once per meeting and kind: an agenda withdrawn for a correction and published again is not news twice.
        if (db.ChangeTracker.Entries<AlertDispatch>().Any(e => e.Entity.MeetingId == meeting.Id && e.Entity.Kind == kind)
            || await db.AlertDispatches.AnyAsync(d => d.MeetingId == meeting.Id && d.Kind == kind, ct))
        {
            return;
        }
        db.AlertDispatches.Add(new AlertDispatch { MeetingId = meeting.Id, Kind = kind, SentAt = clock.GetUtcNow() });
        var subscribers = await db.AlertSubscriptions.AsNoTracking()
            .Where(s => s.BodyId == meeting.BodyId && s.ConfirmedAtMs != null)
            .OrderBy(s => s.Id)
            .ToListAsync(ct);
        if (subscribers.Count == 0)
        {
            return;
        }
        var name = await db.Bodies.Where(b => b.Id == meeting.BodyId).Select(b => b.Name).FirstAsync(ct);
        var (subject, text) = compose(name);
        foreach (var s in subscribers)
        {
            var unsubscribe = UnsubscribeLink(s);
            // No meeting id: the meeting page's list of mails is for the members' mail, and the public's addresses stay off it.
            outbox.Add(kind, s.Email, subject, $"""
                {text.TrimEnd()}

                --
                Du får denne e-mail, fordi du har tilmeldt dig e-mails om nye dagsordener og godkendte referater fra {name}.
                Afmeld: {unsubscribe}

                """, listUnsubscribe: unsubscribe);
        }
    }
}
