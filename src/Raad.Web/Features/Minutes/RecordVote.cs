using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>Records how an item was voted on (per member or per party); part of the minutes. Answers the item's id.</summary>
public sealed class RecordVote(AppDbContext db) : IUseCase
{
    /// <param name="choices">Per member: membership id to "For", "Against" or "Abstained".</param>
    /// <param name="parties">Per party, used instead when any is given: comma-separated party names for, against, abstained.</param>
    public async Task<Result<int>> HandleAsync(int itemId, IReadOnlyDictionary<int, string> choices, (string? For, string? Against, string? Abstained) parties, CancellationToken ct)
    {
        var (meeting, guard) = await MinutesGuard.EditableMeetingOfItemAsync(db, itemId, ct);
        if (!guard.IsSuccess)
        {
            return guard.With(itemId);
        }
        var byParty = new[] { parties.For, parties.Against, parties.Abstained }.Any(p => !string.IsNullOrWhiteSpace(p));
        List<string> @for, against, abstained;
        if (byParty)
        {
            (@for, against, abstained) = (Split(parties.For), Split(parties.Against), Split(parties.Abstained));
        }
        else
        {
            var date = meeting!.Date;
            var memberships = await db.Memberships.Include(m => m.Person)
                .Where(m => m.BodyId == meeting.BodyId && m.From <= date && (m.To == null || m.To >= date))
                .ToDictionaryAsync(m => m.Id, ct);
            var chosen = choices.Where(c => c.Value is "For" or "Against" or "Abstained" && memberships.ContainsKey(c.Key)).ToList();
            if (meeting.Attendance.Count > 0)
            {
                // A substitute votes in the seat of the member he replaced; whoever was not at the item does not vote.
                var item = meeting.Items.Single(i => i.Id == itemId);
                var disqualified = await db.Disqualifications.Where(d => d.AgendaItemId == itemId).Select(d => d.MembershipId).ToListAsync(ct);
                var takingPart = AttendanceRoll.TakingPart(MemberList.Seats(memberships.Values, date), meeting.Attendance,
                    [.. item.Absences.Select(a => a.MembershipId).Union(disqualified)]);
                var voters = ItemVote.CheckVoters(chosen.Select(c => memberships[c.Key]), takingPart);
                if (!voters.IsSuccess)
                {
                    return voters.With(itemId);
                }
            }
            List<string> Named(string choice) =>
                [.. chosen.Where(c => c.Value == choice).Select(c => memberships[c.Key].Person!.Name).Order(StringComparer.Create(DanishFormat.Culture, false))];
            (@for, against, abstained) = (Named("For"), Named("Against"), Named("Abstained"));
        }
        var check = ItemVote.Check(@for, against, abstained);
        if (!check.IsSuccess)
        {
            return check.With(itemId);
        }
        var existing = await db.Votes.FirstOrDefaultAsync(v => v.AgendaItemId == itemId, ct);
        var vote = existing ?? db.Votes.Add(new ItemVote { AgendaItemId = itemId }).Entity;
        (vote.ByParty, vote.For, vote.Against, vote.Abstained) = (byParty, @for, against, abstained);
        return (await db.SaveAsync("Afstemningen", ct)).With(itemId);
    }

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
