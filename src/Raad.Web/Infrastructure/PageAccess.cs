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
        Require(page, viewer.IsInsider(bodyId));

    /// <summary>The same for one meeting's texts: the seat must not have ended before the meeting's date.</summary>
    public static IActionResult? RequireInsider(this PageModel page, Viewer viewer, int bodyId, DateOnly meetingDate) =>
        Require(page, viewer.IsInsider(bodyId, meetingDate));

    private static IActionResult? Require(PageModel page, bool insider) =>
        page.User.Identity?.IsAuthenticated != true ? page.Challenge()
        : insider ? null
        : page.Forbid();
}
