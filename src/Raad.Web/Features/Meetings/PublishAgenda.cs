using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.Procedure;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Meetings;

/// <summary>
/// "Udsend dagsorden": numbers the items, freezes the economy tables as they are today and mails the members. An agenda
/// sent too late must say why. The public who subscribed to the body get an alert (<see cref="Alerts.PublicAlerts"/>) (the rules in force decide, <see cref="Compliance.LateAgendaReasonRequired"/>); the reason is printed in it.
/// </summary>
public sealed class PublishAgenda(AppDbContext db, TimeProvider clock, Outbox outbox, Economy.EconomyQuery economy, Alerts.PublicAlerts alerts) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, int version, string? reason, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Items).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        var rules = await db.RulesInForceAsync(meeting.BodyId, meeting.Date, ct);
        if (Compliance.LateAgendaReasonRequired(rules, meeting.Date, meeting.Kind, Clock.Today(clock)) is { } required)
        {
            if (reason.OrNull() is not { } given)
            {
                return required;
            }
            meeting.AgendaLateReason = given;
        }
        db.ExpectVersion(meeting, version);
        var published = meeting.PublishAgenda(clock.GetUtcNow());
        if (!published.IsSuccess)
        {
            return published.With(meeting.Id);
        }
        // What the agenda prints of the economy is what it was on the day it went out.
        await economy.FreezeAsync(meeting, ct);
        var name = await db.Bodies.Where(b => b.Id == meeting.BodyId).Select(b => b.Name).FirstAsync(ct);
        await outbox.ToMembersAsync(meeting.BodyId, meeting.Date, Raad.Domain.People.MailKinds.AgendaPublished,
            $"Dagsorden: {name} {DanishFormat.Date(meeting.Date)}",
            $"""
            Dagsordenen til mødet i {name} {DanishFormat.LongDate(meeting.Date)}, {DanishFormat.TimeRange(meeting.Start, meeting.End)}, er udsendt.
            Sted: {meeting.PlaceText}

            Læs dagsordenen: {outbox.Link($"/moeder/{meeting.Id}/dagsorden")}
            """, ct, meeting.Id);
        // The public's subscribers hear of it too, once per meeting (a republished agenda is not news again).
        await alerts.AgendaPublishedAsync(meeting, ct);
        return (await db.SaveAsync("Mødet", ct)).With(meeting.Id);
    }
}
