using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>A project's page: what it is, its goals and measures, how its money changed and what it expects to spend. Public.</summary>
[AllowAnonymous]
public class DetailsModel(ProjectQuery query) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public ProjectView View { get; private set; } = null!;

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await query.ProjectAsync(Id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
