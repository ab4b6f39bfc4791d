using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using Raad.Domain.People;

namespace Raad.Domain.Import;

/// <summary>
/// One line of a source document as a reader found it, with the layout hints its format gives. Text files give only
/// the text and page breaks (form feeds); PDF adds font size and bold; DOCX adds heading levels from its styles.
/// </summary>
/// <param name="Text">The line without its line break; may be empty (a blank line is a paragraph break).</param>
/// <param name="Number">1-based line number in the whole document, as shown to the user in warnings.</param>
/// <param name="Page">1-based page the line is on; 1 for formats without pages.</param>
/// <param name="HeadingLevel">1-9 from a DOCX heading style ("Heading 1", "Overskrift 1"), else null.</param>
/// <param name="FontSize">Points, where the format says (PDF, DOCX runs); null otherwise.</param>
/// <param name="Bold">The whole line is bold.</param>
public sealed record SourceLine(string Text, int Number, int Page = 1, int? HeadingLevel = null, double? FontSize = null, bool Bold = false);

/// <summary>What a document is: an agenda (no decisions), minutes (decisions), or annexes (no meeting, e.g. the bilag).</summary>
public enum ImportedKind
{
    Agenda,
    Minutes,
    Annexes,
}

/// <summary>Something the parser was unsure of, with the line it came from; shown in the preview, never a silent guess.</summary>
/// <param name="Line">The source line number (0 when it concerns the whole document).</param>
/// <param name="Text">The source line's text, as evidence.</param>
/// <param name="Message">Danish, for the user.</param>
public sealed record ImportWarning(int Line, string Text, string Message);

/// <summary>The result of parsing one document: either a meeting, or annexes, or an error saying why neither.</summary>
public sealed class ParsedDocument
{
    public ImportedKind? Kind { get; set; }
    public ParsedMeeting? Meeting { get; set; }
    public ParsedAnnexes? Annexes { get; set; }
    public List<ImportWarning> Warnings { get; } = [];

    /// <summary>Why nothing can be imported, in Danish; null when there is something to import.</summary>
    public string? Error { get; set; }
}

public sealed class ParsedMeeting
{
    /// <summary>As the document names it, e.g. "Politisk Sundhedsklynge Syd" or "HOL Sundhedsklynge Politisk Forum".</summary>
    public string? BodyName { get; set; }

    /// <summary>The document's own title line, e.g. "Dagsorden" or "Referat".</summary>
    public string? Title { get; set; }

    public MeetingKind Kind { get; set; } = MeetingKind.Ordinary;
    public DateOnly? Date { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }

    /// <summary>Address and room; null for a virtual meeting without one.</summary>
    public string? Place { get; set; }

    public bool IsVirtual { get; set; }
    public List<ParsedParticipant> Participants { get; } = [];
    public List<ParsedItem> Items { get; } = [];

    /// <summary>The line the meeting's date was read from (for the preview's "source" column).</summary>
    public int DateLine { get; set; }
}

public sealed class ParsedParticipant
{
    public required string Name { get; set; }
    public MembershipRole Role { get; set; } = MembershipRole.Member;
    public MemberGroup? Group { get; set; }

    /// <summary>"Borgmester", "Regionsrådsformand", "Praktiserende læge".</summary>
    public string? Title { get; set; }

    /// <summary>Party letter without brackets: "A", "SF", "Ø".</summary>
    public string? Party { get; set; }

    public string? Organisation { get; set; }

    /// <summary>Listed as absent from the whole meeting ("Afbud", "Fraværende").</summary>
    public bool Absent { get; set; }

    public int Line { get; set; }
}

public sealed class ParsedItem
{
    public int Number { get; set; }

    /// <summary>Without number and kind prefix: "Afrapportering fra indsatserne" for "DRØFTELSE: AFRAPPORTERING ...", in the document's case.</summary>
    public required string Title { get; set; }

    public ItemKind Kind { get; set; }
    public int? DurationMinutes { get; set; }
    public bool IsClosed { get; set; }

    /// <summary>Each clause begins with "at".</summary>
    public List<string> Recommendation { get; } = [];

    public string? Background { get; set; }
    public string? Summary { get; set; }
    public string? Presentation { get; set; }
    public string? Economy { get; set; }
    public string? PreviousDecisions { get; set; }
    public string? FurtherProcess { get; set; }
    public string? Decision { get; set; }

    /// <summary>Names of those absent from this item ("Fraværende: ...").</summary>
    public List<string> Absent { get; } = [];

    /// <summary>Attachment titles as listed ("Bilag 1 - Status på indsatser" gives "Status på indsatser").</summary>
    public List<string> Attachments { get; } = [];

    public string? CaseNumber { get; set; }
    public string? JournalNumber { get; set; }
    public string? DocumentId { get; set; }
    public string? Presenters { get; set; }

    /// <summary>The line of the item's heading.</summary>
    public int Line { get; set; }
}

/// <summary>An annex document: its titled parts, and the rules of procedure if it holds them (as a draft to confirm).</summary>
public sealed class ParsedAnnexes
{
    public List<string> Titles { get; } = [];
    public ParsedRules? Rules { get; set; }
}

/// <summary>The numbers of a forretningsorden found in the text, each with the line it came from; null where not found.</summary>
public sealed class ParsedRules
{
    public required string Title { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int? RegionalSeats { get; set; }
    public int? MunicipalSeats { get; set; }
    public int? GeneralPracticeSeats { get; set; }
    public bool? SubstitutesAllowed { get; set; }
    public int? MinOrdinaryMeetingsPerYear { get; set; }
    public int? ItemRequestLeadDays { get; set; }
    public int? AgendaNoticeDays { get; set; }
    public int? MinutesDispatchDays { get; set; }
    public int? ObjectionWindowDays { get; set; }
    public bool? WrittenProcedureAllowed { get; set; }
    public int? WrittenProcedureObjectionsToMeeting { get; set; }
    public int? OrdinaryNoticeDays { get; set; }
    public decimal? QuorumShare { get; set; }

    /// <summary>Field name to source line, for the preview.</summary>
    public Dictionary<string, int> Lines { get; } = [];
}
