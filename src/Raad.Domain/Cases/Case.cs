using Raad.Domain.Agenda;

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
}
