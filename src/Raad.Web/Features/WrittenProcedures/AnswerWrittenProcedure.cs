using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.People;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.WrittenProcedures;

/// <summary>
/// A member answers a written procedure (agree, object, remark); objections enough send the case to the next meeting's
/// agenda draft in the same transaction. Answers the procedure's id.
/// </summary>
public sealed class AnswerWrittenProcedure(AppDbContext db, PlaceWrittenProcedureOnMeeting place, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int procedureId, WrittenAnswerKind kind, string? comment, CancellationToken ct)
    {
        var procedure = await db.WrittenProcedures.Include(p => p.Answers).FirstOrDefaultAsync(p => p.Id == procedureId, ct);
        if (procedure is null)
        {
            return new Error("written.not_found", "Den skriftlige proces findes ikke.");
        }
        var today = Clock.Today(clock);
        var seat = await SeatOfViewerAsync(procedure.BodyId, today, ct);
        if (seat is null)
        {
            return new Error("written.not_member", "Kun udvalgets medlemmer kan svare i en skriftlig proces.");
        }
        var answered = procedure.Answer(seat.Value, kind, comment, today, clock.GetUtcNow());
        if (!answered.IsSuccess)
        {
            return Result<int>.Fail(answered.Errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await db.SaveAsync("Den skriftlige proces", ct);
        if (saved.IsSuccess && answered.Value)
        {
            saved = await place.PlaceAsync(procedure, ct);
        }
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(ct);
        }
        return saved.With(procedure.Id);
    }

    /// <summary>The signed-in person's voting seat in the body today, if they have one.</summary>
    private async Task<int?> SeatOfViewerAsync(int bodyId, DateOnly today, CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        if (viewer.PersonId is not { } personId)
        {
            return null;
        }
        return await db.VotingSeatOfAsync(bodyId, personId, today, ct);
    }
}
