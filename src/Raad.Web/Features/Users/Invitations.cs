using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Raad.Domain.Common;
using Raad.Domain.People;
using Raad.Web.Features.Account;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Users;

/// <summary>
/// Makes an invited account for a person and puts the invitation in the outbox, in the caller's transaction. The
/// account has no password: the one-time link sets one, or links a sign-in through the person's own organisation.
/// The person's e-mail is the account's e-mail: one field, kept on the person and copied to the account.
/// </summary>
public sealed class Invitations(Data.AppDbContext db, UserManager<AppUser> users, Outbox outbox, IOptions<AccountOptions> options, TimeProvider clock)
{
    public async Task<Result<AppUser>> NewAccountAsync(Person person, string email, CancellationToken ct)
    {
        var address = email.Trim();
        if (!MailAddressCheck.IsValid(address))
        {
            return new Error("account.email_invalid", $"\"{address}\" er ikke en gyldig e-mailadresse.", "Email");
        }
        if (await users.FindByEmailAsync(address) is not null)
        {
            return new Error("account.email_taken", $"Der findes allerede en konto med e-mailadressen {address}.", "Email");
        }
        person.Email = address;
        if (person.Id == 0)
        {
            // A new person: saved first (in the caller's transaction) so the account can name him.
            await db.SaveChangesAsync(ct);
        }
        var user = new AppUser
        {
            UserName = address,
            Email = address,
            DisplayName = person.Name,
            PersonId = person.Id,
            InvitedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return Result<AppUser>.Fail([.. created.Errors.Select(e => new Error("account.refused", e.Description, "Email"))]);
        }
        await SendAsync(user, ct);
        return user;
    }

    /// <summary>A new link (the old one keeps working until it is used or runs out).</summary>
    public async Task SendAsync(AppUser user, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var token = await InvitationTokens.CreateAsync(users, user);
        var days = options.Value.InvitationDays;
        var until = DanishFormat.Date(Clock.Today(clock).AddDays(days));
        var link = outbox.Link($"/konto/invitation?bruger={Uri.EscapeDataString(user.Id)}&kode={Uri.EscapeDataString(token)}");
        outbox.Add("invitation", user.Email!, "Invitation til Raad",
            $"""
            Kære {user.DisplayName}

            Du er inviteret til Raad, hvor udvalgets dagsordener, referater og skriftlige procedurer ligger.

            Følg linket for at vælge en adgangskode eller logge ind med din organisations login:
            {link}

            Linket virker én gang og til og med {until}. Har du ikke ventet invitationen, kan du se bort fra den.
            """);
    }
}

public static class MailAddressCheck
{
    public static bool IsValid(string address) =>
        address.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(address, out var parsed) && parsed.Address == address;
}
