using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>The page the reset mail links to: a new password, once per link.</summary>
[AllowAnonymous]
public class NewPasswordModel(ResetPassword reset) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "konto")]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true, Name = "kode")]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Skriv en ny adgangskode.")]
    public string Password { get; set; } = "";

    [BindProperty, Compare(nameof(Password), ErrorMessage = "De to adgangskoder er ikke ens.")]
    public string? Repeated { get; set; }

    /// <summary>The link is used, expired or broken: the page says so and offers a new one.</summary>
    public bool LinkRefused { get; private set; }

    [Needs(Permission.Public)]
    public async Task OnGetAsync() => LinkRefused = !await reset.IsValidAsync(Account, Token);

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await reset.HandleAsync(Account, Token, Password, ct);
        if (result.Errors.Any(e => e.Code == ResetPassword.LinkInvalid))
        {
            LinkRefused = true;
            return Page();
        }
        if (!ModelState.AddErrors(result, ""))
        {
            return Page();
        }
        TempData["Message"] = "Din adgangskode er skiftet. Log ind med den nye.";
        return Redirect("/konto/log-ind");
    }
}
