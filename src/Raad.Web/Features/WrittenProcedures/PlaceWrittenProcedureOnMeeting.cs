using Microsoft.EntityFrameworkCore;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.Agenda;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.WrittenProcedures;

/// <summary>
/// "Sæt på næste møde": a case the members sent to a meeting goes on the agenda draft of the body's next meeting.
/// Answers the new agenda item's id.
/// </summary>
public sealed class PlaceWrittenProcedureOnMeeting(AppDbContext db, AddItem addItem, TimeProvider clock) : IUseCase
{
    /// <summary>
    /// Puts a case sent to a meeting on the agenda draft of the body's next meeting. Without such a meeting yet, it waits
    /// and the secretariat places it from the procedure's page once the meeting is planned.
    /// </summary>
    internal async Task<Result> PlaceAsync(WrittenProcedure procedure, CancellationToken ct)
    {
        if (procedure.Status != WrittenProcedureStatus.SentToMeeting || procedure.AgendaItemId is not null)
        {
            return Result.Ok();
        }
        var today = Clock.Today(clock);
        var next = await db.Meetings.AsNoTracking()
            .Where(m => m.BodyId == procedure.BodyId && m.Date >= today
                && (m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.AgendaDraft))
            .OrderBy(m => m.Date).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return Result.Ok();
        }
        var added = await addItem.HandleAsync(next.Value,
            new NewItemInput { Title = procedure.Title, Kind = ItemKind.Decision, DurationMinutes = 15 }, ct);
        if (!added.IsSuccess)
        {
            return added.ToResult();
        }
        var itemId = added.Value;
        var item = await db.AgendaItems.FirstAsync(i => i.Id == itemId, ct);
        item.CaseId = procedure.CaseId;
        item.Recommendation = [procedure.Recommendation];
        var objections = procedure.Answers.Where(a => a.Kind == WrittenAnswerKind.Object).ToList();
        var names = await db.Memberships.Where(m => objections.Select(o => o.MembershipId).Contains(m.Id))
            .Select(m => new { m.Id, m.Person!.Name }).ToListAsync(ct);
        item.Background = $"Sagen var i skriftlig proces med frist {DanishFormat.Date(procedure.Deadline)}. "
            + string.Join(" ", objections.Select(o => $"{names.FirstOrDefault(n => n.Id == o.MembershipId)?.Name} gjorde indsigelse: {o.Comment}"))
            + " Sagen skal derfor behandles på et møde.";
        procedure.AgendaItemId = itemId;
        return await db.SaveAsync("Den skriftlige proces", ct);
    }

    public async Task<Result<int>> HandleAsync(int procedureId, CancellationToken ct)
    {
        var procedure = await db.WrittenProcedures.Include(p => p.Answers).FirstOrDefaultAsync(p => p.Id == procedureId, ct);
        if (procedure is null)
        {
            return new Error("written.not_found", "Den skriftlige proces findes ikke.");
        }
        var placed = await PlaceAsync(procedure, ct);
        return placed.IsSuccess && procedure.AgendaItemId is null
            ? new Error("written.no_meeting", "Udvalget har intet kommende møde med en dagsorden i kladde. Planlæg mødet, og prøv igen.")
            : placed.With(procedure.AgendaItemId ?? 0);
    }
}
