using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Common;
using Raad.Domain.Import;

namespace Raad.Domain.Meetings;

/// <summary>A meeting that already took place, built from its agenda or minutes (the import).</summary>
public partial class Meeting
{
    public const string HistoryDateMissing = "Mødets dato står ikke i dokumentet; den skal rettes i forhåndsvisningen, før der kan importeres.";

    /// <summary>
    /// The checks a new meeting gets (<see cref="Validate"/>), on what the document states. A document may leave out
    /// the place or the end time, which a planned meeting may not: a fact it does not state is not held against it.
    /// History may also reach back before the body's period as Raad knows it; <see cref="FromHistory"/> then moves
    /// the body's start back to the meeting. What the document does state must pass: a meeting that ends before it
    /// begins, or one after the body's end, is refused with the same Danish message as a new meeting.
    /// </summary>
    public static IReadOnlyList<Error> ValidateHistory(ParsedMeeting record, Body body)
    {
        if (record.Date is not { } date)
        {
            return [new Error("meeting.date_required", HistoryDateMissing, nameof(Date))];
        }
        var start = record.Start ?? default;
        var end = record.End ?? start;
        var errors = Validate(date, start, end, record.IsVirtual, record.Place, body).Errors;
        return [.. errors.Where(e => e.Code switch
        {
            "meeting.end_before_start" => record.Start is not null && record.End is not null,
            "meeting.location_required" => false,
            "meeting.outside_body_validity" => !(date < body.ValidFrom && (body.ValidTo is null || body.ValidTo >= date)),
            _ => true,
        })];
    }

    /// <summary>
    /// A new meeting of <paramref name="body"/> from a document of a past meeting, with its items. Unknown times are
    /// midnight, an unknown end the start. The status is set by <see cref="RecordPublishedAgenda"/> or
    /// <see cref="RecordApprovedMinutes"/>.
    /// </summary>
    public static Result<Meeting> FromHistory(ParsedMeeting record, Body body)
    {
        var errors = ValidateHistory(record, body);
        if (errors.Count > 0)
        {
            return Result<Meeting>.Fail(errors);
        }
        var date = record.Date!.Value;
        if (body.ValidFrom > date)
        {
            body.ValidFrom = date;
        }
        var meeting = new Meeting
        {
            Body = body,
            Kind = record.Kind,
            Date = date,
            Start = record.Start ?? default,
            End = record.End ?? record.Start ?? default,
            Location = record.Place,
            IsVirtual = record.IsVirtual,
        };
        return meeting;
    }

    /// <summary>An item as the document gives it, numbered as the document numbers it (a number may be skipped).</summary>
    public AgendaItem AddItemFromHistory(ParsedItem parsed)
    {
        var item = new AgendaItem
        {
            Title = parsed.Title,
            Number = parsed.Number,
            Position = parsed.Number,
            Kind = parsed.Kind,
            DurationMinutes = Math.Clamp(parsed.DurationMinutes ?? 0, 0, AgendaItem.MaxDurationMinutes),
            IsClosed = parsed.IsClosed,
            Background = parsed.Background,
            Summary = parsed.Summary,
            Presentation = Join(parsed.Presentation, parsed.PreviousDecisions is { } previous ? $"Tidligere beslutninger:\n{previous}" : null),
            Economy = parsed.Economy,
            FurtherProcess = parsed.FurtherProcess,
            Recommendation = [.. parsed.Recommendation],
            Presenters = parsed.Presenters,
            DocumentId = parsed.DocumentId,
            ListedAttachments = [.. parsed.Attachments],
        };
        Items.Add(item);
        return item;
    }

    /// <summary>
    /// The agenda of a past meeting arrives published: the workflow's steps up to "dagsorden udsendt", without the
    /// numbering of <see cref="PublishAgenda"/> (the numbers are the document's). The publication time is kept when it is known.
    /// </summary>
    public Result RecordPublishedAgenda(DateTimeOffset? publishedAt = null)
    {
        var walked = WalkTo(MeetingStatus.AgendaPublished);
        if (walked.IsSuccess && publishedAt is not null)
        {
            AgendaPublishedAt = publishedAt;
        }
        return walked;
    }

    /// <summary>
    /// Minutes of a past meeting arrive approved, noted with where they came from: the workflow's steps up to
    /// "referat godkendt" (history, not workflow: no version is circulated and no objection window runs).
    /// Minutes already approved in Raad stay as they were.
    /// </summary>
    /// <param name="fileName">The document the minutes came from, noted in them; none when they come from no document (the demo's record).</param>
    /// <param name="approvedAt">When they were approved, if known.</param>
    public Result RecordApprovedMinutes(string? fileName, DateTimeOffset? approvedAt = null)
    {
        if (Status == MeetingStatus.MinutesApproved)
        {
            return Result.Ok();
        }
        var walked = WalkTo(MeetingStatus.MinutesApproved);
        if (walked.IsSuccess)
        {
            if (fileName is not null)
            {
                MinutesApprovalNote = $"Importeret fra {fileName}.";
            }
            if (approvedAt is not null)
            {
                MinutesApprovedAt = approvedAt;
            }
        }
        return walked;
    }

    /// <summary>Takes the workflow's next steps, one allowed move at a time, until the meeting reaches <paramref name="target"/>.</summary>
    private Result WalkTo(MeetingStatus target)
    {
        while (Status != target)
        {
            MeetingStatus? next = Status switch
            {
                MeetingStatus.Planned => MeetingStatus.AgendaDraft,
                MeetingStatus.AgendaDraft => MeetingStatus.AgendaPublished,
                MeetingStatus.AgendaPublished => MeetingStatus.Held,
                MeetingStatus.Held => MeetingStatus.MinutesDraft,
                MeetingStatus.MinutesDraft or MeetingStatus.MinutesCirculated => MeetingStatus.MinutesApproved,
                _ => null,
            };
            if (next is null || next > target)
            {
                return new Error("meeting.invalid_transition",
                    $"Et møde med status \"{Status.Danish()}\" kan ikke få status \"{target.Danish()}\".");
            }
            var moved = Transition(next.Value);
            if (!moved.IsSuccess)
            {
                return moved;
            }
        }
        return Result.Ok();
    }

    private static string? Join(string? a, string? b) =>
        (a, b) switch { (null, null) => null, (_, null) => a, (null, _) => b, _ => $"{a}\n\n{b}" };
}
