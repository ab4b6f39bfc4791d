using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>
/// "Påbegynd referat" on a held meeting (or "Revidér referatet" on circulated minutes, from the meeting page): the minutes
/// are a draft (<see cref="Domain.Meetings.Meeting.StartMinutes"/>).
/// </summary>
public sealed class StartMinutes(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, int version, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        db.ExpectVersion(meeting, version);
        var started = meeting.StartMinutes();
        return started.IsSuccess ? (await db.SaveAsync("Mødet", ct)).With(meeting.Id) : started.With(meeting.Id);
    }
}
