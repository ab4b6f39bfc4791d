using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

public sealed class SeatInput
{
    public int MembershipId { get; set; }
    public AttendanceStatus? Status { get; set; }
    public int? SubstituteId { get; set; }
}

/// <summary>Records who came (or sent their substitute) and who left for single items, in one transaction.</summary>
public sealed class RecordAttendance(AppDbContext db) : IUseCase
{
    public async Task<Result> HandleAsync(int meetingId, int version, IReadOnlyList<SeatInput> seats, IReadOnlyDictionary<int, int[]> itemAbsences, CancellationToken ct)
    {
        var (meeting, guard) = await MinutesGuard.EditableMeetingAsync(db, meetingId, ct);
        if (!guard.IsSuccess)
        {
            return guard;
        }
        var memberships = await db.Memberships.Include(m => m.Person)
            .Where(m => m.BodyId == meeting!.BodyId && m.From <= meeting.Date && (m.To == null || m.To >= meeting.Date))
            .ToDictionaryAsync(m => m.Id, ct);
        var errors = new List<Error>();
        foreach (var seat in seats)
        {
            if (!memberships.TryGetValue(seat.MembershipId, out var member) || !member.IsVotingMember)
            {
                errors.Add(new Error("attendance.not_member", "Fremmødet gælder kun udvalgets medlemmer på mødedagen."));
                continue;
            }
            var substitute = seat.SubstituteId is { } sid ? memberships.GetValueOrDefault(sid) : null;
            if (seat.SubstituteId is not null && substitute is null)
            {
                errors.Add(new Error("attendance.substitute_inactive", "Suppleanten er ikke medlem på mødedagen.", "SubstituteId"));
                continue;
            }
            if (seat.Status == AttendanceStatus.Present && substitute is not null)
            {
                errors.Add(new Error("attendance.present_with_substitute",
                    $"{member.Person!.Name} er markeret som til stede og kan ikke samtidig have en suppleant.", "SubstituteId"));
                continue;
            }
            var check = Attendance.CheckSubstitute(member, substitute, meeting!.Date);
            if (!check.IsSuccess)
            {
                errors.AddRange(check.Errors);
                continue;
            }
            var record = meeting.Attendance.FirstOrDefault(a => a.MembershipId == member.Id);
            if (seat.Status is null)
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
            record.Status = seat.Status.Value;
            record.SubstituteId = substitute?.Id;
        }
        if (errors.Count > 0)
        {
            return Result.From(errors);
        }

        foreach (var item in meeting!.Items)
        {
            var wanted = itemAbsences.GetValueOrDefault(item.Id, []).Where(memberships.ContainsKey).ToHashSet();
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
        db.ExpectVersion(meeting, version);
        db.Entry(meeting).Property(m => m.Version).IsModified = true;
        return await db.SaveAsync("Fremmødet", ct);
    }
}
