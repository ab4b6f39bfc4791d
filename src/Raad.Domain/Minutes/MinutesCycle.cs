using Raad.Domain.Common;
using Raad.Domain.People;

namespace Raad.Domain.Minutes;

/// <summary>
/// The minutes as they were sent to the members on one day ("udgave"). A version is never changed: a revision is a
/// new version, and the text of every version stays readable next to the diff against the one before.
/// </summary>
public class MinutesVersion
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The last day members may object (§ 3, stk. 5); null for the version approved at the meeting itself.</summary>
    public DateOnly? ObjectionsDue { get; set; }

    /// <summary>The minutes as plain text, one paragraph a line, as printed when the version was issued.</summary>
    public required string Text { get; set; }

    /// <summary>What the secretariat changed and why; required for a revised version.</summary>
    public string? ChangeNote { get; set; }

    public List<MinutesObjection> Objections { get; set; } = [];
}

/// <summary>A member's objection to one version of the minutes, made within the objection window.</summary>
public class MinutesObjection
{
    public int Id { get; set; }
    public int MinutesVersionId { get; set; }
    public MinutesVersion? MinutesVersion { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>A correction recorded after the minutes were approved: the approved text stays as it was, the correction is printed after it.</summary>
public class MinutesCorrection
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }

    /// <summary>Belongs to a closed item: printed only in the members' edition (Visibility.Correction).</summary>
    public bool IsClosed { get; set; }

    public static Validation Validate(string? text) =>
        new Validation().Require(!string.IsNullOrWhiteSpace(text), "minutes.correction_required", nameof(Text),
            "Skriv rettelsen, som den skal stå i referatet.");
}
