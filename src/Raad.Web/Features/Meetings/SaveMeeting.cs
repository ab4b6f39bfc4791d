using Microsoft.EntityFrameworkCore;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

public sealed class MeetingInput
{
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; } = new(14, 0);
    public TimeOnly End { get; set; } = new(16, 0);
    public MeetingKind Kind { get; set; }
    public bool IsVirtual { get; set; }
    public string? Location { get; set; }
    public string? VirtualLink { get; set; }
    public int? ChairId { get; set; }
    public int Version { get; set; }

    public static MeetingInput From(Meeting m) => new()
    {
        Date = m.Date,
        Start = m.Start,
        End = m.End,
        Kind = m.Kind,
        IsVirtual = m.IsVirtual,
        Location = m.Location,
        VirtualLink = m.VirtualLink,
        ChairId = m.ChairId,
        Version = m.Version,
    };
}

/// <summary>Plans a meeting (with the body's standard items on its agenda) or changes when and where it is.</summary>
public sealed class SaveMeeting(AppDbContext db) : IUseCase
{
    public async Task<(Result Result, int Id)> HandleAsync(int bodyId, int? meetingId, MeetingInput input, CancellationToken ct)
    {
        var body = await db.Bodies.Include(b => b.StandardItems).FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
        {
            return (new Error("body.not_found", "Udvalget findes ikke."), 0);
        }
        var v = Meeting.Validate(input.Date, input.Start, input.End, input.IsVirtual, input.Location, body, input.VirtualLink);
        if (input.ChairId is { } chairId)
        {
            var chairOk = await db.Memberships.AnyAsync(m => m.Id == chairId && m.BodyId == bodyId
                && m.From <= input.Date && (m.To == null || m.To >= input.Date), ct);
            v.Require(chairOk, "meeting.chair_not_member", nameof(input.ChairId), "Mødelederen skal være medlem af udvalget på mødedagen.");
        }
        if (!v.IsValid)
        {
            return (v.ToResult(), 0);
        }

        Meeting meeting;
        if (meetingId is { } id)
        {
            var existing = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id && m.BodyId == bodyId, ct);
            if (existing is null)
            {
                return (new Error("meeting.not_found", "Mødet findes ikke."), 0);
            }
            if (existing.Status is MeetingStatus.Cancelled or MeetingStatus.MinutesApproved)
            {
                return (new Error("meeting.locked", "Et aflyst møde eller et møde med godkendt referat kan ikke ændres."), 0);
            }
            meeting = existing;
            db.ExpectVersion(meeting, input.Version);
            if (meeting.Date != input.Date)
            {
                // Keep the date of the plan when the meeting moves.
                meeting.PlannedDate ??= meeting.Date;
            }
        }
        else
        {
            meeting = new Meeting { BodyId = bodyId };
            var position = 1;
            foreach (var s in body.TemplateFor(Domain.Bodies.StandardItemPlacement.First)
                         .Concat(body.TemplateFor(Domain.Bodies.StandardItemPlacement.Last)))
            {
                meeting.Items.Add(new AgendaItem
                {
                    Title = s.Title,
                    Kind = s.Kind,
                    DurationMinutes = s.DurationMinutes,
                    Position = position++,
                    Recommendation = [.. s.Recommendation],
                });
            }
            db.Meetings.Add(meeting);
        }
        meeting.Date = input.Date;
        meeting.Start = input.Start;
        meeting.End = input.End;
        meeting.Kind = input.Kind;
        meeting.IsVirtual = input.IsVirtual;
        meeting.Location = input.Location.OrNull();
        meeting.VirtualLink = input.VirtualLink.OrNull()?.Trim();
        meeting.ChairId = input.ChairId;
        var saved = await db.SaveAsync("Mødet", ct);
        return (saved, meeting.Id);
    }
}

/// <summary>Moves a meeting along its workflow: publish the agenda, mark it held, approve the minutes, cancel.</summary>
public sealed class ChangeMeetingStatus(AppDbContext db, TimeProvider clock,
    Infrastructure.Mail.Outbox outbox, Economy.EconomyQuery economy) : IUseCase
{
    public async Task<Result> HandleAsync(int meetingId, MeetingStatus target, int version, string? reason, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Items).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        if (target == MeetingStatus.MinutesApproved)
        {
            // § 3, stk. 5: how and when the committee approved the minutes is recorded with the approval (MinutesCycle).
            return new Error("minutes.approve_on_approval_page",
                "Referatet godkendes under \"Godkendelse af referat\", hvor det registreres, hvordan og hvornår udvalget godkendte det.");
        }
        reason = reason.OrNull();
        if (target == MeetingStatus.AgendaPublished && await LateAgendaReasonRequiredAsync(meeting, ct) is { } required)
        {
            if (reason is null)
            {
                return required;
            }
            meeting.AgendaLateReason = reason;
        }
        db.ExpectVersion(meeting, version);
        var now = clock.GetUtcNow();
        var result = target switch
        {
            MeetingStatus.AgendaPublished => meeting.PublishAgenda(now),
            MeetingStatus.Held when meeting.Date > Clock.Today(clock) =>
                new Error("meeting.not_yet_held", $"Mødet er først den {DanishFormat.Date(meeting.Date)} og kan ikke markeres som afholdt før."),
            MeetingStatus.Cancelled => meeting.Cancel(reason),
            _ => meeting.MoveTo(target),
        };
        if (!result.IsSuccess)
        {
            return result;
        }
        if (target == MeetingStatus.AgendaPublished)
        {
            // What the agenda prints of the economy is what it was on the day it went out.
            await economy.FreezeAsync(meeting, ct);
            var name = await db.Bodies.Where(b => b.Id == meeting.BodyId).Select(b => b.Name).FirstAsync(ct);
            await outbox.ToMembersAsync(meeting.BodyId, meeting.Date, "agenda_published",
                $"Dagsorden: {name} {DanishFormat.Date(meeting.Date)}",
                $"""
                Dagsordenen til mødet i {name} {DanishFormat.LongDate(meeting.Date)}, {DanishFormat.TimeRange(meeting.Start, meeting.End)}, er udsendt.
                Sted: {meeting.PlaceText}

                Læs dagsordenen: {outbox.Link($"/moeder/{meeting.Id}/dagsorden")}
                """, ct);
        }
        return await db.SaveAsync("Mødet", ct);
    }

    /// <summary>
    /// Danish practice: an agenda sent too late must say why. The rules in force on the meeting's date decide (pure);
    /// only they are read, not the meeting's other facts.
    /// </summary>
    private async Task<Error?> LateAgendaReasonRequiredAsync(Meeting meeting, CancellationToken ct) =>
        Domain.Procedure.RulesOfProcedure.InForce(await db.RulesOfProcedure.AsNoTracking().Where(r => r.BodyId == meeting.BodyId).ToListAsync(ct), meeting.Date)
            is { } rules
            ? Domain.Procedure.Compliance.LateAgendaReasonRequired(rules, meeting.Date, meeting.Kind, Clock.Today(clock))
            : null;
}
