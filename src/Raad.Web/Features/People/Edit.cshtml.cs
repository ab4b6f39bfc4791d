using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.People;

/// <summary>Corrects a person's name, title, party or e-mail.</summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Shared)]
public class EditModel(AppDbContext db) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Party { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Where "Fortryd" and a save lead: the ReturnUrl when it is a page of Raad.</summary>
    public string Back => LocalUrl.Or(ReturnUrl);

    /// <summary>After a refused save: what is saved now, shown beside the user's own input.</summary>
    public IReadOnlyList<(string Label, string? Value)>? Saved { get; private set; }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (person is null)
        {
            return NotFound();
        }
        (Name, Title, Party, Email, Version) = (person.Name, person.Title, person.Party, person.Email, person.Version);
        return Page();
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync([FromServices] CorrectPerson correct, CancellationToken ct)
    {
        var saved = await correct.HandleAsync(Id, Name, Title, Party, Email, Version, ct);
        if (saved.Errors.Any(e => e.Code == CorrectPerson.NotFoundCode))
        {
            return NotFound();
        }
        if (!ModelState.AddErrors(saved, prefix: ""))
        {
            if (!saved.Errors.Any(e => e.Code == ErrorMapping.ConflictCode))
            {
                return Page();
            }
            db.ChangeTracker.Clear();
            var current = await db.People.AsNoTracking().FirstAsync(p => p.Id == Id, ct);
            Version = current.Version;
            Saved = [("Navn", current.Name), ("Titel", current.Title), ("Parti", current.Party), ("E-mail", current.Email)];
            return Page();
        }
        TempData["Message"] = "Personen er gemt.";
        return LocalRedirect(Back);
    }
}
