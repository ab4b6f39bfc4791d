using System.Security.Claims;

namespace Raad.Web.Infrastructure.Audit;

/// <summary>Who acts, as the audit log names him: the account, its name, and how it signed in; or the system.</summary>
public sealed record AuditActor(string? Id, string Name, string SignIn, string Origin)
{
    /// <summary>The claim an external sign-in may put in the cookie to say how the account signed in (e.g. oidc:region-h).</summary>
    public const string SignInClaim = "raad:signin";

    public const string Password = "adgangskode";
    public const string PasswordAndSecondFactor = "adgangskode og anden faktor";
    public const string System = "system";

    /// <summary>Set on a command's app (<c>raad user add</c>, <c>raad import</c>): background work there is that command's.</summary>
    public sealed class Options
    {
        public string Background { get; set; } = System;
    }

    public void Stamp(AuditEntry entry)
    {
        entry.ActorId = Id;
        entry.ActorName = Cut(Name, 320);
        entry.SignIn = Cut(SignIn, 100);
        entry.Origin = Cut(Origin, AuditTrail.MaxOrigin);
    }

    /// <summary>The signed-in user of the current request; anyone else in a request; otherwise the system (the procedure clock, a command).</summary>
    public static AuditActor Current(IServiceProvider? services)
    {
        var http = services?.GetService<IHttpContextAccessor>()?.HttpContext;
        if (http is null)
        {
            var background = services?.GetService<Microsoft.Extensions.Options.IOptions<Options>>()?.Value.Background ?? System;
            return new AuditActor(null, System, background, background);
        }
        var origin = OriginOf(http.Request);
        return http.User.Identity?.IsAuthenticated == true ? Of(http.User, origin) : new AuditActor(null, "anonym", "ikke logget ind", origin);
    }

    /// <summary>A signed-in principal: <see cref="SignInClaim"/> if a sign-in put it there, else the cookie's own method.</summary>
    public static AuditActor Of(ClaimsPrincipal user, string origin) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.FindFirstValue("name") ?? user.Identity?.Name ?? "",
        HowSignedIn(user),
        origin);

    public static string HowSignedIn(ClaimsPrincipal user) =>
        user.FindFirstValue(SignInClaim)
        ?? (user.FindFirstValue(ClaimTypes.AuthenticationMethod) is { Length: > 0 } provider ? $"ekstern:{provider}"
            : user.HasClaim("amr", "mfa") ? PasswordAndSecondFactor
            : Password);

    /// <summary>Method, path and the page handler; never the query's other values (a reset link's token is one).</summary>
    public static string OriginOf(HttpRequest request)
    {
        var handler = request.Query["handler"].ToString();
        return $"{request.Method} {request.PathBase}{request.Path}{(handler.Length > 0 ? $"?handler={handler}" : "")}";
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
