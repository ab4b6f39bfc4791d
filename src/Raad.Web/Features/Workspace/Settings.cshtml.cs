using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Workspace;
using Raad.Web.Data;
using Raad.Web.Features.Mail;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Workspace;

public sealed record DeviceView(OfflineDevice Device, IReadOnlyList<string> Meetings);

/// <summary>"Mine indstillinger": the e-mails he gets, his second factor, his calendar, the devices keeping meetings, signing out everywhere.</summary>
[Authorize]
public class SettingsModel(AppDbContext db, ViewerAccessor viewers, CalendarLink calendar) : PageModel
{
    [BindProperty]
    public List<string> Wanted { get; set; } = [];

    public bool HasPerson { get; private set; }
    public IReadOnlySet<string> Off { get; private set; } = new HashSet<string>();
    public bool SecondFactor { get; private set; }
    public string? CalendarUrl { get; private set; }
    public IReadOnlyList<DeviceView> Devices { get; private set; } = [];

    [Needs(Permission.SignedIn)]
    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostMailAsync([FromServices] ChooseMail choose, CancellationToken ct)
    {
        var result = await choose.HandleForMeAsync(Wanted, ct);
        if (ModelState.AddErrors(result, ""))
        {
            TempData["Message"] = result.Value;
            return RedirectToPage();
        }
        await LoadAsync(ct);
        return Page();
    }

    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostForgetDeviceAsync(int deviceId, [FromServices] ForgetDevice forget, CancellationToken ct)
    {
        var result = await forget.HandleAsync(deviceId, ct);
        if (ModelState.AddErrors(result, ""))
        {
            TempData["Message"] = "Enheden er glemt. Det, den har gemt, slettes, næste gang den er online.";
            return RedirectToPage();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await viewers.GetAsync(ct);
        HasPerson = viewer.PersonId is not null;
        if (viewer.PersonId is { } personId)
        {
            Off = (await db.MailOptOuts.Where(o => o.PersonId == personId).Select(o => o.Kind).ToListAsync(ct)).ToHashSet();
        }
        SecondFactor = await db.Users.Where(u => u.Id == viewer.UserId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(ct);
        CalendarUrl = await calendar.UrlAsync(ct);
        var devices = await db.OfflineDevices.AsNoTracking().Include(d => d.Meetings)
            .Where(d => d.UserId == viewer.UserId && d.ForgottenAt == null)
            .ToListAsync(ct);
        devices = [.. devices.OrderByDescending(d => d.LastSyncAt)];
        var meetingIds = devices.SelectMany(d => d.Meetings).Select(k => k.MeetingId).Distinct().ToList();
        var titles = await db.Meetings.AsNoTracking().Include(m => m.Body).Where(m => meetingIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => $"{m.Body!.Name}, {DanishFormat.Date(m.Date)}", ct);
        Devices = [.. devices.Select(d => new DeviceView(d, [.. d.Meetings.Select(k => titles.GetValueOrDefault(k.MeetingId, "")).Where(t => t.Length > 0)]))];
    }
}
