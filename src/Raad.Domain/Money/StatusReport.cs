using Raad.Domain.Agenda;
using Raad.Domain.Meetings;

namespace Raad.Domain.Money;

/// <summary>A project's report to a meeting (status, afrapportering), linked to the agenda item it was presented under.</summary>
public class StatusReport
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public DateOnly AsOf { get; set; }
    public string? Text { get; set; }
}
