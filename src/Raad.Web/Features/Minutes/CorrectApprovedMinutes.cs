using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>Approved minutes are never edited: a correction is recorded and printed after them. Answers the meeting's id.</summary>
public sealed class CorrectApprovedMinutes(AppDbContext db, TimeProvider clock) : IUseCase
{
    /// <param name="closed">The correction belongs to a closed item, so only those who may read it see it.</param>
    public async Task<Result<int>> HandleAsync(int meetingId, string? text, string recordedBy, bool closed, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.MinutesCorrections).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        var result = meeting.CorrectApprovedMinutes(text, recordedBy, clock.GetUtcNow(), closed);
        return (result.IsSuccess ? await db.SaveAsync("Rettelsen", ct) : result).With(meeting.Id);
    }
}
