using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.People;

namespace Raad.Domain.Procedure;

public enum ItemRequestStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>A member's request to have an item on a meeting's agenda (§ 3, stk. 2), answered by the secretariat.</summary>
public class ItemRequest
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public required string Title { get; set; }

    /// <summary>What the member wants the body to discuss or decide.</summary>
    public required string Wanted { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
    // Answered only through Accept or Decline.
    public ItemRequestStatus Status { get; private set; }
    public string? DeclineReason { get; private set; }
    public int? AgendaItemId { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public List<ItemRequestAttachment> Attachments { get; set; } = [];
    public int Version { get; set; }

    public static Validation Validate(string? title, string? wanted) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(title), "item_request.title_required", nameof(Title), "Skriv en titel på punktet.")
            .Require(!string.IsNullOrWhiteSpace(wanted), "item_request.wanted_required", nameof(Wanted),
                "Beskriv, hvad udvalget skal drøfte eller beslutte.");

    public Result Accept(int agendaItemId, DateTimeOffset now)
    {
        if (Status != ItemRequestStatus.Pending)
        {
            return new Error("item_request.answered", "Ønsket er allerede besvaret.");
        }
        (Status, AgendaItemId, AnsweredAt) = (ItemRequestStatus.Accepted, agendaItemId, now);
        return Result.Ok();
    }

    public Result Decline(string? reason, DateTimeOffset now)
    {
        if (Status != ItemRequestStatus.Pending)
        {
            return new Error("item_request.answered", "Ønsket er allerede besvaret.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Error("item_request.reason_required", "Skriv en begrundelse; medlemmet ser den.", nameof(DeclineReason));
        }
        (Status, DeclineReason, AnsweredAt) = (ItemRequestStatus.Declined, reason.Trim(), now);
        return Result.Ok();
    }

    /// <summary>§ 3, stk. 2: received on time, or how many days late, judged by the rules in force on the meeting's date.</summary>
    public static Finding? Timeliness(RulesOfProcedure rules, DateOnly meetingDate, DateOnly receivedOn)
    {
        var due = rules.ItemRequestsDue(meetingDate);
        if (receivedOn <= due)
        {
            return null;
        }
        var late = receivedOn.DayNumber - due.DayNumber;
        return new Finding("procedure.item_request_late", Severity.Warning,
            $"§ 3, stk. 2: Ønsker om punkter skal være modtaget senest {rules.ItemRequestLeadDays} dage før mødet, dvs. {DanishFormat.Date(due)}. Dette kom {DanishFormat.Date(receivedOn)}, {late} {(late == 1 ? "dag" : "dage")} for sent.",
            $"{rules.Title}, § 3, stk. 2", "Optag det alligevel med en begrundelse, eller henvis det til et senere møde.");
    }
}

/// <summary>A file a member sends with an item request; copied to the agenda item as a "bilag" when the request is accepted.</summary>
public class ItemRequestAttachment
{
    public int Id { get; set; }
    public int ItemRequestId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
}
