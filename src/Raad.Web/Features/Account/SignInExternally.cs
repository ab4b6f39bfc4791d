using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

public enum ExternalSignInOutcome
{
    SignedIn,

    /// <summary>The account has a second factor: Identity waits for its code (TwoFactorUserId cookie) before signing in.</summary>
    SecondFactorRequired,
}

/// <summary>
/// A member comes back from an OpenID Connect provider (its answer in Identity's external cookie) and is signed in to the
/// account it belongs to: the one already linked to this login (provider and subject, AspNetUserLogins); else the one
/// whose e-mail the provider gives and has verified, which the login is then linked to; else none, and no account is
/// made. Through an invitation (its account and code carried in the authentication properties) the login is linked to
/// the invited account whatever e-mail the provider gives, and the invitation is used up.
/// </summary>
public sealed class SignInExternally(SignInManager<AppUser> signIn, AppDbContext db) : IUseCase
{
    /// <summary>The authentication properties' items that carry an invitation through the provider and back.</summary>
    public const string InvitedUserItem = "raad.invitation.user";

    public const string InvitationCodeItem = "raad.invitation.code";

    private UserManager<AppUser> Users => signIn.UserManager;

    public async Task<Result<ExternalSignInOutcome>> HandleAsync(CancellationToken ct)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        // Read once: whatever follows, the provider's answer has done its job.
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (info is null)
        {
            return new Error("oidc.no_answer", "Svaret fra log ind-tjenesten mangler eller er udløbet. Prøv igen.");
        }
        var provider = info.ProviderDisplayName ?? info.LoginProvider;
        var items = info.AuthenticationProperties?.Items;
        if (items is not null && items.TryGetValue(InvitedUserItem, out var invited) && invited is not null)
        {
            return await AcceptInvitationAsync(info, provider, invited, (items.TryGetValue(InvitationCodeItem, out var code) ? code : null) ?? "", ct);
        }

        if (await Users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) is { } linked)
        {
            return await SignInAsync(linked, info);
        }
        var email = info.Principal.FindFirst(ExternalClaims.Email)?.Value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return new Error("oidc.no_email",
                $"{provider} har ikke oplyst din e-mailadresse, så Raad kan ikke finde din konto. Bed sekretariatet om en invitation.");
        }
        if (!ExternalClaims.IsEmailVerified(info.Principal))
        {
            return new Error("oidc.email_unverified",
                $"{provider} har ikke bekræftet, at {email} er din e-mailadresse, så Raad kan ikke knytte den til en konto. "
                + "Bed sekretariatet om en invitation.");
        }
        var user = await Users.FindByEmailAsync(email);
        if (user is null)
        {
            return new Error("oidc.no_account", $"Der er ingen konto til {email}; bed sekretariatet om en invitation.");
        }
        if (await RefusalAsync(user) is { } refused)
        {
            return refused;
        }
        var added = await Users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, provider));
        if (!added.Succeeded)
        {
            return Failed(added);
        }
        return await SignInAsync(user, info);
    }

    /// <summary>
    /// Whether an account that a sign-in found may be used: the one check on every way in through a provider. Identity's
    /// own (a confirmed account where required, no lockout); an account's deactivation belongs here too.
    /// </summary>
    public async Task<Error?> RefusalAsync(AppUser user) =>
        !await signIn.CanSignInAsync(user) || await Users.IsLockedOutAsync(user)
            ? new Error("account.refused", $"Kontoen {user.Email} er spærret og kan ikke logge ind. Kontakt sekretariatet.")
            : null;

    private async Task<Result<ExternalSignInOutcome>> AcceptInvitationAsync(
        ExternalLoginInfo info, string provider, string userId, string code, CancellationToken ct)
    {
        var user = await Users.FindByIdAsync(userId);
        if (user is null || !await InvitationTokens.IsValidAsync(Users, user, code))
        {
            return new Error("invitation.invalid", AcceptInvitation.Invalid);
        }
        if (await RefusalAsync(user) is { } refused)
        {
            return refused;
        }
        var linked = await Users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (linked is not null && linked.Id != user.Id)
        {
            return new Error("oidc.login_taken",
                $"Dit log ind hos {provider} hører allerede til en anden konto i Raad ({linked.Email}). Kontakt sekretariatet.");
        }

        // Linking, the confirmed e-mail and the new security stamp (which voids the invitation) stand or fall together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The invitation went to this address, and the link in it was opened: the address is the member's.
        user.EmailConfirmed = true;
        var saved = linked is null
            ? await Users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, provider))
            : await Users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            return Failed(saved);
        }
        // A second use of the same link (even one that raced this one) is refused: the token was made with the old stamp.
        var stamped = await Users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            return Failed(stamped);
        }
        await transaction.CommitAsync(ct);
        return await SignInAsync(user, info);
    }

    private async Task<Result<ExternalSignInOutcome>> SignInAsync(AppUser user, ExternalLoginInfo info)
    {
        if (await RefusalAsync(user) is { } refused)
        {
            return refused;
        }
        // Identity's own sign-in by the login: its checks once more, the second factor when the account has one, and
        // the provider's scheme in the cookie (ClaimTypes.AuthenticationMethod, read by SignInMethod).
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.Succeeded)
        {
            return ExternalSignInOutcome.SignedIn;
        }
        if (result.RequiresTwoFactor)
        {
            return ExternalSignInOutcome.SecondFactorRequired;
        }
        return await RefusalAsync(user) ?? new Error("account.refused", $"Kontoen {user.Email} kan ikke logge ind. Kontakt sekretariatet.");
    }

    private static Result<ExternalSignInOutcome> Failed(IdentityResult result) =>
        Result<ExternalSignInOutcome>.Fail([.. result.Errors.Select(e => new Error("account." + e.Code, e.Description))]);
}
