using Raad.Domain.Common;
using Raad.Domain.Meetings;

namespace Raad.Domain.Workspace;

/// <summary>
/// A remark on an agenda item before the meeting ("Bemærkninger"), shared within the body: its members and its
/// secretariat write and read them, in threads (a remark answers the thread's first remark). Never public.
/// </summary>
public class Remark
{
    public const int MaxLength = 5_000;

    public int Id { get; set; }
    public int AgendaItemId { get; set; }

    /// <summary>The thread's first remark; null for a remark that starts a thread.</summary>
    public int? ThreadId { get; set; }

    /// <summary>The account that wrote it, and its name then.</summary>
    public required string AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset WrittenAt { get; set; }

    public static Validation Validate(string? text) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(text), "remark.text_required", nameof(Text), "Skriv en bemærkning.")
            .Require((text ?? "").Length <= MaxLength, "remark.too_long", nameof(Text), "En bemærkning må højst have 5.000 tegn.");

    /// <summary>Remarks are for before the meeting: once it is held (or cancelled) the thread is closed.</summary>
    public static Result MayWrite(bool bodyAllows, MeetingStatus status, DateOnly meetingDate, DateOnly today)
    {
        if (!bodyAllows)
        {
            return new Error("remark.not_allowed", "Udvalget har ikke slået bemærkninger til.");
        }
        if (status is not (MeetingStatus.Planned or MeetingStatus.AgendaDraft or MeetingStatus.AgendaPublished) || meetingDate < today)
        {
            return new Error("remark.meeting_over", "Bemærkninger kan kun skrives før mødet.");
        }
        return Result.Ok();
    }
}
