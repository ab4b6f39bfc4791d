using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>Raad:Accounts: which roles must sign in with a second factor, and how long a password reset link lasts.</summary>
public sealed class SignInOptions
{
    /// <summary>
    /// Roles (Administrator, Secretariat, Member; or administrator, sekretariat, medlem) whose password sign-in must have a
    /// second factor. Empty by default.
    /// </summary>
    public string[] RequireTwoFactorFor { get; set; } = [];

    public double PasswordResetHours { get; set; } = 2;

    /// <summary>Whether an account with these roles must have a second factor.</summary>
    public bool Requires(IEnumerable<string> roles) =>
        RequireTwoFactorFor.Select(r => CreateAccount.RoleNames.TryGetValue(r.Trim(), out var role) ? role : r.Trim())
            .Intersect(roles, StringComparer.OrdinalIgnoreCase).Any();
}

public sealed class PasswordResetTokenProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection, IOptions<PasswordResetTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger)
{
    public const string ProviderName = "PasswordReset";
}

public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions;

public static class SignInSecurity
{
    /// <summary>
    /// Signing out empties what this browser kept offline (the reader's cache, its notes store, the service worker):
    /// kept meetings hold closed items and private notes, and must not outlive the session on a shared tablet.
    /// </summary>
    public static void ForgetThisBrowser(HttpResponse response) =>
        response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";

    /// <summary>How a session signed in with Identity's own sign-in: its "amr" claim, "pwd" or "mfa".</summary>
    public const string MethodClaim = "amr";

    /// <summary>
    /// The claims that say how a session signed in: "amr" from a password or a second factor, and Identity's
    /// authentication method (the provider's name) from an external sign-in.
    /// </summary>
    private static readonly string[] MethodClaims = [MethodClaim, ClaimTypes.AuthenticationMethod, SignInMethod.ClaimType];

    /// <summary>
    /// How often the cookie is made again from the account (its roles and name). Ending sessions does not wait for it:
    /// every signed-in request compares the stamp and the account's state (Startup.SessionStillValidAsync).
    /// </summary>
    public static readonly TimeSpan StampValidation = TimeSpan.FromMinutes(1);

    /// <summary>The second factor, password reset and the security stamp's checks; after AddIdentity.</summary>
    public static void AddSignInSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInOptions>(configuration.GetSection("Raad:Accounts"));
        services.AddTransient<AuthenticatorTokens>();
        services.AddTransient<PasswordResetTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(AuthenticatorTokens));
            o.Tokens.ProviderMap[PasswordResetTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider));
            o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
        });
        services.AddOptions<PasswordResetTokenProviderOptions>().Configure<IOptions<SignInOptions>>((o, accounts) =>
        {
            o.Name = PasswordResetTokenProvider.ProviderName;
            o.TokenLifespan = TimeSpan.FromHours(accounts.Value.PasswordResetHours);
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // Identity's TimeProvider is the app's (set from the services unless given), so the tests' clock moves it too.
            o.ValidationInterval = StampValidation;
            // The refreshed cookie keeps how the session signed in, which the second-factor requirement (and the audit) read.
            o.OnRefreshingPrincipal = context =>
            {
                foreach (var type in MethodClaims)
                {
                    if (context.CurrentPrincipal?.FindFirst(type) is { } method
                        && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == type))
                    {
                        identity.AddClaim(new Claim(type, method.Value));
                    }
                }
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>
    /// A session signed in with a password alone, whose account's role requires a second factor, may only set one up (or sign
    /// out): pages lead to the security page, the API answers 403. A session that signed in with a second factor, or through
    /// an external provider (whose own sign-in has its factors; Identity marks it with the provider as authentication method),
    /// goes on. A session that says nothing of how it signed in counts as a password alone.
    /// </summary>
    public static void UseSecondFactorRequirement(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (MustSetUpSecondFactor(context.User, context.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value)
            && !context.Request.Path.StartsWithSegments("/konto/sikkerhed")
            && !context.Request.Path.StartsWithSegments("/konto/log-ud")
            && !context.Request.Path.StartsWithSegments("/fejl"))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            context.Response.Redirect("/konto/sikkerhed");
            return;
        }
        await next(context);
    });

    public static bool MustSetUpSecondFactor(ClaimsPrincipal user, SignInOptions options) =>
        user.Identity?.IsAuthenticated == true
        && options.RequireTwoFactorFor.Length > 0
        && user.FindFirstValue(MethodClaim) != "mfa"
        && user.FindFirst(ClaimTypes.AuthenticationMethod) is null
        && options.Requires(user.FindAll(ClaimTypes.Role).Select(c => c.Value));
}
