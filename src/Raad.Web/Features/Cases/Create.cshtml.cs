using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Cases;

[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Shared)]
public class CreateModel(AppDbContext db, CreateCase create) : PageModel
{
    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];

    [Needs(Permission.Edit)]
    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var created = await create.HandleAsync(Input, ct);
            if (ModelState.AddErrors(created))
            {
                TempData["Message"] = "Sagen er oprettet. Knyt den til et punkt på punktets redigeringsside.";
                return Redirect($"/sager/{created.Value}");
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        Bodies = [.. bodies.Select(b => (b.Id, b.Name))];
    }
}
