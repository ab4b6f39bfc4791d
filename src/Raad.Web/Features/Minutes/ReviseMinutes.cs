using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>"Revidér referatet": circulated minutes go back to the draft so the secretariat can answer objections. Answers the meeting's id.</summary>
public sealed class ReviseMinutes(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, int version, CancellationToken ct)
    {
        var meeting = await MinutesCycle.MeetingAsync(db, meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        db.ExpectVersion(meeting, version);
        var result = meeting.ReviseMinutes();
        return (result.IsSuccess ? await db.SaveAsync("Referatet", ct) : result).With(meeting.Id);
    }
}
