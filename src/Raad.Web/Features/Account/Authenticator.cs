using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Raad.Domain.Accounts;
using Raad.Domain.Common;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// The second factor's state in Identity's own tables (AspNetUsers.TwoFactorEnabled, the authenticator key and the recovery
/// codes in AspNetUserTokens) and the checks the sign-in and the security page share. The codes themselves are the domain's
/// <see cref="Totp"/>, at the app's clock.
/// </summary>
public static class Authenticator
{
    /// <summary>The name an authenticator app shows above the account.</summary>
    public const string Issuer = "Raad";

    public const int RecoveryCodeCount = 10;

    // Raad's own row in AspNetUserTokens: the last step whose code was accepted, so that a code works once.
    private const string TokenProvider = "Raad";
    private const string LastStepToken = "AuthenticatorLastStep";

    // Read without 0, 1, O, I, L, S, A, E and U: nothing to mistake, no words.
    private const string RecoveryAlphabet = "23456789BCDFGHJKMNPQRTVWXY";

    /// <summary>
    /// The step of the typed code if it is the account's code now (one step of drift either side) and newer than the last code
    /// accepted; null otherwise. A code seen once is refused the second time, also within its 30 seconds.
    /// </summary>
    public static async Task<long?> AcceptableStepAsync(UserManager<AppUser> users, AppUser user, string? code, DateTimeOffset now)
    {
        var key = Base32.Decode(await users.GetAuthenticatorKeyAsync(user));
        if (key is not { Length: > 0 } || Totp.MatchingStep(key, code, now) is not { } step)
        {
            return null;
        }
        var last = await users.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken);
        return long.TryParse(last, CultureInfo.InvariantCulture, out var used) && step <= used ? null : step;
    }

    /// <summary>Records the step as used, in the store only: the caller's one save writes it with the rest.</summary>
    public static Task RecordStepAsync(IUserStore<AppUser> store, AppUser user, long step) =>
        ((IUserAuthenticationTokenStore<AppUser>)store).SetTokenAsync(
            user, TokenProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture), CancellationToken.None);

    /// <summary>The otpauth:// address of the account's key, for an authenticator app.</summary>
    public static string UriFor(AppUser user, string key) => Totp.Uri(Issuer, user.Email ?? user.UserName ?? user.Id, key);

    /// <summary>New recovery codes as the user writes them down ("BC4DF-9GHJK").</summary>
    public static string[] NewRecoveryCodes() =>
        [.. Enumerable.Range(0, RecoveryCodeCount)
            .Select(_ => RandomNumberGenerator.GetString(RecoveryAlphabet, 10).Insert(5, "-"))];

    /// <summary>
    /// What is stored of a recovery code: a hash bound to the account, so the table holds no code that works. The typed code
    /// is read as written down (spaces ignored, any case).
    /// </summary>
    public static string StoredRecoveryCode(AppUser user, string? typed)
    {
        var code = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (code.Length == 10 && !code.Contains('-', StringComparison.Ordinal))
        {
            code = code.Insert(5, "-");
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Id}:{code}")));
    }

    /// <summary>Replaces the recovery codes with the hashes of new ones, in the store only; answers the codes to show once.</summary>
    public static async Task<string[]> ReplaceRecoveryCodesAsync(IUserStore<AppUser> store, AppUser user)
    {
        var codes = NewRecoveryCodes();
        await ((IUserTwoFactorRecoveryCodeStore<AppUser>)store).ReplaceCodesAsync(
            user, codes.Select(c => StoredRecoveryCode(user, c)), CancellationToken.None);
        return codes;
    }

    /// <summary>Identity's answer as Raad's: the save's conflict as <see cref="ErrorMapping.Conflict"/>, anything else as it says.</summary>
    public static Result ToResult(this IdentityResult result, string what) =>
        result.Succeeded ? Result.Ok()
        : result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? ErrorMapping.Conflict(what)
        : Result.Fail([.. result.Errors.Select(e => new Error("account." + e.Code, e.Description))]);
}

/// <summary>
/// Identity's token provider for the authenticator (TokenOptions.DefaultAuthenticatorProvider), in place of its own, which reads
/// the machine's clock and allows two steps of drift. Used by <c>TwoFactorAuthenticatorSignInAsync</c>; a code it accepts is
/// recorded, so it cannot be used again.
/// </summary>
public sealed class AuthenticatorTokens(TimeProvider clock, IUserStore<AppUser> store) : IUserTwoFactorTokenProvider<AppUser>
{
    // The app shows no code: the user's own authenticator does.
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        if (await Authenticator.AcceptableStepAsync(manager, user, token, clock.GetUtcNow()) is not { } step)
        {
            return false;
        }
        await Authenticator.RecordStepAsync(store, user, step);
        // Saved before the sign-in goes on; two sign-ins with one code at once: the second save is a conflict and refused.
        return (await manager.UpdateAsync(user)).Succeeded;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));
}
