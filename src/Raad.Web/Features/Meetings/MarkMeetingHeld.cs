using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

/// <summary>"Marker mødet som afholdt": on its day or after (<see cref="Domain.Meetings.Meeting.MarkHeld"/>).</summary>
public sealed class MarkMeetingHeld(AppDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, int version, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        db.ExpectVersion(meeting, version);
        var held = meeting.MarkHeld(Clock.Today(clock));
        return held.IsSuccess ? (await db.SaveAsync("Mødet", ct)).With(meeting.Id) : held.With(meeting.Id);
    }
}
