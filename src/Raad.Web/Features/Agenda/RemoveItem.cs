using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

/// <summary>Removes an item, its attachments and recorded absences from a draft agenda. Answers the meeting's id.</summary>
public sealed class RemoveItem(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int itemId, CancellationToken ct)
    {
        var (meeting, guard) = await AgendaGuard.EditableMeetingOfItemAsync(db, itemId, ct);
        if (!guard.IsSuccess)
        {
            return guard.With(0);
        }
        var item = meeting!.Items.First(i => i.Id == itemId);
        // Attachments and absences go with it through the foreign keys' ON DELETE CASCADE.
        meeting.Items.Remove(item);
        db.AgendaItems.Remove(item);
        meeting.RenumberPositions();
        return (await db.SaveAsync("Dagsordenen", ct)).With(meeting.Id);
    }
}
