using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects.HealthAgreements;

/// <summary>The health agreement form (new and edit), the administrator's.</summary>
public abstract class AgreementFormPage(AppDbContext db, SaveHealthAgreement save) : PageModel
{
    protected AppDbContext Db { get; } = db;

    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    /// <summary>The agreement being edited; null for a new one.</summary>
    public int? AgreementId { get; protected set; }

    /// <summary>After a refused save: what is saved now, shown beside the user's own input.</summary>
    public IReadOnlyList<(string Label, string? Value)>? Saved { get; private set; }

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    protected async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(AgreementId, Input, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = "Sundhedsaftalen er gemt.";
                return Redirect($"/sundhedsaftaler/{result.Value}");
            }
            if (AgreementId is { } agreementId && result.Errors.Any(e => e.Code == ErrorMapping.ConflictCode))
            {
                Db.ChangeTracker.Clear();
                var saved = await Db.HealthAgreements.AsNoTracking().Include(a => a.FocusAreas).FirstAsync(a => a.Id == agreementId, ct);
                var now = AgreementInput.Of(saved);
                Input.Version = now.Version;
                Saved =
                [
                    ("Navn", saved.Name),
                    ("Periode", Domain.Common.DanishFormat.Period(saved.ValidFrom, saved.ValidTo)),
                    ("Principper", now.Principles),
                    ("Fokusområder", now.FocusAreas),
                ];
            }
        }
        return Page();
    }
}
