using Raad.Domain.Access;
using Raad.Domain.Meetings;
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

    private static readonly Dictionary<string, ViewerFacts> Viewers = new()
    {
        ["anonymous"] = ViewerFacts.Anonymous,
        ["no person"] = new(true, false, false, new HashSet<int>(), new HashSet<int>()),
        ["other body"] = new(true, false, false, new HashSet<int> { OtherBody }, new HashSet<int>()),
        ["member"] = new(true, false, false, new HashSet<int> { Body }, new HashSet<int>()),
        ["disqualified"] = new(true, false, false, new HashSet<int> { Body }, new HashSet<int> { ItemId }),
        ["secretariat"] = new(true, true, false, new HashSet<int>(), new HashSet<int>()),
        ["administrator"] = new(true, false, true, new HashSet<int>(), new HashSet<int>()),
        ["background"] = ViewerFacts.Background,
    };

    private static MeetingState Meeting(MeetingStatus status) => new(Body, status);

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
}
