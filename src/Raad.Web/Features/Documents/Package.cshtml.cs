using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;

using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Documents;

/// <summary>The agenda package for people: asks for it, shows the progress while it is built, then the download.</summary>
[AllowAnonymous]
public class PackageModel(RequestAgendaPackage packages, AppDbContext db) : PageModel
{
    public int MeetingId { get; private set; }
    public string Heading { get; private set; } = "";
    public PackageBuild Build { get; private set; } = null!;
    public string Version { get; private set; } = "public";
    public string? Problem { get; private set; }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(int id, string? version, CancellationToken ct)
    {
        if (!DocumentsApi.TryParseVersion(version, out var edition))
        {
            return BadRequest();
        }
        var requested = await packages.HandleAsync(id, edition, ct);
        var (build, error) = (requested.Value, requested.Errors.FirstOrDefault());
        if (error?.Code == DocumentEditions.NotFoundCode)
        {
            return NotFound();
        }
        if (error?.Code == DocumentEditions.NotAllowedCode)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Body).FirstAsync(m => m.Id == id, ct);
        (MeetingId, Heading, Version) = (id, $"{meeting.Body!.Name}, {Domain.Common.DanishFormat.Date(meeting.Date)}", edition == DocumentVersion.Members ? "members" : "public");
        Problem = error?.Message;
        Build = build ?? new PackageBuild { Fingerprint = "", Status = PackageBuildStatus.Failed };
        if (Build.Status != PackageBuildStatus.Done)
        {
            // Its progress changes with every look: no one keeps this answer, not even the public page cache.
            Response.Headers.CacheControl = "no-store";
        }
        return Page();
    }
}
