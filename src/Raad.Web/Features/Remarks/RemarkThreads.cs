using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Domain.Workspace;
using Raad.Web.Data;
using Raad.Web.Features.Meetings;

namespace Raad.Web.Features.Remarks;

/// <summary>A thread: its first remark and the answers to it, oldest first.</summary>
public sealed record RemarkThread(Remark First, IReadOnlyList<Remark> Answers);

/// <summary>Text typed into a remark form that was refused, shown again in the same form with why.</summary>
public sealed record RemarkDraft(int ItemId, int? ThreadId, string? Text, string Error);

/// <summary>One item's remarks as this viewer may read and write them (<c>_Remarks.cshtml</c> shows it).</summary>
public sealed record ItemRemarks(int MeetingId, int ItemId, string Number, string Title, IReadOnlyList<RemarkThread> Threads, Error? WhyNotWrite)
{
    public bool MayWrite => WhyNotWrite is null;

    public int Count => Threads.Sum(t => 1 + t.Answers.Count);

    /// <summary>The refused text of this item's form, if any.</summary>
    public RemarkDraft? Draft { get; init; }

    public string? DraftText(int? threadId) => Draft is { } d && d.ThreadId == threadId ? d.Text : null;

    public string? DraftError(int? threadId) => Draft is { } d && d.ThreadId == threadId ? d.Error : null;
}

/// <summary>
/// Loads the remarks of a meeting's items for one viewer: only items <see cref="Visibility.Remarks"/> lets him read,
/// so the public, other bodies and advisors get none. Nothing else reads remarks (no API, document or export).
/// </summary>
public static class RemarkThreads
{
    public static async Task<IReadOnlyDictionary<int, ItemRemarks>> ForMeetingAsync(
        AppDbContext db, ViewerFacts viewer, MeetingView view, DateOnly today, RemarkDraft? draft, CancellationToken ct)
    {
        var meeting = view.Meeting;
        var state = new MeetingState(meeting.BodyId, meeting.Status, meeting.Date);
        var items = view.Items.Where(i => !i.TitleOnly && Visibility.Remarks(viewer, state, new ItemState(i.Item.Id, i.Item.IsClosed))).ToList();
        if (items.Count == 0)
        {
            return new Dictionary<int, ItemRemarks>();
        }
        var ids = items.Select(i => i.Item.Id).ToList();
        // Oldest first; ordered here, since SQLite cannot order by a DateTimeOffset.
        var remarks = (await db.Remarks.AsNoTracking().Where(r => ids.Contains(r.AgendaItemId)).ToListAsync(ct))
            .OrderBy(r => r.WrittenAt).ThenBy(r => r.Id).ToList();
        var mayWrite = Remark.MayWrite(view.Body.AllowsRemarks, meeting.Status, meeting.Date, today);
        var result = new Dictionary<int, ItemRemarks>();
        foreach (var i in items)
        {
            var own = remarks.Where(r => r.AgendaItemId == i.Item.Id).ToList();
            // A body that does not allow remarks shows none, unless some were written while it did.
            if (!view.Body.AllowsRemarks && own.Count == 0)
            {
                continue;
            }
            var threads = own.Where(r => r.ThreadId is null)
                .Select(first => new RemarkThread(first, [.. own.Where(r => r.ThreadId == first.Id)])).ToList();
            result[i.Item.Id] = new ItemRemarks(meeting.Id, i.Item.Id, i.Number, i.Item.Title, threads, mayWrite.Errors.FirstOrDefault())
            {
                Draft = draft?.ItemId == i.Item.Id ? draft : null,
            };
        }
        return result;
    }

    /// <summary>"27. august 2025 kl. 14.00", in Copenhagen time.</summary>
    public static string When(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Infrastructure.Clock.Copenhagen);
        return $"{DanishFormat.Date(DateOnly.FromDateTime(local.DateTime))} kl. {DanishFormat.Time(TimeOnly.FromDateTime(local.DateTime))}";
    }
}
