using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Raad.Domain.Agenda;
using Raad.Domain.Cases;
using Raad.Domain.Meetings;
using Raad.Domain.Search;
using Raad.Web.Data;

namespace Raad.Web.Features.Search;

/// <summary>
/// Keeps <see cref="SearchEntry"/> true. <see cref="Capture"/> notes, before a save, which items, attachments and cases
/// the save adds, changes or deletes; <see cref="ApplyAsync"/> re-indexes them after the save, inside the same
/// transaction (AppDbContext.SaveChangesAsync does both), so no path that saves through the context can leave the
/// index behind — a use case, the demo, the importer, the worker that reads an attachment's text. Visibility is not
/// indexed (it is read live), so publishing, approving or closing an item needs nothing here.
/// <see cref="RebuildAsync"/> indexes everything anew (startup, when the counts disagree: <see cref="HealthAsync"/>).
/// </summary>
public sealed class SearchIndex
{
    /// <summary>Text beyond this is not indexed: keeps a 1000-page attachment within PostgreSQL's tsvector limit (1 MB).</summary>
    public const int MaxTextLength = 400_000;

    private const int MaxTitleLength = 1000;
    private const int Batch = 500;

    private readonly HashSet<int> items = [];
    private readonly HashSet<int> attachments = [];
    private readonly HashSet<int> cases = [];
    private readonly List<AgendaItem> addedItems = [];
    private readonly List<Attachment> addedAttachments = [];
    private readonly List<Case> addedCases = [];
    private bool orphans;

    /// <summary>What a save will change in the index, or null when it touches nothing searchable.</summary>
    public static SearchIndex? Capture(ChangeTracker tracker)
    {
        SearchIndex? changes = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var added = entry.State == EntityState.Added;
            switch (entry.Entity)
            {
                case AgendaItem item:
                    changes ??= new();
                    if (added) changes.addedItems.Add(item); else changes.items.Add(item.Id);
                    changes.orphans |= entry.State == EntityState.Deleted;
                    break;
                case Attachment attachment:
                    changes ??= new();
                    if (added) changes.addedAttachments.Add(attachment); else changes.attachments.Add(attachment.Id);
                    break;
                case Case @case:
                    changes ??= new();
                    if (added) changes.addedCases.Add(@case); else changes.cases.Add(@case.Id);
                    break;
                case Meeting when entry.State == EntityState.Deleted:
                    // Its items go by cascade in the database, unseen by the tracker.
                    changes ??= new();
                    changes.orphans = true;
                    break;
            }
        }
        return changes;
    }

    /// <summary>After the save, in its transaction: the captured entries deleted and written anew from the database.</summary>
    public async Task ApplyAsync(AppDbContext db, Func<CancellationToken, Task> saveEntries, CancellationToken ct)
    {
        items.UnionWith(addedItems.Select(i => i.Id));
        attachments.UnionWith(addedAttachments.Select(a => a.Id));
        cases.UnionWith(addedCases.Select(c => c.Id));
        var entries = db.Set<SearchEntry>();
        if (items.Count > 0)
        {
            var ids = items.ToList();
            await entries.Where(e => (e.Kind == SearchKind.Item || e.Kind == SearchKind.Decision) && ids.Contains(e.SourceId)).ExecuteDeleteAsync(ct);
        }
        if (attachments.Count > 0)
        {
            var ids = attachments.ToList();
            await entries.Where(e => e.Kind == SearchKind.Attachment && ids.Contains(e.SourceId)).ExecuteDeleteAsync(ct);
        }
        if (cases.Count > 0)
        {
            var ids = cases.ToList();
            await entries.Where(e => e.Kind == SearchKind.Case && ids.Contains(e.SourceId)).ExecuteDeleteAsync(ct);
        }
        if (orphans)
        {
            // Attachments and decisions of deleted items, items of deleted meetings.
            await entries.Where(e => e.ItemId != null && !db.AgendaItems.Any(i => i.Id == e.ItemId)).ExecuteDeleteAsync(ct);
        }
        var fresh = new List<SearchEntry>();
        foreach (var chunk in items.Chunk(Batch))
        {
            fresh.AddRange(await ItemEntriesAsync(db, db.AgendaItems.Where(i => chunk.Contains(i.Id)), ct));
        }
        foreach (var chunk in attachments.Chunk(Batch))
        {
            fresh.AddRange(await AttachmentEntriesAsync(db.Attachments.Where(a => chunk.Contains(a.Id)), ct));
        }
        foreach (var chunk in cases.Chunk(Batch))
        {
            fresh.AddRange(await CaseEntriesAsync(db.Cases.Where(c => chunk.Contains(c.Id)), ct));
        }
        if (fresh.Count > 0)
        {
            entries.AddRange(fresh);
            await saveEntries(ct);
            foreach (var entry in fresh)
            {
                db.Entry(entry).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Everything indexed anew, in batches, with progress in the log. The caller saves and commits.</summary>
    public static async Task RebuildAsync(AppDbContext db, Func<CancellationToken, Task> saveEntries, ILogger log, CancellationToken ct)
    {
        await db.Set<SearchEntry>().ExecuteDeleteAsync(ct);
        var itemCount = await db.AgendaItems.CountAsync(ct);
        var attachmentCount = await db.Attachments.CountAsync(ct);
        log.LogInformation("Søgeindekset bygges: {Items} punkter, {Attachments} bilag.", itemCount, attachmentCount);
        var done = 0;
        var last = 0;
        while (true)
        {
            var from = last;
            var entries = await ItemEntriesAsync(db, db.AgendaItems.Where(i => i.Id > from).OrderBy(i => i.Id).Take(Batch), ct);
            if (entries.Count == 0)
            {
                break;
            }
            last = entries.Max(e => e.SourceId);
            done += entries.Count(e => e.Kind == SearchKind.Item);
            await SaveBatchAsync(db, entries, saveEntries, ct);
            log.LogInformation("Søgeindeks: {Done} af {Total} punkter.", done, itemCount);
        }
        done = 0;
        last = 0;
        while (true)
        {
            var from = last;
            var entries = await AttachmentEntriesAsync(db.Attachments.Where(a => a.Id > from).OrderBy(a => a.Id).Take(Batch), ct);
            if (entries.Count == 0)
            {
                break;
            }
            last = entries.Max(e => e.SourceId);
            done += entries.Count;
            await SaveBatchAsync(db, entries, saveEntries, ct);
            log.LogInformation("Søgeindeks: {Done} af {Total} bilag.", done, attachmentCount);
        }
        await SaveBatchAsync(db, await CaseEntriesAsync(db.Cases, ct), saveEntries, ct);
        log.LogInformation("Søgeindekset er bygget.");
    }

    /// <summary>Entries there are, and entries there should be: a cheap check that the index has not stopped.</summary>
    public static async Task<(int Indexed, int Expected)> HealthAsync(AppDbContext db, CancellationToken ct)
    {
        var indexed = await db.Set<SearchEntry>().CountAsync(ct);
        var expected = await db.AgendaItems.CountAsync(ct)
            + await db.AgendaItems.CountAsync(i => i.Decision != null && i.Decision.Trim() != "", ct)
            + await db.Attachments.CountAsync(ct)
            + await db.Cases.CountAsync(ct);
        return (indexed, expected);
    }

    private static async Task SaveBatchAsync(AppDbContext db, List<SearchEntry> entries, Func<CancellationToken, Task> saveEntries, CancellationToken ct)
    {
        db.Set<SearchEntry>().AddRange(entries);
        await saveEntries(ct);
        db.ChangeTracker.Clear();
    }

    private static async Task<List<SearchEntry>> ItemEntriesAsync(AppDbContext db, IQueryable<AgendaItem> query, CancellationToken ct)
    {
        var found = await query.AsNoTracking().ToListAsync(ct);
        var entries = new List<SearchEntry>();
        foreach (var item in found)
        {
            entries.Add(Entry(SearchKind.Item, item.Id, item.Id, null, item.Title, ItemText(item)));
            // The decision's own entry: found by its words, shown only with approved minutes (Visibility.Decision).
            if (item.Decision is { } decision && decision.Trim().Length > 0)
            {
                entries.Add(Entry(SearchKind.Decision, item.Id, item.Id, null, item.Title, decision, indexTitle: false));
            }
        }
        return entries;
    }

    private static async Task<List<SearchEntry>> AttachmentEntriesAsync(IQueryable<Attachment> query, CancellationToken ct)
    {
        // Never the file's bytes: its title and the text read from it.
        var found = await query.AsNoTracking().Select(a => new { a.Id, a.AgendaItemId, a.Title, a.FileName, a.Text }).ToListAsync(ct);
        return [.. found.Select(a => Entry(SearchKind.Attachment, a.Id, a.AgendaItemId, null, a.Title,
            string.IsNullOrWhiteSpace(a.Text) ? a.FileName : a.Text))];
    }

    private static async Task<List<SearchEntry>> CaseEntriesAsync(IQueryable<Case> query, CancellationToken ct)
    {
        var found = await query.AsNoTracking().Select(c => new { c.Id, c.Title, c.CaseNumber, c.JournalNumber }).ToListAsync(ct);
        return [.. found.Select(c => Entry(SearchKind.Case, c.Id, null, c.Id, c.Title,
            string.Join(" · ", new[] { c.CaseNumber, c.JournalNumber }.Where(s => !string.IsNullOrWhiteSpace(s)))))];
    }

    /// <summary>The item's sections in reading order: what its agenda page shows under its title.</summary>
    private static string ItemText(AgendaItem item) => string.Join("\n", new[]
        {
            item.Summary, item.Background, item.Presentation, string.Join("\n", item.Recommendation), item.Economy,
            item.FurtherProcess, item.Presenters, string.Join(", ", item.Topics),
        }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static SearchEntry Entry(string kind, int sourceId, int? itemId, int? caseId, string title, string text, bool indexTitle = true)
    {
        title = title.Length > MaxTitleLength ? title[..MaxTitleLength] : title;
        text = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        return new SearchEntry
        {
            Kind = kind,
            SourceId = sourceId,
            ItemId = itemId,
            CaseId = caseId,
            Title = title,
            Text = text,
            TitleKeys = indexTitle ? SearchText.IndexText(title) : "",
            TextKeys = SearchText.IndexText(text),
        };
    }
}

/// <summary>At startup: an index whose count disagrees with the database (new, or an older database) is built anew.</summary>
public static class SearchIndexStartup
{
    public static async Task EnsureAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (indexed, expected) = await SearchIndex.HealthAsync(db, ct);
        if (indexed == expected)
        {
            log.LogInformation("Søgeindekset er i orden: {Indexed} poster.", indexed);
            return;
        }
        if (indexed > 0)
        {
            log.LogWarning("Søgeindekset har {Indexed} poster, men der burde være {Expected}; det bygges forfra.", indexed, expected);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SearchIndex.RebuildAsync(db, db.SaveSearchEntriesAsync, log, ct);
        await Infrastructure.PublicPages.ContentStamp.RaiseAsync(db, ct);
        await transaction.CommitAsync(ct);
        scope.ServiceProvider.GetService<Infrastructure.PublicPages.PublicPageCache>()?.Invalidate();
    }
}
