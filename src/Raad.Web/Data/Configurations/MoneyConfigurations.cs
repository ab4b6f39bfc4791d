using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Cases;
using Raad.Domain.Money;
using Raad.Domain.People;
using Raad.Domain.Procedure;

namespace Raad.Web.Data.Configurations;

// Kroner with øre: 18 digits, 2 decimals, the same on SQLite (as text, exact) and PostgreSQL (numeric).
internal static class Money
{
    public static PropertyBuilder<decimal> Kroner(this PropertyBuilder<decimal> p) => p.HasPrecision(18, 2);

    public static PropertyBuilder<decimal?> Kroner(this PropertyBuilder<decimal?> p) => p.HasPrecision(18, 2);
}

internal sealed class FundingPoolConfiguration : IEntityTypeConfiguration<FundingPool>
{
    public void Configure(EntityTypeBuilder<FundingPool> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Previous).WithMany().HasForeignKey(x => x.PreviousId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BodyId, x.Year, x.Name }).IsUnique();
    }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> b)
    {
        b.Property(x => x.Source).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Amount).Kroner();
        b.HasOne(x => x.FundingPool).WithMany(p => p.Contributions).HasForeignKey(x => x.FundingPoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.TargetGroup).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(8000);
        b.Property(x => x.StaffYears).HasPrecision(6, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.FocusArea).WithMany().HasForeignKey(x => x.FocusAreaId).OnDelete(DeleteBehavior.Restrict);
        // A project follows cases and items that other projects may follow too.
        b.HasMany(x => x.Cases).WithMany().UsingEntity("ProjectCases");
        b.HasMany(x => x.AgendaItems).WithMany().UsingEntity("ProjectAgendaItems");
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.ToTable("Goals");
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasOne(x => x.Project).WithMany(p => p.Goals).HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Measure).WithOne().HasForeignKey<Goal>("MeasureId").OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> b)
    {
        b.ToTable("Measures");
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Baseline).HasPrecision(18, 4);
        b.Property(x => x.Target).HasPrecision(18, 4);
        b.HasMany(x => x.Readings).WithOne().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReadingConfiguration : IEntityTypeConfiguration<Reading>
{
    public void Configure(EntityTypeBuilder<Reading> b)
    {
        b.ToTable("Readings");
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Note).HasMaxLength(1000);
    }
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> b)
    {
        b.Property(x => x.Amount).Kroner();
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne(x => x.FundingPool).WithMany(p => p.Grants).HasForeignKey(x => x.FundingPoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Project).WithMany(p => p.Grants).HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        // The decision that made the grant stays: an item or a written procedure with grants cannot be deleted.
        b.HasOne(x => x.DecidedByItem).WithMany().HasForeignKey(x => x.DecidedByItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.WrittenProcedure).WithMany().HasForeignKey(x => x.WrittenProcedureId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Grants_Decision", "\"DecidedByItemId\" IS NOT NULL OR \"WrittenProcedureId\" IS NOT NULL"));
    }
}

internal sealed class SpendForecastConfiguration : IEntityTypeConfiguration<SpendForecast>
{
    public void Configure(EntityTypeBuilder<SpendForecast> b)
    {
        b.Property(x => x.ExpectedToCompletion).Kroner();
        b.Property(x => x.ActualToDate).Kroner();
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne(x => x.Project).WithMany(p => p.Forecasts).HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatusReportConfiguration : IEntityTypeConfiguration<StatusReport>
{
    public void Configure(EntityTypeBuilder<StatusReport> b)
    {
        b.Property(x => x.Text).HasMaxLength(8000);
        b.HasOne(x => x.Project).WithMany(p => p.Reports).HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Meeting).WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.AgendaItem).WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class HealthAgreementConfiguration : IEntityTypeConfiguration<HealthAgreement>
{
    public void Configure(EntityTypeBuilder<HealthAgreement> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Principles).HasMaxLength(8000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.FocusAreas).WithOne(f => f.HealthAgreement).HasForeignKey(f => f.HealthAgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FocusAreaConfiguration : IEntityTypeConfiguration<FocusArea>
{
    public void Configure(EntityTypeBuilder<FocusArea> b)
    {
        b.ToTable("FocusAreas");
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(4000);
    }
}

internal sealed class ReportingPlanConfiguration : IEntityTypeConfiguration<ReportingPlan>
{
    public void Configure(EntityTypeBuilder<ReportingPlan> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        // One plan per body: two first saves at once cannot both create one.
        b.HasIndex(x => x.BodyId).IsUnique();
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Milestones).WithOne().HasForeignKey(m => m.ReportingPlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportingMilestoneConfiguration : IEntityTypeConfiguration<ReportingMilestone>
{
    public void Configure(EntityTypeBuilder<ReportingMilestone> b)
    {
        b.ToTable("ReportingMilestones");
        b.HasOne(x => x.Audience).WithMany().HasForeignKey(x => x.AudienceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BodyRecommendationConfiguration : IEntityTypeConfiguration<BodyRecommendation>
{
    public void Configure(EntityTypeBuilder<BodyRecommendation> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.AgendaItem).WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class HandoverRecordConfiguration : IEntityTypeConfiguration<HandoverRecord>
{
    public void Configure(EntityTypeBuilder<HandoverRecord> b)
    {
        b.HasOne(x => x.FromBody).WithMany().HasForeignKey(x => x.FromBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ToBody).WithMany().HasForeignKey(x => x.ToBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.HandoverRecordId).OnDelete(DeleteBehavior.Cascade);
        // One handover per body: the domain refuses a second, the database too.
        b.HasIndex(x => x.FromBodyId).IsUnique();
    }
}

internal sealed class HandoverLineConfiguration : IEntityTypeConfiguration<HandoverLine>
{
    public void Configure(EntityTypeBuilder<HandoverLine> b)
    {
        b.ToTable("HandoverLines");
        b.Property(x => x.Text).HasMaxLength(1000);
    }
}

/// <summary>A frozen economy overview as JSON text: the same names as the API's (camelCase), amounts as exact numbers.</summary>
internal static class EconomySnapshotJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<EconomySnapshot?, string?> Converter = new(
        snapshot => snapshot == null ? null : System.Text.Json.JsonSerializer.Serialize(snapshot, Options),
        json => json == null ? null : System.Text.Json.JsonSerializer.Deserialize<EconomySnapshot>(json, Options));

    public static readonly Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<EconomySnapshot?> Comparer = new(
        (a, b) => a == null ? b == null : a.Equals(b),
        snapshot => snapshot == null ? 0 : snapshot.GetHashCode(),
        snapshot => snapshot);
}
