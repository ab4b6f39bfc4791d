using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Raad.Domain.Accounts;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// "Sikkerhed": the signed-in user's second factor (turn on with a key and a code, new recovery codes, turn off) and
/// "Log ud alle steder". The recovery codes are shown once, in the answer to the form that made them.
/// </summary>
public class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<SignInOptions> options) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>A key given but not yet confirmed with a code: shown with its otpauth:// address.</summary>
    public string? PendingKey { get; private set; }

    public string? PendingUri { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The user's role requires a second factor (they cannot turn it off).</summary>
    public bool Required { get; private set; }

    /// <summary>This session may do nothing else until the second factor is set up.</summary>
    public bool MustSetUp { get; private set; }

    /// <summary>Recovery codes just made, shown this once.</summary>
    public string[] NewCodes { get; private set; } = [];

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostBeginAsync([FromServices] BeginSecondFactor begin, CancellationToken ct)
    {
        var result = await begin.HandleAsync(users.GetUserId(User)!, ct);
        ModelState.AddErrors(result, "");
        return result.IsSuccess ? RedirectToPage() : await ShowAsync();
    }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostEnableAsync([FromServices] EnableSecondFactor enable, CancellationToken ct)
    {
        var result = await enable.HandleAsync(users.GetUserId(User)!, Code, ct);
        if (!ModelState.AddErrors(result, ""))
        {
            return await ShowAsync();
        }
        // Proven with a code just now: this session is signed in with two factors (the stamp changed, so it is signed in anew).
        await signIn.SignInWithClaimsAsync((await users.GetUserAsync(User))!, isPersistent: false, [new(SignInSecurity.MethodClaim, "mfa")]);
        NewCodes = result.Value!;
        TempData["Message"] = "Totrinsbekræftelse er slået til.";
        return await ShowAsync(signedInAnew: true);
    }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostCodesAsync([FromServices] NewRecoveryCodes newCodes, CancellationToken ct)
    {
        var result = await newCodes.HandleAsync(users.GetUserId(User)!, ct);
        if (ModelState.AddErrors(result, ""))
        {
            NewCodes = result.Value!;
        }
        return await ShowAsync();
    }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostDisableAsync([FromServices] TurnOffSecondFactor turnOff, CancellationToken ct)
    {
        var result = await turnOff.HandleAsync(users.GetUserId(User)!, ct);
        if (!ModelState.AddErrors(result, ""))
        {
            return await ShowAsync();
        }
        // The stamp changed: this session is renewed, the others end.
        await signIn.RefreshSignInAsync((await users.GetUserAsync(User))!);
        TempData["Message"] = "Totrinsbekræftelse er slået fra.";
        return RedirectToPage();
    }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostSignOutEverywhereAsync([FromServices] SignOutEverywhere signOutEverywhere, CancellationToken ct)
    {
        var result = await signOutEverywhere.HandleAsync(users.GetUserId(User)!, ct);
        if (!ModelState.AddErrors(result, ""))
        {
            return await ShowAsync();
        }
        await signIn.SignOutAsync();
        SignInSecurity.ForgetThisBrowser(Response);
        TempData["Message"] = "Du er logget ud alle steder. Andre browsere og enheder er logget ud inden for et minut.";
        return Redirect("/konto/log-ind");
    }

    private async Task<IActionResult> ShowAsync(bool signedInAnew = false)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Enabled = user.TwoFactorEnabled;
        Required = options.Value.Requires(await users.GetRolesAsync(user));
        MustSetUp = !signedInAnew && !Enabled && SignInSecurity.MustSetUpSecondFactor(User, options.Value);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        }
        else if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            PendingKey = Base32.Grouped(key);
            PendingUri = Authenticator.UriFor(user, key);
        }
        return Page();
    }
}
