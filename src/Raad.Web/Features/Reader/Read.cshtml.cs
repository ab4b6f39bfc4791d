using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Domain.Access;
using Raad.Web.Features.Meetings;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Reader;

/// <summary>
/// The reader for tablets: a meeting's agenda item by item, its PDF attachments drawn in the page by PDF.js, the member's
/// own notes and marks, bookmarks, and copies kept on the device to read offline. It shows what <see cref="MeetingQuery"/>
/// gives this viewer and nothing else; notes and offline copies are asked of <see cref="Visibility"/>.
/// </summary>
[AllowAnonymous]
public class ReadModel(MeetingQuery query, ViewerAccessor viewers) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    /// <summary>The items the viewer may annotate (the whole item is his to read, and he is signed in).</summary>
    public IReadOnlySet<int> Annotatable { get; private set; } = new HashSet<int>();

    /// <summary>The viewer may keep this meeting on his device.</summary>
    public bool MayKeepOffline { get; private set; }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await query.GetAsync(id, ct);
        if (view is null || !view.AgendaVisible)
        {
            return NotFound();
        }
        View = view;
        var viewer = await viewers.GetAsync(ct);
        var state = new MeetingState(view.Body.Id, view.Meeting.Status, view.Meeting.Date);
        Annotatable = view.Items.Where(i => !i.TitleOnly && Visibility.MayAnnotate(viewer.Facts, state, new ItemState(i.Item.Id, i.Item.IsClosed)))
            .Select(i => i.Item.Id).ToHashSet();
        MayKeepOffline = Visibility.KeepOffline(viewer.Facts, state);
        return Page();
    }
}
