using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Bodies;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Handover;

/// <summary>
/// The handover of a body that ends to its successor: what moves, a confirmation, and afterwards the record.
/// The administrator's work.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public class SuccessionModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public HandoverInput Input { get; set; } = new();

    public Body Body { get; private set; } = null!;

    /// <summary>The record once the body has been handed over; then nothing else is offered.</summary>
    public HandoverRecord? Record { get; private set; }

    /// <summary>Handovers this body received from the bodies it succeeds.</summary>
    public IReadOnlyList<HandoverRecord> Received { get; private set; } = [];

    public HandoverPlan? Plan { get; private set; }

    /// <summary>Organisations with members on the body's last day, offered to continue as observers.</summary>
    public IReadOnlyList<(int Id, string Name)> MemberOrganisations { get; private set; } = [];

    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    public static string KindHeading(HandoverKind kind) => kind switch
    {
        HandoverKind.Project => "Projekter",
        HandoverKind.Pool => "Puljer",
        HandoverKind.Case => "Sager",
        HandoverKind.Recommendation => "Anbefalinger",
        HandoverKind.Observer => "Observatører",
        _ => kind.ToString(),
    };

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        return Page();
    }

    [Needs(Permission.Administer)]
    public async Task<IActionResult> OnPostAsync([FromServices] HandOver handOver, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await handOver.HandleAsync(Id, Input, ct);
            if (ModelState.AddErrors(result))
            {
                TempData["Message"] = "Overdragelsen er gennemført.";
                return Redirect($"/udvalg/{Id}/overdragelse");
            }
        }
        db.ChangeTracker.Clear();
        var date = Input.Date;
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Input.Date = date ?? Input.Date;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await HandoverWorld.LoadAsync(db, Id, ct) is not { } world)
        {
            return false;
        }
        Body = world.Body;
        Record = world.Done.FirstOrDefault();
        if (Record is not null)
        {
            Record.Lines = [.. Record.Lines.OrderBy(l => l.Id)];
        }
        Received = await db.Handovers.AsNoTracking().Include(r => r.FromBody).Where(r => r.ToBodyId == Id)
            .OrderBy(r => r.Date).ToListAsync(ct);
        if (Record is null && Body.Successor is not null)
        {
            var plan = world.Plan();
            MemberOrganisations = world.MemberOrganisations();
            if (plan.IsSuccess)
            {
                Plan = plan.Value;
            }
            else
            {
                ModelState.AddErrors(Result.From([.. plan.Errors.Select(e => e with { Field = null })]));
            }
        }
        Input.Date ??= world.DefaultDate(Clock.Today(clock));
        return true;
    }
}
