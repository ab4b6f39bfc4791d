using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Raad.Web.Infrastructure;

/// <summary>What a page handler or an endpoint needs of its visitor. Every one declares it; one without is refused.</summary>
public enum Permission
{
    /// <summary>Anyone, signed in or not; what they see still depends on who they are (drafts and closed items only for insiders).</summary>
    Public,

    /// <summary>Anyone signed in; the use case decides the rest (e.g. only the body's members may object to its minutes).</summary>
    SignedIn,

    /// <summary>The secretariat and the administrator (<see cref="Policies.Edit"/>).</summary>
    Edit,

    /// <summary>The administrator alone (<see cref="Policies.Administer"/>).</summary>
    Administer,
}

/// <summary>
/// Declares what a Razor Page handler method (OnGet, OnPostVote ...) needs; <see cref="NeedsFilter"/> enforces it. Endpoints
/// declare it with <see cref="NeedsEndpoints.Needs{TBuilder}"/>, which puts this attribute in their metadata.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}

/// <summary>
/// Razor Pages authorize per page, not per handler: this filter checks each handler's <see cref="NeedsAttribute"/> before
/// it runs. A handler without one is refused, so a new handler is closed until someone decides who may use it.
/// </summary>
public sealed class NeedsFilter(IAuthorizationService authorization, ILogger<NeedsFilter> log) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.HandlerMethod is null)
        {
            // No handler: a GET renders the page (its page-level authorization has run); anything else has nothing to do here.
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
                return;
            }
            await next();
            return;
        }
        var needs = context.HandlerMethod.MethodInfo.GetCustomAttribute<NeedsAttribute>();
        if (needs is null)
        {
            log.LogError("{Page}.{Handler} declares no [Needs]; refused.", context.HandlerInstance.GetType().Name, context.HandlerMethod.MethodInfo.Name);
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        if (await RefusalAsync(needs.Permission, http.User) is { } refused)
        {
            context.Result = refused;
            return;
        }
        await next();
    }

    private async Task<IActionResult?> RefusalAsync(Permission permission, System.Security.Claims.ClaimsPrincipal user)
    {
        if (permission == Permission.Public)
        {
            return null;
        }
        if (user.Identity?.IsAuthenticated != true)
        {
            return new ChallengeResult();
        }
        var policy = permission switch
        {
            Permission.SignedIn => null,
            Permission.Edit => Policies.Edit,
            Permission.Administer => Policies.Administer,
            _ => throw new ArgumentOutOfRangeException(nameof(permission)),
        };
        return policy is null || (await authorization.AuthorizeAsync(user, policy)).Succeeded ? null : new ForbidResult();
    }
}

public static class NeedsEndpoints
{
    /// <summary>Declares what the endpoint needs: the declaration in its metadata, and the authorization that enforces it.</summary>
    public static TBuilder Needs<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new NeedsAttribute(permission));
        return permission switch
        {
            Permission.Public => builder.AllowAnonymous(),
            Permission.SignedIn => builder.RequireAuthorization(),
            Permission.Edit => builder.RequireAuthorization(Policies.Edit),
            Permission.Administer => builder.RequireAuthorization(Policies.Administer),
            _ => throw new ArgumentOutOfRangeException(nameof(permission)),
        };
    }
}
