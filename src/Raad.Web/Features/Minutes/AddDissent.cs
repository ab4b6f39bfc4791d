using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Minutes;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>A member's dissent (protokoltilførsel) on an item, printed in the minutes. Answers the dissent's id.</summary>
public sealed class AddDissent(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int itemId, int membershipId, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Error("dissent.text_required", "Skriv protokoltilførslen.", "Dissent");
        }
        var (meeting, guard) = await MinutesGuard.EditableMeetingOfItemAsync(db, itemId, ct);
        if (!guard.IsSuccess)
        {
            return guard.With(itemId);
        }
        if (!await db.Memberships.AnyAsync(m => m.Id == membershipId && m.BodyId == meeting!.BodyId, ct))
        {
            return new Error("dissent.not_member", "Kun udvalgets medlemmer kan få en protokoltilførsel.", "Dissent");
        }
        var dissent = db.Dissents.Add(new Dissent { AgendaItemId = itemId, MembershipId = membershipId, Text = text.Replace("\r\n", "\n").Trim() }).Entity;
        return (await db.SaveAsync("Protokoltilførslen", ct)).With(dissent.Id);
    }
}
