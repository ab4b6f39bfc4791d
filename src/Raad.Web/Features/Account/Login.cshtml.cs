using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher) : PageModel
{
    /// <summary>One message for a wrong password, an unknown e-mail and a locked account, so none tells which accounts exist.</summary>
    public const string Refused = "E-mail eller adgangskode er forkert, eller kontoen er midlertidigt låst efter for mange forsøg. Prøv igen om lidt.";

    /// <summary>A hash to check against when there is no account's own, made once by the same hasher.</summary>
    private static string? dummyHash;

    [BindProperty, Required(ErrorMessage = "Skriv din e-mailadresse.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Skriv din adgangskode.")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [Needs(Permission.Public)]
    public void OnGet()
    {
    }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await signIn.UserManager.FindByNameAsync(Email.Trim());
        // By name for an unknown e-mail, so the attempt is recorded in the audit log (AuditedSignInManager).
        var result = user is null ? await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true)
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (user is null || result.IsLockedOut)
        {
            // Identity checks no password for an unknown or locked account; hashing one anyway makes the answer take
            // as long as for a real account's wrong password, so the time does not tell which e-mails have accounts.
            HashAsIfChecked();
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl = LocalUrl.Or(ReturnUrl) });
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", Refused);
            return Page();
        }
        return LocalRedirect(LocalUrl.Or(ReturnUrl));
    }

    private void HashAsIfChecked()
    {
        var nobody = new AppUser();
        dummyHash ??= hasher.HashPassword(nobody, "raad-ingen-konto");
        hasher.VerifyHashedPassword(nobody, dummyHash, Password);
    }
}
