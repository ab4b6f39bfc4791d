using Raad.Domain.Meetings;
using Raad.Domain.Procedure;

namespace Raad.Domain.Access;

/// <summary>
/// What decides what a person may see: signed in or not, the secretariat (or an administrator), the bodies they are
/// a member of, and the items they are disqualified from.
/// </summary>
public sealed record ViewerFacts(
    bool SignedIn,
    bool IsSecretariat,
    bool IsAdministrator,
    IReadOnlySet<int> MemberOfBodies,
    IReadOnlySet<int> DisqualifiedFromItems)
{
    /// <summary>The public: anyone not signed in, and what every other viewer sees at least.</summary>
    public static readonly ViewerFacts Anonymous = new(false, false, false, new HashSet<int>(), new HashSet<int>());

    /// <summary>Reads everything of every body: background work on behalf of someone already allowed.</summary>
    public static readonly ViewerFacts Background = new(true, true, false, new HashSet<int>(), new HashSet<int>());
}

/// <summary>A meeting's state as far as visibility goes: whose body, and how far the agenda and minutes have come.</summary>
public readonly record struct MeetingState(int BodyId, MeetingStatus Status)
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
    /// <summary>The secretariat (and administrators) and the body's members: drafts, closed items, unapproved minutes.</summary>
    public static bool IsInsider(ViewerFacts viewer, int bodyId) =>
        viewer.IsSecretariat || viewer.IsAdministrator || viewer.MemberOfBodies.Contains(bodyId);

    /// <summary>The agenda (its open items at least): insiders always, everyone once it is published.</summary>
    public static bool Agenda(ViewerFacts viewer, MeetingState meeting) =>
        IsInsider(viewer, meeting.BodyId) || meeting.AgendaPublished;

    /// <summary>The minutes (decisions, attendance, disqualifications): insiders while drafted, everyone once approved.</summary>
    public static bool Minutes(ViewerFacts viewer, MeetingState meeting) =>
        IsInsider(viewer, meeting.BodyId) || meeting.MinutesApproved;

    /// <param name="closedTitlesPublic">The body publishes its closed items' numbers and titles.</param>
    public static ItemSight Item(ViewerFacts viewer, MeetingState meeting, ItemState item, bool closedTitlesPublic = false)
    {
        if (!Agenda(viewer, meeting))
        {
            return ItemSight.Hidden;
        }
        if (!item.IsClosed || MaySeeClosed(viewer, meeting.BodyId, item.Id))
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
        Minutes(viewer, meeting) && (!closed || IsInsider(viewer, meeting.BodyId));

    /// <summary>A written procedure: insiders follow it; everyone sees it once decided.</summary>
    public static bool WrittenProcedure(ViewerFacts viewer, int bodyId, WrittenProcedureStatus status) =>
        IsInsider(viewer, bodyId) || status == WrittenProcedureStatus.Decided;

    /// <summary>
    /// A case, by its title: to the secretariat, to the insiders of its body, and to anyone who may see one of its items whole or one of its
    /// written procedures. A case whose items are all closed or on drafts does not exist for the public.
    /// </summary>
    public static bool Case(ViewerFacts viewer, int? bodyId, IEnumerable<(MeetingState Meeting, ItemState Item)> items,
        IEnumerable<(int BodyId, WrittenProcedureStatus Status)> procedures) =>
        viewer.IsSecretariat || viewer.IsAdministrator
        || (bodyId is { } body && IsInsider(viewer, body))
        || items.Any(i => Item(viewer, i.Meeting, i.Item) == ItemSight.Full)
        || procedures.Any(p => WrittenProcedure(viewer, p.BodyId, p.Status));

    private static bool MaySeeClosed(ViewerFacts viewer, int bodyId, int itemId) =>
        viewer.IsSecretariat || viewer.IsAdministrator
        || (viewer.MemberOfBodies.Contains(bodyId) && !viewer.DisqualifiedFromItems.Contains(itemId));
}
