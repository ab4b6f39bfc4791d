using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.People;

namespace Raad.Domain.Minutes;

public enum AttendanceStatus
{
    Present,
    Absent,
}

/// <summary>Whether a member came to a meeting, or sent the substitute that stands in for them.</summary>
public class Attendance
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int MembershipId { get; set; }
    public Membership? Membership { get; set; }
    public AttendanceStatus Status { get; set; }
    public int? SubstituteId { get; set; }
    public Membership? Substitute { get; set; }

    /// <summary>As long as a person's name may be.</summary>
    public const int MaxNameLength = 200;

    /// <summary>
    /// One row of the attendance page: the member's status and who came instead, an existing substitute or one named
    /// to be created on the spot. A substitute given without a status means the member was absent (the secretary's
    /// choice of substitute is never dropped); a member marked present has no substitute. Returns the status to record.
    /// </summary>
    public static Result<AttendanceStatus?> CheckEntry(Membership member, AttendanceStatus? status, Membership? substitute, string? newSubstituteName, DateOnly date)
    {
        var name = member.Person?.Name;
        var newName = string.IsNullOrWhiteSpace(newSubstituteName) ? null : newSubstituteName.Trim();
        if (substitute is not null && newName is not null)
        {
            return new Error("attendance.substitute_twice",
                $"Vælg en suppleant for {name}, eller skriv navnet på en ny – ikke begge.", nameof(SubstituteId));
        }
        if (newName is { Length: > MaxNameLength })
        {
            return new Error("attendance.substitute_name_too_long",
                $"Suppleantens navn må højst være {MaxNameLength} tegn.", nameof(SubstituteId));
        }
        if (status == AttendanceStatus.Present && (substitute is not null || newName is not null))
        {
            return new Error("attendance.present_with_substitute",
                $"{name} er markeret som til stede og kan ikke samtidig have en suppleant.", nameof(SubstituteId));
        }
        var check = CheckSubstitute(member, substitute, date);
        if (!check.IsSuccess)
        {
            return Result<AttendanceStatus?>.Fail(check.Errors);
        }
        return substitute is not null || newName is not null ? AttendanceStatus.Absent : status;
    }

    public static Result CheckSubstitute(Membership member, Membership? substitute, DateOnly date)
    {
        if (substitute is null)
        {
            return Result.Ok();
        }
        if (substitute.Role != MembershipRole.Substitute || substitute.StandsInForId != member.Id)
        {
            return new Error("attendance.wrong_substitute",
                $"{substitute.Person?.Name} er ikke suppleant for {member.Person?.Name}.", nameof(SubstituteId));
        }
        if (!substitute.IsActiveOn(date))
        {
            return new Error("attendance.substitute_inactive",
                $"{substitute.Person?.Name} er ikke suppleant på mødedagen.", nameof(SubstituteId));
        }
        return Result.Ok();
    }
}

/// <summary>A member absent from one item though present at the meeting (or the other way round for the minutes' "Fraværende").</summary>
public class ItemAbsence
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public int MembershipId { get; set; }
    public Membership? Membership { get; set; }
}

/// <summary>A seat at the table for one item: the member who holds it, and who (if anyone) filled it.</summary>
public sealed record SeatAttendance(Membership Seat, Membership? Attendee)
{
    public bool IsRepresented => Attendee is not null;
    public bool BySubstitute => Attendee is not null && Attendee.Id != Seat.Id;
}

/// <summary>Who was there for an item, computed from the meeting's attendance and the item's absences.</summary>
public static class AttendanceRoll
{
    /// <param name="seats">The voting members of the body on the meeting's date.</param>
    /// <param name="attendance">The meeting's attendance records.</param>
    /// <param name="absentFromItem">Memberships (member or substitute) recorded as absent from this item.</param>
    public static IReadOnlyList<SeatAttendance> ForItem(
        IEnumerable<Membership> seats, IEnumerable<Attendance> attendance, IReadOnlyCollection<int> absentFromItem)
    {
        var byMember = attendance.ToDictionary(a => a.MembershipId);
        var result = new List<SeatAttendance>();
        foreach (var seat in seats)
        {
            Membership? attendee = null;
            if (byMember.TryGetValue(seat.Id, out var record))
            {
                if (record.Status == AttendanceStatus.Present)
                {
                    attendee = seat;
                }
                else if (record.Substitute is { } substitute)
                {
                    attendee = substitute;
                }
            }
            if (attendee is not null && absentFromItem.Contains(attendee.Id))
            {
                attendee = null;
            }
            result.Add(new SeatAttendance(seat, attendee));
        }
        return result;
    }

    /// <summary>The whole meeting: a seat counts as represented if it is filled for the meeting.</summary>
    public static IReadOnlyList<SeatAttendance> ForMeeting(IEnumerable<Membership> seats, IEnumerable<Attendance> attendance) =>
        ForItem(seats, attendance, []);

    /// <summary>
    /// "Fraværende" under an item: the seats nobody filled for it, each named by who was expected in it: the member,
    /// or the substitute who came for the member and left during the item. A member whose substitute sat through the
    /// item is not absent from it.
    /// </summary>
    public static IReadOnlyList<Membership> AbsentFromItem(
        IEnumerable<Membership> seats, IEnumerable<Attendance> attendance, IReadOnlyCollection<int> absentFromItem)
    {
        var seatList = seats.ToList();
        var records = attendance.ToList();
        var atMeeting = ForMeeting(seatList, records).ToDictionary(s => s.Seat.Id, s => s.Attendee);
        return [.. ForItem(seatList, records, absentFromItem)
            .Where(s => !s.IsRepresented)
            .Select(s => atMeeting[s.Seat.Id] ?? s.Seat)];
    }

    /// <summary>
    /// Who takes part in an item, seat by seat: the member, or the substitute in the member's seat. Those absent from
    /// the item or disqualified from it are not among them; they neither vote nor count.
    /// </summary>
    public static IReadOnlyList<SeatAttendance> TakingPart(
        IEnumerable<Membership> seats, IEnumerable<Attendance> attendance, IReadOnlyCollection<int> absentOrDisqualified) =>
        [.. ForItem(seats, attendance, absentOrDisqualified).Where(s => s.IsRepresented)];
}

/// <summary>Inhabilitet: a member does not take part in an item, declared by themselves or the secretariat, with a reason.</summary>
public class Disqualification
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public int MembershipId { get; set; }
    public Membership? Membership { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }

    /// <summary>As the minutes print it.</summary>
    public static string Sentence(string name) => $"{name} deltog ikke i sagens behandling.";
}

/// <summary>A decision put to a vote, recorded per member (names) or per party (party names).</summary>
public class ItemVote
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public bool ByParty { get; set; }
    public List<string> For { get; set; } = [];
    public List<string> Against { get; set; } = [];
    public List<string> Abstained { get; set; } = [];

    /// <summary>As the minutes print it: "For stemte: ...; Imod stemte: ...; Undlod: ...".</summary>
    public string Sentence => string.Join("; ", new[]
    {
        For.Count > 0 ? $"For stemte: {string.Join(", ", For)}" : null,
        Against.Count > 0 ? $"Imod stemte: {string.Join(", ", Against)}" : null,
        Abstained.Count > 0 ? $"Undlod: {string.Join(", ", Abstained)}" : null,
    }.Where(p => p is not null)) + ".";

    /// <summary>Only those taking part in the item vote: a member present, or the substitute in an absent member's seat.</summary>
    public static Result CheckVoters(IEnumerable<Membership> voters, IReadOnlyList<SeatAttendance> takingPart)
    {
        var seated = takingPart.Select(s => s.Attendee!.Id).ToHashSet();
        var errors = voters.Where(v => !seated.Contains(v.Id))
            .Select(v => new Error("vote.not_taking_part",
                $"{v.Person?.Name} deltog ikke i behandlingen af punktet og kan ikke stemme.", "Vote"))
            .ToList();
        return errors.Count == 0 ? Result.Ok() : Result.From(errors);
    }

    public static Result Check(IReadOnlyCollection<string> @for, IReadOnlyCollection<string> against, IReadOnlyCollection<string> abstained)
    {
        var all = @for.Concat(against).Concat(abstained).ToList();
        if (all.Count == 0)
        {
            return new Error("vote.empty", "Angiv, hvem der stemte for, imod eller undlod.", "Vote");
        }
        var twice = all.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        return twice is null
            ? Result.Ok()
            : new Error("vote.twice", $"{twice} er angivet mere end én gang.", "Vote");
    }
}

/// <summary>A member's dissent recorded with the decision (protokoltilførsel / afvigende mening).</summary>
public class Dissent
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public int MembershipId { get; set; }
    public Membership? Membership { get; set; }
    public required string Text { get; set; }

    public static string Sentence(string name, string text) => $"Protokoltilførsel fra {name}: {text}";
}
