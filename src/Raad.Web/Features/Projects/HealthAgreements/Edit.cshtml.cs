using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects.HealthAgreements;

[Authorize(Policy = Policies.Administer)]
public class EditModel(AppDbContext db, SaveHealthAgreement save) : AgreementFormPage(db, save)
{
    [FromRoute]
    public int Id { get; set; }

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var agreement = await Db.HealthAgreements.AsNoTracking().Include(a => a.FocusAreas).FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (agreement is null)
        {
            return NotFound();
        }
        AgreementId = Id;
        Input = AgreementInput.Of(agreement);
        return Page();
    }

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await Db.HealthAgreements.AnyAsync(a => a.Id == Id, ct))
        {
            return NotFound();
        }
        AgreementId = Id;
        return await SaveAsync(ct);
    }
}
