using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Minutes;

public class AttendanceTests
{
    private static readonly DateOnly MeetingDate = Syd.August2025;

    // Three seats and two substitutes: Pia stands in for Britt, Ole for Henrik.
    private static readonly Membership Allan = Syd.Seat(6, "Allan S. Andersen", "borgmester", "A", "Tårnby Kommune", MemberGroup.Municipal);
    private static readonly Membership Britt = Syd.Seat(8, "Britt Jensen", "borgmester", "A", "Rødovre Kommune", MemberGroup.Municipal);
    private static readonly Membership Henrik = Syd.Seat(9, "Henrik Rasmussen", "borgmester", "C", "Vallensbæk Kommune", MemberGroup.Municipal);
    private static readonly Membership PiaForBritt = Substitute(108, "Pia Suppleant", Britt);
    private static readonly Membership OleForHenrik = Substitute(109, "Ole Suppleant", Henrik);
    private static readonly Membership[] Seats = [Allan, Britt, Henrik];

    // ---- A seat at the table ------------------------------------------------------------------

    [Fact]
    public void Present_member_fills_their_own_seat()
    {
        var seat = Single(Allan, [Present(Allan)]);

        Assert.True(seat.IsRepresented);
        Assert.False(seat.BySubstitute);
        Assert.Same(Allan, seat.Attendee);
        Assert.Same(Allan, seat.Seat);
    }

    [Fact]
    public void Absent_member_whose_substitute_attends_is_represented_by_the_substitute()
    {
        var seat = Single(Britt, [Absent(Britt, PiaForBritt)]);

        Assert.True(seat.IsRepresented);
        Assert.True(seat.BySubstitute);
        Assert.Same(PiaForBritt, seat.Attendee);
    }

    [Fact]
    public void Absent_member_without_a_substitute_leaves_the_seat_empty()
    {
        var seat = Single(Henrik, [Absent(Henrik)]);

        Assert.False(seat.IsRepresented);
        Assert.False(seat.BySubstitute);
        Assert.Null(seat.Attendee);
    }

    [Fact]
    public void Member_with_no_attendance_record_is_not_counted_as_present()
    {
        var seat = Single(Allan, []);

        Assert.False(seat.IsRepresented);
    }

    [Fact]
    public void Roll_has_one_line_per_seat_in_the_order_of_the_seats_and_ignores_records_of_non_seats()
    {
        var advisor = Syd.Seat(21, "Anne Skriver Andersen", "koncerndirektør", null, "Region Hovedstaden", MemberGroup.Regional, MembershipRole.Advisor);

        var roll = AttendanceRoll.ForMeeting(Seats, [Present(Henrik), Present(advisor), Absent(Britt, PiaForBritt), Present(Allan)]);

        Assert.Equal([Allan, Britt, Henrik], roll.Select(r => r.Seat));
        Assert.Equal([Allan, PiaForBritt, Henrik], roll.Select(r => r.Attendee));
    }

    // ---- Per-item absences --------------------------------------------------------------------

    [Fact]
    public void Per_item_absence_removes_a_present_member_from_that_item_only()
    {
        Attendance[] attendance = [Present(Allan), Absent(Britt, PiaForBritt), Present(Henrik)];

        var item2 = AttendanceRoll.ForItem(Seats, attendance, [Allan.Id]);
        var item3 = AttendanceRoll.ForItem(Seats, attendance, []);
        var meeting = AttendanceRoll.ForMeeting(Seats, attendance);

        Assert.Equal([false, true, true], item2.Select(s => s.IsRepresented));
        Assert.Equal([true, true, true], item3.Select(s => s.IsRepresented));
        Assert.Equal([true, true, true], meeting.Select(s => s.IsRepresented));
    }

    [Fact]
    public void Per_item_absence_of_the_substitute_leaves_the_members_seat_empty_for_that_item()
    {
        Attendance[] attendance = [Present(Allan), Absent(Britt, PiaForBritt), Present(Henrik)];

        var roll = AttendanceRoll.ForItem(Seats, attendance, [PiaForBritt.Id]);

        var britt = roll.Single(s => s.Seat == Britt);
        Assert.False(britt.IsRepresented);
        Assert.False(britt.BySubstitute);
        Assert.Equal(2, roll.Count(s => s.IsRepresented));
    }

    [Fact]
    public void Per_item_absence_recorded_for_a_member_who_sent_a_substitute_does_not_remove_the_substitute()
    {
        var roll = AttendanceRoll.ForItem(Seats, [Present(Allan), Absent(Britt, PiaForBritt), Present(Henrik)], [Britt.Id]);

        var britt = roll.Single(s => s.Seat == Britt);
        Assert.True(britt.IsRepresented);
        Assert.True(britt.BySubstitute);
    }

    [Fact]
    public void Per_item_absence_does_not_fill_an_empty_seat()
    {
        var roll = AttendanceRoll.ForItem(Seats, [Present(Allan), Absent(Britt), Absent(Henrik, OleForHenrik)], [OleForHenrik.Id]);

        Assert.Equal([true, false, false], roll.Select(s => s.IsRepresented));
    }

    // ---- Holbæk, 29 October 2025 ----------------------------------------------------------------

    /// <summary>"Mødedeltagere" of the Holbæk minutes (`003`): 14 members.</summary>
    private static readonly string[] HolbaekMembers =
    [
        "Trine Birk Andersen", "Tina Mandrup", "Martin Damm", "Christina Krzyrosiak Hansen", "Karina Vincentz",
        "Camilla Hove Lund", "Helle Laursen Petersen", "Eva Hvolbæk", "Lise Ekholdt", "Niels Reichstein Larsen",
        "Mette Touborg", "Peter Olsen", "Anja Steinmejer", "Morten Helleberg Christiansen",
    ];

    private static readonly string[] HolbaekItems =
    [
        "Godkendelse af dagsorden", "Temadrøftelse af sundhedsreformen",
        "Anbefalinger fra Politisk Forum til kommende sundhedsråd", "Eventuelt", "Godkendelse af referat",
    ];

    [Fact]
    public void Holbaek_29_october_2025_two_members_absent_from_every_item_leaves_12_of_14_seats_filled_per_item()
    {
        var seats = HolbaekMembers
            .Select((name, i) => Syd.Seat(i + 1, name, null, null, "Holbæk Kommune", MemberGroup.Municipal))
            .ToList();
        var attendance = seats.Select(Present).ToList();
        int[] absentFromEveryItem =
        [
            seats.Single(s => s.Person!.Name == "Christina Krzyrosiak Hansen").Id,
            seats.Single(s => s.Person!.Name == "Mette Touborg").Id,
        ];

        foreach (var item in HolbaekItems)
        {
            var roll = AttendanceRoll.ForItem(seats, attendance, absentFromEveryItem);

            Assert.Equal(14, roll.Count);
            Assert.Equal(12, roll.Count(s => s.IsRepresented));
            Assert.Equal(
                ["Christina Krzyrosiak Hansen", "Mette Touborg"],
                roll.Where(s => !s.IsRepresented).Select(s => s.Seat.Person!.Name));
            Assert.DoesNotContain(roll, s => s.BySubstitute);
        }
        Assert.Equal(14, AttendanceRoll.ForMeeting(seats, attendance).Count(s => s.IsRepresented));
    }

    [Fact]
    public void Holbaek_two_members_absent_from_the_meeting_without_substitutes_leaves_12_of_14_seats_filled()
    {
        var seats = HolbaekMembers
            .Select((name, i) => Syd.Seat(i + 1, name, null, null, "Holbæk Kommune", MemberGroup.Municipal))
            .ToList();
        var attendance = seats
            .Select(s => s.Person!.Name is "Christina Krzyrosiak Hansen" or "Mette Touborg" ? Absent(s) : Present(s))
            .ToList();

        Assert.Equal(12, AttendanceRoll.ForMeeting(seats, attendance).Count(s => s.IsRepresented));
        Assert.All(HolbaekItems, _ => Assert.Equal(12, AttendanceRoll.ForItem(seats, attendance, []).Count(s => s.IsRepresented)));
    }

    // ---- CheckSubstitute ----------------------------------------------------------------------

    [Fact]
    public void No_substitute_is_always_fine()
    {
        Assert.True(Attendance.CheckSubstitute(Britt, null, MeetingDate).IsSuccess);
    }

    [Fact]
    public void Members_own_active_substitute_is_accepted()
    {
        Assert.True(Attendance.CheckSubstitute(Britt, PiaForBritt, MeetingDate).IsSuccess);
    }

    [Fact]
    public void Substitute_of_another_member_is_refused()
    {
        var result = Attendance.CheckSubstitute(Britt, OleForHenrik, MeetingDate);

        var error = Assert.Single(result.Errors);
        Assert.Equal("attendance.wrong_substitute", error.Code);
        Assert.Equal("Ole Suppleant er ikke suppleant for Britt Jensen.", error.Message);
        Assert.Equal(nameof(Attendance.SubstituteId), error.Field);
    }

    [Theory]
    [InlineData(MembershipRole.Member)]
    [InlineData(MembershipRole.Advisor)]
    [InlineData(MembershipRole.Guest)]
    public void Someone_who_is_not_a_substitute_is_refused_even_if_linked_to_the_member(MembershipRole role)
    {
        var notASubstitute = Substitute(110, "Anne Skriver Andersen", Britt);
        notASubstitute.Role = role;

        var error = Assert.Single(Attendance.CheckSubstitute(Britt, notASubstitute, MeetingDate).Errors);

        Assert.Equal("attendance.wrong_substitute", error.Code);
        Assert.Equal("Anne Skriver Andersen er ikke suppleant for Britt Jensen.", error.Message);
    }

    [Theory]
    [InlineData("2022-09-28", "2025-08-26")]
    [InlineData("2025-08-28", null)]
    public void Substitute_not_active_on_the_meeting_date_is_refused(string from, string? to)
    {
        var formerSubstitute = Substitute(111, "Pia Suppleant", Britt, Date(from), to is null ? null : Date(to));

        var error = Assert.Single(Attendance.CheckSubstitute(Britt, formerSubstitute, MeetingDate).Errors);

        Assert.Equal("attendance.substitute_inactive", error.Code);
        Assert.Equal("Pia Suppleant er ikke suppleant på mødedagen.", error.Message);
        Assert.Equal(nameof(Attendance.SubstituteId), error.Field);
    }

    [Theory]
    [InlineData("2025-08-27", null)]
    [InlineData("2022-09-28", "2025-08-27")]
    public void Substitute_whose_period_starts_or_ends_on_the_meeting_date_is_accepted(string from, string? to)
    {
        var substitute = Substitute(112, "Pia Suppleant", Britt, Date(from), to is null ? null : Date(to));

        Assert.True(Attendance.CheckSubstitute(Britt, substitute, MeetingDate).IsSuccess);
    }

    private static SeatAttendance Single(Membership seat, Attendance[] attendance) =>
        Assert.Single(AttendanceRoll.ForMeeting([seat], attendance));

    private static Attendance Present(Membership m) =>
        new() { MembershipId = m.Id, Membership = m, Status = AttendanceStatus.Present };

    private static Attendance Absent(Membership m, Membership? substitute = null) =>
        new() { MembershipId = m.Id, Membership = m, Status = AttendanceStatus.Absent, SubstituteId = substitute?.Id, Substitute = substitute };

    private static Membership Substitute(int id, string name, Membership standsInFor, DateOnly? from = null, DateOnly? to = null)
    {
        var m = Syd.Seat(id, name, "byrådsmedlem", null, standsInFor.Organisation!.Name, standsInFor.Group, MembershipRole.Substitute, from: from, to: to);
        m.StandsInForId = standsInFor.Id;
        m.StandsInFor = standsInFor;
        return m;
    }

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
