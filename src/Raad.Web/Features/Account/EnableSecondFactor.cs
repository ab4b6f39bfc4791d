using Microsoft.AspNetCore.Identity;
using Raad.Domain.Common;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// Turns the second factor on once the user has typed the code their app shows for the new key: the code is checked at the
/// app's clock, the account gets ten recovery codes (answered, to be shown once; only their hashes are kept), and its security
/// stamp changes, so other sessions must sign in again. One save.
/// </summary>
public sealed class EnableSecondFactor(UserManager<AppUser> users, IUserStore<AppUser> store, TimeProvider clock) : IUseCase
{
    public const string WrongCode = "account.code_wrong";

    public async Task<Result<string[]>> HandleAsync(string userId, string? code, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new Error(BeginSecondFactor.UnknownAccount, "Kontoen findes ikke.");
        }
        if (user.TwoFactorEnabled)
        {
            return new Error("account.two_factor_on", "Totrinsbekræftelse er allerede slået til.");
        }
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return new Error("account.no_key", "Start forfra: vælg \"Slå totrinsbekræftelse til\" for at få en nøgle.");
        }
        if (await Authenticator.AcceptableStepAsync(users, user, code, clock.GetUtcNow()) is not { } step)
        {
            return new Error(WrongCode, "Engangskoden passer ikke. Skriv den sekscifrede kode, som appen viser lige nu.", "Code");
        }
        await Authenticator.RecordStepAsync(store, user, step);
        await ((IUserTwoFactorStore<AppUser>)store).SetTwoFactorEnabledAsync(user, true, ct);
        var codes = await Authenticator.ReplaceRecoveryCodesAsync(store, user);
        return (await users.UpdateSecurityStampAsync(user)).ToResult("Kontoen").With(codes);
    }
}
