using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.People;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.People;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.WrittenProcedures;

public sealed class DecideWrittenProcedures(AppDbContext db, Outbox outbox, TimeProvider clock) : IUseCase
{
    /// <summary>
    /// Run by the procedure clock: decides procedures whose deadline passed, and reminds members who have not answered
    /// when the deadline is near. Returns how many were decided.
    /// </summary>
    public async Task<Result<int>> HandleAsync(CancellationToken ct)
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
                foreach (var (person, address) in await outbox.RecipientsAsync(procedure.BodyId, today, MailKinds.WrittenProcedureReminder, silent, ct))
                {
                    outbox.Add(MailKinds.WrittenProcedureReminder, address,
                        $"Påmindelse: skriftlig proces {procedure.Title} har frist {DanishFormat.Date(procedure.Deadline)}",
                        outbox.WithChoices($"""
                        Du har endnu ikke svaret i den skriftlige proces om {procedure.Title}. Fristen er {DanishFormat.Date(procedure.Deadline)}.

                        Svar her: {outbox.Link($"/skriftlig-proces/{procedure.Id}")}
                        {WrittenProcedureMail.ObjectionRule(procedure)}
                        """, person), personId: person);
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return decided;
    }
}
