using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies;

/// <summary>The choices of the membership form: people, organisations and the body's members (for a substitute's seat).</summary>
public sealed record MembershipOptions(
    IReadOnlyList<(int Id, string Name)> People,
    IReadOnlyList<(int Id, string Name)> Organisations,
    IReadOnlyList<(int Id, string Name)> Members);

public sealed class MembershipOptionsQuery(AppDbContext db)
{
    public async Task<MembershipOptions> LoadAsync(int bodyId, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Title }).ToListAsync(ct);
        var orgs = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.BodyId == bodyId && (m.Role == MembershipRole.Member || m.Role == MembershipRole.CoChair))
            .OrderBy(m => m.Person!.Name)
            .Select(m => new { m.Id, m.Person!.Name, m.From, m.To })
            .ToListAsync(ct);
        return new MembershipOptions(
            [.. people.Select(p => (p.Id, p.Title is null ? p.Name : $"{p.Name} ({p.Title})"))],
            [.. orgs.Select(o => (o.Id, o.Name))],
            [.. members.Select(m => (m.Id, $"{m.Name} ({DanishFormat.Date(m.From)}{(m.To is { } t ? " – " + DanishFormat.Date(t) : "")})"))]);
    }
}
