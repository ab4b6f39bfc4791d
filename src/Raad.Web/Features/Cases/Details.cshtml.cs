using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Cases;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Cases;

[AllowAnonymous]
public class DetailsModel(AppDbContext db, ViewerAccessor viewers) : PageModel
{
    public sealed record Row(int MeetingId, DateOnly Date, string BodyName, bool Extraordinary, int Number, string Heading,
        MeetingStatus Status, bool ShowDecision, string? Decision);

    public Case Case { get; private set; } = null!;
    public List<Row> Items { get; private set; } = [];

    /// <summary>Written procedures on the case: all for insiders, the decided ones (their decision) for everyone.</summary>
    public List<Domain.Procedure.WrittenProcedure> WrittenProcedures { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>For the secretariat: why the rules in force do not allow a written procedure on the case (null: they do).</summary>
    public Domain.Common.Error? WrittenProcedureNotAllowed { get; private set; }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(int id, [FromServices] WrittenProcedures.WrittenProcedureCommands writtenProcedures, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().Include(c => c.Body).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return NotFound();
        }
        Case = found;
        var viewer = await viewers.GetAsync(ct);
        var items = await db.AgendaItems.AsNoTracking().Include(i => i.Meeting!).ThenInclude(m => m.Body)
            .Where(i => i.CaseId == id)
            .ToListAsync(ct);
        Items = [.. items
            .Where(i => viewer.IsInsider(i.Meeting!.BodyId) || (i.Meeting.AgendaIsPublic && !i.IsClosed))
            .OrderBy(i => i.Meeting!.Date).ThenBy(i => i.Position)
            .Select(i => new Row(i.MeetingId, i.Meeting!.Date, i.Meeting.Body!.Name, i.Meeting.Kind == MeetingKind.Extraordinary,
                i.Number ?? i.Position, i.Heading, i.Meeting.Status,
                viewer.IsInsider(i.Meeting.BodyId) || i.Meeting.Status == MeetingStatus.MinutesApproved, i.Decision))];
        var procedures = await db.WrittenProcedures.AsNoTracking().Where(p => p.CaseId == id).ToListAsync(ct);
        WrittenProcedures = [.. procedures
            .Where(p => viewer.IsInsider(p.BodyId) || p.Status == Domain.Procedure.WrittenProcedureStatus.Decided)
            .OrderBy(p => p.StartedAt)];
        CanEdit = viewer.CanEdit;
        if (CanEdit)
        {
            WrittenProcedureNotAllowed = (await writtenProcedures.MayStartAsync(id, ct)).Result.Errors.FirstOrDefault();
        }
        return Page();
    }
}
