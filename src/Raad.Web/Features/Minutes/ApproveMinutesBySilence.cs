using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>
/// The procedure clock's step: every circulated minutes whose window has closed without objection is approved as it is
/// (<see cref="Meeting.ApproveBySilence"/>), and the public who subscribed to the body hear of it. Answers how many.
/// </summary>
public sealed class ApproveMinutesBySilence(AppDbContext db, TimeProvider clock, Alerts.PublicAlerts alerts) : IUseCase
{
    public async Task<Result<int>> HandleAsync(CancellationToken ct)
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
                await alerts.MinutesApprovedAsync(meeting, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return approved;
    }
}
