using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.Agenda;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.ItemRequests;

/// <summary>A member asks for an item on a meeting's agenda (§ 3, stk. 2). Received now; judged against the deadline when shown. Answers the request's id.</summary>
public sealed class SubmitItemRequest(AppDbContext db, ViewerAccessor viewers, IOptions<AttachmentOptions> options, TimeProvider clock) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, string? title, string? wanted, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var v = ItemRequest.Validate(title, wanted);
        if (!v.IsValid)
        {
            return Result<int>.Fail(v.Errors);
        }
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return new Error("meeting.not_found", "Mødet findes ikke.");
        }
        var viewer = await viewers.GetAsync(ct);
        if (viewer.PersonId is not { } personId || !viewer.IsMemberOn(meeting.BodyId, meeting.Date))
        {
            return new Error("item_request.not_member", "Kun udvalgets medlemmer kan ønske punkter på dagsordenen.");
        }
        if (meeting.Status is not (MeetingStatus.Planned or MeetingStatus.AgendaDraft))
        {
            return new Error("item_request.agenda_closed", "Dagsordenen til mødet er udsendt; ønsk punktet til et senere møde.");
        }
        var now = clock.GetUtcNow();
        var request = new ItemRequest
        {
            MeetingId = meetingId,
            PersonId = personId,
            Title = title!.Trim(),
            Wanted = wanted!.Replace("\r\n", "\n").Trim(),
            ReceivedAt = now,
        };
        // Every file must pass, or nothing is sent: the member fixes the one refused and sends again.
        foreach (var file in files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            var (content, contentType, error) = await UploadedFile.ReadAsync(file, options.Value.MaxBytes, ct);
            if (error is not null)
            {
                return error with { Field = "Files" };
            }
            request.Attachments.Add(new ItemRequestAttachment
            {
                FileName = Path.GetFileName(file.FileName),
                ContentType = contentType!,
                Size = content!.Length,
                Sha256 = UploadedFile.Sha256(content),
                Content = content,
                UploadedAt = now,
            });
        }
        db.ItemRequests.Add(request);
        return (await db.SaveAsync("Ønsket", ct)).With(request.Id);
    }
}
