using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects.HealthAgreements;

[Authorize(Policy = Policies.Administer)]
public class NewModel(AppDbContext db, SaveHealthAgreement save) : AgreementFormPage(db, save)
{
    [Needs(Permission.Administer)]
    public void OnGet()
    {
    }

    [Needs(Permission.Administer)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(ct);
}
