using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

public sealed record AttachmentInfo(int Id, int Number, string Title, string FileName, string ContentType, long Size, string Sha256);

public sealed record PreviousDecision(int MeetingId, DateOnly Date, string BodyName, string ItemTitle, int? ItemNumber, string Decision);

public sealed record ItemView(
    AgendaItem Item,
    TimeSlot Slot,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<string> Absent,
    IReadOnlyList<PreviousDecision> PreviousDecisions,
    IReadOnlyList<(string Name, string Reason)> Disqualified,
    bool TitleOnly = false)
{
    public string Number => Item.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        ?? Item.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The economy overview the item prints under "Økonomi": frozen on a published agenda, computed on a draft.</summary>
    public Domain.Money.EconomySnapshot? EconomyTable { get; init; }

    /// <summary>Who took part in the item, seat by seat (a substitute in an absent member's seat): those who vote on it.</summary>
    public IReadOnlyList<SeatAttendance> TakingPart { get; init; } = [];
}

public sealed record AttendanceLine(Membership Seat, AttendanceStatus? Status, Membership? Substitute);

/// <summary>A meeting as one person may see it: closed items and unapproved decisions only for insiders.</summary>
public sealed record MeetingView(
    Meeting Meeting,
    Body Body,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<MemberList.Section> Members,
    IReadOnlyList<AttendanceLine> Attendance,
    Timeline Timeline,
    bool IsInsider,
    bool CanEdit,
    int HiddenClosedItems)
{
    /// <summary>The agenda, at least its open items (<see cref="Visibility.Agenda"/>): for insiders a draft too.</summary>
    public bool AgendaVisible { get; init; }

    /// <summary>The minutes' decisions, attendance and corrections (<see cref="Visibility.Minutes"/>): public once approved.</summary>
    public bool ShowDecisions { get; init; }

    public bool AttendanceRecorded => Attendance.Any(a => a.Status is not null);

    /// <summary>"Til stede" in the minutes.</summary>
    public IEnumerable<AttendanceLine> Present => Attendance.Where(a => a.Status == AttendanceStatus.Present);

    /// <summary>"Suppleanter": absent members whose substitute came.</summary>
    public IEnumerable<AttendanceLine> Substituted => Attendance.Where(a => a.Status == AttendanceStatus.Absent && a.Substitute is not null);

    /// <summary>"Fraværende": neither the member nor a substitute came (or nothing was recorded).</summary>
    public IEnumerable<AttendanceLine> Absent => Attendance.Where(a => a.Status != AttendanceStatus.Present && a.Substitute is null);

    /// <summary>The name of the member holding a seat on the meeting's day (for dissents and the like).</summary>
    public string NameOf(int membershipId) => Attendance.FirstOrDefault(a => a.Seat.Id == membershipId)?.Seat.Person?.Name ?? "";

    /// <summary>Written procedures decided since the body's previous meeting: the minutes report them under "Meddelelser".</summary>
    public IReadOnlyList<Domain.Procedure.WrittenProcedure> WrittenDecisions { get; init; } = [];
}

public sealed class MeetingQuery(AppDbContext db, ViewerAccessor viewers, Economy.EconomyQuery economy)
{
    /// <summary>Null when the meeting does not exist or its agenda is not for this viewer's eyes.</summary>
    /// <param name="asPublic">Read it as the public does, whoever asks (the public version of a document).</param>
    /// <param name="asInsider">Read it as the body's members do: for work in the background that was allowed when it was asked for.</param>
    public async Task<MeetingView?> GetAsync(int id, CancellationToken ct, bool asPublic = false, bool asInsider = false)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Body)
            .Include(m => m.Chair!.Person)
            .Include(m => m.Items).ThenInclude(i => i.Case)
            .Include(m => m.Items).ThenInclude(i => i.Absences)
            .Include(m => m.Items).ThenInclude(i => i.Disqualifications)
            .Include(m => m.Items).ThenInclude(i => i.Vote)
            .Include(m => m.Items).ThenInclude(i => i.Dissents)
            .Include(m => m.Attendance)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting?.Body is not { } body)
        {
            return null;
        }
        if (meeting.HasMinutes)
        {
            // The versions' dates, not their texts (read only on a version's own page); none before the meeting is held.
            meeting.MinutesVersions = await db.MinutesVersions.AsNoTracking().Where(v => v.MeetingId == id)
                .Select(v => new MinutesVersion { Id = v.Id, MeetingId = v.MeetingId, Number = v.Number, IssuedAt = v.IssuedAt, ObjectionsDue = v.ObjectionsDue, Text = "" })
                .ToListAsync(ct);
            meeting.MinutesCorrections = await db.MinutesCorrections.AsNoTracking().Where(c => c.MeetingId == id).ToListAsync(ct);
        }
        var viewer = asPublic ? Viewer.Public : asInsider ? Viewer.Insider : await viewers.GetAsync(ct);
        var facts = viewer.Facts;
        var state = new MeetingState(body.Id, meeting.Status, meeting.Date);
        var insider = Visibility.IsInsider(facts, body.Id, meeting.Date);
        var agendaVisible = Visibility.Agenda(facts, state);

        var memberships = await db.Memberships.AsNoTracking()
            .Include(m => m.Person).Include(m => m.Organisation)
            .Where(m => m.BodyId == body.Id && m.From <= meeting.Date && (m.To == null || m.To >= meeting.Date))
            .ToListAsync(ct);
        var byId = memberships.ToDictionary(m => m.Id);
        foreach (var a in meeting.Attendance)
        {
            a.Membership = byId.GetValueOrDefault(a.MembershipId);
            a.Substitute = a.SubstituteId is { } s ? byId.GetValueOrDefault(s) : null;
        }
        var seats = MemberList.Seats(memberships, meeting.Date);
        var minutesVisible = Visibility.Minutes(facts, state);
        var attendance = seats
            .Where(_ => Visibility.Attendance(facts, state))
            .Select(seat => meeting.Attendance.FirstOrDefault(a => a.MembershipId == seat.Id) is { } record
                ? new AttendanceLine(seat, record.Status, record.Substitute)
                : new AttendanceLine(seat, null, null))
            .ToList();

        var ordered = meeting.OrderedItems;
        var timeline = Timeline.Compute(meeting.Start, meeting.End, ordered.Select(i => i.DurationMinutes));
        var attachments = await AttachmentsAsync(meeting.Id, ordered, ct);
        var previous = await PreviousDecisionsAsync(meeting, facts, ct);
        var recorded = minutesVisible && meeting.Attendance.Count > 0;

        var tables = await economy.TablesAsync(meeting.BodyId, ordered, ct);
        var items = new List<ItemView>();
        var hidden = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var item = ordered[i];
            var sight = Visibility.Item(facts, state, new ItemState(item.Id, item.IsClosed), body.PublicClosedItemTitles);
            if (sight == ItemSight.TitleOnly)
            {
                // A copy with the number and title only, so nothing else of the item can reach any format.
                var shown = new AgendaItem { Title = item.Title, Number = item.Number, Position = item.Position, IsClosed = true, DurationMinutes = item.DurationMinutes, Kind = item.Kind };
                items.Add(new ItemView(shown, timeline.Slots[i], [], [], [], [], TitleOnly: true));
                continue;
            }
            if (sight == ItemSight.Hidden)
            {
                hidden += agendaVisible ? 1 : 0;
                continue;
            }
            var absentIds = item.Absences.Select(a => a.MembershipId).ToHashSet();
            var absent = recorded
                ? AttendanceRoll.AbsentFromItem(seats, meeting.Attendance, absentIds).Select(m => m.Person?.Name ?? "").ToList()
                : [];
            // Disqualifications are part of the minutes: public with them, like attendance.
            var disqualified = minutesVisible
                ? item.Disqualifications.Select(d => (byId.GetValueOrDefault(d.MembershipId)?.Person?.Name ?? "", d.Reason)).ToList()
                : [];
            items.Add(new ItemView(item, timeline.Slots[i], attachments.GetValueOrDefault(item.Id, []), absent,
                item.CaseId is { } caseId ? previous.GetValueOrDefault(caseId, []) : [], disqualified)
            {
                EconomyTable = tables.GetValueOrDefault(item),
                TakingPart = recorded
                    ? AttendanceRoll.TakingPart(MemberList.InPrintedOrder(seats), meeting.Attendance, [.. absentIds.Union(item.Disqualifications.Select(d => d.MembershipId))])
                    : [],
            });
        }

        // A correction belonging to a closed item goes only where closed items go.
        meeting.MinutesCorrections = [.. meeting.MinutesCorrections.Where(c => Visibility.Correction(facts, state, c.IsClosed))];
        return new MeetingView(meeting, body, items, MemberList.Sections(memberships), attendance, timeline,
            insider, viewer.CanEditBody(body.Id), hidden)
        {
            AgendaVisible = agendaVisible,
            ShowDecisions = minutesVisible,
            WrittenDecisions = minutesVisible ? await WrittenDecisionsAsync(meeting, ct) : [],
        };
    }

    private async Task<IReadOnlyList<Domain.Procedure.WrittenProcedure>> WrittenDecisionsAsync(Meeting meeting, CancellationToken ct)
    {
        var previous = await db.Meetings.AsNoTracking()
            .Where(m => m.BodyId == meeting.BodyId && m.Date < meeting.Date && m.Status != MeetingStatus.Cancelled)
            .OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);
        // Decided in the days after the previous meeting, up to and including this one's.
        var decided = await db.WrittenProcedures.AsNoTracking()
            .Where(p => p.BodyId == meeting.BodyId && p.Status == Domain.Procedure.WrittenProcedureStatus.Decided)
            .ToListAsync(ct);
        return [.. decided
            .Where(p => Clock.ToLocalDate(p.ClosedAt!.Value) is var on && on <= meeting.Date && (previous is null || on > previous))
            .OrderBy(p => p.ClosedAt)];
    }

    /// <summary>Attachment facts without their content, numbered across the meeting as the documents print them.</summary>
    private async Task<Dictionary<int, IReadOnlyList<AttachmentInfo>>> AttachmentsAsync(
        int meetingId, IReadOnlyList<AgendaItem> ordered, CancellationToken ct)
    {
        var rows = await db.Attachments.AsNoTracking()
            .Where(a => a.AgendaItem!.MeetingId == meetingId)
            .Select(a => new { a.Id, a.AgendaItemId, a.Order, a.Title, a.FileName, a.ContentType, a.Size, a.Sha256 })
            .ToListAsync(ct);
        var position = ordered.Select((item, index) => (item.Id, index)).ToDictionary(x => x.Id, x => x.index);
        var number = 1;
        return rows
            .OrderBy(a => position.GetValueOrDefault(a.AgendaItemId)).ThenBy(a => a.Order).ThenBy(a => a.Id)
            .Select(a => (a.AgendaItemId, Info: new AttachmentInfo(a.Id, number++, a.Title, a.FileName, a.ContentType, a.Size, a.Sha256)))
            .GroupBy(x => x.AgendaItemId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AttachmentInfo>)[.. g.Select(x => x.Info)]);
    }

    /// <summary>"Tidligere beslutninger": decisions on the same case at earlier meetings that this viewer may read.</summary>
    private async Task<Dictionary<int, IReadOnlyList<PreviousDecision>>> PreviousDecisionsAsync(Meeting meeting, ViewerFacts viewer, CancellationToken ct)
    {
        var caseIds = meeting.Items.Where(i => i.CaseId != null).Select(i => i.CaseId!.Value).Distinct().ToList();
        if (caseIds.Count == 0)
        {
            return [];
        }
        var rows = await db.AgendaItems.AsNoTracking()
            .Where(i => i.CaseId != null && caseIds.Contains(i.CaseId.Value) && i.MeetingId != meeting.Id
                && i.Meeting!.Date < meeting.Date && i.Decision != null && i.Decision != "")
            .Select(i => new
            {
                CaseId = i.CaseId!.Value,
                i.Id,
                i.MeetingId,
                i.Meeting!.Date,
                i.Meeting.BodyId,
                BodyName = i.Meeting.Body!.Name,
                i.Meeting.Status,
                i.Title,
                i.Number,
                i.IsClosed,
                Decision = i.Decision!,
            })
            .ToListAsync(ct);
        return rows
            .Where(r => Visibility.Decision(viewer, new MeetingState(r.BodyId, r.Status, r.Date), new ItemState(r.Id, r.IsClosed)))
            .OrderBy(r => r.Date)
            .GroupBy(r => r.CaseId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PreviousDecision>)[.. g.Select(r =>
                new PreviousDecision(r.MeetingId, r.Date, r.BodyName, r.Title, r.Number, r.Decision))]);
    }
}
