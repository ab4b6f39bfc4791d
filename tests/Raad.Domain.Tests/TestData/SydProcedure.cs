using System.Globalization;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Domain.Procedure;

namespace Raad.Domain.Tests.TestData;

/// <summary>
/// Syd's forretningsorden (`004`) as data, and builders for the facts the compliance rules look at:
/// the seats of a date, attendance records, items and a meeting.
/// </summary>
public static class SydProcedure
{
    public const string SydTitle = "Forretningsorden for Politisk sundhedsklynge Syd";

    /// <summary>"Mindst halvdelen" of 17.</summary>
    public const int SydQuorum = 9;

    /// <summary>
    /// § 1 stk. 1: 4 regional, 11 municipal, 2 general-practice seats; § 3: 2 meetings a year, item requests 28 days,
    /// agenda 10 days, minutes 10 days after, objections 8 days, extraordinary meetings at short notice and virtual;
    /// § 4: chairs in turn, quorum half with region and municipalities, "almen praksis" needs PLO; § 6: 28 September 2022
    /// to 31 December 2025.
    /// </summary>
    public static RulesOfProcedure SydRules() => new()
    {
        Id = 1,
        BodyId = 1,
        Title = SydTitle,
        ValidFrom = Syd.ValidFrom,
        ValidTo = Syd.ValidTo,
        RegionalSeats = 4,
        MunicipalSeats = 11,
        GeneralPracticeSeats = 2,
        SubstitutesAllowed = true,
        MinOrdinaryMeetingsPerYear = 2,
        ItemRequestLeadDays = 28,
        AgendaNoticeDays = 10,
        MinutesDispatchDays = 10,
        ObjectionWindowDays = 8,
        WrittenProcedureAllowed = true,
        WrittenProcedureObjectionsToMeeting = 1,
        OrdinaryNoticeDays = 21,
        ExtraordinaryShortNoticeAllowed = true,
        VirtualOrdinaryAllowed = false,
        ChairsInTurn = true,
        QuorumShare = 0.5m,
        QuorumRequiredGroups = [MemberGroup.Regional, MemberGroup.Municipal],
        TopicRequirements = [new TopicRequirement { Topic = "almen praksis", Group = MemberGroup.GeneralPractice }],
        MinutesApproval = MinutesApproval.ObjectionWindow,
        Version = 1,
    };

    /// <summary>
    /// Holbæk's Politisk Forum (`003`) approves its minutes at the end of the meeting and meets on Teams. Only that
    /// practice is in the source; the numbers are Syd's, the seats the 14 "Mødedeltagere".
    /// </summary>
    public static RulesOfProcedure HolbaekRules()
    {
        var rules = SydRules();
        rules.Id = 2;
        rules.BodyId = 2;
        rules.Title = "Forretningsorden for HOL Sundhedsklynge Politisk Forum";
        rules.RegionalSeats = 0;
        rules.MunicipalSeats = 14;
        rules.GeneralPracticeSeats = 0;
        rules.VirtualOrdinaryAllowed = true;
        rules.QuorumRequiredGroups = [MemberGroup.Municipal];
        rules.TopicRequirements = [];
        rules.MinutesApproval = MinutesApproval.AtMeeting;
        return rules;
    }

    public static readonly DateOnly Holbaek29October2025 = new(2025, 10, 29);

    public static List<Membership> HolbaekSeats() =>
    [
        .. new[]
        {
            "Trine Birk Andersen", "Tina Mandrup", "Martin Damm", "Christina Krzyrosiak Hansen", "Karina Vincentz",
            "Camilla Hove Lund", "Helle Laursen Petersen", "Eva Hvolbæk", "Lise Ekholdt", "Niels Reichstein Larsen",
            "Mette Touborg", "Peter Olsen", "Anja Steinmejer", "Morten Helleberg Christiansen",
        }.Select((name, i) => Syd.Seat(200 + i, name, null, null, "Holbæk Kommune", MemberGroup.Municipal)),
    ];

    /// <summary>Syd's voting members on a date: 17 on 26 April 2023 and on 27 August 2025.</summary>
    public static List<Membership> SeatsOn(DateOnly date) => [.. MemberList.Seats(Syd.Memberships(), date)];

    /// <summary>"2025-08-27" as a date, for InlineData.</summary>
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? OptionalD(string? iso) => string.IsNullOrEmpty(iso) ? null : D(iso);

    /// <summary>"1,3,5" as membership ids, for InlineData.</summary>
    public static int[] Ids(string ids) =>
        [.. ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    public static Attendance Present(Membership member) => new()
    {
        MembershipId = member.Id,
        Membership = member,
        Status = AttendanceStatus.Present,
    };

    public static Attendance Absent(Membership member, Membership? substitute = null) => new()
    {
        MembershipId = member.Id,
        Membership = member,
        Status = AttendanceStatus.Absent,
        SubstituteId = substitute?.Id,
        Substitute = substitute,
    };

    /// <summary>Attendance recorded for every seat: present if listed, absent otherwise.</summary>
    public static List<Attendance> Roll(IEnumerable<Membership> seats, IReadOnlyCollection<int> presentIds) =>
        [.. seats.Select(s => presentIds.Contains(s.Id) ? Present(s) : Absent(s))];

    public static Membership SubstituteFor(int id, string name, Membership member)
    {
        var substitute = Syd.Seat(id, name, null, null, member.Organisation?.Name ?? "", member.Group, MembershipRole.Substitute);
        substitute.StandsInForId = member.Id;
        substitute.StandsInFor = member;
        return substitute;
    }

    public static ItemFacts Item(int number, params string[] topics) => new(number, $"Punkt {number}", topics, []);

    public static ItemFacts ItemWithAbsences(int number, params int[] absent) => new(number, $"Punkt {number}", [], absent);

    /// <summary>
    /// An ordinary physical meeting of Syd on 27 August 2025 with the agenda out on 15 August (12 days), the seats of
    /// that day, no attendance recorded, no items, no chair, two ordinary meetings in the year: nothing to find.
    /// Change it with <c>with</c>.
    /// </summary>
    public static MeetingFacts August2025Facts() => new(
        Date: Syd.August2025,
        Kind: MeetingKind.Ordinary,
        IsVirtual: false,
        Status: MeetingStatus.AgendaPublished,
        BodyValidFrom: Syd.ValidFrom,
        BodyValidTo: Syd.ValidTo,
        AgendaPublishedOn: new DateOnly(2025, 8, 15),
        MinutesApprovedOn: null,
        Seats: SeatsOn(Syd.August2025),
        Attendance: [],
        Items: [],
        ChairPersonId: null,
        PreviousChairPersonId: null,
        OrdinaryMeetingsInYear: 2);

    /// <summary>The extraordinary meeting on Teams, 26 April 2023 (`002`), with the seats of that day.</summary>
    public static MeetingFacts April2023Facts() => August2025Facts() with
    {
        Date = Syd.April2023,
        Kind = MeetingKind.Extraordinary,
        IsVirtual = true,
        AgendaPublishedOn = new DateOnly(2023, 4, 21),
        Seats = SeatsOn(Syd.April2023),
    };
}
