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

/// <summary>
/// Puts mail in the outbox in the caller's unit of work: saved with the action it tells about, or not at all.
/// The sender delivers it afterwards.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock, IOptions<MailOptions> options)
{
    public string Link(string path) => options.Value.PublicUrl.TrimEnd('/') + path;

    public void Add(string kind, string to, string subject, string body)
    {
        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            Kind = kind,
            To = to,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAtMs = now.ToUnixTimeMilliseconds(),
        });
    }

    /// <summary>One mail to each member and substitute of the body on the date who has an e-mail address.</summary>
    public async Task ToMembersAsync(int bodyId, DateOnly date, string kind, string subject, string body, CancellationToken ct)
    {
        foreach (var address in await MemberAddressesAsync(bodyId, date, null, ct))
        {
            Add(kind, address, subject, body);
        }
    }

    /// <summary>
    /// The e-mail addresses of the body's members and substitutes on the date: the person's own address, else that of
    /// their account. <paramref name="onlyPeople"/> narrows to some people.
    /// </summary>
    public async Task<IReadOnlyList<string>> MemberAddressesAsync(int bodyId, DateOnly date, IReadOnlyCollection<int>? onlyPeople, CancellationToken ct)
    {
        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.BodyId == bodyId && m.From <= date && (m.To == null || m.To >= date)
                && (m.Role == MembershipRole.Member || m.Role == MembershipRole.CoChair || m.Role == MembershipRole.Substitute))
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
        return [.. people
            .Select(p => !string.IsNullOrWhiteSpace(p.Email) ? p.Email : accounts.FirstOrDefault(a => a.PersonId == p.PersonId)?.Email)
            .OfType<string>()
            .Select(e => e.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The address of one person: their own, else their account's.</summary>
    public async Task<string?> AddressOfAsync(int personId, CancellationToken ct) =>
        await db.People.Where(p => p.Id == personId).Select(p => p.Email).FirstOrDefaultAsync(ct) is { Length: > 0 } own
            ? own
            : await db.Users.Where(u => u.PersonId == personId).Select(u => u.Email).FirstOrDefaultAsync(ct);
}
