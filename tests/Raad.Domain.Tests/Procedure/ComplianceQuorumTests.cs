using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Domain.Procedure;
using Raad.Domain.Tests.TestData;
using static Raad.Domain.Tests.Procedure.ProcedureAssert;
using static Raad.Domain.Tests.TestData.SydProcedure;

namespace Raad.Domain.Tests.Procedure;

/// <summary>
/// § 4, stk. 2 on 27 August 2025. Syd's seats that day by membership id: Regional 1, 3, 4, 18; Kommunal 5-11, 13, 14,
/// 15, 19; Almen praksis 16, 17.
/// </summary>
public class ComplianceQuorumTests
{
    private static readonly List<Membership> Seats = SeatsOn(Syd.August2025);

    private static Membership Seat(int id) => Seats.Single(s => s.Id == id);

    private static IReadOnlyList<Finding> QuorumFor(string presentIds, ItemFacts? item = null, RulesOfProcedure? rules = null) =>
        Quorum(rules ?? SydRules(), Seats, Roll(Seats, Ids(presentIds)), item ?? Item(1));

    [Fact]
    public void Syds_seats_on_27_august_2025_are_17_by_the_ids_of_the_test_data()
    {
        Assert.Equal(17, Seats.Count);
        Assert.Equal([1, 3, 4, 18], Seats.Where(s => s.Group == MemberGroup.Regional).Select(s => s.Id).Order());
        Assert.Equal([5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 19], Seats.Where(s => s.Group == MemberGroup.Municipal).Select(s => s.Id).Order());
        Assert.Equal([16, 17], Seats.Where(s => s.Group == MemberGroup.GeneralPractice).Select(s => s.Id).Order());
    }

    [Theory]
    // 9 of 17 with region and municipalities: a quorum.
    [InlineData("1,5,6,7,8,9,10,11,13", "")]
    [InlineData("1,3,4,18,16,17,5,6,7", "")]
    [InlineData("18,19,5,6,7,8,9,10,11", "")]
    [InlineData("1,3,4,18,5,6,7,8,9,10,11,13,14,15,19,16,17", "")]
    [InlineData("1,3,5,6,7,8,9,10,11,13", "")]
    // 8 of 17: no quorum.
    [InlineData("1,5,6,7,8,9,10,11", "no_quorum")]
    [InlineData("1,3,4,18,16,17,5,6", "no_quorum")]
    [InlineData("1,5", "no_quorum")]
    // 9 or more, but no one from the region, or from the municipalities.
    [InlineData("5,6,7,8,9,10,11,13,14", "group_not_represented")]
    [InlineData("5,6,7,8,9,10,11,13,14,15,19,16,17", "group_not_represented")]
    // Too few and a group missing.
    [InlineData("1,3,4,18,16,17", "no_quorum,group_not_represented")]
    [InlineData("5,6,7,8,9,10,11,13", "no_quorum,group_not_represented")]
    [InlineData("16,17", "no_quorum,group_not_represented,group_not_represented")]
    [InlineData("", "no_quorum,group_not_represented,group_not_represented")]
    public void Quorum_is_9_of_17_with_region_and_municipalities_represented(string present, string expected)
    {
        Assert.Equal(ExpectedCodes(expected), Codes(QuorumFor(present)));
    }

    [Fact]
    public void Eight_of_17_is_no_quorum_with_the_seeds_message()
    {
        var finding = Assert.Single(QuorumFor("1,5,6,7,8,9,10,11"));

        Assert.Equal("procedure.no_quorum", finding.Code);
        Assert.Equal(Severity.Violation, finding.Severity);
        Assert.Equal("§ 4, stk. 2: Punkt 1: 8 af 17 medlemmer deltog; mindst 9 skal være til stede.", finding.Message);
        Assert.Equal(SydTitle + ", § 4, stk. 2", finding.Reference);
        Assert.Equal("Udvalget er ikke beslutningsdygtigt på punktet. Udsæt beslutningen, eller brug skriftlig proces.", finding.Remedy);
    }

    [Fact]
    public void Minutes_approved_without_a_quorum_with_their_reason_quote_it_instead_of_asking_again()
    {
        var facts = August2025Facts() with
        {
            Status = MeetingStatus.MinutesApproved,
            Seats = Seats,
            Attendance = Roll(Seats, Ids("1,5,6,7,8,9,10,11")),
            Items = [Item(1)],
            MinutesQuorumReason = "Sagen kunne ikke vente til næste møde.",
        };

        var finding = Single(Check(SydRules(), facts, Syd.August2025), "procedure.no_quorum");

        Assert.Equal("§ 4, stk. 2: Punkt 1: 8 af 17 medlemmer deltog; mindst 9 skal være til stede.", finding.Message);
        Assert.Equal("Begrundelsen for at godkende referatet alligevel er trykt i referatet: \"Sagen kunne ikke vente til næste møde.\"", finding.Remedy);
    }

    [Theory]
    [InlineData("5,6,7,8,9,10,11,13,14", "Regional")]
    [InlineData("1,3,4,18,16,17,5,6,7", "")]
    [InlineData("1,3,4,18,16,17,2", "Kommunal")]
    public void Group_not_represented_names_the_missing_group_and_the_required_ones(string present, string missing)
    {
        var findings = QuorumFor(present).Where(f => f.Code == "procedure.group_not_represented").ToList();

        if (missing == "")
        {
            Assert.Empty(findings);
            return;
        }
        var finding = Assert.Single(findings);
        Assert.Equal(Severity.Violation, finding.Severity);
        Assert.Equal($"§ 4, stk. 2: Punkt 1: ingen fra gruppen {missing} deltog; Regional og Kommunal skal være repræsenteret.", finding.Message);
        Assert.Equal(SydTitle + ", § 4, stk. 2", finding.Reference);
    }

    // ---- Items concerning general practice ------------------------------------------------------------------

    [Theory]
    [InlineData("almen praksis", "1,5,6,7,8,9,10,11,13", "topic_group_not_represented")]
    [InlineData("almen praksis", "1,5,6,7,8,9,10,11,16", "")]
    [InlineData("almen praksis", "1,5,6,7,8,9,10,11,17", "")]
    [InlineData("Almen Praksis", "1,5,6,7,8,9,10,11,13", "topic_group_not_represented")]
    [InlineData("økonomi,almen praksis", "1,5,6,7,8,9,10,11,13", "topic_group_not_represented")]
    [InlineData("økonomi", "1,5,6,7,8,9,10,11,13", "")]
    [InlineData("", "1,5,6,7,8,9,10,11,13", "")]
    // Every fault on one item.
    [InlineData("almen praksis", "1", "no_quorum,group_not_represented,topic_group_not_represented")]
    public void Items_concerning_general_practice_need_a_general_practice_member(string topics, string present, string expected)
    {
        var item = Item(3, topics.Split(',', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(ExpectedCodes(expected), Codes(QuorumFor(present, item)));
    }

    [Fact]
    public void Topic_group_not_represented_names_the_topic_and_the_group()
    {
        var finding = Assert.Single(QuorumFor("1,5,6,7,8,9,10,11,13", Item(3, "almen praksis")));

        Assert.Equal("procedure.topic_group_not_represented", finding.Code);
        Assert.Equal(Severity.Violation, finding.Severity);
        Assert.Equal("§ 4, stk. 2: Punkt 3 vedrører almen praksis; Almen praksis skal være repræsenteret, men ingen deltog.", finding.Message);
        Assert.Equal(SydTitle + ", § 4, stk. 2", finding.Reference);
    }

    // ---- Substitutes (§ 1, stk. 2) -------------------------------------------------------------------------------

    private static readonly Membership PiaForBritt = SubstituteFor(101, "Pia Suppleant", Seat(8));
    private static readonly Membership KarenForLars = SubstituteFor(102, "Karen Suppleant", Seat(1));
    private static readonly Membership PeterForNiels = SubstituteFor(103, "Peter Suppleant", Seat(17));

    [Theory]
    // 8 members and Pia for Britt (8): the ninth seat is filled only where substitutes count.
    [InlineData(true, "")]
    [InlineData(false, "no_quorum")]
    public void A_substitute_fills_the_absent_members_seat_where_substitutes_are_allowed(bool allowed, string expected)
    {
        var rules = SydRules();
        rules.SubstitutesAllowed = allowed;
        var attendance = Seats
            .Select(s => s.Id switch
            {
                1 or 5 or 6 or 7 or 9 or 10 or 11 or 13 => Present(s),
                8 => Absent(s, PiaForBritt),
                _ => Absent(s),
            })
            .ToList();

        var findings = Quorum(rules, Seats, attendance, Item(1));

        Assert.Equal(ExpectedCodes(expected), Codes(findings));
        if (!allowed)
        {
            Assert.Equal("§ 4, stk. 2: Punkt 1: 8 af 17 medlemmer deltog; mindst 9 skal være til stede.", findings.Single().Message);
        }
    }

    [Theory]
    // Karen for Lars (1), the only regional seat filled: the region is represented only where substitutes count.
    [InlineData(true, "")]
    [InlineData(false, "no_quorum,group_not_represented")]
    public void A_substitute_represents_the_group_of_the_seat(bool allowed, string expected)
    {
        var rules = SydRules();
        rules.SubstitutesAllowed = allowed;
        var attendance = Seats
            .Select(s => s.Id switch
            {
                1 => Absent(s, KarenForLars),
                5 or 6 or 7 or 8 or 9 or 10 or 11 or 13 => Present(s),
                _ => Absent(s),
            })
            .ToList();

        Assert.Equal(ExpectedCodes(expected), Codes(Quorum(rules, Seats, attendance, Item(1))));
    }

    [Theory]
    [InlineData(true, "")]
    [InlineData(false, "topic_group_not_represented")]
    public void A_substitute_for_a_general_practice_member_represents_general_practice(bool allowed, string expected)
    {
        var rules = SydRules();
        rules.SubstitutesAllowed = allowed;
        var attendance = Seats
            .Select(s => s.Id switch
            {
                17 => Absent(s, PeterForNiels),
                1 or 3 or 5 or 6 or 7 or 8 or 9 or 10 or 11 => Present(s),
                _ => Absent(s),
            })
            .ToList();

        Assert.Equal(ExpectedCodes(expected), Codes(Quorum(rules, Seats, attendance, Item(4, "almen praksis"))));
    }

    // ---- Per-item absences ---------------------------------------------------------------------------------------

    [Theory]
    // Exactly 9 present at the meeting (1, 5-11, 13) and Pia for Britt is not among them; per-item absences of ...
    [InlineData("", "")]
    [InlineData("5", "no_quorum")]
    [InlineData("1", "no_quorum,group_not_represented")]
    [InlineData("2", "")]
    [InlineData("18", "")]
    [InlineData("5,6", "no_quorum")]
    public void A_per_item_absence_reduces_that_item_only(string absentFromItem, string expected)
    {
        var attendance = Roll(Seats, Ids("1,5,6,7,8,9,10,11,13"));
        var items = new[] { Item(1), ItemWithAbsences(2, Ids(absentFromItem)), Item(3) };
        var facts = August2025Facts() with { Status = MeetingStatus.MinutesApproved, Attendance = attendance, Items = items };

        var findings = Check(SydRules(), facts, new DateOnly(2025, 9, 20));

        Assert.Equal(ExpectedCodes(expected), Codes(findings));
        Assert.All(findings, f => Assert.StartsWith("§ 4, stk. 2: Punkt 2", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_per_item_absence_of_a_substitute_empties_the_seat_for_that_item()
    {
        var attendance = Seats
            .Select(s => s.Id switch
            {
                8 => Absent(s, PiaForBritt),
                1 or 5 or 6 or 7 or 9 or 10 or 11 or 13 => Present(s),
                _ => Absent(s),
            })
            .ToList();

        Assert.Empty(Quorum(SydRules(), Seats, attendance, Item(1)));
        Assert.Equal(
            "§ 4, stk. 2: Punkt 2: 8 af 17 medlemmer deltog; mindst 9 skal være til stede.",
            Assert.Single(Quorum(SydRules(), Seats, attendance, ItemWithAbsences(2, PiaForBritt.Id))).Message);
    }

    [Fact]
    public void Holbaek_29_october_2025_with_two_members_absent_from_every_item_has_a_quorum_on_every_item()
    {
        var seats = HolbaekSeats();
        var absent = seats.Where(s => s.Person!.Name is "Christina Krzyrosiak Hansen" or "Mette Touborg").Select(s => s.Id).ToArray();
        var attendance = seats.Select(Present).ToList();

        foreach (var number in Enumerable.Range(1, 5))
        {
            Assert.Empty(Quorum(HolbaekRules(), seats, attendance, ItemWithAbsences(number, absent)));
        }
        // 14 seats need 7: with 8 absent from an item, 6 are left.
        Assert.Equal(
            "§ 4, stk. 2: Punkt 2: 6 af 14 medlemmer deltog; mindst 7 skal være til stede.",
            Assert.Single(Quorum(HolbaekRules(), seats, attendance, ItemWithAbsences(2, [.. seats.Take(8).Select(s => s.Id)]))).Message);
    }

    // ---- Nothing is judged before attendance is recorded -------------------------------------------------------

    [Fact]
    public void No_attendance_recorded_gives_no_quorum_findings()
    {
        Assert.Empty(Quorum(SydRules(), Seats, [], Item(1, "almen praksis")));

        var facts = August2025Facts() with { Items = [Item(1), Item(2, "almen praksis")], Attendance = [] };
        Assert.Empty(Check(SydRules(), facts, new DateOnly(2025, 8, 20)));
    }

    [Fact]
    public void No_seats_gives_no_quorum_findings()
    {
        Assert.Empty(Quorum(SydRules(), [], Roll(Seats, Ids("1")), Item(1, "almen praksis")));
    }

    [Fact]
    public void Check_judges_the_quorum_of_every_item()
    {
        var attendance = Roll(Seats, Ids("1,5,6,7,8,9,10,11,13"));
        var facts = August2025Facts() with
        {
            Attendance = attendance,
            Items = [Item(1), Item(2, "almen praksis"), ItemWithAbsences(3, 13), Item(4)],
        };

        var findings = Check(SydRules(), facts, new DateOnly(2025, 8, 20));

        Assert.Equal(
            [
                "§ 4, stk. 2: Punkt 2 vedrører almen praksis; Almen praksis skal være repræsenteret, men ingen deltog.",
                "§ 4, stk. 2: Punkt 3: 8 af 17 medlemmer deltog; mindst 9 skal være til stede.",
            ],
            findings.Select(f => f.Message));
    }

    [Theory]
    // Two thirds of 17 is 12 (11,33 rounded up).
    [InlineData("1,3,5,6,7,8,9,10,11,13,14", "no_quorum")]
    [InlineData("1,3,5,6,7,8,9,10,11,13,14,15", "")]
    public void The_quorum_follows_the_bodys_share(string present, string expected)
    {
        var rules = SydRules();
        rules.QuorumShare = 2m / 3m;

        Assert.Equal(ExpectedCodes(expected), Codes(QuorumFor(present, rules: rules)));
    }

    [Theory]
    // A body of 6 with a two-thirds quorum: 4 present is two thirds.
    [InlineData(4, "")]
    [InlineData(3, "no_quorum")]
    public void Two_thirds_of_6_is_4(int present, string expected)
    {
        var rules = SydRules();
        rules.QuorumShare = 2m / 3m;
        rules.QuorumRequiredGroups = [];
        var six = Seats.Take(6).ToList();

        var findings = Quorum(rules, six, Roll(six, [.. six.Take(present).Select(s => s.Id)]), Item(1));

        Assert.Equal(ExpectedCodes(expected), Codes(findings));
    }

    [Fact]
    public void Without_required_groups_any_half_is_a_quorum()
    {
        var rules = SydRules();
        rules.QuorumRequiredGroups = [];

        Assert.Empty(QuorumFor("5,6,7,8,9,10,11,13,14", rules: rules));
    }

    [Fact]
    public void Attendance_of_someone_who_holds_no_seat_does_not_count()
    {
        var advisor = Syd.Memberships().Single(m => m.Id == 21);
        List<Attendance> attendance = [.. Roll(Seats, Ids("1,5,6,7,8,9,10,11")), Present(advisor)];

        Assert.Equal(ExpectedCodes("no_quorum"), Codes(Quorum(SydRules(), Seats, attendance, Item(1))));
    }
}
