using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Raad.Web.Infrastructure;

/// <summary>
/// What a handler's [Needs] cannot know, since it depends on the data: whether the viewer is an insider of the body.
/// </summary>
public static class PageAccess
{
    /// <summary>
    /// Pages that hold closed items or unapproved texts: sign in first, then only the body's members and the secretariat.
    /// Null means go on.
    /// </summary>
    public static IActionResult? RequireInsider(this PageModel page, Viewer viewer, int bodyId) =>
        page.User.Identity?.IsAuthenticated != true ? page.Challenge()
        : viewer.IsInsider(bodyId) ? null
        : page.Forbid();
}
