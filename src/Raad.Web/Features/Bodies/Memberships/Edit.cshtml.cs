using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies.Memberships;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Membership)]
public class EditModel(AppDbContext db, SaveMembership save, MembershipOptionsQuery options) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public MembershipInput Input { get; set; } = new();

    public int BodyId { get; private set; }
    public string PersonName { get; private set; } = "";
    public MembershipFormModel Form { get; private set; } = null!;

    /// <summary>After a refused save: what is saved now, shown beside the user's own input.</summary>
    public IReadOnlyList<(string Label, string? Value)>? Saved { get; private set; }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var m = await db.Memberships.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (m is null)
        {
            return NotFound();
        }
        Input = MembershipInput.Of(m);
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var bodyId = await db.Memberships.Where(x => x.Id == Id).Select(x => (int?)x.BodyId).FirstOrDefaultAsync(ct);
        if (bodyId is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(bodyId.Value, Id, Input, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = "Medlemskabet er gemt.";
                return Redirect($"/udvalg/{bodyId}");
            }
            if (result.Errors.Any(e => e.Code == ErrorMapping.ConflictCode))
            {
                // Show what is saved now; the user's own input stays in the form below the message.
                db.ChangeTracker.Clear();
                var saved = await db.Memberships.AsNoTracking().Include(x => x.Organisation).Include(x => x.StandsInFor!.Person)
                    .FirstAsync(x => x.Id == Id, ct);
                Input.Version = saved.Version;
                Saved =
                [
                    ("Rolle", saved.Role.Danish()),
                    ("Gruppe", saved.Group?.Danish()),
                    ("Repræsenterer", saved.Organisation?.Name),
                    ("Bemærkning", saved.Note),
                    ("Periode", $"{DanishFormat.Date(saved.From)} – {(saved.To is { } to ? DanishFormat.Date(to) : "")}"),
                    ("Suppleant for", saved.StandsInFor?.Person?.Name),
                ];
            }
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var m = await db.Memberships.AsNoTracking().Include(x => x.Person).FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (m is null)
        {
            return NotFound();
        }
        BodyId = m.BodyId;
        PersonName = m.Person!.Name;
        Form = new MembershipFormModel(Input, await options.LoadAsync(m.BodyId, ct), true, ModelState);
        return Page();
    }
}
