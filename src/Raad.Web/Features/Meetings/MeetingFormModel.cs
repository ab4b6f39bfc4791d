using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

public sealed record MeetingFormModel(MeetingInput Input, IReadOnlyList<(int Id, string Name)> Chairs, ModelStateDictionary ModelState)
{
    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    /// <summary>Members and co-chairs who may chair a meeting of the body.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> ChairsAsync(AppDbContext db, int bodyId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.BodyId == bodyId && (m.Role == MembershipRole.CoChair || m.Role == MembershipRole.Member))
            .OrderBy(m => m.Role).ThenBy(m => m.Person!.Name)
            .Select(m => new { m.Id, m.Person!.Name, m.Role })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Role == MembershipRole.CoChair ? $"{r.Name} (medformand)" : r.Name))];
    }
}
