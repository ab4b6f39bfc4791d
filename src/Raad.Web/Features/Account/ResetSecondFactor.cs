using Microsoft.AspNetCore.Identity;
using Raad.Domain.Common;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// Takes the account's second factor away: turned off, the authenticator key and the recovery codes removed, and the security
/// stamp changed, so every session of the account ends within <see cref="SignInSecurity.StampValidation"/>. For an
/// administrator helping someone who lost their phone (on /brugere), and under <see cref="TurnOffSecondFactor"/>. One save;
/// answers the account's e-mail.
/// </summary>
public sealed class ResetSecondFactor(UserManager<AppUser> users, IUserStore<AppUser> store) : IUseCase
{
    public async Task<Result<string>> HandleAsync(string userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new Error(BeginSecondFactor.UnknownAccount, "Kontoen findes ikke.");
        }
        await ((IUserTwoFactorStore<AppUser>)store).SetTwoFactorEnabledAsync(user, false, ct);
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, null!, ct);
        await ((IUserTwoFactorRecoveryCodeStore<AppUser>)store).ReplaceCodesAsync(user, [], ct);
        return (await users.UpdateSecurityStampAsync(user)).ToResult("Kontoen").With(user.Email ?? user.UserName ?? userId);
    }
}
