using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>Withdraws a disqualification recorded by mistake, until the minutes are approved. Answers the item's id.</summary>
public sealed class WithdrawDisqualification(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int disqualificationId, CancellationToken ct)
    {
        var found = await db.Disqualifications.Include(d => d.AgendaItem!.Meeting).FirstOrDefaultAsync(d => d.Id == disqualificationId, ct);
        if (found is null)
        {
            return new Error("disqualification.not_found", "Inhabiliteten findes ikke.");
        }
        if (found.AgendaItem!.Meeting!.Status == MeetingStatus.MinutesApproved)
        {
            return new Error("disqualification.closed", "Referatet er godkendt; inhabilitet kan ikke længere ændres.");
        }
        db.Disqualifications.Remove(found);
        return (await db.SaveAsync("Punktet", ct)).With(found.AgendaItemId);
    }
}
