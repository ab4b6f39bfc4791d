using Raad.Web.Features.Meetings;

namespace Raad.Web.Features.Agenda;

/// <summary>The agenda or the minutes of a meeting, as one person may read them.</summary>
public sealed record DocumentModel(MeetingView View, bool IsMinutes, bool IsDraft);
