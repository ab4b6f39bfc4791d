using Raad.Domain.Agenda;
using Raad.Domain.Common;

namespace Raad.Domain.Cases;

/// <summary>A matter that runs over several meetings; its items give each other "Tidligere beslutninger".</summary>
public class Case
{
    public int Id { get; set; }
    public int? BodyId { get; set; }
    public Bodies.Body? Body { get; set; }
    public required string Title { get; set; }

    /// <summary>"Sags ID" (e.g. EMN-2022-04994).</summary>
    public string? CaseNumber { get; set; }

    /// <summary>"Journalnummer".</summary>
    public string? JournalNumber { get; set; }

    public List<AgendaItem> Items { get; set; } = [];

    public static Validation Validate(string? title) =>
        new Validation().Require(!string.IsNullOrWhiteSpace(title), "case.title_required", nameof(Title), "Sagen skal have en titel.");
}
