using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raad.Domain.People;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure.Mail;

public sealed class MailOptions
{
    /// <summary>SMTP server; when empty, mail waits in the outbox until one is configured.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "Raad <raad@localhost>";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>"None", "StartTls" or "SslOnConnect"; "Auto" lets MailKit choose by port.</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>How often the outbox is looked at, in seconds.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>The address links in the mails begin with.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";
}

/// <summary>A person turned off a kind of mail (<see cref="MailKinds"/>); what the rules require reaches him anyway.</summary>
public class MailOptOut
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public required string Kind { get; set; }
}

/// <summary>
/// Puts mail in the outbox in the caller's unit of work: saved with the action it tells about, or not at all.
/// The sender delivers it afterwards.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock, IOptions<MailOptions> options, IDataProtectionProvider protection)
{
    private const string ChoicesPurpose = "raad-mail-choices";

    /// <summary>Everyone a body's mail goes to: those who take part in its work (guests are invited to one item only).</summary>
    private static readonly MembershipRole[] Recipients =
        [MembershipRole.Member, MembershipRole.CoChair, MembershipRole.Substitute, MembershipRole.Advisor, MembershipRole.Observer];

    public string Link(string path) => options.Value.PublicUrl.TrimEnd('/') + path;

    /// <param name="listUnsubscribe">An https link that unsubscribes by a POST (RFC 8058): the mail gets <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>.</param>
    public void Add(string kind, string to, string subject, string body, int? meetingId = null, int? personId = null, string? listUnsubscribe = null)
    {
        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            Kind = kind,
            To = to,
            Subject = subject,
            Body = body,
            MeetingId = meetingId,
            PersonId = personId,
            ListUnsubscribe = listUnsubscribe,
            CreatedAt = now,
            NextAttemptAtMs = now.ToUnixTimeMilliseconds(),
        });
    }

    /// <summary>
    /// One mail to each member, substitute, advisor and observer of the body on the date who has an e-mail address, with or
    /// without an account; a kind the rules do not require skips those who turned it off. Each mail ends with the link to
    /// the person's choices.
    /// </summary>
    public async Task ToMembersAsync(int bodyId, DateOnly date, string kind, string subject, string body, CancellationToken ct, int? meetingId = null)
    {
        foreach (var (personId, address) in await RecipientsAsync(bodyId, date, kind, null, ct))
        {
            Add(kind, address, subject, WithChoices(body, personId), meetingId, personId);
        }
    }

    /// <summary>The body's people on the date with an address who get mail of the kind; <paramref name="onlyPeople"/> narrows to some.</summary>
    public async Task<IReadOnlyList<(int PersonId, string Address)>> RecipientsAsync(
        int bodyId, DateOnly date, string kind, IReadOnlyCollection<int>? onlyPeople, CancellationToken ct)
    {
        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.BodyId == bodyId && m.From <= date && (m.To == null || m.To >= date) && Recipients.Contains(m.Role))
            .Select(m => new { m.PersonId, m.Person!.Email })
            .ToListAsync(ct);
        if (onlyPeople is not null)
        {
            people = [.. people.Where(p => onlyPeople.Contains(p.PersonId))];
        }
        var ids = people.Select(p => p.PersonId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.PersonId != null && ids.Contains(u.PersonId.Value) && u.Email != null)
            .Select(u => new { PersonId = u.PersonId!.Value, u.Email })
            .ToListAsync(ct);
        // What the rules require reaches everyone: only a kind one may turn off asks who did.
        var optedOut = MailKinds.Required.Contains(kind) ? []
            : (await db.MailOptOuts.AsNoTracking().Where(o => ids.Contains(o.PersonId) && o.Kind == kind).Select(o => o.PersonId).ToListAsync(ct)).ToHashSet();
        return [.. people
            .Where(p => !optedOut.Contains(p.PersonId))
            .Select(p => (p.PersonId, Address: (!string.IsNullOrWhiteSpace(p.Email) ? p.Email : accounts.FirstOrDefault(a => a.PersonId == p.PersonId)?.Email)?.Trim()))
            .Where(p => p.Address is not null)
            .Select(p => (p.PersonId, p.Address!))
            .DistinctBy(p => p.Item2, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The address of one person: their own, else their account's; none when he turned the kind off.</summary>
    public async Task<string?> AddressOfAsync(int personId, string kind, CancellationToken ct)
    {
        if (!MailKinds.Reaches(kind, await db.MailOptOuts.Where(o => o.PersonId == personId).Select(o => o.Kind).ToListAsync(ct)))
        {
            return null;
        }
        return await db.People.Where(p => p.Id == personId).Select(p => p.Email).FirstOrDefaultAsync(ct) is { Length: > 0 } own
            ? own
            : await db.Users.Where(u => u.PersonId == personId).Select(u => u.Email).FirstOrDefaultAsync(ct);
    }

    /// <summary>The mail's text with the link where the person chooses his mails, no account needed.</summary>
    public string WithChoices(string body, int personId) =>
        $"{body.TrimEnd()}\n\n--\nVælg, hvilke e-mails du får fra Raad: {Link($"/post/valg?kode={Uri.EscapeDataString(ChoicesToken(personId))}")}\n";

    public string ChoicesToken(int personId) =>
        protection.CreateProtector(ChoicesPurpose).Protect(personId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The person a choices link is for; null for a link that is not one of ours.</summary>
    public int? PersonOfChoices(string? token)
    {
        try
        {
            return token is { Length: > 0 } && int.TryParse(protection.CreateProtector(ChoicesPurpose).Unprotect(token), out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
