using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

[AllowAnonymous]
public class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    [Needs(Permission.Public)]
    public void OnGet()
    {
    }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        SignInSecurity.ForgetThisBrowser(Response);
        TempData["Message"] = "Du er logget ud.";
        return Redirect("/");
    }
}
