using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Audit;

namespace Raad.Web.Features.Audit;

/// <summary>
/// The audit log for administrators, newest first, filtered by entity (type and id), person (account) and date. Only
/// administrators see the page at all, so the values before and after of closed items are shown to no one else.
/// </summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int Side { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];
    public List<string> Types { get; private set; } = [];
    public List<(string Id, string Name)> Accounts { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [Needs(Permission.Administer)]
    public async Task OnGetAsync(CancellationToken ct)
    {
        Types = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().ToListAsync(ct);
        Types = [.. Types.OrderBy(AuditLabels.Entity, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false))];
        Accounts = [.. (await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName.Length > 0 ? $"{u.DisplayName} ({u.Email})" : u.Email ?? u.Id))
            .OrderBy(a => a.Item2, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false))];

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type))
        {
            query = query.Where(e => e.EntityType == Type);
        }
        if (!string.IsNullOrWhiteSpace(Id))
        {
            var id = Id.Trim();
            query = query.Where(e => e.EntityId == id);
        }
        if (!string.IsNullOrWhiteSpace(Account))
        {
            query = query.Where(e => e.ActorId == Account);
        }
        // Days are Copenhagen days; the log keeps UTC.
        if (From is { } from)
        {
            var start = Start(from);
            query = query.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = Start(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        Total = await query.CountAsync(ct);
        Side = Math.Clamp(Side, 1, Pages);
        Entries = await query.OrderByDescending(e => e.Id).Skip((Side - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    private static DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Clock.Copenhagen.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The entry's values as field, before and after, for reading.</summary>
    public static List<(string Field, string? Before, string? After)> Values(AuditEntry entry)
    {
        var before = Read(entry.Before);
        var after = Read(entry.After);
        return [.. before.Keys.Union(after.Keys).Select(k => (k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))];
    }

    private static Dictionary<string, string?> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Null => null,
            System.Text.Json.JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        });
    }

    /// <summary>This page's address with the same filters, on another page of results.</summary>
    public string Link(int side)
    {
        var query = new Dictionary<string, string?>
        {
            ["Type"] = Type,
            ["Id"] = Id,
            ["Account"] = Account,
            ["From"] = From is { } f ? ApiFormat.Iso(f) : null,
            ["To"] = To is { } t ? ApiFormat.Iso(t) : null,
            ["side"] = side.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/revision",
            query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
    }
}
