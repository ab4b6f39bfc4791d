using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

/// <summary>Moves an item one place up or down on a draft agenda.</summary>
public sealed class MoveItem(AppDbContext db) : IUseCase
{
    public async Task<Result> HandleAsync(int itemId, int direction, CancellationToken ct)
    {
        var (meeting, guard) = await AgendaGuard.EditableMeetingOfItemAsync(db, itemId, ct);
        if (!guard.IsSuccess)
        {
            return guard;
        }
        AgendaGuard.Renumber(meeting!);
        var ordered = meeting!.OrderedItems;
        var index = ordered.ToList().FindIndex(i => i.Id == itemId);
        var target = index + Math.Sign(direction);
        if (target < 0 || target >= ordered.Count)
        {
            return Result.Ok();
        }
        (ordered[index].Position, ordered[target].Position) = (ordered[target].Position, ordered[index].Position);
        return await db.SaveAsync("Dagsordenen", ct);
    }
}

/// <summary>Removes an item, its attachments and recorded absences from a draft agenda.</summary>
public sealed class RemoveItem(AppDbContext db) : IUseCase
{
    public async Task<(Result Result, int MeetingId)> HandleAsync(int itemId, CancellationToken ct)
    {
        var (meeting, guard) = await AgendaGuard.EditableMeetingOfItemAsync(db, itemId, ct);
        if (!guard.IsSuccess)
        {
            return (guard, meeting?.Id ?? 0);
        }
        var item = meeting!.Items.First(i => i.Id == itemId);
        // Attachments and absences go with it through the foreign keys' ON DELETE CASCADE.
        meeting.Items.Remove(item);
        db.AgendaItems.Remove(item);
        AgendaGuard.Renumber(meeting);
        return (await db.SaveAsync("Dagsordenen", ct), meeting.Id);
    }
}
