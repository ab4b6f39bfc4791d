using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Raad.Web.Infrastructure;

/// <summary>
/// The OpenID Connect providers members sign in with (<c>Raad:Oidc:Providers</c>): a region's Entra ID, a municipality's
/// broker in front of MitID Erhverv, … Each becomes an authentication scheme of its own, <c>oidc-&lt;Name&gt;</c>, with its
/// own callback path <c>/signin-oidc-&lt;Name&gt;</c>. See docs/operations.md.
/// </summary>
public sealed class OidcOptions
{
    public List<OidcProviderOptions> Providers { get; set; } = [];
}

public sealed class OidcProviderOptions
{
    /// <summary>Short and stable (a-z, 0-9, -): it names the scheme, the callback path and the links in AspNetUserLogins.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the button says after "Log ind med".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The issuer; its /.well-known/openid-configuration is read from here.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>None for a public client: PKCE alone then protects the code.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated; openid is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>Whether the claims (e-mail, email_verified, name) are fetched from the userinfo endpoint too.</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; } = true;

    /// <summary>False only for a provider on loopback (the tests), whose metadata is served over http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string Scheme => Oidc.SchemePrefix + Name;

    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Name : DisplayName;

    public string CallbackPath => "/signin-" + Scheme;
}

public static partial class Oidc
{
    public const string SchemePrefix = "oidc-";

    /// <summary>Registers one OpenID Connect scheme per configured provider; without providers, nothing.</summary>
    public static void AddOidc(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Raad:Oidc");
        services.Configure<OidcOptions>(section);
        var providers = section.Get<OidcOptions>()?.Providers ?? [];
        Check(providers);
        var authentication = services.AddAuthentication();
        foreach (var provider in providers)
        {
            authentication.AddOpenIdConnect(provider.Scheme, provider.Label, o => Configure(o, provider));
        }
        RecordSignInMethod(services);
    }

    private static void Configure(OpenIdConnectOptions o, OidcProviderOptions provider)
    {
        o.Authority = provider.Authority;
        o.ClientId = provider.ClientId;
        o.ClientSecret = string.IsNullOrWhiteSpace(provider.ClientSecret) ? null : provider.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in the query of a top-level GET: the correlation and nonce cookies (SameSite=Lax under the
        // app's cookie policy) are sent with it, which a cross-site form_post would not get.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        o.GetClaimsFromUserInfoEndpoint = provider.GetClaimsFromUserInfoEndpoint;
        o.CallbackPath = provider.CallbackPath;
        // Paths of their own, or every scheme would answer the first one's.
        o.SignedOutCallbackPath = "/signout-callback-" + provider.Scheme;
        o.RemoteSignOutPath = "/signout-" + provider.Scheme;
        // The provider's answer lands in Identity's external cookie; ExternalSignIn then decides which account it is.
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.Scope.Clear();
        foreach (var scope in provider.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend("openid").Distinct(StringComparer.Ordinal))
        {
            o.Scope.Add(scope);
        }
        // The claims keep the protocol's names (sub, email, email_verified), whatever the provider.
        o.MapInboundClaims = false;
        o.ClaimActions.MapUniqueJsonKey(ExternalClaims.EmailVerified, ExternalClaims.EmailVerified);
        o.TokenValidationParameters.NameClaimType = "name";
        o.DisableTelemetry = true;
        // The handshake is with a provider on the world's clock, whose tokens are checked against it too: the state's
        // and the correlation cookies' lifetimes are measured on that clock, not on the app's (which tests move).
        o.TimeProvider = TimeProvider.System;
        // Secure over HTTPS (directly or behind the TLS proxy), as every other cookie of Raad (Startup's cookie policy).
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Events.OnRemoteFailure = context =>
        {
            // An abort at the provider (access_denied), an expired state or a refused code: a Danish page, not an exception.
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Oidc))
                .LogWarning(context.Failure, "Log ind med {Provider} mislykkedes", provider.Name);
            context.Response.Redirect($"/konto/ekstern?handler=Failed&provider={Uri.EscapeDataString(provider.Name)}");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    private static void Check(List<OidcProviderOptions> providers)
    {
        for (var i = 0; i < providers.Count; i++)
        {
            var p = providers[i];
            var at = $"Raad:Oidc:Providers:{i}";
            if (!NamePattern().IsMatch(p.Name))
            {
                throw new InvalidOperationException($"{at}:Name skal være kort og bestå af a-z, 0-9 og bindestreg (fx region-h); den er \"{p.Name}\".");
            }
            if (providers.Take(i).Any(q => q.Name == p.Name))
            {
                throw new InvalidOperationException($"{at}:Name \"{p.Name}\" er brugt af en anden udbyder.");
            }
            if (!Uri.TryCreate(p.Authority, UriKind.Absolute, out _) || string.IsNullOrWhiteSpace(p.ClientId))
            {
                throw new InvalidOperationException($"{at} ({p.Name}) mangler Authority (en absolut adresse) eller ClientId.");
            }
        }
    }

    /// <summary>
    /// Puts <see cref="SignInMethod.ClaimType"/> into the sign-in cookie: from the external scheme Identity names
    /// (ClaimTypes.AuthenticationMethod, also after a second factor), else a password. It is kept when the cookie is
    /// renewed from the database.
    /// </summary>
    private static void RecordSignInMethod(IServiceCollection services)
    {
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var before = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignInMethod.ClaimType))
                {
                    var scheme = identity.FindFirst(ClaimTypes.AuthenticationMethod)?.Value;
                    identity.AddClaim(new Claim(SignInMethod.ClaimType, scheme is not null && scheme.StartsWith(SchemePrefix, StringComparison.Ordinal)
                        ? SignInMethod.Oidc(scheme[SchemePrefix.Length..])
                        : SignInMethod.Password));
                }
                await before(context);
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            var before = o.OnRefreshingPrincipal;
            o.OnRefreshingPrincipal = async context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SignInMethod.ClaimType) is { } method
                    && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignInMethod.ClaimType))
                {
                    identity.AddClaim(new Claim(SignInMethod.ClaimType, method.Value));
                }
                if (before is not null)
                {
                    await before(context);
                }
            };
        });
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex NamePattern();
}

/// <summary>How the member signed in, in his cookie: <c>password</c> or <c>oidc:&lt;provider's Name&gt;</c>, for the audit log.</summary>
public static class SignInMethod
{
    public const string ClaimType = "raad:signin";
    public const string Password = Audit.AuditActor.Password;

    public static string Oidc(string provider) => "oidc:" + provider;

    public static string? Of(ClaimsPrincipal user) => user.FindFirst(ClaimType)?.Value;
}

/// <summary>The claims of the provider's answer that Raad reads (OpenID Connect Core 1.0, 5.1).</summary>
public static class ExternalClaims
{
    public const string Email = "email";
    public const string EmailVerified = "email_verified";
    public const string Name = "name";

    /// <summary>True only when the provider says so: a JSON true, or the string "true" some providers send.</summary>
    public static bool IsEmailVerified(ClaimsPrincipal principal) =>
        string.Equals(principal.FindFirst(EmailVerified)?.Value, "true", StringComparison.OrdinalIgnoreCase);
}
