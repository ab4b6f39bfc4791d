using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>"Opret indsats" for a body: the secretariat and the administrator.</summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Body, "bodyId")]
public class NewModel(AppDbContext db, SaveProject save) : ProjectFormPage(db, save)
{
    [FromRoute(Name = "bodyId")]
    public int RouteBodyId { get; set; }

    [Needs(Permission.Edit)]
    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        BodyId = RouteBodyId;
        return ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        BodyId = RouteBodyId;
        return SaveAsync(ct);
    }
}
