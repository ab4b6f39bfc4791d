using Raad.Domain.Access;
using Raad.Domain.Meetings;
using Raad.Domain.People;
using Raad.Domain.Procedure;
using static Raad.Domain.Access.ItemSight;
using static Raad.Domain.Meetings.MeetingStatus;

namespace Raad.Domain.Tests.Access;

/// <summary>Who sees what, one row per visitor and state: the table the pages, documents, exports and API all follow.</summary>
public class VisibilityTests
{
    private const int Body = 1;
    private const int OtherBody = 2;
    private const int ItemId = 10;

    private static readonly DateOnly MeetingDate = new(2027, 3, 1);
    private static readonly DateOnly From = new(2027, 1, 1);

    private static ViewerFacts Person(params Seat[] seats) => Seated(seats, []);

    private static ViewerFacts Seated(Seat[] seats, int[] disqualified) =>
        new(true, false, new HashSet<int>(), seats, disqualified.ToHashSet(), MeetingDate);

    private static Seat SeatIn(int body, MembershipRole role, DateOnly? to = null, bool advisorsReadClosed = false) =>
        new(body, role, From, to, advisorsReadClosed);

    private static readonly Dictionary<string, ViewerFacts> Viewers = new()
    {
        ["anonymous"] = ViewerFacts.Anonymous,
        ["no person"] = Person(),
        ["other body"] = Person(SeatIn(OtherBody, MembershipRole.Member)),
        ["member"] = Person(SeatIn(Body, MembershipRole.Member)),
        ["substitute"] = Person(SeatIn(Body, MembershipRole.Substitute)),
        ["disqualified"] = Seated([SeatIn(Body, MembershipRole.Member)], [ItemId]),
        // Left the body the day before the meeting: sees nothing new of it, as the public does.
        ["left"] = Person(SeatIn(Body, MembershipRole.Member, MeetingDate.AddDays(-1))),
        // Leaves on the meeting's day: still a member at it.
        ["leaving"] = Person(SeatIn(Body, MembershipRole.Member, MeetingDate)),
        ["advisor"] = Person(SeatIn(Body, MembershipRole.Advisor)),
        ["advisor, closed allowed"] = Person(SeatIn(Body, MembershipRole.Advisor, advisorsReadClosed: true)),
        ["observer"] = Person(SeatIn(Body, MembershipRole.Observer)),
        ["observer, closed allowed"] = Person(SeatIn(Body, MembershipRole.Observer, advisorsReadClosed: true)),
        ["guest"] = Person(SeatIn(Body, MembershipRole.Guest)),
        ["secretariat"] = new(true, false, new HashSet<int> { Body }, [], new HashSet<int>(), MeetingDate),
        ["other secretariat"] = new(true, false, new HashSet<int> { OtherBody }, [], new HashSet<int>(), MeetingDate),
        ["administrator"] = new(true, true, new HashSet<int>(), [], new HashSet<int>(), MeetingDate),
        ["background"] = ViewerFacts.Background,
    };

    private static MeetingState Meeting(MeetingStatus status) => new(Body, status, MeetingDate);

    private static ItemState Item(bool closed) => new(ItemId, closed);

    public static TheoryData<string, MeetingStatus, bool, bool, ItemSight> Items => new()
    {
        // A draft agenda: insiders only, the open items too.
        { "anonymous", AgendaDraft, false, false, Hidden },
        { "no person", AgendaDraft, false, false, Hidden },
        { "other body", AgendaDraft, false, false, Hidden },
        { "other body", Planned, false, true, Hidden },
        { "member", AgendaDraft, false, false, Full },
        { "member", AgendaDraft, true, false, Full },
        { "disqualified", AgendaDraft, false, false, Full },
        { "disqualified", AgendaDraft, true, false, Hidden },
        { "disqualified", AgendaDraft, true, true, TitleOnly },
        { "secretariat", AgendaDraft, true, false, Full },
        { "administrator", Planned, true, false, Full },
        { "background", AgendaDraft, true, false, Full },
        { "substitute", AgendaDraft, true, false, Full },
        { "other secretariat", AgendaDraft, false, false, Hidden },
        { "other secretariat", AgendaPublished, true, false, Hidden },
        { "other secretariat", AgendaPublished, false, false, Full },
        // A member who has left sees no new drafts or closed items; one who leaves on the day still does.
        { "left", AgendaDraft, false, false, Hidden },
        { "left", AgendaPublished, true, false, Hidden },
        { "left", AgendaPublished, false, false, Full },
        { "leaving", AgendaDraft, true, false, Full },
        // Advisors and observers read the drafts; the closed items only where the body allows it.
        { "advisor", AgendaDraft, false, false, Full },
        { "advisor", AgendaDraft, true, false, Hidden },
        { "advisor", AgendaPublished, true, true, TitleOnly },
        { "advisor, closed allowed", AgendaDraft, true, false, Full },
        { "observer", AgendaPublished, true, false, Hidden },
        { "observer, closed allowed", AgendaPublished, true, false, Full },
        // A guest is invited to an item, not to the body.
        { "guest", AgendaDraft, false, false, Hidden },
        // A published agenda: the open items for everyone; the closed ones for the members who may take part.
        { "anonymous", AgendaPublished, false, false, Full },
        { "anonymous", AgendaPublished, true, false, Hidden },
        { "anonymous", AgendaPublished, true, true, TitleOnly },
        { "no person", Held, true, false, Hidden },
        { "other body", MinutesDraft, true, false, Hidden },
        { "other body", MinutesCirculated, true, true, TitleOnly },
        { "member", AgendaPublished, true, false, Full },
        { "disqualified", AgendaPublished, true, false, Hidden },
        { "disqualified", AgendaPublished, true, true, TitleOnly },
        { "disqualified", AgendaPublished, false, false, Full },
        { "secretariat", MinutesApproved, true, false, Full },
        { "administrator", MinutesApproved, true, false, Full },
        { "anonymous", MinutesApproved, false, false, Full },
        { "anonymous", MinutesApproved, true, false, Hidden },
        // A cancelled meeting's agenda was never public.
        { "anonymous", Cancelled, false, true, Hidden },
        { "member", Cancelled, false, false, Full },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Item_sight_by_visitor_and_state(string viewer, MeetingStatus status, bool closed, bool titlesPublic, ItemSight expected)
    {
        Assert.Equal(expected, Visibility.Item(Viewers[viewer], Meeting(status), Item(closed), titlesPublic));
        // An attachment goes with the whole item, never with a title.
        Assert.Equal(expected == Full, Visibility.Attachment(Viewers[viewer], Meeting(status), Item(closed)));
    }

    public static TheoryData<string, MeetingStatus, bool, bool> Decisions => new()
    {
        { "anonymous", MinutesCirculated, false, false },
        { "anonymous", MinutesApproved, false, true },
        { "anonymous", MinutesApproved, true, false },
        { "no person", MinutesApproved, false, true },
        { "other body", MinutesDraft, false, false },
        { "other body", MinutesApproved, true, false },
        { "member", MinutesDraft, false, true },
        { "member", Held, true, true },
        { "disqualified", MinutesDraft, false, true },
        { "disqualified", MinutesApproved, true, false },
        { "secretariat", MinutesDraft, true, true },
        { "other secretariat", MinutesDraft, false, false },
        { "left", MinutesDraft, false, false },
        { "advisor", MinutesDraft, false, true },
        { "advisor", MinutesDraft, true, false },
        { "administrator", MinutesCirculated, true, true },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decision_by_visitor_and_state(string viewer, MeetingStatus status, bool closed, bool expected) =>
        Assert.Equal(expected, Visibility.Decision(Viewers[viewer], Meeting(status), Item(closed)));

    public static TheoryData<string, MeetingStatus, bool> Attendances => new()
    {
        { "anonymous", Held, false },
        { "anonymous", MinutesCirculated, false },
        { "anonymous", MinutesApproved, true },
        { "other body", MinutesDraft, false },
        { "member", MinutesDraft, true },
        { "disqualified", Held, true },
        { "secretariat", Held, true },
        { "administrator", MinutesCirculated, true },
    };

    [Theory]
    [MemberData(nameof(Attendances))]
    public void Attendance_belongs_to_the_minutes(string viewer, MeetingStatus status, bool expected)
    {
        Assert.Equal(expected, Visibility.Attendance(Viewers[viewer], Meeting(status)));
        Assert.Equal(expected, Visibility.Minutes(Viewers[viewer], Meeting(status)));
    }

    public static TheoryData<string, MeetingStatus, bool, bool> Corrections => new()
    {
        { "anonymous", MinutesApproved, false, true },
        { "anonymous", MinutesApproved, true, false },
        { "no person", MinutesApproved, true, false },
        { "other body", MinutesApproved, true, false },
        { "member", MinutesApproved, true, true },
        { "secretariat", MinutesApproved, true, true },
        { "anonymous", MinutesCirculated, false, false },
        { "advisor", MinutesApproved, true, false },
        { "advisor, closed allowed", MinutesApproved, true, true },
        { "other secretariat", MinutesApproved, true, false },
    };

    [Theory]
    [MemberData(nameof(Corrections))]
    public void A_correction_marked_closed_is_for_insiders(string viewer, MeetingStatus status, bool closed, bool expected) =>
        Assert.Equal(expected, Visibility.Correction(Viewers[viewer], Meeting(status), closed));

    public static TheoryData<string, WrittenProcedureStatus, bool> Procedures => new()
    {
        { "anonymous", WrittenProcedureStatus.Open, false },
        { "anonymous", WrittenProcedureStatus.Decided, true },
        { "other body", WrittenProcedureStatus.Open, false },
        { "member", WrittenProcedureStatus.Open, true },
        { "secretariat", WrittenProcedureStatus.Open, true },
        { "other secretariat", WrittenProcedureStatus.Open, false },
        { "left", WrittenProcedureStatus.Open, false },
    };

    [Theory]
    [MemberData(nameof(Procedures))]
    public void Written_procedure_by_visitor_and_status(string viewer, WrittenProcedureStatus status, bool expected) =>
        Assert.Equal(expected, Visibility.WrittenProcedure(Viewers[viewer], Body, status));

    public static TheoryData<string, string, bool> Cases => new()
    {
        // Linked items as "status/open|closed"; a case is known by its title only where one of them may be seen whole.
        { "anonymous", "", false },
        { "anonymous", "AgendaPublished/closed", false },
        { "anonymous", "AgendaDraft/open", false },
        { "anonymous", "AgendaDraft/open MinutesApproved/closed", false },
        { "anonymous", "AgendaDraft/open AgendaPublished/open", true },
        { "other body", "MinutesApproved/closed", false },
        { "disqualified", "AgendaPublished/closed", true }, // a member of the case's body
        { "member", "", true },
        { "secretariat", "", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_by_visitor_and_linked_items(string viewer, string items, bool expected)
    {
        var linked = items.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(i => i.Split('/'))
            .Select(p => (Meeting(Enum.Parse<MeetingStatus>(p[0])), Item(p[1] == "closed")));
        Assert.Equal(expected, Visibility.Case(Viewers[viewer], Body, linked, []));
    }

    [Fact]
    public void A_case_without_a_body_is_known_by_its_decided_written_procedure()
    {
        Assert.False(Visibility.Case(ViewerFacts.Anonymous, null, [], [(Body, WrittenProcedureStatus.Open)]));
        Assert.True(Visibility.Case(ViewerFacts.Anonymous, null, [], [(Body, WrittenProcedureStatus.Decided)]));
        Assert.True(Visibility.Case(Viewers["secretariat"], null, [], []));
        Assert.False(Visibility.Case(Viewers["member"], null, [], []));
    }

    [Fact]
    public void Members_speak_for_the_body_while_their_seat_lasts()
    {
        Assert.True(Viewers["member"].IsMemberOn(Body, MeetingDate));
        Assert.True(Viewers["substitute"].IsMemberOn(Body, MeetingDate));
        Assert.False(Viewers["left"].IsMemberOn(Body, MeetingDate));
        Assert.False(Viewers["advisor"].IsMemberOn(Body, MeetingDate));
        Assert.False(Viewers["member"].IsMemberOn(OtherBody, MeetingDate));
    }

    [Fact]
    public void The_secretariat_is_held_per_body_and_an_administrator_holds_every_body()
    {
        Assert.True(Viewers["secretariat"].IsSecretariatOf(Body));
        Assert.False(Viewers["other secretariat"].IsSecretariatOf(Body));
        Assert.True(Viewers["administrator"].IsSecretariatOf(Body));
        Assert.False(Viewers["member"].IsSecretariat);
    }

    public static TheoryData<string, bool, bool> RemarkReaders => new()
    {
        // Members, substitutes and the secretariat of the body; an advisor, another body and the public never.
        { "member", false, true },
        { "member", true, true },
        { "substitute", false, true },
        { "secretariat", true, true },
        { "administrator", false, true },
        { "disqualified", true, false },
        { "disqualified", false, true },
        { "advisor", false, false },
        { "observer, closed allowed", false, false },
        { "left", false, false },
        { "other body", false, false },
        { "other secretariat", false, false },
        { "no person", false, false },
        { "anonymous", false, false },
    };

    [Theory]
    [MemberData(nameof(RemarkReaders))]
    public void Remarks_stay_within_the_body(string viewer, bool closed, bool expected) =>
        Assert.Equal(expected, Visibility.Remarks(Viewers[viewer], Meeting(AgendaPublished), Item(closed)));

    [Theory]
    [InlineData("member", AgendaDraft, true)]
    [InlineData("advisor", AgendaDraft, true)]
    [InlineData("no person", AgendaPublished, true)]
    [InlineData("no person", AgendaDraft, false)]
    [InlineData("anonymous", AgendaPublished, false)]
    [InlineData("left", AgendaDraft, false)]
    public void Kept_offline_while_the_agenda_is_still_his_to_read(string viewer, MeetingStatus status, bool expected) =>
        Assert.Equal(expected, Visibility.KeepOffline(Viewers[viewer], Meeting(status)));

    [Theory]
    [InlineData("member", true)]
    [InlineData("advisor", true)]
    [InlineData("secretariat", true)]
    [InlineData("left", false)]
    [InlineData("other body", false)]
    [InlineData("no person", false)]
    public void The_calendar_holds_the_meetings_of_his_bodies(string viewer, bool expected) =>
        Assert.Equal(expected, Visibility.InCalendar(Viewers[viewer], Meeting(AgendaPublished)));

    [Fact]
    public void Notes_are_written_on_items_seen_whole_and_only_when_signed_in()
    {
        Assert.True(Visibility.MayAnnotate(Viewers["member"], Meeting(AgendaDraft), Item(true)));
        Assert.False(Visibility.MayAnnotate(Viewers["disqualified"], Meeting(AgendaPublished), Item(true)));
        Assert.False(Visibility.MayAnnotate(Viewers["anonymous"], Meeting(AgendaPublished), Item(false)));
    }
}
