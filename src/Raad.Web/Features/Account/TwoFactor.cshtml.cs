using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// The second step of a password sign-in for an account with a second factor: the code from the authenticator app, or one of
/// the recovery codes (each works once). Identity keeps who passed the first step in its short-lived two-factor cookie.
/// </summary>
[AllowAnonymous]
public class TwoFactorModel(SignInManager<AppUser> signIn) : PageModel
{
    public const string WrongCode = "Engangskoden passer ikke. Skriv den sekscifrede kode, som appen viser lige nu.";
    public const string WrongRecoveryCode = "Gendannelseskoden passer ikke, eller den er brugt.";
    public const string LockedOut = "Kontoen er midlertidigt låst efter for mange forsøg. Prøv igen om lidt.";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? ToLogin() : Page();

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return ToLogin();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code ?? "", isPersistent: false, rememberClient: false);
        return Outcome(result, nameof(Code), WrongCode);
    }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return ToLogin();
        }
        // Only the codes' hashes are kept; Identity redeems the hash of what was typed, which removes it: it works once.
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Authenticator.StoredRecoveryCode(user, RecoveryCode));
        return Outcome(result, nameof(RecoveryCode), WrongRecoveryCode);
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result, string field, string wrong)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(LocalUrl.Or(ReturnUrl));
        }
        ModelState.AddModelError(field, result.IsLockedOut ? LockedOut : wrong);
        return Page();
    }

    private RedirectResult ToLogin()
    {
        TempData["Message"] = "Log ind med din e-mail og adgangskode først.";
        return Redirect("/konto/log-ind" + (LocalUrl.IsLocal(ReturnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl!) : ""));
    }
}
