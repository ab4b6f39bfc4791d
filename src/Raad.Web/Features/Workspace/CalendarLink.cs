namespace Raad.Web.Features.Workspace;

/// <summary>The signed-in person's private calendar URL, for <c>GET /api/me</c>'s <c>calendarUrl</c>.</summary>
public sealed class CalendarLink
{
    // Wired to the calendar feature when it is merged.
    public Task<string?> UrlAsync(CancellationToken ct) => Task.FromResult<string?>(null);
}
