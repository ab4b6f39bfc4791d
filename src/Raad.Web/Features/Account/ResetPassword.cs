using Microsoft.AspNetCore.Identity;
using Raad.Domain.Common;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// Sets a new password from the mailed link. Identity checks the token and changes the security stamp, which voids the link
/// and ends the account's other sessions. One save.
/// </summary>
public sealed class ResetPassword(UserManager<AppUser> users) : IUseCase
{
    public const string LinkInvalid = "account.reset_link_invalid";

    public static readonly Error InvalidLink = new(LinkInvalid,
        "Linket virker ikke længere: det er brugt, udløbet eller ikke helt med. Bed om et nyt under \"Glemt adgangskode?\".");

    /// <summary>Whether the link still works, so the page can say so before the user types a password.</summary>
    public async Task<bool> IsValidAsync(string? userId, string? code) =>
        await users.FindByIdAsync(userId ?? "") is { } user && PasswordResetLink.Token(code) is { } token
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);

    public async Task<Result> HandleAsync(string? userId, string? code, string password, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId ?? "") is not { } user || PasswordResetLink.Token(code) is not { } token)
        {
            return InvalidLink;
        }
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return InvalidLink;
        }
        return result.Succeeded ? Result.Ok()
            : Result.Fail([.. result.Errors.Select(e => new Error("account." + e.Code, e.Description, "Password"))]);
    }
}
