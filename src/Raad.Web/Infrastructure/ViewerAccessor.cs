using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure;

/// <summary>Works out, once per request, what the signed-in user may see.</summary>
public sealed class ViewerAccessor(IHttpContextAccessor http, AppDbContext db)
{
    private Viewer? viewer;

    public async Task<Viewer> GetAsync(CancellationToken cancellationToken = default)
    {
        if (viewer is not null)
        {
            return viewer;
        }
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return viewer = Viewer.Public;
        }
        var personId = Viewer.PersonIdOf(user);
        var bodies = personId is { } id
            ? await db.Memberships.Where(m => m.PersonId == id).Select(m => m.BodyId).Distinct().ToListAsync(cancellationToken)
            : [];
        // A member disqualified from a closed item does not read it (Visibility): the items, once per request.
        var disqualified = personId is { } person
            ? await db.Disqualifications.Where(d => d.Membership!.PersonId == person).Select(d => d.AgendaItemId).Distinct().ToListAsync(cancellationToken)
            : [];
        var facts = new ViewerFacts(true, user.IsInRole(Roles.Secretariat), user.IsInRole(Roles.Administrator), bodies.ToHashSet(), disqualified.ToHashSet());
        return viewer = new Viewer(facts, personId);
    }
}
