using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Procedure;

/// <summary>Loads a meeting's facts, then lets the pure rules judge it by the rules of procedure in force on its date.</summary>
public sealed class ComplianceQuery(AppDbContext db, ViewerAccessor viewers, TimeProvider clock)
{
    /// <summary>Codes judged from attendance: public only with the approved minutes, like the attendance itself.</summary>
    private static readonly HashSet<string> AttendanceCodes =
        ["procedure.no_quorum", "procedure.group_not_represented", "procedure.topic_group_not_represented"];

    /// <summary>The first quorum finding of the meeting, if any item lacked one (§ 4, stk. 2).</summary>
    public async Task<string?> QuorumLackingAsync(int meetingId, CancellationToken ct) =>
        (await ForMeetingAsync(meetingId, ct))?.Findings
            .FirstOrDefault(f => f.Code is "procedure.no_quorum" or "procedure.group_not_represented" or "procedure.topic_group_not_represented")
            ?.Message;

    public async Task<(RulesOfProcedure? Rules, IReadOnlyList<Finding> Findings)?> ForMeetingAsync(int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Body)
            .Include(m => m.Chair)
            .Include(m => m.Items).ThenInclude(i => i.Absences)
            .Include(m => m.Items).ThenInclude(i => i.Disqualifications)
            .Include(m => m.Attendance).ThenInclude(a => a.Substitute)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting?.Body is not { } body)
        {
            return null;
        }
        var rules = await db.RulesInForceAsync(body.Id, meeting.Date, ct);
        var facts = await FactsAsync(meeting, ct);
        var findings = Compliance.Check(rules, facts, Clock.Today(clock));

        var viewer = await viewers.GetAsync(ct);
        if (!Visibility.Attendance(viewer.Facts, new MeetingState(body.Id, meeting.Status, meeting.Date)))
        {
            findings = [.. findings.Where(f => !AttendanceCodes.Contains(f.Code))];
        }
        return (rules, findings);
    }

    private async Task<MeetingFacts> FactsAsync(Meeting meeting, CancellationToken ct)
    {
        var date = meeting.Date;
        var seats = await db.Memberships.AsNoTracking()
            .Where(m => m.BodyId == meeting.BodyId && m.From <= date && (m.To == null || m.To >= date))
            .ToListAsync(ct);
        seats = [.. MemberList.Seats(seats, date)];
        var previousChair = await db.Meetings.AsNoTracking()
            .Where(m => m.BodyId == meeting.BodyId && m.Date < date && m.Status != MeetingStatus.Cancelled && m.ChairId != null)
            .OrderByDescending(m => m.Date)
            .Select(m => (int?)m.Chair!.PersonId)
            .FirstOrDefaultAsync(ct);
        var ordinaryInYear = await db.Meetings.CountAsync(m => m.BodyId == meeting.BodyId && m.Date.Year == date.Year
            && m.Kind == MeetingKind.Ordinary && m.Status != MeetingStatus.Cancelled, ct);
        // The window and objections of the version out now: two figures, not the versions' texts.
        var latest = await db.MinutesVersions.Where(v => v.MeetingId == meeting.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.ObjectionsDue, Objections = v.Objections.Count }).FirstOrDefaultAsync(ct);
        var items = meeting.OrderedItems
            .Select(i => new ItemFacts(i.Number ?? i.Position, i.Title, i.Topics,
                [.. i.Absences.Select(a => a.MembershipId).Union(i.Disqualifications.Select(d => d.MembershipId))]))
            .ToList();
        return new MeetingFacts(
            date, meeting.Kind, meeting.IsVirtual, meeting.Status, meeting.Body!.ValidFrom, meeting.Body.ValidTo,
            meeting.AgendaPublishedAt is { } published ? Clock.ToLocalDate(published) : null,
            meeting.MinutesApprovedAt is { } approved ? Clock.ToLocalDate(approved) : null,
            seats, meeting.Attendance, items, meeting.Chair?.PersonId, previousChair, ordinaryInYear,
            meeting.MinutesCirculatedAt is { } circulated ? Clock.ToLocalDate(circulated) : null,
            latest?.ObjectionsDue,
            latest?.Objections ?? 0,
            meeting.AgendaLateReason,
            meeting.MinutesQuorumReason);
    }
}

public sealed record FindingDto(string Code, string Severity, string Message, string Reference, string Remedy);

public static class ComplianceApi
{
    public static void MapComplianceApi(this RouteGroupBuilder api) =>
        api.MapGet("/meetings/{id:int}/compliance", async (int id, ComplianceQuery query, CancellationToken ct) =>
            await query.ForMeetingAsync(id, ct) is { } result
                ? Results.Ok(result.Findings.Select(ToDto))
                : Results.Problem(statusCode: 404, title: "Mødet findes ikke.")).Needs(Permission.Public)
        .WithName("GetMeetingCompliance")
        .WithSummary("Forretningsordenens krav til mødet: frister, sammensætning, beslutningsdygtighed.")
        .Produces<FindingDto[]>();

    public static FindingDto ToDto(Finding f) =>
        new(f.Code, ApiFormat.Camel(f.Severity), f.Message, f.Reference, f.Remedy);
}
