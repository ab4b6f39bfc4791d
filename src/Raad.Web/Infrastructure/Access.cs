using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Raad.Domain.Access;

namespace Raad.Web.Infrastructure;

/// <summary>A local account. A member's account names the person, which gives access to that person's bodies.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The person the account is: his e-mail is the account's (one field, kept on the person), his seats its rights.</summary>
    public int? PersonId { get; set; }

    /// <summary>Deactivated accounts keep their history and cannot sign in; they are never deleted.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset? InvitedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>How the account last signed in: "adgangskode", or "oidc:" and the provider's name.</summary>
    public string? LastSignInMethod { get; set; }

    public List<SecretariatGrant> SecretariatOf { get; set; } = [];

    /// <summary>The secret in the private calendar's URL (<c>/kalender/{token}.ics</c>); renewing it retires the old URL.</summary>
    public string? CalendarToken { get; set; }

    /// <summary>The start page's last request, and the one before that visit: "new since your last visit".</summary>
    public DateTimeOffset? LastVisitAt { get; set; }
    public DateTimeOffset? PreviousVisitAt { get; set; }
}

/// <summary>The secretariat role, held for one body: edit its meetings, agendas, minutes and members.</summary>
public class SecretariatGrant
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public int BodyId { get; set; }
    public Raad.Domain.Bodies.Body? Body { get; set; }
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

public static class AccessErrors
{
    public static Raad.Domain.Common.Error NotSecretariatOf(string body) =>
        new("access.not_secretariat", $"Du er ikke sekretariat for {body}.");
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

    /// <summary>How the session was signed in: "adgangskode", or "oidc:" and the provider's name.</summary>
    public const string SignInMethod = "raad:signin";
}

/// <summary>
/// What the current user may see. Default is the public's view: published meetings, open items. The rule itself is the
/// domain's <see cref="Visibility"/>; <see cref="Facts"/> is this viewer as it sees them.
/// </summary>
public sealed record Viewer(ViewerFacts Facts, int? PersonId, string? UserId = null)
{
    public static readonly Viewer Public = new(ViewerFacts.Anonymous, null);

    /// <summary>Reads everything of every body, changes nothing: background work on behalf of someone already allowed.</summary>
    public static readonly Viewer Insider = new(ViewerFacts.Background, null);

    /// <summary>The secretariat of some body, or an administrator: the secretariat's desk (import, cases, people).</summary>
    public bool CanEdit => Facts.IsSecretariat;

    /// <summary>The secretariat of this body, or an administrator.</summary>
    public bool CanEditBody(int bodyId) => Facts.IsSecretariatOf(bodyId);

    public bool IsAdministrator => Facts.IsAdministrator;

    /// <summary>A member, co-chair or substitute of the body on the date: may object to its minutes and ask for items.</summary>
    public bool IsMemberOn(int bodyId, DateOnly date) => PersonId is not null && Facts.IsMemberOn(bodyId, date);

    /// <summary>Drafts, unapproved minutes and closed items of a body's meeting on the date: its secretariat, and those who take part and had not left.</summary>
    public bool IsInsider(int bodyId, DateOnly on) => Visibility.IsInsider(Facts, bodyId, on);

    /// <summary>The same for what has no date of its own (a written procedure, the rules): on today.</summary>
    public bool IsInsider(int bodyId) => Visibility.IsInsider(Facts, bodyId);

    public static int? PersonIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypesRaad.PersonId), out var id) ? id : null;
}
