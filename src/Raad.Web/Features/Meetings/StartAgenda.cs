using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

/// <summary>
/// "Påbegynd dagsorden" on a planned meeting, or "Træk dagsordenen tilbage til kladde" on a published one: the agenda
/// is a draft again and its numbers are set anew when it is published (<see cref="Domain.Meetings.Meeting.StartAgenda"/>).
/// </summary>
public sealed class StartAgenda(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, int version, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Items).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        db.ExpectVersion(meeting, version);
        var started = meeting.StartAgenda();
        return started.IsSuccess ? (await db.SaveAsync("Mødet", ct)).With(meeting.Id) : started.With(meeting.Id);
    }
}
