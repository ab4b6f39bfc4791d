using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure.PublicPages;

/// <summary>
/// One row whose value rises with every saved change to what the public can be shown. The public page cache keys its
/// pages by it, so a change made on any instance that shares the database retires every cached page: one primary-key
/// read tells an instance whether its pages are still current.
/// </summary>
public class ContentStamp
{
    public const int TheOne = 1;

    public int Id { get; set; }
    public long Value { get; set; }

    /// <summary>Records that no public page shows, so saving them keeps the cache: mail, builds, keys, the log, accounts, private notes, the public's alert subscriptions.</summary>
    private static readonly HashSet<Type> NeverPublic =
    [
        typeof(ContentStamp), typeof(Mail.OutboxMessage), typeof(Mail.MailOptOut), typeof(Features.Documents.PackageBuild),
        typeof(DataProtectionKey), typeof(Audit.AuditEntry), typeof(AppUser), typeof(SecretariatGrant),
        typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserClaim<string>),
        typeof(IdentityUserRole<string>), typeof(IdentityRole), typeof(IdentityRoleClaim<string>),
        typeof(Domain.Workspace.Note), typeof(Domain.Workspace.NoteVersion), typeof(Domain.Workspace.Remark),
        typeof(Domain.Workspace.OfflineDevice), typeof(Domain.Workspace.KeptMeeting),
        typeof(Features.Alerts.AlertSubscription), typeof(Features.Alerts.AlertDispatch),
    ];

    /// <summary>The pending changes touch something a public page might show (anything not known to be private).</summary>
    public static bool Touched(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && !NeverPublic.Contains(e.Metadata.ClrType));

    /// <summary>Raises the stamp inside the caller's transaction (the row lock orders concurrent writers on PostgreSQL).</summary>
    public static Task RaiseAsync(AppDbContext db, CancellationToken ct) =>
        db.Set<ContentStamp>().Where(s => s.Id == TheOne).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, x => x.Value + 1), ct);

    public static Task<long> ReadAsync(AppDbContext db, CancellationToken ct) =>
        db.Set<ContentStamp>().Where(s => s.Id == TheOne).Select(s => s.Value).FirstOrDefaultAsync(ct);
}
