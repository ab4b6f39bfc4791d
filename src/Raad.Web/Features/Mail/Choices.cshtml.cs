using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Mail;

/// <summary>/post/valg?kode=…: the person's mail choices, reached from the link in every mail, with or without an account.</summary>
[AllowAnonymous]
public class ChoicesModel(AppDbContext db, Outbox outbox, ChooseMail choose) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kode { get; set; }

    [BindProperty]
    public List<string> Wanted { get; set; } = [];

    public string? Name { get; private set; }
    public IReadOnlySet<string> Off { get; private set; } = new HashSet<string>();

    [Needs(Permission.Public)]
    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await choose.HandleAsync(Kode, Wanted, ct);
        if (ModelState.AddErrors(result, ""))
        {
            TempData["Message"] = result.Value;
            return RedirectToPage(new { kode = Kode });
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (outbox.PersonOfChoices(Kode) is { } personId)
        {
            Name = await db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct);
            Off = (await db.MailOptOuts.Where(o => o.PersonId == personId).Select(o => o.Kind).ToListAsync(ct)).ToHashSet();
        }
    }
}
