using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.People;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.People;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.WrittenProcedures;

/// <summary>A written procedure as the body's members and the secretariat see it: the recommendation, the answers, the outcome.</summary>
[Edits(BodyFrom.WrittenProcedure)]
public class DetailsModel(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : PageModel
{
    public WrittenProcedure Procedure { get; private set; } = null!;
    public string BodyName { get; private set; } = "";
    public bool CanEdit { get; private set; }

    /// <summary>The viewer's own voting seat, when they may answer.</summary>
    public int? OwnSeatId { get; private set; }

    public WrittenAnswer? OwnAnswer { get; private set; }
    public int? AgendaMeetingId { get; private set; }

    [BindProperty]
    public WrittenAnswerKind Kind { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var procedure = await db.WrittenProcedures.AsNoTracking()
            .Include(p => p.Case).Include(p => p.Body)
            .Include(p => p.Answers).ThenInclude(a => a.Membership!).ThenInclude(m => m.Person)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (procedure is null)
        {
            return NotFound();
        }
        var viewer = await viewers.GetAsync(ct);
        if (this.RequireInsider(viewer, procedure.BodyId) is { } denied)
        {
            return denied;
        }
        (Procedure, BodyName, CanEdit) = (procedure, procedure.Body!.Name, viewer.CanEditBody(procedure.BodyId));
        var today = Clock.Today(clock);
        if (viewer.PersonId is { } personId)
        {
            OwnSeatId = await db.VotingSeatOfAsync(procedure.BodyId, personId, today, ct);
            OwnAnswer = procedure.Answers.FirstOrDefault(a => a.MembershipId == OwnSeatId);
        }
        if (procedure.AgendaItemId is { } itemId)
        {
            AgendaMeetingId = await db.AgendaItems.Where(i => i.Id == itemId).Select(i => (int?)i.MeetingId).FirstOrDefaultAsync(ct);
        }
        return Page();
    }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostAnswerAsync(int id, [FromServices] AnswerWrittenProcedure answer, CancellationToken ct)
    {
        if (ModelState.AddErrors(await answer.HandleAsync(id, Kind, Comment, ct)))
        {
            TempData["Message"] = Kind switch
            {
                WrittenAnswerKind.Object => "Din indsigelse er registreret.",
                WrittenAnswerKind.Comment => "Din bemærkning er registreret.",
                _ => "Dit svar er registreret.",
            };
            return Redirect($"/skriftlig-proces/{id}");
        }
        return await OnGetAsync(id, ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostPlaceAsync(int id, [FromServices] PlaceWrittenProcedureOnMeeting place, CancellationToken ct)
    {
        if (ModelState.AddErrors(await place.HandleAsync(id, ct)))
        {
            TempData["Message"] = "Sagen er sat på dagsordenen til udvalgets næste møde.";
            return Redirect($"/skriftlig-proces/{id}");
        }
        return await OnGetAsync(id, ct);
    }
}
