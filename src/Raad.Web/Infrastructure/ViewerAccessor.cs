using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure;

/// <summary>
/// Works out, once per request, what the signed-in user may see and do: read from the database each time, so a grant
/// taken away or a membership ended counts at once, not at the next sign-in.
/// </summary>
public sealed class ViewerAccessor(IHttpContextAccessor http, AppDbContext db, TimeProvider clock)
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
        var userId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var facts = await FactsAsync(userId, personId, user.IsInRole(Roles.Administrator), cancellationToken);
        return viewer = new Viewer(facts, personId, userId);
    }

    /// <summary>
    /// An account's facts without its session (the private calendar, fetched by a calendar program with the URL's
    /// secret): the same facts a request signed in as the account would have.
    /// </summary>
    public async Task<ViewerFacts> FactsOfAccountAsync(AppUser account, CancellationToken cancellationToken = default)
    {
        var administrator = await db.UserRoles.AnyAsync(
            ur => ur.UserId == account.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator), cancellationToken);
        return await FactsAsync(account.Id, account.PersonId, administrator, cancellationToken);
    }

    private async Task<ViewerFacts> FactsAsync(string? userId, int? personId, bool administrator, CancellationToken cancellationToken)
    {
        var secretariatOf = userId is null ? []
            : await db.SecretariatGrants.Where(g => g.UserId == userId).Select(g => g.BodyId).ToListAsync(cancellationToken);
        var seats = personId is { } id
            ? await db.Memberships.Where(m => m.PersonId == id)
                .Select(m => new Seat(m.BodyId, m.Role, m.From, m.To, m.Body!.AdvisorsReadClosedItems))
                .ToListAsync(cancellationToken)
            : [];
        // A member disqualified from a closed item does not read it (Visibility): the items, once per request.
        var disqualified = personId is { } person
            ? await db.Disqualifications.Where(d => d.Membership!.PersonId == person).Select(d => d.AgendaItemId).Distinct().ToListAsync(cancellationToken)
            : [];
        return new ViewerFacts(true, administrator, secretariatOf.ToHashSet(), seats, disqualified.ToHashSet(), Clock.Today(clock));
    }
}
