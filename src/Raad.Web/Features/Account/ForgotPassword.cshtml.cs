using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>"Glemt adgangskode?": asks for the e-mail and answers the same whether it has an account or not.</summary>
[AllowAnonymous]
public class ForgotPasswordModel(RequestPasswordReset request) : PageModel
{
    public const string Sent =
        "Hvis der findes en konto med den e-mailadresse, har vi sendt en e-mail med et link til at vælge en ny adgangskode. "
        + "Kommer der ingen e-mail inden for et par minutter, så tjek uønsket post, eller spørg sekretariatet.";

    [BindProperty, Required(ErrorMessage = "Skriv din e-mailadresse.")]
    public string Email { get; set; } = "";

    public bool Done { get; private set; }

    [Needs(Permission.Public)]
    public void OnGet()
    {
    }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!ModelState.AddErrors(await request.HandleAsync(Email, ct), ""))
        {
            return Page();
        }
        Done = true;
        return Page();
    }
}
