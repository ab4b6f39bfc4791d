using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raad.Web.Infrastructure.Audit;

/// <summary>What was done: the acts the audit log knows (stored as these words).</summary>
public enum AuditAct
{
    Created,
    Changed,
    Deleted,
    Published,
    Approved,
    Granted,
    RoleChanged,
    SignedIn,
    SignInFailed,
    Exported,
}

/// <summary>
/// One line of the audit log: who did what to which entity, the values before and after, and when. Append-only: the
/// app refuses to change or delete one, and so do the database's triggers. <see cref="Hash"/> covers every other field and
/// <see cref="PreviousHash"/>, the hash of the entry before, so a changed or missing entry breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The entry's place in the chain, 1, 2, 3 …, set by the writer (never by the database), without gaps.</summary>
    public long Id { get; set; }

    /// <summary>UTC, whole microseconds (what PostgreSQL keeps), so the hash reads the same after a round trip.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The account's id; null for the system and for a sign-in with an unknown e-mail.</summary>
    public string? ActorId { get; set; }

    /// <summary>The account's name when it acted, "system", or the e-mail someone tried to sign in with.</summary>
    public string ActorName { get; set; } = "";

    /// <summary>How the actor had signed in: "adgangskode", the OpenID Connect provider (raad:signin), "system" …</summary>
    public string SignIn { get; set; } = "";

    public AuditAct Act { get; set; }

    /// <summary>The entity's type (its class name: Meeting, AgendaItem, AppUser …).</summary>
    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>A readable name of the entity (its title, name or e-mail), as it was then.</summary>
    public string Label { get; set; } = "";

    /// <summary>JSON of the changed scalar values before the act; null where nothing came before.</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the values after the act; null after a deletion.</summary>
    public string? After { get; set; }

    /// <summary>Where the act came from: the request (method and path) or the command.</summary>
    public string Origin { get; set; } = "";

    /// <summary>Hex SHA-256 of the entry before; 64 zeros for the first.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Hex SHA-256 of <see cref="Canonical"/>.</summary>
    public string Hash { get; set; } = "";

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// The fields in a fixed order, each as its length and its text, so no two different entries read alike (a field
    /// cannot borrow a separator from its neighbour). The time is written as UTC ticks.
    /// </summary>
    public string Canonical()
    {
        var builder = new StringBuilder();
        foreach (var field in new[]
                 {
                     "raad-audit-v1", Id.ToString(CultureInfo.InvariantCulture), At.UtcTicks.ToString(CultureInfo.InvariantCulture),
                     ActorId ?? "\0", ActorName, SignIn, Act.ToString(), EntityType, EntityId, Label, Before ?? "\0",
                     After ?? "\0", Origin, PreviousHash,
                 })
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }
        return builder.ToString();
    }

    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    /// <summary>Links this entry after <paramref name="previous"/> (null: the first) and seals it.</summary>
    public void Seal(AuditEntry? previous)
    {
        Id = (previous?.Id ?? 0) + 1;
        PreviousHash = previous?.Hash ?? Genesis;
        At = TruncateToMicroseconds(At);
        Hash = ComputeHash();
    }

    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable(Table);
        b.Property(x => x.Id).ValueGeneratedNever();
        // Stored as a UTC DateTime: SQLite compares and orders those (not DateTimeOffset), so the page can filter by date.
        b.Property(x => x.At).HasConversion(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
        b.Property(x => x.ActorId).HasMaxLength(450);
        b.Property(x => x.ActorName).HasMaxLength(320);
        b.Property(x => x.SignIn).HasMaxLength(100);
        b.Property(x => x.Act).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(450);
        b.Property(x => x.Label).HasMaxLength(AuditTrail.MaxLabel);
        b.Property(x => x.Origin).HasMaxLength(AuditTrail.MaxOrigin);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        // An entity's history; with At, OParl's created/modified filters read the index alone (Features/OParl/OParlStamps).
        b.HasIndex(x => new { x.EntityType, x.EntityId, x.At });
        // A type's deletions since a time: OParl's deleted objects for modified_since.
        b.HasIndex(x => new { x.EntityType, x.Act, x.At });
        b.HasIndex(x => x.ActorId);
        b.HasIndex(x => x.At);
    }

    public const string Table = "AuditEntries";
}
