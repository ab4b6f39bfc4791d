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

/// <summary>Plans a meeting (with the body's standard items on its agenda) or changes when and where it is. Answers the meeting's id.</summary>
public sealed class SaveMeeting(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, int? meetingId, MeetingInput input, CancellationToken ct)
    {
        var body = await db.Bodies.Include(b => b.StandardItems).FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
        {
            return new Error("body.not_found", "Udvalget findes ikke.");
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
            return Result<int>.Fail(v.Errors);
        }

        Meeting meeting;
        if (meetingId is { } id)
        {
            var existing = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id && m.BodyId == bodyId, ct);
            if (existing is null)
            {
                return new Error("meeting.not_found", "Mødet findes ikke.");
            }
            if (existing.Status is MeetingStatus.Cancelled or MeetingStatus.MinutesApproved)
            {
                return new Error("meeting.locked", "Et aflyst møde eller et møde med godkendt referat kan ikke ændres.");
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
        return saved.With(meeting.Id);
    }
}
