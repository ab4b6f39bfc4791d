using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>A member of the body objects to the version out now, within its window. Answers the version's number.</summary>
public sealed class ObjectToMinutes(AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, string? text, CancellationToken ct)
    {
        var meeting = await MinutesCycle.MeetingAsync(db, meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        var viewer = await viewers.GetAsync(ct);
        if (viewer.PersonId is not { } personId || !viewer.IsMemberOn(meeting.BodyId, meeting.Date))
        {
            return new Error("minutes.not_member", "Kun udvalgets medlemmer kan gøre indsigelse mod referatet.");
        }
        var result = meeting.ObjectToMinutes(personId, text, Clock.Today(clock), clock.GetUtcNow());
        return (result.IsSuccess ? await db.SaveAsync("Indsigelsen", ct) : result).With(meeting.LatestMinutesVersion?.Number ?? 0);
    }
}
