using Microsoft.EntityFrameworkCore;
using Raad.Domain.Procedure;
using Raad.Web.Data;

namespace Raad.Web.Features.Procedure;

public static class RulesInForce
{
    /// <summary>The body's rules of procedure in force on a date, or null; the domain's <see cref="RulesOfProcedure.InForce"/> picks the version.</summary>
    public static async Task<RulesOfProcedure?> RulesInForceAsync(this AppDbContext db, int bodyId, DateOnly date, CancellationToken ct) =>
        RulesOfProcedure.InForce(await db.RulesOfProcedure.AsNoTracking().Where(r => r.BodyId == bodyId).ToListAsync(ct), date);
}
