using Raad.Domain.Meetings;
using Raad.Domain.People;
using Raad.Domain.Procedure;

namespace Raad.Domain.Access;

/// <summary>A seat the viewer holds in a body: his role there and its period (a membership).</summary>
/// <param name="AdvisorsReadClosed">The body lets its advisors (bisiddere) and observers read closed items.</param>
public readonly record struct Seat(int BodyId, MembershipRole Role, DateOnly From, DateOnly? To, bool AdvisorsReadClosed = false)
{
    /// <summary>Still held on the date: a member who has left sees nothing new of the body from then on.</summary>
    public bool HeldOn(DateOnly date) => To is null || To >= date;

    /// <summary>Takes part in the body's work (guests are invited to one item, not to the body).</summary>
    public bool TakesPart => Role != MembershipRole.Guest;

    /// <summary>Reads the body's closed items: its members, substitutes and secretariat, and its advisors and observers where the body allows it.</summary>
    public bool ReadsClosed => Role switch
    {
        MembershipRole.Member or MembershipRole.CoChair or MembershipRole.Substitute or MembershipRole.Secretariat => true,
        MembershipRole.Advisor or MembershipRole.Observer => AdvisorsReadClosed,
        _ => false,
    };

    /// <summary>Speaks for the body: object to its minutes, ask for an item.</summary>
    public bool IsMember => Role is MembershipRole.Member or MembershipRole.CoChair or MembershipRole.Substitute;
}

/// <summary>
/// What decides what a person may see: signed in or not, an administrator (everything), the bodies whose secretariat
/// the account holds, the person's seats in bodies with their periods, and the items the person is disqualified from.
/// </summary>
/// <param name="Today">The viewer's today, for what has no date of its own (a written procedure, a case).</param>
public sealed record ViewerFacts(
    bool SignedIn,
    bool IsAdministrator,
    IReadOnlySet<int> SecretariatOf,
    IReadOnlyList<Seat> Seats,
    IReadOnlySet<int> DisqualifiedFromItems,
    DateOnly Today)
{
    /// <summary>The public: anyone not signed in, and what every other viewer sees at least.</summary>
    public static readonly ViewerFacts Anonymous = new(false, false, new HashSet<int>(), [], new HashSet<int>(), DateOnly.MinValue);

    /// <summary>Reads everything of every body: background work on behalf of someone already allowed.</summary>
    public static readonly ViewerFacts Background = new(true, true, new HashSet<int>(), [], new HashSet<int>(), DateOnly.MinValue);

    /// <summary>Holds the secretariat of the body (an administrator holds every body's).</summary>
    public bool IsSecretariatOf(int bodyId) => IsAdministrator || SecretariatOf.Contains(bodyId);

    /// <summary>The secretariat of some body, or an administrator: may open the secretariat's desk.</summary>
    public bool IsSecretariat => IsAdministrator || SecretariatOf.Count > 0;

    /// <summary>A member, co-chair or substitute of the body on the date.</summary>
    public bool IsMemberOn(int bodyId, DateOnly date) => Seats.Any(s => s.BodyId == bodyId && s.IsMember && s.HeldOn(date));
}

/// <summary>A meeting's state as far as visibility goes: whose body, and how far the agenda and minutes have come.</summary>
/// <param name="Date">The meeting's date: a member who had left the body by then does not see its drafts or closed items.</param>
public readonly record struct MeetingState(int BodyId, MeetingStatus Status, DateOnly Date)
{
    /// <summary>From publication on, the agenda's open items are for everyone.</summary>
    public bool AgendaPublished => Meeting.IsPublicStatus(Status);

    public bool MinutesApproved => Status == MeetingStatus.MinutesApproved;
}

/// <summary>An item's state as far as visibility goes.</summary>
public readonly record struct ItemState(int Id, bool IsClosed);

/// <summary>How much of an item a viewer may see.</summary>
public enum ItemSight
{
    /// <summary>Nothing: not even that it exists.</summary>
    Hidden,

    /// <summary>A closed item's number and title, where the body publishes them (<c>Body.PublicClosedItemTitles</c>).</summary>
    TitleOnly,

    /// <summary>Everything the item's stage allows (its decision only with the minutes, see <see cref="Visibility.Decision"/>).</summary>
    Full,
}

/// <summary>
/// Who may see an item, a decision, the attendance or an attachment: the one rule every page, document, export and
/// API asks. Drafts, closed items and unapproved minutes are for insiders (the secretariat and the body's members);
/// a member disqualified from a closed item sees it as the public does; the public sees a published agenda's open
/// items, and decisions and attendance once the minutes are approved.
/// </summary>
public static class Visibility
{
    /// <summary>
    /// Drafts and unapproved minutes: the body's secretariat (and administrators), and whoever takes part in the body
    /// (members, substitutes, advisors, observers) and had not left it by <paramref name="on"/>.
    /// </summary>
    public static bool IsInsider(ViewerFacts viewer, int bodyId, DateOnly on) =>
        viewer.IsSecretariatOf(bodyId) || viewer.Seats.Any(s => s.BodyId == bodyId && s.TakesPart && s.HeldOn(on));

    /// <summary>The same for what has no date of its own: on the viewer's today.</summary>
    public static bool IsInsider(ViewerFacts viewer, int bodyId) => IsInsider(viewer, bodyId, viewer.Today);

    /// <summary>The agenda (its open items at least): insiders always, everyone once it is published.</summary>
    public static bool Agenda(ViewerFacts viewer, MeetingState meeting) =>
        IsInsider(viewer, meeting.BodyId, meeting.Date) || meeting.AgendaPublished;

    /// <summary>The minutes (decisions, attendance, disqualifications): insiders while drafted, everyone once approved.</summary>
    public static bool Minutes(ViewerFacts viewer, MeetingState meeting) =>
        IsInsider(viewer, meeting.BodyId, meeting.Date) || meeting.MinutesApproved;

    /// <param name="closedTitlesPublic">The body publishes its closed items' numbers and titles.</param>
    public static ItemSight Item(ViewerFacts viewer, MeetingState meeting, ItemState item, bool closedTitlesPublic = false)
    {
        if (!Agenda(viewer, meeting))
        {
            return ItemSight.Hidden;
        }
        if (!item.IsClosed || MaySeeClosed(viewer, meeting, item.Id))
        {
            return ItemSight.Full;
        }
        // A closed item seen from outside an agenda one may read: its number and title, where the body allows it.
        return closedTitlesPublic ? ItemSight.TitleOnly : ItemSight.Hidden;
    }

    /// <summary>An item's decision (and vote, dissents, absences): the whole item, and the minutes.</summary>
    public static bool Decision(ViewerFacts viewer, MeetingState meeting, ItemState item) =>
        Item(viewer, meeting, item) == ItemSight.Full && Minutes(viewer, meeting);

    /// <summary>Who came, per meeting and per item: part of the minutes.</summary>
    public static bool Attendance(ViewerFacts viewer, MeetingState meeting) => Minutes(viewer, meeting);

    /// <summary>An item's attachment: whoever may see the whole item (a closed item's files do not exist for outsiders).</summary>
    public static bool Attachment(ViewerFacts viewer, MeetingState meeting, ItemState item) =>
        Item(viewer, meeting, item) == ItemSight.Full;

    /// <summary>A correction to approved minutes; one belonging to a closed item only for those who may see closed items.</summary>
    public static bool Correction(ViewerFacts viewer, MeetingState meeting, bool closed) =>
        Minutes(viewer, meeting) && (!closed || ReadsClosed(viewer, meeting.BodyId, meeting.Date));

    /// <summary>A written procedure: insiders follow it; everyone sees it once decided.</summary>
    public static bool WrittenProcedure(ViewerFacts viewer, int bodyId, WrittenProcedureStatus status) =>
        IsInsider(viewer, bodyId) || status == WrittenProcedureStatus.Decided;

    /// <summary>
    /// A case, by its title: to the secretariat, to the insiders of its body, and to anyone who may see one of its items whole or one of its
    /// written procedures. A case whose items are all closed or on drafts does not exist for the public.
    /// </summary>
    public static bool Case(ViewerFacts viewer, int? bodyId, IEnumerable<(MeetingState Meeting, ItemState Item)> items,
        IEnumerable<(int BodyId, WrittenProcedureStatus Status)> procedures) =>
        (bodyId is null ? viewer.IsSecretariat : IsInsider(viewer, bodyId.Value))
        || items.Any(i => Item(viewer, i.Meeting, i.Item) == ItemSight.Full)
        || procedures.Any(p => WrittenProcedure(viewer, p.BodyId, p.Status));

    /// <summary>
    /// The remarks on an item (never public): the body's secretariat, and its members, co-chairs and substitutes on the
    /// meeting's day, for an item they may see whole.
    /// </summary>
    public static bool Remarks(ViewerFacts viewer, MeetingState meeting, ItemState item) =>
        (viewer.IsSecretariatOf(meeting.BodyId) || viewer.IsMemberOn(meeting.BodyId, meeting.Date))
        && Item(viewer, meeting, item) == ItemSight.Full;

    /// <summary>
    /// Private notes: a signed-in person writes them on any item he may see whole. Who reads a note is not a question
    /// of roles: only the account that wrote it, ever (<c>Note.UserId</c>).
    /// </summary>
    public static bool MayAnnotate(ViewerFacts viewer, MeetingState meeting, ItemState item) =>
        viewer.SignedIn && Item(viewer, meeting, item) == ItemSight.Full;

    /// <summary>
    /// A meeting kept on a device to read offline: what the viewer may read of it now. The copy holds his own sight of
    /// it (closed items too, for a member), so it goes when the agenda is no longer his to read.
    /// </summary>
    public static bool KeepOffline(ViewerFacts viewer, MeetingState meeting) =>
        viewer.SignedIn && Agenda(viewer, meeting);

    /// <summary>
    /// A meeting's title, date, time, place and whether it is cancelled: everyone, as the body's meeting plan shows it from
    /// the day it is planned. What it deals with is the agenda's (<see cref="Agenda"/>).
    /// </summary>
    public static bool MeetingPlan(ViewerFacts viewer, MeetingState meeting) => true;

    /// <summary>The meetings in a person's private calendar: those of the bodies he is an insider of on the meeting's day.</summary>
    public static bool InCalendar(ViewerFacts viewer, MeetingState meeting) =>
        IsInsider(viewer, meeting.BodyId, meeting.Date);

    /// <summary>Closed items: the body's secretariat, and those whose seat reads them and who had not left by the date.</summary>
    private static bool ReadsClosed(ViewerFacts viewer, int bodyId, DateOnly on) =>
        viewer.IsSecretariatOf(bodyId) || viewer.Seats.Any(s => s.BodyId == bodyId && s.ReadsClosed && s.HeldOn(on));

    /// <summary>A member disqualified from a closed item sees it as the public does; the secretariat is never disqualified.</summary>
    private static bool MaySeeClosed(ViewerFacts viewer, MeetingState meeting, int itemId) =>
        viewer.IsSecretariatOf(meeting.BodyId)
        || (ReadsClosed(viewer, meeting.BodyId, meeting.Date) && !viewer.DisqualifiedFromItems.Contains(itemId));
}
