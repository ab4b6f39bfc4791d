using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Economy;

/// <summary>Records a grant, an increase, a reduction or remainder funds, tied to the decision that made it.</summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Body)]
public class RecordGrantModel(AppDbContext db, RecordGrant record) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    /// <summary>The project the form opens for (from the project's page).</summary>
    [FromQuery(Name = "indsats")]
    public int? ProjectId { get; set; }

    [BindProperty]
    public GrantInput Input { get; set; } = new();

    public string Body { get; private set; } = "";
    public IReadOnlyList<(int Id, string Title)> Projects { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, decimal Remainder)> Pools { get; private set; } = [];

    /// <summary>Items of the body's held meetings, newest first: where a grant can have been decided.</summary>
    public IReadOnlyList<(int Id, string Text)> Items { get; private set; } = [];
    public IReadOnlyList<(int Id, string Text)> WrittenProcedures { get; private set; } = [];

    [Needs(Permission.Edit)]
    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.ProjectId = ProjectId;
        return ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var recorded = await record.HandleAsync(Id, Input, ct);
            if (ModelState.AddErrors(recorded))
            {
                TempData["Message"] = $"{Domain.Money.Grant.KindText(Input.Kind)} på {DanishFormat.Kroner(Kroner.Parse(Input.Amount).Value)} er registreret.";
                return Redirect($"/indsatser/{Input.ProjectId}");
            }
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == Id).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return NotFound();
        }
        Body = body;
        Projects = (await db.Projects.AsNoTracking().Where(p => p.BodyId == Id).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        var pools = await db.FundingPools.Where(p => p.BodyId == Id).Include(p => p.Contributions).Include(p => p.Grants)
            .AsSplitQuery().OrderBy(p => p.Year).ToListAsync(ct);
        Pools = pools.Select(p => (p.Id, p.Name, p.Remainder)).ToList();
        MeetingStatus[] held = [MeetingStatus.Held, MeetingStatus.MinutesDraft, MeetingStatus.MinutesCirculated, MeetingStatus.MinutesApproved];
        var items = await db.AgendaItems.AsNoTracking()
            .Where(i => i.Meeting!.BodyId == Id && held.Contains(i.Meeting.Status))
            .Select(i => new { i.Id, i.Number, i.Position, i.Title, i.Meeting!.Date })
            .ToListAsync(ct);
        Items = items.OrderByDescending(i => i.Date).ThenBy(i => i.Position)
            .Select(i => (i.Id, $"{DanishFormat.Date(i.Date)}, punkt {i.Number ?? i.Position}: {i.Title}")).ToList();
        WrittenProcedures = (await db.WrittenProcedures.AsNoTracking()
                .Where(w => w.BodyId == Id && w.Status == WrittenProcedureStatus.Decided).OrderByDescending(w => w.Deadline)
                .Select(w => new { w.Id, w.Title, w.Deadline }).ToListAsync(ct))
            .Select(w => (w.Id, $"{w.Title} (frist {DanishFormat.Date(w.Deadline)})")).ToList();
        return Page();
    }
}
