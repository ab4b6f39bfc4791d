using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Cases;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Domain.Procedure;

namespace Raad.Web.Data.Configurations;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Memberships).WithOne(x => x.Body).HasForeignKey(x => x.BodyId);
        b.HasMany(x => x.StandardItems).WithOne().HasForeignKey(x => x.BodyId);
    }
}

internal sealed class StandardItemConfiguration : IEntityTypeConfiguration<StandardItem>
{
    public void Configure(EntityTypeBuilder<StandardItem> b) => b.Property(x => x.Title).HasMaxLength(300);
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Party).HasMaxLength(10);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.TitleAndParty);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.StandsInFor).WithMany().HasForeignKey(x => x.StandsInForId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BodyId, x.From });
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(x => x.Location).HasMaxLength(500);
        b.Property(x => x.VirtualLink).HasMaxLength(1000);
        b.Property(x => x.CancellationReason).HasMaxLength(1000);
        b.Property(x => x.AgendaLateReason).HasMaxLength(1000);
        b.Property(x => x.MinutesQuorumReason).HasMaxLength(1000);
        b.Property(x => x.MinutesApprovalNote).HasMaxLength(1000);
        b.HasMany(x => x.MinutesVersions).WithOne().HasForeignKey(x => x.MeetingId);
        b.HasMany(x => x.MinutesCorrections).WithOne().HasForeignKey(x => x.MeetingId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Chair).WithMany().HasForeignKey(x => x.ChairId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Items).WithOne(x => x.Meeting).HasForeignKey(x => x.MeetingId);
        b.HasMany(x => x.Attendance).WithOne(x => x.Meeting).HasForeignKey(x => x.MeetingId);
        b.HasIndex(x => new { x.BodyId, x.Date });
        b.Ignore(x => x.Title);
        b.Ignore(x => x.PlaceText);
        b.Ignore(x => x.OrderedItems);
        b.Ignore(x => x.Timeline);
        b.Ignore(x => x.LatestMinutesVersion);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Presenters).HasMaxLength(1000);
        b.Property(x => x.DocumentId).HasMaxLength(100);
        b.Property(x => x.ListedAttachments).HasMaxLength(4000);
        // The frozen Tabel 1 is read and written whole, so it is kept as one JSON text.
        b.Property(x => x.EconomyTable).HasConversion(EconomySnapshotJson.Converter, EconomySnapshotJson.Comparer);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Case).WithMany(x => x.Items).HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Attachments).WithOne(x => x.AgendaItem).HasForeignKey(x => x.AgendaItemId);
        b.HasMany(x => x.Absences).WithOne(x => x.AgendaItem).HasForeignKey(x => x.AgendaItemId);
        b.HasMany(x => x.Disqualifications).WithOne(x => x.AgendaItem).HasForeignKey(x => x.AgendaItemId);
        b.HasOne(x => x.Vote).WithOne().HasForeignKey<ItemVote>(x => x.AgendaItemId);
        b.HasMany(x => x.Dissents).WithOne().HasForeignKey(x => x.AgendaItemId);
        b.HasIndex(x => new { x.MeetingId, x.Position });
        b.Ignore(x => x.Heading);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.CaseNumber).HasMaxLength(100);
        b.Property(x => x.JournalNumber).HasMaxLength(100);
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.HasOne(x => x.Membership).WithMany().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Substitute).WithMany().HasForeignKey(x => x.SubstituteId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MeetingId, x.MembershipId }).IsUnique();
    }
}

internal sealed class ItemAbsenceConfiguration : IEntityTypeConfiguration<ItemAbsence>
{
    public void Configure(EntityTypeBuilder<ItemAbsence> b)
    {
        b.HasOne(x => x.Membership).WithMany().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AgendaItemId, x.MembershipId }).IsUnique();
    }
}

internal sealed class RulesOfProcedureConfiguration : IEntityTypeConfiguration<RulesOfProcedure>
{
    public void Configure(EntityTypeBuilder<RulesOfProcedure> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.DraftSource).HasMaxLength(300);
        b.Property(x => x.QuorumShare).HasPrecision(5, 4);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.PrimitiveCollection(x => x.QuorumRequiredGroups).ElementType(e => e.HasConversion<string>());
        b.OwnsMany(x => x.TopicRequirements, t =>
        {
            t.ToJson();
            t.Property(x => x.Group).HasConversion<string>();
        });
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId);
        b.HasIndex(x => new { x.BodyId, x.ValidFrom });
        b.Ignore(x => x.Seats);
        b.Ignore(x => x.ValidityText);
    }
}

internal sealed class ItemRequestConfiguration : IEntityTypeConfiguration<ItemRequest>
{
    public void Configure(EntityTypeBuilder<ItemRequest> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.DeclineReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Meeting).WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.MeetingId, x.Status });
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.ItemRequestId);
    }
}

internal sealed class ItemRequestAttachmentConfiguration : IEntityTypeConfiguration<ItemRequestAttachment>
{
    public void Configure(EntityTypeBuilder<ItemRequestAttachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class MinutesVersionConfiguration : IEntityTypeConfiguration<MinutesVersion>
{
    public void Configure(EntityTypeBuilder<MinutesVersion> b)
    {
        b.Property(x => x.ChangeNote).HasMaxLength(4000);
        b.HasMany(x => x.Objections).WithOne(x => x.MinutesVersion).HasForeignKey(x => x.MinutesVersionId);
        b.HasIndex(x => new { x.MeetingId, x.Number }).IsUnique();
    }
}

internal sealed class MinutesObjectionConfiguration : IEntityTypeConfiguration<MinutesObjection>
{
    public void Configure(EntityTypeBuilder<MinutesObjection> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MinutesCorrectionConfiguration : IEntityTypeConfiguration<MinutesCorrection>
{
    public void Configure(EntityTypeBuilder<MinutesCorrection> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class WrittenProcedureConfiguration : IEntityTypeConfiguration<WrittenProcedure>
{
    public void Configure(EntityTypeBuilder<WrittenProcedure> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Recommendation).HasMaxLength(4000);
        b.Property(x => x.Decision).HasMaxLength(4500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.WrittenProcedureId);
        b.HasIndex(x => new { x.BodyId, x.Status });
        b.Ignore(x => x.Objections);
        b.Ignore(x => x.StatusText);
    }
}

internal sealed class WrittenAnswerConfiguration : IEntityTypeConfiguration<WrittenAnswer>
{
    public void Configure(EntityTypeBuilder<WrittenAnswer> b)
    {
        b.Property(x => x.Comment).HasMaxLength(4000);
        b.HasOne(x => x.Membership).WithMany().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.WrittenProcedureId, x.MembershipId }).IsUnique();
        b.Ignore(x => x.KindText);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<Infrastructure.Mail.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Infrastructure.Mail.OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(x => x.To).HasMaxLength(320);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Kind).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.Property(x => x.ListUnsubscribe).HasMaxLength(1000);
        b.HasIndex(x => new { x.SentAt, x.NextAttemptAtMs });
    }
}

internal sealed class DisqualificationConfiguration : IEntityTypeConfiguration<Disqualification>
{
    public void Configure(EntityTypeBuilder<Disqualification> b)
    {
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasOne(x => x.Membership).WithMany().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AgendaItemId, x.MembershipId }).IsUnique();
    }
}

internal sealed class DissentConfiguration : IEntityTypeConfiguration<Dissent>
{
    public void Configure(EntityTypeBuilder<Dissent> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasOne(x => x.Membership).WithMany().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ItemVoteConfiguration : IEntityTypeConfiguration<ItemVote>
{
    public void Configure(EntityTypeBuilder<ItemVote> b) => b.Ignore(x => x.Sentence);
}

internal sealed class PackageBuildConfiguration : IEntityTypeConfiguration<Features.Documents.PackageBuild>
{
    public void Configure(EntityTypeBuilder<Features.Documents.PackageBuild> b)
    {
        b.Property(x => x.Fingerprint).HasMaxLength(64);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MeetingId, x.Edition, x.Fingerprint });
        b.HasIndex(x => new { x.Status, x.Id });
    }
}

internal sealed class ImportedDocumentConfiguration : IEntityTypeConfiguration<Features.Import.ImportedDocument>
{
    public void Configure(EntityTypeBuilder<Features.Import.ImportedDocument> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.BodyHint).HasMaxLength(200);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One imported copy of a file; pending uploads of it may wait beside it (the preview then says it is known).
        b.HasIndex(x => x.Sha256).IsUnique().HasFilter("\"Status\" = 'Imported'");
        b.HasOne(x => x.Meeting).WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Rules).WithMany().HasForeignKey(x => x.RulesId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SecretariatGrantConfiguration : IEntityTypeConfiguration<Infrastructure.SecretariatGrant>
{
    public void Configure(EntityTypeBuilder<Infrastructure.SecretariatGrant> b)
    {
        b.HasOne(x => x.User).WithMany(x => x.SecretariatOf).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.BodyId }).IsUnique();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<Infrastructure.AppUser>
{
    public void Configure(EntityTypeBuilder<Infrastructure.AppUser> b)
    {
        // One account per person. No foreign key: adding one would make SQLite rebuild the accounts table outside a
        // transaction; people are never deleted (they are history), so the reference cannot dangle.
        b.HasIndex(x => x.PersonId).IsUnique();
        b.Property(x => x.LastSignInMethod).HasMaxLength(100);
        b.Property(x => x.CalendarToken).HasMaxLength(64);
        b.HasIndex(x => x.CalendarToken).IsUnique();
    }
}

internal sealed class MailOptOutConfiguration : IEntityTypeConfiguration<Infrastructure.Mail.MailOptOut>
{
    public void Configure(EntityTypeBuilder<Infrastructure.Mail.MailOptOut> b)
    {
        b.Property(x => x.Kind).HasMaxLength(64);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PersonId, x.Kind }).IsUnique();
    }
}

internal sealed class ContentStampConfiguration : IEntityTypeConfiguration<Infrastructure.PublicPages.ContentStamp>
{
    public void Configure(EntityTypeBuilder<Infrastructure.PublicPages.ContentStamp> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        // The one row exists from the migration on, so raising it is a plain UPDATE.
        b.HasData(new Infrastructure.PublicPages.ContentStamp { Id = Infrastructure.PublicPages.ContentStamp.TheOne, Value = 0 });
    }
}

internal sealed class AlertSubscriptionConfiguration : IEntityTypeConfiguration<Features.Alerts.AlertSubscription>
{
    public void Configure(EntityTypeBuilder<Features.Alerts.AlertSubscription> b)
    {
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        b.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BodyId, x.Email }).IsUnique();
        b.HasIndex(x => x.Email);
        b.HasIndex(x => x.ConfirmTokenHash);
    }
}

internal sealed class AlertDispatchConfiguration : IEntityTypeConfiguration<Features.Alerts.AlertDispatch>
{
    public void Configure(EntityTypeBuilder<Features.Alerts.AlertDispatch> b)
    {
        b.Property(x => x.Kind).HasMaxLength(64);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MeetingId, x.Kind }).IsUnique();
    }
}
