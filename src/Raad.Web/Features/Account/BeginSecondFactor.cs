using Microsoft.AspNetCore.Identity;
using Raad.Domain.Common;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// Gives the account a new authenticator key, to be confirmed with a code (<see cref="EnableSecondFactor"/>) before it counts.
/// Answers the key in Base32, as the app is given it.
/// </summary>
public sealed class BeginSecondFactor(UserManager<AppUser> users, IUserStore<AppUser> store) : IUseCase
{
    public const string UnknownAccount = "account.unknown";

    public async Task<Result<string>> HandleAsync(string userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new Error(UnknownAccount, "Kontoen findes ikke.");
        }
        if (user.TwoFactorEnabled)
        {
            return new Error("account.two_factor_on", "Totrinsbekræftelse er allerede slået til.");
        }
        var key = users.GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, ct);
        return (await users.UpdateAsync(user)).ToResult("Kontoen").With(key);
    }
}
