using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using Raad.Domain.Agenda;
using Raad.Web.Data;
using Raad.Web.Features.Account;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Infrastructure;

/// <summary>
/// Marks a use case: a handler that changes state on a user's (or the procedure clock's) action and answers with a
/// <c>Result&lt;T&gt;</c>. Use cases are registered by scanning, one scoped instance per request; queries and renderers are
/// registered by name in <see cref="Startup.AddRaad"/>.
/// </summary>
public interface IUseCase;

public sealed class AttachmentOptions
{
    public long MaxBytes { get; set; } = AttachmentPolicy.DefaultMaxBytes;
}

public static class Startup
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <param name="command">The `raad` command the app is for: only `serve` starts the background services.</param>
    public static void AddRaad(this WebApplicationBuilder builder, string command)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Defaults below every other source, so they hold wherever `raad` is started from and stay overridable.
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
                // A first start on PostgreSQL probes for the migrations table and EF logs the miss as a failure;
                // real command errors surface as exceptions and are logged where they are handled.
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
            },
        });

        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"])
            && string.IsNullOrEmpty(configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // Serves the npm assets from the build output when running from a clone (not only in Development).
        builder.WebHost.UseStaticWebAssets();

        services.AddSingleton(TimeProvider.System);
        services.Configure<Audit.AuditActor.Options>(o => o.Background = command == "serve" ? Audit.AuditActor.System : $"raad {command}");
        services.AddData(configuration);
        services.Configure<MailOptions>(configuration.GetSection("Raad:Mail"));
        services.AddSingleton<OutboxSender>();
        // Reads the words of attachments for search; singleton so tests (and each pass) reach the one instance.
        services.Configure<Features.Search.AttachmentTextOptions>(configuration.GetSection("Raad:AttachmentText"));
        services.AddSingleton<Features.Search.AttachmentTextWorker>();
        if (command == "serve")
        {
            services.AddHostedService<DatabaseStartup>();
            // Only `serve` sends mail; hosted services start in order, so the outbox is first read once the schema is current.
            services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        }

        services.AddDataProtection().SetApplicationName("Raad").PersistKeysToDbContext<AppDbContext>();
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // Long passwords over character-class rules (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 10;
                // "Confirmed" is "active" (ActiveAccounts): a deactivated account cannot sign in, by password or otherwise.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<Audit.AuditedSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<Features.Account.InvitationTokenProvider>(Features.Account.InvitationTokens.Provider)
            .AddErrorDescriber<DanishIdentityErrors>()
            .AddPasswordValidator<Features.Account.CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<RaadClaimsFactory>()
            .AddUserConfirmation<ActiveAccounts>();
        // One OpenID Connect scheme per provider in Raad:Oidc:Providers (Infrastructure/Oidc.cs).
        services.AddOidc(configuration);
        services.Configure<Features.Account.AccountOptions>(configuration.GetSection("Raad:Accounts"));
        services.AddSignInSecurity(configuration);
        services.AddOptions<Features.Account.InvitationTokenProviderOptions>().Configure<IOptions<Features.Account.AccountOptions>>((o, accounts) =>
        {
            o.Name = Features.Account.InvitationTokens.Provider;
            o.TokenLifespan = TimeSpan.FromDays(accounts.Value.InvitationDays);
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/konto/log-ind";
            o.LogoutPath = "/konto/log-ud";
            o.AccessDeniedPath = "/konto/adgang-naegtet";
            o.Cookie.Name = "raad";
            o.Events.OnRedirectToLogin = ApiAware(o.Events.OnRedirectToLogin, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ApiAware(o.Events.OnRedirectToAccessDenied, StatusCodes.Status403Forbidden);
            o.Events.OnSignedIn = RecordSignInAsync;
            // Before Identity's periodic refresh: a session whose account changed its stamp (signed out everywhere, a new
            // password) or was deactivated ends at its next request, without making the cookie anew each time.
            var refresh = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                if (!await SessionStillValidAsync(context))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await refresh(context);
            };
        });
        // Over HTTPS (directly or through a TLS proxy, see AddProxy) every cookie is Secure: sign-in, antiforgery, messages.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddProxy(configuration);
        services.AddAuthorizationBuilder()
            // Deny by default: a page or endpoint is for those signed in unless it says [AllowAnonymous] (Needs(Permission.Public)).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Edit, p => p.RequireRole(Roles.Administrator, Roles.Secretariat))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Administrator));
        services.AddHttpContextAccessor();
        services.AddScoped<ViewerAccessor>();
        if (command == "serve")
        {
            services.AddHostedService<Features.Procedure.ProcedureClock>();
            services.AddHostedService<Features.Documents.PackageWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<Features.Search.AttachmentTextWorker>());
        }

        services.Configure<PublicPages.PublicCacheOptions>(configuration.GetSection("Raad:PublicCache"));
        services.AddSingleton<PublicPages.PublicPageCache>();
        services.Configure<PortalOptions>(configuration.GetSection("Raad:Portal"));
        services.Configure<AttachmentOptions>(configuration.GetSection("Raad:Attachments"));
        services.Configure<Pdf.PdfOptions>(configuration.GetSection("Raad:Pdf"));
        services.AddSingleton<Pdf.ChromiumPrinter>();
        services.AddSingleton<Pdf.PrintCache>();
        services.AddSingleton<Features.Documents.PackageSignal>();
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = long.MaxValue);
        builder.WebHost.ConfigureKestrel((context, k) =>
        {
            var max = context.Configuration.GetValue("Raad:Attachments:MaxBytes", AttachmentPolicy.DefaultMaxBytes);
            // Room for the form around the file; the file itself is checked against the limit with a Danish message.
            k.Limits.MaxRequestBodySize = max + (1024 * 1024);
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                // The body form creates when it has no id.
                o.Conventions.AddPageRoute("/Bodies/Edit", "/udvalg/nyt");
                o.Conventions.AddPageRoute("/Procedure/Edit", "/udvalg/{bodyId:int}/forretningsorden/ny");
            })
            .AddMvcOptions(o =>
            {
                o.ModelBindingMessageProvider.SetDanishMessages();
                o.Filters.Add<NeedsFilter>();
            });
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Raad API";
            doc.Info.Description = "Udvalg, møder, dagsordener og referater. Se docs/api.md.";
            return Task.CompletedTask;
        }));

        // Reads and renderers: not use cases, so named here.
        services.AddScoped<Features.Meetings.MeetingQuery>();
        services.AddScoped<Features.Search.SearchQuery>();
        services.AddScoped<Features.Projects.ProjectQuery>();
        services.AddScoped<Features.Procedure.ComplianceQuery>();
        services.AddScoped<Features.Economy.EconomyQuery>();
        services.AddScoped<Features.Bodies.MembershipOptionsQuery>();
        services.AddScoped<Features.Calendar.CalendarUrls>();
        services.AddScoped<Features.Documents.DocumentEditions>();
        services.AddScoped<Features.Documents.DocumentHtml>();
        services.AddScoped<Features.Documents.DocumentPdf>();
        services.AddScoped<Features.Documents.DocumentDocx>();
        services.AddScoped<Features.Documents.AgendaPackage>();
        services.AddScoped<Features.Reporting.ReportingQuery>();
        // Adds mail to the use case's own transaction; the use case decides what is sent.
        services.AddScoped<Outbox>();
        services.AddScoped<Features.Alerts.PublicAlerts>();
        services.AddScoped<Features.Users.Invitations>();
        // Queries of the import (not use cases: they change nothing).
        services.AddScoped<Features.Import.PreviewImport>();
        services.AddScoped<Features.Import.ImportOverview>();
        // The member's own workspace: his start page, his notes (read nowhere else), his calendar link.
        services.AddScoped<Features.Workspace.MyWorkspace>();
        services.AddScoped<Features.Workspace.NotesQuery>();
        foreach (var type in typeof(Startup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
        {
            services.AddScoped(type);
        }
    }

    public static void UseRaad(this WebApplication app)
    {
        // First: the scheme and client address a TLS proxy saw decide HSTS, Secure cookies and the links in redirects.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fejl");
            // Only on HTTPS requests (and not for localhost): tells browsers to use HTTPS from then on.
            app.UseHsts();
        }
        app.UseCookiePolicy();
        app.UseStatusCodePagesWithReExecute("/fejl/{0}");
        // PDF.js (the reader) loads its character maps and standard fonts on demand; unknown types are not served.
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        types.Mappings[".bcmap"] = "application/octet-stream";
        types.Mappings[".pfb"] = "application/x-font-type1";
        types.Mappings[".mjs"] = "text/javascript";
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = types });
        // Publication day: anonymous readers of public pages are answered from memory while nothing they show has changed.
        var publicPages = app.Services.GetRequiredService<PublicPages.PublicPageCache>();
        app.Use(publicPages.HandleAsync);
        // Static, like the files above: before authorization, whose fallback policy also covers requests without an endpoint.
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Raad API v1");
            o.DocumentTitle = "Raad API";
            // Swagger UI's own colours and unnamed selects fail WCAG 2.1 AA; these two files mend them (tested by axe).
            o.InjectStylesheet("/css/swagger-a11y.css");
            o.InjectJavascript("/js/swagger-a11y.js");
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseSecondFactorRequirement();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").Needs(Permission.Public);
        app.MapRaadApi();
    }

    /// <summary>The account still exists, is active, and has the security stamp the cookie was made with: one indexed lookup.</summary>
    private static async Task<bool> SessionStillValidAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return false;
        }
        var stamp = context.Principal.FindFirstValue(stampType);
        var account = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            services.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == userId).Select(u => new { u.SecurityStamp, u.IsActive }));
        return account is { IsActive: true } && account.SecurityStamp == stamp;
    }

    /// <summary>The last sign-in and how it was made, for the account list on /brugere: every way in ends in this cookie.</summary>
    private static async Task RecordSignInAsync(CookieSignedInContext context)
    {
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var method = context.Principal.FindFirstValue(ClaimTypesRaad.SignInMethod) ?? "adgangskode";
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
            services.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == userId),
            s => s.SetProperty(u => u.LastSignInAt, now).SetProperty(u => u.LastSignInMethod, method));
    }

    private static Func<RedirectContext<CookieAuthenticationOptions>, Task> ApiAware(
        Func<RedirectContext<CookieAuthenticationOptions>, Task> browser, int status) => context =>
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // A script asked: a problem in JSON, not the HTML error page (which would also answer a PUT with 405).
            if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status,
                Title = status == StatusCodes.Status401Unauthorized ? "Du skal være logget ind." : "Du har ikke adgang.",
            }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
        return browser(context);
    };
}

/// <summary>Sign-in asks whether the account is "confirmed": in Raad, whether it is active. Deactivated accounts keep their history.</summary>
public sealed class ActiveAccounts : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.IsActive);
}

/// <summary>Puts the person an account belongs to into its cookie, so member access needs no extra lookup of the account.</summary>
public sealed class RaadClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // The secretariat is held per body (SecretariatGrant); the role opens the desk, the grants say which bodies.
        if (!identity.HasClaim(identity.RoleClaimType, Roles.Secretariat)
            && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.SecretariatGrants, g => g.UserId == user.Id))
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, Roles.Secretariat));
        }
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.PersonId is { } personId)
        {
            identity.AddClaim(new Claim(ClaimTypesRaad.PersonId, personId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
