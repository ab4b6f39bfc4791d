using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>Changes a project; the form carries the version it showed, so a save after someone else's is refused.</summary>
[Authorize(Policy = Policies.Edit)]
[Edits(BodyFrom.Project)]
public class EditModel(AppDbContext db, SaveProject save) : ProjectFormPage(db, save)
{
    [FromRoute]
    public int Id { get; set; }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var project = await Db.Projects.AsNoTracking().Include(p => p.Cases).FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (project is null)
        {
            return NotFound();
        }
        (BodyId, ProjectId) = (project.BodyId, project.Id);
        Input = ProjectInput.Of(project);
        return await ShowAsync(ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Db.Projects.Where(p => p.Id == Id).Select(p => (int?)p.BodyId).FirstOrDefaultAsync(ct) is not { } bodyId)
        {
            return NotFound();
        }
        (BodyId, ProjectId) = (bodyId, Id);
        return await SaveAsync(ct);
    }
}
