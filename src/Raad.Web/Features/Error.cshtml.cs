using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Raad.Web.Infrastructure;

namespace Raad.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Text { get; private set; } = "";

    [Needs(Permission.Public)]
    public void OnGet(int? code) => Describe(code);

    [Needs(Permission.Public)]
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Heading, Text) = code switch
        {
            404 => ("Siden findes ikke", "Siden eller det, du leder efter, findes ikke – eller du har ikke adgang til det."),
            403 => ("Ingen adgang", "Du har ikke adgang til denne side."),
            400 => ("Forkert forespørgsel", "Forespørgslen kunne ikke forstås. Prøv igen fra forrige side."),
            413 => ("For stor fil", "Filen er for stor til at blive sendt."),
            null => ("Der opstod en fejl", "Der skete en uventet fejl. Intet er gemt fra den handling. Prøv igen, eller kontakt sekretariatet."),
            _ => ("Der opstod en fejl", $"Serveren svarede med kode {code}."),
        };
    }
}
