using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Raad.Web.Infrastructure;

/// <summary>What a page handler or an endpoint needs of its visitor. Every one declares it; one without is refused.</summary>
public enum Permission
{
    /// <summary>Anyone, signed in or not; what they see still depends on who they are (drafts and closed items only for insiders).</summary>
    Public,

    /// <summary>Anyone signed in; the use case decides the rest (e.g. only the body's members may object to its minutes).</summary>
    SignedIn,

    /// <summary>
    /// The secretariat of the body the page works on, and the administrator (<see cref="Policies.Edit"/>). The page says
    /// which body that is with <see cref="EditsAttribute"/>; a page that does not say is refused.
    /// </summary>
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

/// <summary>Where an editing page finds the body it works on: the entity its route value names.</summary>
public enum BodyFrom
{
    Body,
    Meeting,
    Item,
    Membership,
    Project,
    WrittenProcedure,

    /// <summary>A case's body; a case of no body is shared.</summary>
    Case,

    /// <summary>Records the bodies share (people, cases, imports): any secretariat; a use case that picks a body checks it.</summary>
    Shared,
}

/// <summary>
/// Declares which body a page's <see cref="Permission.Edit"/> handlers work on, so only that body's secretariat (and an
/// administrator) may use them, reading as well as writing.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EditsAttribute(BodyFrom from, string routeKey = "id") : Attribute
{
    public BodyFrom From { get; } = from;
    public string RouteKey { get; } = routeKey;
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
        if (needs.Permission == Permission.Edit && !await EditsOwnBodyAsync(context))
        {
            context.Result = new ForbidResult();
            return;
        }
        await next();
    }

    /// <summary>The secretariat of another body is refused, for reading the editing page as for saving it.</summary>
    private async Task<bool> EditsOwnBodyAsync(PageHandlerExecutingContext context)
    {
        var services = context.HttpContext.RequestServices;
        var viewer = await services.GetRequiredService<ViewerAccessor>().GetAsync(context.HttpContext.RequestAborted);
        if (viewer.IsAdministrator)
        {
            return true;
        }
        var edits = context.HandlerInstance.GetType().GetCustomAttribute<EditsAttribute>();
        if (edits is null)
        {
            log.LogError("{Page} has editing handlers but does not say which body they edit ([Edits]); refused.", context.HandlerInstance.GetType().Name);
            return false;
        }
        if (edits.From == BodyFrom.Shared)
        {
            return viewer.CanEdit;
        }
        if (!int.TryParse(context.RouteData.Values[edits.RouteKey]?.ToString(), out var id))
        {
            // No id: the page makes a new one (a body); any secretariat may, and becomes its secretariat.
            return viewer.CanEdit;
        }
        var bodyId = await BodyOfAsync(services.GetRequiredService<Data.AppDbContext>(), edits.From, id, context.HttpContext.RequestAborted);
        // Nothing found: the handler answers 404 as it does for anyone.
        return bodyId is null ? viewer.CanEdit : viewer.CanEditBody(bodyId.Value);
    }

    private static Task<int?> BodyOfAsync(Data.AppDbContext db, BodyFrom from, int id, CancellationToken ct) => from switch
    {
        BodyFrom.Body => Task.FromResult<int?>(id),
        BodyFrom.Meeting => db.Meetings.Where(m => m.Id == id).Select(m => (int?)m.BodyId).FirstOrDefaultAsync(ct),
        BodyFrom.Item => db.AgendaItems.Where(i => i.Id == id).Select(i => (int?)i.Meeting!.BodyId).FirstOrDefaultAsync(ct),
        BodyFrom.Membership => db.Memberships.Where(m => m.Id == id).Select(m => (int?)m.BodyId).FirstOrDefaultAsync(ct),
        BodyFrom.Project => db.Projects.Where(p => p.Id == id).Select(p => (int?)p.BodyId).FirstOrDefaultAsync(ct),
        BodyFrom.WrittenProcedure => db.WrittenProcedures.Where(p => p.Id == id).Select(p => (int?)p.BodyId).FirstOrDefaultAsync(ct),
        BodyFrom.Case => db.Cases.Where(c => c.Id == id).Select(c => c.BodyId).FirstOrDefaultAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(from)),
    };

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
