using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

/// <summary>Moves an item one place up or down on a draft agenda. Answers the meeting's id.</summary>
public sealed class MoveItem(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int itemId, int direction, CancellationToken ct)
    {
        var (meeting, guard) = await AgendaGuard.EditableMeetingOfItemAsync(db, itemId, ct);
        if (!guard.IsSuccess)
        {
            return guard.With(0);
        }
        meeting!.RenumberPositions();
        var ordered = meeting.OrderedItems;
        var index = ordered.ToList().FindIndex(i => i.Id == itemId);
        var target = index + Math.Sign(direction);
        if (target < 0 || target >= ordered.Count)
        {
            return meeting.Id;
        }
        (ordered[index].Position, ordered[target].Position) = (ordered[target].Position, ordered[index].Position);
        return (await db.SaveAsync("Dagsordenen", ct)).With(meeting.Id);
    }
}
