using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.Procedure;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.WrittenProcedures;

public sealed class StartInput
{
    public string? Title { get; set; }
    public string? Recommendation { get; set; }
    public DateOnly Deadline { get; set; }
}

/// <summary>
/// Skriftlig proces: the secretariat starts one from a case, and the members are mailed to answer by the deadline.
/// Answers the procedure's id.
/// </summary>
public sealed class StartWrittenProcedure(AppDbContext db, Outbox outbox, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    /// <summary>
    /// Whether a written procedure may be started on the case today: it must belong to a body whose rules in force allow
    /// it. Asked before the form is offered; the answer's error says why not. The body and its rules on success.
    /// </summary>
    public async Task<Result<(int BodyId, RulesOfProcedure? Rules)>> MayStartAsync(int caseId, CancellationToken ct)
    {
        var bodyId = await db.Cases.Where(c => c.Id == caseId).Select(c => new { c.BodyId }).FirstOrDefaultAsync(ct);
        if (bodyId is null)
        {
            return new Error("case.not_found", "Sagen findes ikke.");
        }
        if (bodyId.BodyId is not { } body)
        {
            return new Error("written.no_body", "Sagen hører ikke til et udvalg; angiv udvalget på sagen først.");
        }
        if (!(await viewers.GetAsync(ct)).CanEditBody(body))
        {
            return AccessErrors.NotSecretariatOf(await db.Bodies.Where(b => b.Id == body).Select(b => b.Name).FirstAsync(ct));
        }
        var rules = await db.RulesInForceAsync(body, Clock.Today(clock), ct);
        return WrittenProcedure.MayStart(rules).With((body, rules));
    }

    public async Task<Result<int>> HandleAsync(int caseId, StartInput input, CancellationToken ct)
    {
        var may = await MayStartAsync(caseId, ct);
        if (!may.IsSuccess)
        {
            return Result<int>.Fail(may.Errors);
        }
        var (bodyId, rules) = may.Value;
        var today = Clock.Today(clock);
        var started = WrittenProcedure.Start(rules, bodyId, caseId, input.Title, input.Recommendation, input.Deadline, today, clock.GetUtcNow());
        if (!started.IsSuccess)
        {
            return Result<int>.Fail(started.Errors);
        }
        var procedure = started.Value!;
        db.WrittenProcedures.Add(procedure);
        var body = await db.Bodies.Where(b => b.Id == bodyId).Select(b => b.Name).FirstAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await db.SaveAsync("Den skriftlige proces", ct);
        if (!saved.IsSuccess)
        {
            return saved.With(0);
        }
        await outbox.ToMembersAsync(bodyId, today, Raad.Domain.People.MailKinds.WrittenProcedureStarted,
            $"Skriftlig proces: {procedure.Title} (frist {DanishFormat.Date(procedure.Deadline)})",
            $"""
            {body} behandler en sag ved skriftlig proces: {procedure.Title}

            Det indstilles: {procedure.Recommendation}

            Svar (enig, indsigelse eller bemærkning) senest {DanishFormat.Date(procedure.Deadline)}: {outbox.Link($"/skriftlig-proces/{procedure.Id}")}
            {WrittenProcedureMail.ObjectionRule(procedure)}
            """, ct);
        saved = await db.SaveAsync("Den skriftlige proces", ct);
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(ct);
        }
        return saved.With(procedure.Id);
    }
}
