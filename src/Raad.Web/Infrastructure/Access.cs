using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Raad.Domain.Access;

namespace Raad.Web.Infrastructure;

/// <summary>A local account. A member's account names the person, which gives access to that person's bodies.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? PersonId { get; set; }
}

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Secretariat = "Secretariat";
    public const string Member = "Member";

    public static readonly string[] All = [Administrator, Secretariat, Member];

    public static string Danish(string role) => role switch
    {
        Administrator => "Administrator",
        Secretariat => "Sekretariat",
        Member => "Medlem",
        _ => role,
    };
}

public static class Policies
{
    /// <summary>Edit bodies, meetings, agendas and minutes.</summary>
    public const string Edit = "Edit";

    /// <summary>Accounts, bodies and their set-up.</summary>
    public const string Administer = "Administer";
}

public static class ClaimTypesRaad
{
    public const string PersonId = "raad:person";
}

/// <summary>
/// What the current user may see. Default is the public's view: published meetings, open items. The rule itself is the
/// domain's <see cref="Visibility"/>; <see cref="Facts"/> is this viewer as it sees them.
/// </summary>
public sealed record Viewer(ViewerFacts Facts, int? PersonId)
{
    public static readonly Viewer Public = new(ViewerFacts.Anonymous, null);

    /// <summary>Reads everything of every body, changes nothing: background work on behalf of someone already allowed.</summary>
    public static readonly Viewer Insider = new(ViewerFacts.Background, null);

    /// <summary>The secretariat or an administrator.</summary>
    public bool CanEdit => Facts.IsSecretariat || Facts.IsAdministrator;

    public bool IsAdministrator => Facts.IsAdministrator;

    public IReadOnlySet<int> MemberOfBodies => Facts.MemberOfBodies;

    /// <summary>Drafts, unapproved minutes and closed items: the secretariat, and members of the body.</summary>
    public bool IsInsider(int bodyId) => Visibility.IsInsider(Facts, bodyId);

    public static int? PersonIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypesRaad.PersonId), out var id) ? id : null;
}
