using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Raad.Domain.Meetings;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure.Audit;

/// <summary>
/// Writes the audit log inside <see cref="AppDbContext"/>'s SaveChanges, so every change (a use case's, Identity's, the
/// importer's, the demo's) is recorded in its own transaction: the changes are saved first (so new rows have their
/// ids), then their entries are chained after the last one and saved, then the transaction commits. On PostgreSQL an
/// advisory lock held to the end of the transaction keeps two writers from chaining after the same entry; SQLite's write
/// transactions (BEGIN IMMEDIATE) are serial already.
/// </summary>
public static class AuditTrail
{
    public const int MaxLabel = 300;
    public const int MaxOrigin = 300;

    /// <summary>pg_advisory_xact_lock's key for appending to the chain ("RaadAudt").</summary>
    public const long ChainLock = 0x5261616441756474;

    /// <summary>Rows that are the app's machinery, not the record: mail queue, package builds, cookie keys, Identity's tokens.</summary>
    private static readonly HashSet<Type> Unrecorded =
    [
        typeof(Mail.OutboxMessage), typeof(Features.Documents.PackageBuild), typeof(DataProtectionKey),
        typeof(IdentityUserToken<string>), typeof(AuditEntry),
        // The public's alert subscriptions: an address is kept only while subscribed, so never in the lasting log.
        typeof(Features.Alerts.AlertSubscription), typeof(Features.Alerts.AlertDispatch),
    ];

    /// <summary>Secrets and bookkeeping that are never written to the log (passwords, stamps, lockout counters).</summary>
    private static readonly HashSet<string> UnrecordedColumns =
    [
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName), nameof(AppUser.AccessFailedCount),
        nameof(AppUser.LockoutEnd), nameof(AppUser.CalendarToken), nameof(AppUser.LastVisitAt), nameof(AppUser.PreviousVisitAt), "Version", "NormalizedName",
    ];

    private const string Password = "Adgangskode";
    private const string Hidden = "(skjult)";
    private const string Private = "Indhold";

    private static readonly string[] LabelColumns = ["Title", "Name", "FullName", "DisplayName", "Email", "UserName", "FileName", "Date"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Adds an entry of its own (a sign-in, an export) to be chained and saved with the next SaveChanges.</summary>
    public static AuditEntry Record(AppDbContext db, AuditAct act, string entityType, string entityId, string label,
        object? after = null, AuditActor? actor = null, object? before = null)
    {
        var entry = new AuditEntry
        {
            Act = act,
            EntityType = entityType,
            EntityId = entityId,
            Label = Cut(label, MaxLabel),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
        actor?.Stamp(entry);
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    /// <summary>The save with its entries, in one transaction. <paramref name="save"/> is the context's own SaveChanges.</summary>
    public static async Task<int> SaveAsync(AppDbContext db, CancellationToken ct, Func<bool, CancellationToken, Task<int>> save)
    {
        var pending = Capture(db, out var own);
        if (pending.Count == 0 && own.Count == 0)
        {
            return await save(true, ct);
        }
        foreach (var entry in own)
        {
            // Added again, sealed, after the changes: an unsealed entry never reaches the database.
            db.Entry(entry).State = EntityState.Detached;
        }
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
            }
            var count = await save(true, ct);
            var services = ApplicationServices(db);
            var actor = AuditActor.Current(services);
            var now = (services?.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
            var entries = new List<AuditEntry>();
            foreach (var change in pending)
            {
                entries.Add(await change.ToEntryAsync(db, ct));
            }
            entries.AddRange(own);
            var previous = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
            foreach (var entry in entries)
            {
                if (entry.ActorName.Length == 0)
                {
                    actor.Stamp(entry);
                }
                entry.At = now;
                entry.Seal(previous);
                db.Set<AuditEntry>().Add(entry);
                previous = entry;
            }
            await save(true, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
            return count;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>SaveChanges without await (Data Protection's key store) may save nothing the log records.</summary>
    public static void RefuseUnrecorded(AppDbContext db)
    {
        if (Capture(db, out var own).Count > 0 || own.Count > 0)
        {
            throw new InvalidOperationException("Ændringer gemmes med SaveChangesAsync, så revisionssporet skrives i samme transaktion.");
        }
    }

    private static IServiceProvider? ApplicationServices(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;

    /// <summary>What this save changes, read before it is saved (the values before are gone afterwards).</summary>
    private static List<Change> Capture(AppDbContext db, out List<AuditEntry> own)
    {
        own = [];
        var changes = new List<Change>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry audit)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException($"Revisionssporets post {audit.Id} kan ikke ændres eller slettes.");
                }
                if (entry.State == EntityState.Added && audit.Hash.Length == 0)
                {
                    own.Add(audit);
                }
                continue;
            }
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || Unrecorded.Contains(entry.Metadata.ClrType))
            {
                continue;
            }
            var change = Change.From(entry);
            if (change is not null)
            {
                changes.Add(change);
            }
        }
        return changes;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>A private row (a member's note) shows its keys (whose, on which item) and never what it says.</summary>
    private static bool Recorded(PropertyEntry p) =>
        !UnrecordedColumns.Contains(p.Metadata.Name) && p.Metadata.ClrType != typeof(byte[])
        // An attachment's words for search are read from its file (recorded by its checksum), not written by anyone.
        && !(p.EntityEntry.Entity is Domain.Agenda.Attachment && p.Metadata.Name == nameof(Domain.Agenda.Attachment.Text))
        && (p.EntityEntry.Entity is not Domain.Workspace.IPrivateRecord || p.Metadata.Name.EndsWith("Id", StringComparison.Ordinal));

    private static string? ToJson(Dictionary<string, object?> values) =>
        values.Count == 0 ? null : JsonSerializer.Serialize(values, Json);

    /// <summary>One tracked change, with what must be read before the save.</summary>
    private sealed class Change
    {
        private EntityEntry entry = null!;
        private EntityState state;
        private Dictionary<string, object?>? before;
        private Dictionary<string, object?>? after;
        private string? key;
        private string? label;
        private AuditAct act;

        /// <summary>A role given or taken: Identity's roles and claims, and the secretariat of a body.</summary>
        private static bool IsRole(EntityEntry entry) => entry.Entity is IdentityUserRole<string> or IdentityUserClaim<string> or SecretariatGrant;

        public static Change? From(EntityEntry entry)
        {
            var change = new Change { entry = entry, state = entry.State };
            switch (entry.State)
            {
                case EntityState.Added:
                    change.act = entry.Entity is Domain.Money.Grant ? AuditAct.Granted
                        : IsRole(entry) ? AuditAct.RoleChanged
                        : AuditAct.Created;
                    break;
                case EntityState.Deleted:
                    change.act = IsRole(entry) ? AuditAct.RoleChanged : AuditAct.Deleted;
                    change.before = entry.Properties.Where(Recorded).ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
                    change.key = Key(entry);
                    change.label = Label(entry, original: true);
                    break;
                default:
                    var modified = entry.Properties.Where(p => p.IsModified && Recorded(p) && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (entry.Entity is Domain.Workspace.IPrivateRecord)
                    {
                        // That it changed is on the record; what it says is not.
                        change.before = new() { [Private] = Hidden };
                        change.after = new() { [Private] = "ændret (skjult)" };
                        change.act = AuditAct.Changed;
                        return change;
                    }
                    var newPassword = entry.Entity is AppUser && entry.Property(nameof(AppUser.PasswordHash)) is { IsModified: true } hash
                        && !Equals(hash.OriginalValue, hash.CurrentValue);
                    if (modified.Count == 0 && !newPassword)
                    {
                        // Only the version (a child row changed; that row has its own entry) or a secret column.
                        return null;
                    }
                    change.before = modified.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
                    change.after = modified.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
                    if (newPassword)
                    {
                        // That the password changed is on the record; the hash is not.
                        change.before[Password] = Hidden;
                        change.after[Password] = "ny (skjult)";
                    }
                    change.act = entry.Entity is Meeting && change.after.TryGetValue(nameof(Meeting.Status), out var status)
                        ? status switch
                        {
                            MeetingStatus.AgendaPublished => AuditAct.Published,
                            MeetingStatus.MinutesApproved => AuditAct.Approved,
                            _ => AuditAct.Changed,
                        }
                        : AuditAct.Changed;
                    break;
            }
            return change;
        }

        /// <summary>The entry, after the save (new rows have their ids now).</summary>
        public async Task<AuditEntry> ToEntryAsync(AppDbContext db, CancellationToken ct)
        {
            if (state == EntityState.Added)
            {
                after = entry.Properties.Where(p => Recorded(p) && p.CurrentValue is not null).ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
            }
            key ??= Key(entry);
            label ??= Label(entry, original: false);
            var type = TypeName(entry);
            if (IsRole(entry))
            {
                // A role given or taken is a change to the account: recorded on it, with the role's name.
                var userId = (string)(state == EntityState.Deleted ? before!["UserId"] : after!["UserId"])!;
                var what = entry.Entity switch
                {
                    IdentityUserRole<string> role => new Dictionary<string, object?>
                    {
                        ["Rolle"] = await db.Roles.AsNoTracking().Where(r => r.Id == role.RoleId).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? role.RoleId,
                    },
                    IdentityUserClaim<string> claim => new Dictionary<string, object?> { [claim.ClaimType ?? "claim"] = claim.ClaimValue },
                    SecretariatGrant grant => new Dictionary<string, object?>
                    {
                        ["Sekretariat for"] = await db.Bodies.AsNoTracking().Where(b => b.Id == grant.BodyId).Select(b => b.Name).FirstOrDefaultAsync(ct) ?? $"{grant.BodyId}",
                    },
                    _ => [],
                };
                before = state == EntityState.Deleted ? what : null;
                after = state == EntityState.Deleted ? null : what;
                type = nameof(AppUser);
                key = userId;
                label = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email ?? u.UserName).FirstOrDefaultAsync(ct) ?? "";
            }
            return new AuditEntry
            {
                Act = act,
                EntityType = type,
                EntityId = Cut(key, 450),
                Label = Cut(label, MaxLabel),
                Before = before is null ? null : ToJson(before),
                After = after is null ? null : ToJson(after),
            };
        }

        private static string Key(EntityEntry entry) => string.Join("/",
            entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

        private static string Label(EntityEntry entry, bool original)
        {
            foreach (var name in LabelColumns)
            {
                if (entry.Metadata.FindProperty(name) is not null)
                {
                    var property = entry.Property(name);
                    var value = original ? property.OriginalValue : property.CurrentValue;
                    if (value is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text)
                    {
                        return text;
                    }
                }
            }
            return "";
        }

        private static string TypeName(EntityEntry entry)
        {
            var name = entry.Metadata.ClrType.Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            return tick < 0 ? name : name[..tick];
        }
    }
}
