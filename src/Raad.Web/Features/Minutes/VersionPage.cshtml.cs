using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Minutes;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>One version of the minutes as it was sent, with what changed since the version before.</summary>
public class VersionPageModel(AppDbContext db, ViewerAccessor viewers) : PageModel
{
    public int MeetingId { get; private set; }
    public string BodyName { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public MinutesVersion Version { get; private set; } = null!;
    public IReadOnlyList<DiffLine>? Changes { get; private set; }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Body).FirstOrDefaultAsync(m => m.Id == id, ct);
        var versions = await db.MinutesVersions.AsNoTracking().Where(v => v.MeetingId == id && (v.Number == number || v.Number == number - 1))
            .ToListAsync(ct);
        if (meeting is null || versions.FirstOrDefault(v => v.Number == number) is not { } version)
        {
            return NotFound();
        }
        // The versions hold every item, closed ones too: for the body's members and the secretariat only.
        if (this.RequireInsider(await viewers.GetAsync(ct), meeting.BodyId, meeting.Date) is { } denied)
        {
            return denied;
        }
        (MeetingId, BodyName, Date, Version) = (id, meeting.Body!.Name, meeting.Date, version);
        if (versions.FirstOrDefault(v => v.Number == number - 1) is { } previous)
        {
            Changes = TextDiff.Lines(previous.Text, version.Text);
        }
        return Page();
    }
}
