using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using Raad.Domain.Workspace;
using Raad.Web.Infrastructure;

namespace Raad.Web.Data.Configurations;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        // A replaced attachment leaves the note on its item: the member's text is never lost with a file.
        b.HasOne<Attachment>().WithMany().HasForeignKey(x => x.AttachmentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.AgendaItemId });
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.NoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RemarkConfiguration : IEntityTypeConfiguration<Remark>
{
    public void Configure(EntityTypeBuilder<Remark> b)
    {
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Remark>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.AuthorName).HasMaxLength(256);
        b.HasIndex(x => x.AgendaItemId);
    }
}

internal sealed class OfflineDeviceConfiguration : IEntityTypeConfiguration<OfflineDevice>
{
    public void Configure(EntityTypeBuilder<OfflineDevice> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasMany(x => x.Meetings).WithOne().HasForeignKey(x => x.OfflineDeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeptMeetingConfiguration : IEntityTypeConfiguration<KeptMeeting>
{
    public void Configure(EntityTypeBuilder<KeptMeeting> b)
    {
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.OfflineDeviceId, x.MeetingId }).IsUnique();
    }
}
