using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Minutes;

/// <summary>
/// A substitute who came for an absent member sits in the member's seat for the whole meeting: the items' "Fraværende",
/// the votes and the attendance page's rows all follow from that.
/// </summary>
public class SubstituteTests
{
    private static readonly DateOnly MeetingDate = Syd.August2025;

    // Allan came, Britt sent Pia, Henrik sent nobody; Ole is Henrik's substitute but did not come.
    private static readonly Membership Allan = Syd.Seat(6, "Allan S. Andersen", "borgmester", "A", "Tårnby Kommune", MemberGroup.Municipal);
    private static readonly Membership Britt = Syd.Seat(8, "Britt Jensen", "borgmester", "A", "Rødovre Kommune", MemberGroup.Municipal);
    private static readonly Membership Henrik = Syd.Seat(9, "Henrik Rasmussen", "borgmester", "C", "Vallensbæk Kommune", MemberGroup.Municipal);
    private static readonly Membership Pia = Substitute(108, "Pia Suppleant", Britt);
    private static readonly Membership Ole = Substitute(109, "Ole Suppleant", Henrik);
    private static readonly Membership[] Seats = [Allan, Britt, Henrik];

    private static readonly Attendance[] Day = [Present(Allan), Absent(Britt, Pia), Absent(Henrik)];

    private static readonly Dictionary<string, Membership> ByName = new[] { Allan, Britt, Henrik, Pia, Ole }
        .ToDictionary(m => m.Person!.Name.Split(' ')[0]);

    // ---- "Fraværende" under an item ----------------------------------------------------------------------

    [Theory]
    [InlineData("", "Henrik")]
    [InlineData("Britt", "Henrik")]
    [InlineData("Pia", "Pia,Henrik")]
    [InlineData("Allan", "Allan,Henrik")]
    [InlineData("Allan,Pia", "Allan,Pia,Henrik")]
    [InlineData("Henrik", "Henrik")]
    public void An_item_lists_as_absent_only_the_seats_nobody_filled_named_by_who_was_expected(string absentFromItem, string listed)
    {
        var absent = AttendanceRoll.AbsentFromItem(Seats, Day, Ids(absentFromItem));

        Assert.Equal(Names(listed), absent.Select(m => m.Person!.Name));
    }

    [Fact]
    public void A_member_replaced_by_a_substitute_is_never_absent_from_an_item_the_substitute_sat_through()
    {
        foreach (var absentFromItem in new[] { "", "Allan", "Henrik", "Britt" })
        {
            Assert.DoesNotContain(Britt, AttendanceRoll.AbsentFromItem(Seats, Day, Ids(absentFromItem)));
        }
    }

    [Fact]
    public void Nothing_recorded_means_every_seat_is_absent_by_its_member()
    {
        Assert.Equal([Allan, Britt, Henrik], AttendanceRoll.AbsentFromItem(Seats, [], []));
    }

    // ---- Who takes part, and so votes ----------------------------------------------------------------------

    [Theory]
    [InlineData("", "Allan,Pia")]
    [InlineData("Pia", "Allan")]
    [InlineData("Britt", "Allan,Pia")]
    [InlineData("Allan", "Pia")]
    [InlineData("Allan,Pia", "")]
    public void The_substitute_takes_part_in_the_members_seat_and_the_absent_do_not(string absentOrDisqualified, string takingPart)
    {
        var roll = AttendanceRoll.TakingPart(Seats, Day, Ids(absentOrDisqualified));

        Assert.Equal(Names(takingPart), roll.Select(s => s.Attendee!.Person!.Name));
        Assert.All(roll.Where(s => s.Attendee == Pia), s => Assert.Same(Britt, s.Seat));
    }

    [Theory]
    [InlineData("Allan,Pia", "", "")]
    [InlineData("Pia", "", "")]
    [InlineData("Allan,Britt", "", "Britt Jensen deltog ikke i behandlingen af punktet og kan ikke stemme.")]
    [InlineData("Allan,Henrik", "", "Henrik Rasmussen deltog ikke i behandlingen af punktet og kan ikke stemme.")]
    [InlineData("Allan,Ole", "", "Ole Suppleant deltog ikke i behandlingen af punktet og kan ikke stemme.")]
    [InlineData("Allan,Pia", "Pia", "Pia Suppleant deltog ikke i behandlingen af punktet og kan ikke stemme.")]
    public void Only_those_taking_part_in_the_item_may_vote(string voters, string absentFromItem, string message)
    {
        var roll = AttendanceRoll.TakingPart(Seats, Day, Ids(absentFromItem));

        var result = ItemVote.CheckVoters(Names(voters).Select(n => ByName[n.Split(' ')[0]]), roll);

        Assert.Equal(message, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.All(result.Errors, e => Assert.Equal("vote.not_taking_part", e.Code));
    }

    // ---- A row of the attendance page ---------------------------------------------------------------------------

    [Theory]
    [InlineData("Present", null, null, "Present", "")]
    [InlineData("Absent", null, null, "Absent", "")]
    [InlineData(null, null, null, null, "")]
    [InlineData("Absent", "Pia", null, "Absent", "")]
    [InlineData(null, "Pia", null, "Absent", "")]
    [InlineData("Absent", null, "Karen Ny", "Absent", "")]
    [InlineData(null, null, " Karen Ny ", "Absent", "")]
    [InlineData("Absent", null, "  ", "Absent", "")]
    [InlineData("Present", "Pia", null, null, "attendance.present_with_substitute")]
    [InlineData("Present", null, "Karen Ny", null, "attendance.present_with_substitute")]
    [InlineData("Absent", "Pia", "Karen Ny", null, "attendance.substitute_twice")]
    [InlineData("Absent", "Ole", null, null, "attendance.wrong_substitute")]
    public void A_row_records_the_status_with_a_chosen_or_new_substitute(string? status, string? chosen, string? newName, string? recorded, string error)
    {
        var result = Attendance.CheckEntry(Britt, Status(status), chosen is null ? null : ByName[chosen], newName, MeetingDate);

        Assert.Equal(error, string.Join(",", result.Errors.Select(e => e.Code)));
        if (error == "")
        {
            Assert.Equal(Status(recorded), result.Value);
        }
    }

    [Fact]
    public void The_rows_messages_name_the_member()
    {
        Assert.Equal("Britt Jensen er markeret som til stede og kan ikke samtidig have en suppleant.",
            Assert.Single(Attendance.CheckEntry(Britt, AttendanceStatus.Present, null, "Karen Ny", MeetingDate).Errors).Message);
        Assert.Equal("Vælg en suppleant for Britt Jensen, eller skriv navnet på en ny – ikke begge.",
            Assert.Single(Attendance.CheckEntry(Britt, AttendanceStatus.Absent, Pia, "Karen Ny", MeetingDate).Errors).Message);
        Assert.Equal("Ole Suppleant er ikke suppleant for Britt Jensen.",
            Assert.Single(Attendance.CheckEntry(Britt, null, Ole, null, MeetingDate).Errors).Message);
    }

    private static AttendanceStatus? Status(string? s) => s is null ? null : Enum.Parse<AttendanceStatus>(s);

    private static int[] Ids(string names) => [.. Names(names).Select(n => ByName[n.Split(' ')[0]].Id)];

    /// <summary>First names to full names, in the order given.</summary>
    private static string[] Names(string firstNames) =>
        [.. firstNames.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => ByName[n].Person!.Name)];

    private static Attendance Present(Membership m) =>
        new() { MembershipId = m.Id, Membership = m, Status = AttendanceStatus.Present };

    private static Attendance Absent(Membership m, Membership? substitute = null) =>
        new() { MembershipId = m.Id, Membership = m, Status = AttendanceStatus.Absent, SubstituteId = substitute?.Id, Substitute = substitute };

    private static Membership Substitute(int id, string name, Membership standsInFor)
    {
        var m = Syd.Seat(id, name, "byrådsmedlem", null, standsInFor.Organisation!.Name, standsInFor.Group, MembershipRole.Substitute);
        m.StandsInForId = standsInFor.Id;
        m.StandsInFor = standsInFor;
        return m;
    }
}
