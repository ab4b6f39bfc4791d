using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

/// <summary>"Aflys mødet": the meeting stays in the plan as cancelled, with the reason given.</summary>
public sealed class CancelMeeting(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, int version, string? reason, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        db.ExpectVersion(meeting, version);
        var cancelled = meeting.Cancel(reason.OrNull());
        return cancelled.IsSuccess ? (await db.SaveAsync("Mødet", ct)).With(meeting.Id) : cancelled.With(meeting.Id);
    }
}
