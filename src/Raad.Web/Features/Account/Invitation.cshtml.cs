using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>/konto/invitation: where the invitation's link leads. Choose a password, or sign in through one's organisation.</summary>
[AllowAnonymous]
public class InvitationModel(AcceptInvitation accept, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Bruger { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kode { get; set; }

    [BindProperty, Required(ErrorMessage = "Vælg en adgangskode.")]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Gentag adgangskoden.")]
    public string Repeated { get; set; } = "";

    public AppUser? Invited { get; private set; }

    /// <summary>Sign-in through the person's organisation instead, linked to the account at its return (SignInExternally).</summary>
    public ExternalSignInButtons? Buttons => Invited is null ? null : new ExternalSignInButtons("/", Invited.Id, Kode!);

    [Needs(Permission.Public)]
    public async Task OnGetAsync() => Invited = await accept.InvitedAsync(Bruger, Kode);

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await accept.HandleAsync(Bruger, Kode, Password, Repeated, ct);
            if (ModelState.AddErrors(result, ""))
            {
                await signIn.SignInAsync(result.Value!, isPersistent: false);
                TempData["Message"] = "Velkommen til Raad. Din adgangskode er gemt.";
                return LocalRedirect("/");
            }
        }
        Invited = await accept.InvitedAsync(Bruger, Kode);
        return Page();
    }
}
