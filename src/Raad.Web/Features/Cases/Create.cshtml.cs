using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Cases;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Cases;

public sealed class CaseInput
{
    public string? Title { get; set; }
    public int? BodyId { get; set; }
    public string? CaseNumber { get; set; }
    public string? JournalNumber { get; set; }
}

[Authorize(Policy = Policies.Edit)]
public class CreateModel(AppDbContext db) : PageModel
{
    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];

    [Needs(Permission.Edit)]
    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", "Sagen skal have en titel.");
        }
        if (Input.BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            ModelState.AddModelError("Input.BodyId", "Udvalget findes ikke.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var created = new Case
        {
            Title = Input.Title!.Trim(),
            BodyId = Input.BodyId,
            CaseNumber = Input.CaseNumber.OrNull(),
            JournalNumber = Input.JournalNumber.OrNull(),
        };
        db.Cases.Add(created);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Sagen er oprettet. Knyt den til et punkt på punktets redigeringsside.";
        return Redirect($"/sager/{created.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        Bodies = [.. bodies.Select(b => (b.Id, b.Name))];
    }
}
