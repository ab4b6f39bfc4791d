using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Cases;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Domain.Procedure;
using Raad.Web.Infrastructure;

namespace Raad.Web.Data;

/// <summary>The one database of Raad. A subclass per provider carries that provider's migrations.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<StandardItem> StandardItems => Set<StandardItem>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Attendance> Attendance => Set<Attendance>();
    public DbSet<ItemAbsence> ItemAbsences => Set<ItemAbsence>();
    public DbSet<Disqualification> Disqualifications => Set<Disqualification>();
    public DbSet<ItemVote> Votes => Set<ItemVote>();
    public DbSet<Dissent> Dissents => Set<Dissent>();
    public DbSet<RulesOfProcedure> RulesOfProcedure => Set<RulesOfProcedure>();
    public DbSet<ItemRequest> ItemRequests => Set<ItemRequest>();
    public DbSet<ItemRequestAttachment> ItemRequestAttachments => Set<ItemRequestAttachment>();
    public DbSet<MinutesVersion> MinutesVersions => Set<MinutesVersion>();
    public DbSet<MinutesObjection> MinutesObjections => Set<MinutesObjection>();
    public DbSet<MinutesCorrection> MinutesCorrections => Set<MinutesCorrection>();
    public DbSet<WrittenProcedure> WrittenProcedures => Set<WrittenProcedure>();
    public DbSet<WrittenAnswer> WrittenAnswers => Set<WrittenAnswer>();
    public DbSet<Infrastructure.Mail.OutboxMessage> Outbox => Set<Infrastructure.Mail.OutboxMessage>();
    public DbSet<Features.Documents.PackageBuild> PackageBuilds => Set<Features.Documents.PackageBuild>();
    public DbSet<Features.Import.ImportedDocument> ImportedDocuments => Set<Features.Import.ImportedDocument>();
    public DbSet<Domain.Money.FundingPool> FundingPools => Set<Domain.Money.FundingPool>();
    public DbSet<Domain.Money.Contribution> Contributions => Set<Domain.Money.Contribution>();
    public DbSet<Domain.Money.Project> Projects => Set<Domain.Money.Project>();
    public DbSet<Domain.Money.Grant> Grants => Set<Domain.Money.Grant>();
    public DbSet<Domain.Money.SpendForecast> SpendForecasts => Set<Domain.Money.SpendForecast>();
    public DbSet<Domain.Money.StatusReport> StatusReports => Set<Domain.Money.StatusReport>();
    public DbSet<Domain.Money.HealthAgreement> HealthAgreements => Set<Domain.Money.HealthAgreement>();
    public DbSet<Domain.Money.ReportingPlan> ReportingPlans => Set<Domain.Money.ReportingPlan>();
    public DbSet<Domain.Money.BodyRecommendation> BodyRecommendations => Set<Domain.Money.BodyRecommendation>();
    public DbSet<Domain.Money.HandoverRecord> Handovers => Set<Domain.Money.HandoverRecord>();
    public DbSet<SecretariatGrant> SecretariatGrants => Set<SecretariatGrant>();
    public DbSet<Infrastructure.Mail.MailOptOut> MailOptOuts => Set<Infrastructure.Mail.MailOptOut>();
    public DbSet<Features.Alerts.AlertSubscription> AlertSubscriptions => Set<Features.Alerts.AlertSubscription>();
    public DbSet<Features.Alerts.AlertDispatch> AlertDispatches => Set<Features.Alerts.AlertDispatch>();
    public DbSet<Domain.Workspace.Note> Notes => Set<Domain.Workspace.Note>();
    public DbSet<Domain.Workspace.NoteVersion> NoteVersions => Set<Domain.Workspace.NoteVersion>();
    public DbSet<Domain.Workspace.Remark> Remarks => Set<Domain.Workspace.Remark>();
    public DbSet<Domain.Workspace.OfflineDevice> OfflineDevices => Set<Domain.Workspace.OfflineDevice>();
    public DbSet<Domain.Workspace.KeptMeeting> KeptMeetings => Set<Domain.Workspace.KeptMeeting>();

    /// <summary>The audit log: append-only, chained by SHA-256 (Infrastructure/Audit).</summary>
    public DbSet<Infrastructure.Audit.AuditEntry> AuditEntries => Set<Infrastructure.Audit.AuditEntry>();

    /// <summary>Cookie and antiforgery keys, shared by every instance that uses the same database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The public page cache's version stamp (Infrastructure/PublicPages).</summary>
    public DbSet<Infrastructure.PublicPages.ContentStamp> ContentStamps => Set<Infrastructure.PublicPages.ContentStamp>();

    /// <summary>The search index (Features/Search), written only by <see cref="Features.Search.SearchIndex"/>.</summary>
    public DbSet<Features.Search.SearchEntry> SearchEntries => Set<Features.Search.SearchEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums as words, so the database reads on its own and survives reordering of members.
        builder.Properties<BodyLevel>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<StandardItemPlacement>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<OrganisationKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<MembershipRole>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<MemberGroup>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<MeetingKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<MeetingStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ItemKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<AttendanceStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<MinutesApproval>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ItemRequestStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<WrittenProcedureStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<WrittenAnswerKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Features.Documents.DocumentVersion>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Features.Documents.PackageBuildStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Features.Import.ImportStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Raad.Domain.Import.ImportedKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Domain.Money.GrantKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Domain.Money.ProjectStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Domain.Money.ReportKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Domain.Money.HandoverKind>().HaveConversion<string>().HaveMaxLength(32);
        // PostgreSQL stores instants in UTC only; keep both providers alike.
        builder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        Infrastructure.Audit.AuditTrail.RefuseUnrecorded(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        // What the save changes in the search index, noted before the tracker forgets what it deleted.
        var search = Features.Search.SearchIndex.Capture(ChangeTracker);
        if (search is null && !Infrastructure.PublicPages.ContentStamp.Touched(ChangeTracker))
        {
            // Every change is recorded in the audit log, in the same transaction.
            return await Infrastructure.Audit.AuditTrail.SaveAsync(this, cancellationToken, base.SaveChangesAsync);
        }
        // A change the public may see: the content stamp rises in the same transaction, so every instance's cached pages retire.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var count = await Infrastructure.Audit.AuditTrail.SaveAsync(this, cancellationToken, base.SaveChangesAsync);
        if (search is not null)
        {
            // The index follows in the same transaction: a change and its search entries commit together or not at all.
            await search.ApplyAsync(this, SaveSearchEntriesAsync, cancellationToken);
        }
        await Infrastructure.PublicPages.ContentStamp.RaiseAsync(this, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        this.GetService<IDbContextOptions>().FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?
            .ApplicationServiceProvider?.GetService<Infrastructure.PublicPages.PublicPageCache>()?.Invalidate();
        return count;
    }

    /// <summary>
    /// Saves the search entries the index added, past the audit log (they are a copy of what the log records already)
    /// and past the content stamp (the save that caused them raises it).
    /// </summary>
    internal Task SaveSearchEntriesAsync(CancellationToken cancellationToken) => base.SaveChangesAsync(true, cancellationToken);

    /// <summary>Optimistic concurrency that works the same on SQLite and PostgreSQL: every edit raises the row's version.</summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } property
                && property.ClrType == typeof(int))
            {
                var version = entry.Property("Version");
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    /// <summary>Sets the version the user saw, so a save after someone else's is refused.</summary>
    public void ExpectVersion<T>(T entity, int version) where T : class =>
        Entry(entity).Property("Version").OriginalValue = version;

    /// <summary>
    /// The same for a change to rows that belong to <paramref name="entity"/> (a plan's milestones, a meeting's
    /// attendance): its version is checked and raised even when none of its own columns change, so two editors of the
    /// child rows cannot both win.
    /// </summary>
    public void ExpectVersionOfWhole<T>(T entity, int version) where T : class
    {
        ExpectVersion(entity, version);
        Entry(entity).Property("Version").IsModified = true;
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);
}

public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : AppDbContext(options);

public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options);
