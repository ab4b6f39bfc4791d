using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

public sealed class SeatInput
{
    public int MembershipId { get; set; }
    public AttendanceStatus? Status { get; set; }
    public int? SubstituteId { get; set; }

    /// <summary>The name of a substitute who came but is not registered yet; created on the spot as the member's substitute.</summary>
    public string? NewSubstituteName { get; set; }
}

/// <summary>Records who came (or sent their substitute, chosen or created here) and who left for single items, in one transaction.</summary>
public sealed class RecordAttendance(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, int version, IReadOnlyList<SeatInput> seats, IReadOnlyDictionary<int, int[]>? itemAbsences, CancellationToken ct)
    {
        var (meeting, guard) = await MinutesGuard.EditableMeetingAsync(db, meetingId, ct);
        if (!guard.IsSuccess)
        {
            return guard.With(meetingId);
        }
        var memberships = await db.Memberships.Include(m => m.Person)
            .Where(m => m.BodyId == meeting!.BodyId && m.From <= meeting.Date && (m.To == null || m.To >= meeting.Date))
            .ToDictionaryAsync(m => m.Id, ct);
        var errors = new List<Error>();
        for (var row = 0; row < seats.Count; row++)
        {
            var seat = seats[row];
            if (!memberships.TryGetValue(seat.MembershipId, out var member) || !member.IsVotingMember)
            {
                errors.Add(new Error("attendance.not_member", "Fremmødet gælder kun udvalgets medlemmer på mødedagen."));
                continue;
            }
            var substitute = seat.SubstituteId is { } sid ? memberships.GetValueOrDefault(sid) : null;
            if (seat.SubstituteId is not null && substitute is null)
            {
                errors.Add(new Error("attendance.substitute_inactive", "Suppleanten er ikke medlem på mødedagen.", $"Seats[{row}].SubstituteId"));
                continue;
            }
            var entry = Attendance.CheckEntry(member, seat.Status, substitute, seat.NewSubstituteName, meeting!.Date);
            if (!entry.IsSuccess)
            {
                // Each error belongs to its row, so the summary links to the member's field.
                errors.AddRange(entry.Errors.Select(e => e with { Field = e.Field is null ? null : $"Seats[{row}].{e.Field}" }));
                continue;
            }
            var record = meeting.Attendance.FirstOrDefault(a => a.MembershipId == member.Id);
            if (entry.Value is not { } status)
            {
                if (record is not null)
                {
                    meeting.Attendance.Remove(record);
                    db.Attendance.Remove(record);
                }
                continue;
            }
            if (record is null)
            {
                record = new Attendance { MembershipId = member.Id };
                meeting.Attendance.Add(record);
            }
            record.Status = status;
            if (seat.NewSubstituteName.OrNull() is { } name)
            {
                // The key of the new membership is set when it is saved, in the same transaction.
                record.Substitute = NewSubstitute(member, name, meeting.Date);
            }
            else
            {
                (record.Substitute, record.SubstituteId) = (substitute, substitute?.Id);
            }
        }
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        // Without item absences (the "Alle til stede" button) those recorded stay as they are.
        foreach (var item in meeting!.Items.Where(_ => itemAbsences is not null))
        {
            var wanted = itemAbsences!.GetValueOrDefault(item.Id, []).Where(memberships.ContainsKey).ToHashSet();
            foreach (var gone in item.Absences.Where(a => !wanted.Contains(a.MembershipId)).ToList())
            {
                item.Absences.Remove(gone);
                db.ItemAbsences.Remove(gone);
            }
            foreach (var id in wanted.Where(id => item.Absences.All(a => a.MembershipId != id)))
            {
                item.Absences.Add(new ItemAbsence { MembershipId = id });
            }
        }
        // Attendance is part of the minutes: the meeting's version guards against two secretaries saving at once.
        db.ExpectVersionOfWhole(meeting, version);
        return (await db.SaveAsync("Fremmødet", ct)).With(meetingId);
    }

    /// <summary>
    /// A substitute who came without being registered: from the meeting's day the member's substitute, in the member's
    /// group and organisation, for as long as the member sits.
    /// </summary>
    private Membership NewSubstitute(Membership member, string name, DateOnly date)
    {
        var substitute = new Membership
        {
            BodyId = member.BodyId,
            Person = new Person { Name = name },
            Role = MembershipRole.Substitute,
            Group = member.Group,
            OrganisationId = member.OrganisationId,
            From = date,
            To = member.To,
            StandsInForId = member.Id,
        };
        db.Memberships.Add(substitute);
        return substitute;
    }
}
