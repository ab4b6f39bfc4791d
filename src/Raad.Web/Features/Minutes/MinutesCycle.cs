using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.Meetings;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Minutes;

/// <summary>
/// § 3, stk. 5: the minutes are sent to the members, who may object within the window; the secretariat answers with a
/// revised version, which runs the window again; silence or the meeting approves; approved minutes take only corrections.
/// </summary>
public sealed class MinutesCycle(AppDbContext db, MeetingQuery query, ViewerAccessor viewers, Outbox outbox, TimeProvider clock,
    Procedure.ComplianceQuery compliance) : IUseCase
{
    /// <summary>The window when no rules are in force: the common eight days.</summary>
    private const int DefaultObjectionWindowDays = 8;

    public async Task<Result> CirculateAsync(int meetingId, int version, string? changeNote, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        db.ExpectVersion(meeting, version);
        if (meeting.Status == MeetingStatus.Held)
        {
            meeting.StartMinutes();
        }
        var rules = await RulesAsync(meeting, ct);
        var text = await TextAsync(meetingId, ct);
        var today = Clock.Today(clock);
        var result = meeting.CirculateMinutes(text, changeNote.OrNull(), rules?.ObjectionWindowDays ?? DefaultObjectionWindowDays, today, clock.GetUtcNow());
        if (!result.IsSuccess)
        {
            return result;
        }
        var issued = meeting.LatestMinutesVersion!;
        var revised = issued.Number > 1;
        var name = await db.Bodies.Where(b => b.Id == meeting.BodyId).Select(b => b.Name).FirstAsync(ct);
        var subject = revised
            ? $"Revideret referat (udgave {issued.Number}): {name} {DanishFormat.Date(meeting.Date)}"
            : $"Referat til godkendelse: {name} {DanishFormat.Date(meeting.Date)}";
        var body = $"""
            {(revised ? $"Referatet af mødet i {name} den {DanishFormat.Date(meeting.Date)} er revideret (udgave {issued.Number})." : $"Referatet af mødet i {name} den {DanishFormat.Date(meeting.Date)} er udsendt.")}
            {(revised ? $"Rettet: {issued.ChangeNote}\n" : "")}
            Indsigelser kan gøres i Raad senest {DanishFormat.Date(issued.ObjectionsDue!.Value)}. Kommer der ingen, er referatet godkendt.

            Læs referatet: {outbox.Link($"/moeder/{meeting.Id}/referat/udgaver/{issued.Number}")}
            """;
        await outbox.ToMembersAsync(meeting.BodyId, meeting.Date, revised ? "minutes_revised" : "minutes_circulated", subject, body, ct);
        return await db.SaveAsync("Referatet", ct);
    }

    public async Task<Result> ReviseAsync(int meetingId, int version, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        db.ExpectVersion(meeting, version);
        var result = meeting.ReviseMinutes();
        return result.IsSuccess ? await db.SaveAsync("Referatet", ct) : result;
    }

    /// <summary>A member of the body objects to the version out now.</summary>
    public async Task<Result> ObjectAsync(int meetingId, string? text, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        var viewer = await viewers.GetAsync(ct);
        if (viewer.PersonId is not { } personId || !viewer.MemberOfBodies.Contains(meeting.BodyId))
        {
            return new Error("minutes.not_member", "Kun udvalgets medlemmer kan gøre indsigelse mod referatet.");
        }
        var result = meeting.ObjectToMinutes(personId, text, Clock.Today(clock), clock.GetUtcNow());
        return result.IsSuccess ? await db.SaveAsync("Indsigelsen", ct) : result;
    }

    /// <summary>
    /// "Godkend referatet" on the approval page: by silence once the window has closed, or as the committee approved
    /// them at a meeting, named by the item it was done under (this meeting's own approval item, or a later one's).
    /// The rules decide (Meeting.RecordMinutesApproval); approved without a quorum, the minutes must say why.
    /// </summary>
    public async Task<Result> ApproveAsync(int meetingId, int version, int? underItemId, string? quorumReason, CancellationToken ct)
    {
        var meeting = await LoadAsync(meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        db.ExpectVersion(meeting, version);
        MeetingApproval? atMeeting = null;
        if (underItemId is { } itemId)
        {
            var item = await db.AgendaItems.AsNoTracking()
                .Where(i => i.Id == itemId && i.Meeting!.BodyId == meeting.BodyId && i.Meeting.Status != MeetingStatus.Cancelled)
                .Select(i => new { i.Number, i.Position, i.Meeting!.Date })
                .FirstOrDefaultAsync(ct);
            if (item is null)
            {
                return new Error("minutes.approval_item_unknown", "Vælg det møde og punkt, hvor udvalget godkendte referatet.", nameof(MeetingApproval));
            }
            atMeeting = new MeetingApproval(item.Date, item.Number ?? item.Position);
        }
        if (meeting.Status == MeetingStatus.Held)
        {
            meeting.StartMinutes();
        }
        var result = meeting.RecordMinutesApproval(await TextAsync(meeting.Id, ct), atMeeting, Clock.Today(clock), clock.GetUtcNow());
        if (!result.IsSuccess)
        {
            return result;
        }
        if (await QuorumLackingAsync(meeting.Id, ct) is { } lacking)
        {
            if (quorumReason.OrNull() is not { } reason)
            {
                return new Error("procedure.quorum_reason_required",
                    $"{lacking} Skriv, hvorfor referatet alligevel godkendes – begrundelsen trykkes i referatet.", "QuorumReason");
            }
            meeting.MinutesQuorumReason = reason;
        }
        return await db.SaveAsync("Referatet", ct);
    }

    /// <summary>The first quorum finding of the meeting, if any item lacked one (§ 4, stk. 2).</summary>
    public async Task<string?> QuorumLackingAsync(int meetingId, CancellationToken ct) =>
        (await compliance.ForMeetingAsync(meetingId, ct))?.Findings
            .FirstOrDefault(f => f.Code is "procedure.no_quorum" or "procedure.group_not_represented" or "procedure.topic_group_not_represented")
            ?.Message;

    /// <summary>Approves every circulated minutes whose window has closed without objection. Returns how many.</summary>
    public async Task<int> ApproveBySilenceAsync(CancellationToken ct)
    {
        var today = Clock.Today(clock);
        var circulated = await db.Meetings.Include(m => m.MinutesVersions).ThenInclude(v => v.Objections)
            .Where(m => m.Status == MeetingStatus.MinutesCirculated)
            .AsSplitQuery()
            .ToListAsync(ct);
        var approved = 0;
        foreach (var meeting in circulated.Where(m => m.ApprovesBySilence(today)))
        {
            if (meeting.ApproveBySilence(today, clock.GetUtcNow()).IsSuccess)
            {
                approved++;
            }
        }
        await db.SaveChangesAsync(ct);
        return approved;
    }

    public async Task<Result> CorrectAsync(int meetingId, string? text, string recordedBy, CancellationToken ct, bool closed = false)
    {
        var meeting = await db.Meetings.Include(m => m.MinutesCorrections).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        var result = meeting.CorrectApprovedMinutes(text, recordedBy, clock.GetUtcNow(), closed);
        return result.IsSuccess ? await db.SaveAsync("Rettelsen", ct) : result;
    }

    private Task<Meeting?> LoadAsync(int meetingId, CancellationToken ct) =>
        db.Meetings.Include(m => m.MinutesVersions).ThenInclude(v => v.Objections)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, ct);

    private async Task<RulesOfProcedure?> RulesAsync(Meeting meeting, CancellationToken ct) =>
        RulesOfProcedure.InForce(await db.RulesOfProcedure.AsNoTracking().Where(r => r.BodyId == meeting.BodyId).ToListAsync(ct), meeting.Date);

    /// <summary>The minutes as the secretariat reads them now (every item, closed ones too).</summary>
    private async Task<string> TextAsync(int meetingId, CancellationToken ct) =>
        MinutesText.From(await query.GetAsync(meetingId, ct) ?? throw new InvalidOperationException($"Møde {meetingId} findes ikke."));
}
