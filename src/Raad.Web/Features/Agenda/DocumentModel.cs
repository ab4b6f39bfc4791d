using Raad.Web.Features.Meetings;

namespace Raad.Web.Features.Agenda;

/// <summary>The agenda or the minutes of a meeting, as one person may read them.</summary>
/// <param name="Print">Laid out for paper: the contents give page numbers instead of times.</param>
/// <param name="PageNumbers">The page each item begins on (by item number), known after a first print.</param>
/// <param name="LinkBase">What links to Raad begin with: empty on the web, the public address in a PDF.</param>
public sealed record DocumentModel(MeetingView View, bool IsMinutes, bool IsDraft, bool Print = false,
    IReadOnlyDictionary<string, int>? PageNumbers = null, string LinkBase = "");
