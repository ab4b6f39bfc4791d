using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
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
    public async Task<IActionResult> OnGetAsync(int id, [FromServices] WrittenProcedures.StartWrittenProcedure writtenProcedures, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().Include(c => c.Body).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return NotFound();
        }
        var viewer = await viewers.GetAsync(ct);
        var items = await db.AgendaItems.AsNoTracking().Include(i => i.Meeting!).ThenInclude(m => m.Body)
            .Where(i => i.CaseId == id)
            .ToListAsync(ct);
        var procedures = await db.WrittenProcedures.AsNoTracking().Where(p => p.CaseId == id).ToListAsync(ct);
        static MeetingState StateOf(Domain.Meetings.Meeting m) => new(m.BodyId, m.Status, m.Date);
        if (!Visibility.Case(viewer.Facts, found.BodyId, items.Select(i => (StateOf(i.Meeting!), new ItemState(i.Id, i.IsClosed))),
                procedures.Select(p => (p.BodyId, p.Status))))
        {
            // A case known only by closed items or drafts does not exist for this viewer, not even by its title.
            return NotFound();
        }
        Case = found;
        Items = [.. items
            .Where(i => Visibility.Item(viewer.Facts, StateOf(i.Meeting!), new ItemState(i.Id, i.IsClosed)) == ItemSight.Full)
            .OrderBy(i => i.Meeting!.Date).ThenBy(i => i.Position)
            .Select(i => new Row(i.MeetingId, i.Meeting!.Date, i.Meeting.Body!.Name, i.Meeting.Kind == MeetingKind.Extraordinary,
                i.Number ?? i.Position, i.Heading, i.Meeting.Status,
                Visibility.Decision(viewer.Facts, StateOf(i.Meeting), new ItemState(i.Id, i.IsClosed)), i.Decision))];
        WrittenProcedures = [.. procedures
            .Where(p => Visibility.WrittenProcedure(viewer.Facts, p.BodyId, p.Status))
            .OrderBy(p => p.StartedAt)];
        CanEdit = viewer.CanEdit;
        if (CanEdit)
        {
            WrittenProcedureNotAllowed = (await writtenProcedures.MayStartAsync(id, ct)).Errors.FirstOrDefault();
        }
        return Page();
    }
}
