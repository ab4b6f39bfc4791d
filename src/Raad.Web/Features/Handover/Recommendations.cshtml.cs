using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Handover;

/// <summary>The body's recommendations (anbefalinger), which move to the successor on the handover. The secretariat records them.</summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Body)]
public class RecommendationsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    /// <summary>A recommendation the editor asked to remove: the page asks for confirmation first.</summary>
    [FromQuery(Name = "fjern")]
    public int? ConfirmRemove { get; set; }

    [BindProperty]
    public RecommendationInput Input { get; set; } = new();

    public string BodyName { get; private set; } = "";
    public IReadOnlyList<BodyRecommendation> Recommendations { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Items { get; private set; } = [];
    public BodyRecommendation? ToRemove { get; private set; }

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Input.Date = Clock.Today(clock);
        ToRemove = Recommendations.FirstOrDefault(r => r.Id == ConfirmRemove);
        return Page();
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync([FromServices] AddRecommendation add, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await add.HandleAsync(Id, Input, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = "Anbefalingen er gemt.";
                return Redirect($"/udvalg/{Id}/anbefalinger");
            }
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostRemoveAsync(int recommendationId, [FromServices] RemoveRecommendation remove, CancellationToken ct)
    {
        var result = await remove.HandleAsync(Id, recommendationId, ct);
        if (ModelState.AddErrors(result))
        {
            TempData["Message"] = "Anbefalingen er fjernet.";
            return Redirect($"/udvalg/{Id}/anbefalinger");
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var name = await db.Bodies.AsNoTracking().Where(b => b.Id == Id).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return false;
        }
        BodyName = name;
        Recommendations = await db.BodyRecommendations.AsNoTracking().Include(r => r.AgendaItem!).ThenInclude(i => i.Meeting)
            .Where(r => r.BodyId == Id).OrderByDescending(r => r.Date).ThenBy(r => r.Id).ToListAsync(ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.Meeting!.BodyId == Id)
            .OrderByDescending(i => i.Meeting!.Date).ThenBy(i => i.Position)
            .Select(i => new { i.Id, i.Number, i.Title, i.Meeting!.Date }).ToListAsync(ct);
        Items = [.. items.Select(i => (i.Id, $"{DanishFormat.Date(i.Date)}, punkt {i.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}: {i.Title}"))];
        return true;
    }

    /// <summary>Where a recommendation came from, as the list prints it.</summary>
    public static string? Source(BodyRecommendation r) => r.AgendaItem is { } item
        ? $"{DanishFormat.Date(item.Meeting!.Date)}, {(item.Number is { } n ? $"punkt {n}: " : "")}{item.Title}"
        : null;
}
