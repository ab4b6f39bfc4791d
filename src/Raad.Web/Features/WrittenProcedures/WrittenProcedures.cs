using Microsoft.EntityFrameworkCore;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.People;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.Agenda;
using Raad.Web.Features.People;
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
/// Skriftlig proces: started from a case by the secretariat, answered by the members; objections send the case to the
/// next meeting's agenda draft, and a deadline passed in silence records the decision.
/// </summary>
public sealed class WrittenProcedureCommands(AppDbContext db, AddItem addItem, Outbox outbox, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    /// <summary>
    /// Whether a written procedure may be started on the case today: it must belong to a body whose rules in force allow
    /// it. Asked before the form is offered; the answer's error says why not. The body and its rules on success.
    /// </summary>
    public async Task<(Result Result, int BodyId, RulesOfProcedure? Rules)> MayStartAsync(int caseId, CancellationToken ct)
    {
        var bodyId = await db.Cases.Where(c => c.Id == caseId).Select(c => new { c.BodyId }).FirstOrDefaultAsync(ct);
        if (bodyId is null)
        {
            return (new Error("case.not_found", "Sagen findes ikke."), 0, null);
        }
        if (bodyId.BodyId is not { } body)
        {
            return (new Error("written.no_body", "Sagen hører ikke til et udvalg; angiv udvalget på sagen først."), 0, null);
        }
        var rules = RulesOfProcedure.InForce(await db.RulesOfProcedure.AsNoTracking().Where(r => r.BodyId == body).ToListAsync(ct), Clock.Today(clock));
        return (WrittenProcedure.MayStart(rules), body, rules);
    }

    public async Task<(Result Result, int Id)> StartAsync(int caseId, StartInput input, CancellationToken ct)
    {
        var (may, bodyId, rules) = await MayStartAsync(caseId, ct);
        if (!may.IsSuccess)
        {
            return (may, 0);
        }
        var today = Clock.Today(clock);
        var started = WrittenProcedure.Start(rules, bodyId, caseId, input.Title, input.Recommendation, input.Deadline, today, clock.GetUtcNow());
        if (!started.IsSuccess)
        {
            return (started.ToResult(), 0);
        }
        var procedure = started.Value!;
        db.WrittenProcedures.Add(procedure);
        var body = await db.Bodies.Where(b => b.Id == bodyId).Select(b => b.Name).FirstAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await db.SaveAsync("Den skriftlige proces", ct);
        if (!saved.IsSuccess)
        {
            return (saved, 0);
        }
        await outbox.ToMembersAsync(bodyId, today, "written_procedure_started",
            $"Skriftlig proces: {procedure.Title} (frist {DanishFormat.Date(procedure.Deadline)})",
            $"""
            {body} behandler en sag ved skriftlig proces: {procedure.Title}

            Det indstilles: {procedure.Recommendation}

            Svar (enig, indsigelse eller bemærkning) senest {DanishFormat.Date(procedure.Deadline)}: {outbox.Link($"/skriftlig-proces/{procedure.Id}")}
            {ObjectionRule(procedure)}
            """, ct);
        saved = await db.SaveAsync("Den skriftlige proces", ct);
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(ct);
        }
        return (saved, procedure.Id);
    }

    public async Task<Result> AnswerAsync(int procedureId, WrittenAnswerKind kind, string? comment, CancellationToken ct)
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
            return answered.ToResult();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await db.SaveAsync("Den skriftlige proces", ct);
        if (saved.IsSuccess && answered.Value)
        {
            saved = await PlaceOnNextMeetingAsync(procedure, ct);
        }
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(ct);
        }
        return saved;
    }

    /// <summary>
    /// Puts a case sent to a meeting on the agenda draft of the body's next meeting. Without such a meeting yet, it waits
    /// and the secretariat places it from the procedure's page once the meeting is planned.
    /// </summary>
    public async Task<Result> PlaceOnNextMeetingAsync(WrittenProcedure procedure, CancellationToken ct)
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
        var (added, itemId) = await addItem.HandleAsync(next.Value,
            new NewItemInput { Title = procedure.Title, Kind = ItemKind.Decision, DurationMinutes = 15 }, ct);
        if (!added.IsSuccess)
        {
            return added;
        }
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

    public async Task<Result> PlaceOnNextMeetingAsync(int procedureId, CancellationToken ct)
    {
        var procedure = await db.WrittenProcedures.Include(p => p.Answers).FirstOrDefaultAsync(p => p.Id == procedureId, ct);
        if (procedure is null)
        {
            return new Error("written.not_found", "Den skriftlige proces findes ikke.");
        }
        var placed = await PlaceOnNextMeetingAsync(procedure, ct);
        return placed.IsSuccess && procedure.AgendaItemId is null
            ? new Error("written.no_meeting", "Udvalget har intet kommende møde med en dagsorden i kladde. Planlæg mødet, og prøv igen.")
            : placed;
    }

    /// <summary>
    /// Run by the procedure clock: decides procedures whose deadline passed, and reminds members who have not answered
    /// when the deadline is near. Returns how many were decided.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var today = Clock.Today(clock);
        var now = clock.GetUtcNow();
        var open = await db.WrittenProcedures.Include(p => p.Answers)
            .Where(p => p.Status == WrittenProcedureStatus.Open).ToListAsync(ct);
        var decided = 0;
        foreach (var procedure in open)
        {
            if (procedure.IsDueForDecision(today) && procedure.Decide(today, now).IsSuccess)
            {
                decided++;
            }
            else if (procedure.IsDueForReminder(today))
            {
                procedure.ReminderSentAt = now;
                var answeredSeats = procedure.Answers.Select(a => a.MembershipId).ToList();
                var silent = await db.Memberships.AsNoTracking().VotingOn(procedure.BodyId, today)
                    .Where(m => !answeredSeats.Contains(m.Id)).Select(m => m.PersonId).ToListAsync(ct);
                foreach (var address in await outbox.MemberAddressesAsync(procedure.BodyId, today, silent, ct))
                {
                    outbox.Add("written_procedure_reminder", address,
                        $"Påmindelse: skriftlig proces {procedure.Title} har frist {DanishFormat.Date(procedure.Deadline)}",
                        $"""
                        Du har endnu ikke svaret i den skriftlige proces om {procedure.Title}. Fristen er {DanishFormat.Date(procedure.Deadline)}.

                        Svar her: {outbox.Link($"/skriftlig-proces/{procedure.Id}")}
                        {ObjectionRule(procedure)}
                        """);
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return decided;
    }

    private static string ObjectionRule(WrittenProcedure procedure) => procedure.ObjectionsToMeeting == 1
        ? "Gør blot ét medlem indsigelse, skal sagen behandles på et møde. Uden indsigelser er indstillingen vedtaget, når fristen er udløbet."
        : $"Gør {procedure.ObjectionsToMeeting} medlemmer indsigelse, skal sagen behandles på et møde. Ellers er indstillingen vedtaget, når fristen er udløbet.";

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
