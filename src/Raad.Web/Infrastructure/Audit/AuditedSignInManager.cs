using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure.Audit;

/// <summary>
/// Identity's sign-in, recording each sign-in and each failed attempt in the audit log. Every way in passes here:
/// password, second factor and external (OpenID Connect) sign-ins all end in <see cref="SignInWithClaimsAsync"/>.
/// A refreshed cookie (after a password change) is not a sign-in and is not recorded.
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    private bool refreshing;

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var extra = additionalClaims.ToList();
        await base.SignInWithClaimsAsync(user, authenticationProperties, extra);
        if (!refreshing)
        {
            await RecordAsync(AuditAct.SignedIn, user, HowSignedIn(extra), null);
        }
    }

    public override async Task RefreshSignInAsync(AppUser user)
    {
        refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            refreshing = false;
        }
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (!result.Succeeded)
        {
            await RecordAsync(AuditAct.SignInFailed, user, AuditActor.Password, Reason(result, "forkert adgangskode"));
        }
        return result;
    }

    /// <summary>An e-mail with no account: recorded with the name tried, and no account.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is null)
        {
            await RecordAsync(AuditAct.SignInFailed, null, AuditActor.Password, "ukendt e-mail", attempted: userName);
            return SignInResult.Failed;
        }
        return await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        await SecondFactorAsync(await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient));

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        await SecondFactorAsync(await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode));

    public override async Task<SignInResult> TwoFactorSignInAsync(string provider, string code, bool isPersistent, bool rememberClient) =>
        await SecondFactorAsync(await base.TwoFactorSignInAsync(provider, code, isPersistent, rememberClient));

    private async Task<SignInResult> SecondFactorAsync(SignInResult result)
    {
        if (!result.Succeeded && await GetTwoFactorAuthenticationUserAsync() is { } user)
        {
            await RecordAsync(AuditAct.SignInFailed, user, AuditActor.PasswordAndSecondFactor, Reason(result, "forkert kode til anden faktor"));
        }
        return result;
    }

    private static string Reason(SignInResult result, string wrong) =>
        result.IsLockedOut ? "kontoen er midlertidigt låst" : result.IsNotAllowed ? "kontoen må ikke logge ind" : wrong;

    private static string HowSignedIn(List<Claim> claims) =>
        claims.FirstOrDefault(c => c.Type == AuditActor.SignInClaim)?.Value
        ?? (claims.FirstOrDefault(c => c.Type == ClaimTypes.AuthenticationMethod)?.Value is { Length: > 0 } provider ? $"ekstern:{provider}"
            : claims.Any(c => c.Type == "amr" && c.Value == "mfa") ? AuditActor.PasswordAndSecondFactor
            : AuditActor.Password);

    private async Task RecordAsync(AuditAct act, AppUser? user, string how, string? reason, string? attempted = null)
    {
        var db = Context.RequestServices.GetRequiredService<AppDbContext>();
        var name = user is null ? attempted ?? "" : user.DisplayName.Length > 0 ? user.DisplayName : user.Email ?? "";
        var actor = new AuditActor(user?.Id, name, how, AuditActor.OriginOf(Context.Request));
        AuditTrail.Record(db, act, nameof(AppUser), user?.Id ?? "", user?.Email ?? attempted ?? "",
            reason is null ? null : new Dictionary<string, string> { ["Årsag"] = reason }, actor);
        await db.SaveChangesAsync(Context.RequestAborted);
    }
}
