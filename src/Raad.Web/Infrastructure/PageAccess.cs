using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Raad.Web.Infrastructure;

/// <summary>
/// Razor Pages apply [Authorize] per page, not per handler. A page whose GET is public but whose POST edits
/// asks here first; null means go on, anything else is the answer to send.
/// </summary>
public static class PageAccess
{
    public static async Task<IActionResult?> RequireAsync(this PageModel page, string policy)
    {
        var authorization = page.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        if ((await authorization.AuthorizeAsync(page.User, policy)).Succeeded)
        {
            return null;
        }
        return page.User.Identity?.IsAuthenticated == true ? page.Forbid() : page.Challenge();
    }

    /// <summary>
    /// Pages that hold closed items or unapproved texts: sign in first, then only the body's members and the secretariat.
    /// Null means go on.
    /// </summary>
    public static IActionResult? RequireInsider(this PageModel page, Viewer viewer, int bodyId) =>
        page.User.Identity?.IsAuthenticated != true ? page.Challenge()
        : viewer.IsInsider(bodyId) ? null
        : page.Forbid();
}
