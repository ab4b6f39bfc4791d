using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Account;

/// <summary>
/// "Glemt adgangskode?": mails the account with this e-mail a link to set a new password (Identity's reset token, valid for
/// Raad:Accounts:PasswordResetHours and once, since setting the password changes the security stamp it is bound to). The
/// answer is the same whether the e-mail has an account or not.
/// </summary>
public sealed class RequestPasswordReset(UserManager<AppUser> users, Outbox outbox, AppDbContext db, IOptions<SignInOptions> options) : IUseCase
{
    public const string Kind = "password_reset";

    public async Task<Result> HandleAsync(string email, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { Email: { Length: > 0 } address } user)
        {
            return Result.Ok();
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = outbox.Link(PasswordResetLink.Path(user.Id, token));
        var hours = options.Value.PasswordResetHours.ToString("0.##", CultureInfo.GetCultureInfo("da-DK"));
        outbox.Add(Kind, address, "Ny adgangskode til Raad",
            $"Der er bedt om en ny adgangskode til din konto i Raad ({address}).\n\n"
            + $"Vælg en ny adgangskode her: {link}\n\n"
            + $"Linket virker én gang og i {hours} timer. Har du ikke selv bedt om det, kan du se bort fra denne e-mail: "
            + "din adgangskode er ikke ændret.\n");
        return await db.SaveAsync("Kontoen", ct);
    }
}

/// <summary>The link in the mail: the account and the token, the token in base64url so the link survives mail programs.</summary>
public static class PasswordResetLink
{
    public static string Path(string userId, string token) =>
        $"/konto/ny-adgangskode?konto={Uri.EscapeDataString(userId)}&kode={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";

    /// <summary>The token from the link, or null when the link was cut or changed.</summary>
    public static string? Token(string? code)
    {
        try
        {
            return string.IsNullOrEmpty(code) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
