using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Procedure;

/// <summary>A body's rules of procedure, every version, and for insiders what the rules find in each meeting.</summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db, ViewerAccessor viewers, ComplianceQuery compliance, IAuthorizationService authorization) : PageModel
{
    public int BodyId { get; private set; }
    public string BodyName { get; private set; } = "";
    public List<RulesOfProcedure> Versions { get; private set; } = [];
    public List<(Meeting Meeting, IReadOnlyList<Finding> Findings)> Overview { get; private set; } = [];
    public bool CanAdminister { get; private set; }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(int bodyId, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
        {
            return NotFound();
        }
        (BodyId, BodyName) = (body.Id, body.Name);
        CanAdminister = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
        Versions = await db.RulesOfProcedure.AsNoTracking().Where(r => r.BodyId == bodyId)
            .OrderByDescending(r => r.ValidFrom).ToListAsync(ct);
        if ((await viewers.GetAsync(ct)).IsInsider(bodyId))
        {
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => m.BodyId == bodyId && m.Status != MeetingStatus.Cancelled)
                .OrderByDescending(m => m.Date).ToListAsync(ct);
            foreach (var meeting in meetings)
            {
                var findings = (await compliance.ForMeetingAsync(meeting.Id, ct))?.Findings
                    .Where(f => f.Severity != Severity.Info).ToList() ?? [];
                if (findings.Count > 0)
                {
                    Overview.Add((meeting, findings));
                }
            }
        }
        return Page();
    }
}
