using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Features.Meetings;
using Raad.Web.Features.Procedure;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Minutes;

/// <summary>
/// "Udsend referatet til godkendelse" (§ 3, stk. 5): the text as it reads now becomes a numbered version, the members are
/// mailed, and the objection window of the rules in force runs. A revised version is sent the same way. Answers the version's number.
/// </summary>
public sealed class SendMinutesForApproval(AppDbContext db, MeetingQuery query, Outbox outbox, TimeProvider clock) : IUseCase
{
    /// <summary>The window when no rules are in force: the common eight days.</summary>
    private const int DefaultObjectionWindowDays = 8;

    public async Task<Result<int>> HandleAsync(int meetingId, int version, string? changeNote, CancellationToken ct)
    {
        var meeting = await MinutesCycle.MeetingAsync(db, meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        db.ExpectVersion(meeting, version);
        if (meeting.Status == MeetingStatus.Held)
        {
            meeting.StartMinutes();
        }
        var rules = await db.RulesInForceAsync(meeting.BodyId, meeting.Date, ct);
        var text = await MinutesCycle.TextAsync(query, meetingId, ct);
        var today = Clock.Today(clock);
        var result = meeting.CirculateMinutes(text, changeNote.OrNull(), rules?.ObjectionWindowDays ?? DefaultObjectionWindowDays, today, clock.GetUtcNow());
        if (!result.IsSuccess)
        {
            return result.With(0);
        }
        var issued = meeting.LatestMinutesVersion!;
        var revised = issued.Number > 1;
        var name = await db.Bodies.Where(b => b.Id == meeting.BodyId).Select(b => b.Name).FirstAsync(ct);
        var subject = revised
            ? $"Revideret referat (udgave {issued.Number}): {name} {DanishFormat.Date(meeting.Date)}"
            : $"Referat til godkendelse: {name} {DanishFormat.Date(meeting.Date)}";
        var body = $"""
            {(revised ? $"Referatet af mødet i {name} den {DanishFormat.Date(meeting.Date)} er revideret (udgave {issued.Number})." : $"Referatet af mødet i {name} den {DanishFormat.Date(meeting.Date)} er udsendt.")}
            {(revised ? $"Rettet: {issued.ChangeNote}\n" : "")}
            Indsigelser kan gøres i Raad senest {DanishFormat.Date(issued.ObjectionsDue!.Value)}. Kommer der ingen, er referatet godkendt.

            Læs referatet: {outbox.Link($"/moeder/{meeting.Id}/referat/udgaver/{issued.Number}")}
            """;
        await outbox.ToMembersAsync(meeting.BodyId, meeting.Date, revised ? Raad.Domain.People.MailKinds.MinutesRevised : Raad.Domain.People.MailKinds.MinutesCirculated, subject, body, ct, meeting.Id);
        return (await db.SaveAsync("Referatet", ct)).With(issued.Number);
    }
}
