using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies;

/// <summary>/udvalg/{id}/invitationer: who of the body gets an invitation, and sending them all at once.</summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Body)]
public class InviteModel(InviteBody invite) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    /// <summary>The people the preview showed as invited; sent back so a changed list is not sent unseen.</summary>
    [BindProperty]
    public List<int> Invited { get; set; } = [];

    public BodyInvitePreview Preview { get; private set; } = null!;

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await invite.HandleAsync(Id, Invited, ct);
        if (ModelState.AddErrors(result, ""))
        {
            TempData["Message"] = result.Value;
            return Redirect($"/udvalg/{Id}");
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await invite.PreviewAsync(Id, ct) is not { } preview)
        {
            return NotFound();
        }
        Preview = preview;
        return Page();
    }
}
