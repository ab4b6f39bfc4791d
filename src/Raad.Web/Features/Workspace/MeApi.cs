using Raad.Web.Infrastructure;
using static Raad.Web.Infrastructure.ApiFormat;

namespace Raad.Web.Features.Workspace;

public sealed record MeBodyDto(int Id, string Name, string Role);

public sealed record MeDeadlineDto(string Label, string Date);

public sealed record MeMeetingDto(int MeetingId, int BodyId, string Body, string Title, string Date, string Start, string End, string Status,
    IReadOnlyList<MeDeadlineDto> Deadlines);

public sealed record MeAwaitingDto(string Kind, int? MeetingId, int? WrittenProcedureId, string? Deadline, string Title, string Text, string Url);

public sealed record MeDto(string Name, IReadOnlyList<MeBodyDto> Bodies, IReadOnlyList<MeMeetingDto> Upcoming, IReadOnlyList<MeAwaitingDto> Awaiting,
    string? CalendarUrl);

/// <summary>
/// The signed-in person's own part of the API, <c>/api/me</c>: his start page as data, his private notes, and the sync
/// of the meetings a device keeps offline. Anonymous callers get 401. Shapes are a contract: see docs/api.md.
/// </summary>
public static class MeApi
{
    public static void MapMeApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me");
        me.MapGet("", async (MyWorkspace workspace, CalendarLink calendar, CancellationToken ct) =>
            await workspace.GetAsync(ct) is { } view
                ? Results.Ok(new MeDto(view.Name,
                    [.. view.Bodies.Select(b => new MeBodyDto(b.Id, b.Name, b.Role))],
                    [.. view.Upcoming.Select(m => new MeMeetingDto(m.MeetingId, m.BodyId, m.BodyName, m.Title, Iso(m.Date), Hm(m.Start), Hm(m.End), Camel(m.Status),
                        [.. m.Deadlines.Select(d => new MeDeadlineDto(d.Label, Iso(d.Date)))]))],
                    [.. view.Awaiting.Select(a => new MeAwaitingDto(a.Kind, a.MeetingId, a.WrittenProcedureId, Iso(a.Deadline), a.Title, a.Text, a.Url))],
                    await calendar.UrlAsync(ct)))
                : Results.Unauthorized())
            .Needs(Permission.SignedIn)
            .WithName("GetMe").WithSummary("Den indloggede: udvalg, næste møder med frister, hvad der venter, og adressen på den private kalender.")
            .Produces<MeDto>().Produces(StatusCodes.Status401Unauthorized);

        me.MapGet("/notes", async (int meetingId, NotesQuery notes, CancellationToken ct) =>
                Results.Ok((await notes.MineAsync(meetingId, ct, withDeleted: true)).Select(NoteDto.From)))
            .Needs(Permission.SignedIn)
            .WithName("GetMyNotes").WithSummary("Mine egne noter til et møde (også slettede, så en enhed kan følge med). Aldrig andres.")
            .Produces<NoteDto[]>().Produces(StatusCodes.Status401Unauthorized);

        me.MapPut("/notes/{key:guid}", async (Guid key, NoteChange change, WriteNote write, CancellationToken ct) =>
            {
                var result = await write.HandleAsync(key, change, ct);
                return result.IsSuccess ? Results.Ok(result.Value)
                    : result.ToProblem(result.Errors[0].Code == WriteNote.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
            })
            .Needs(Permission.SignedIn)
            .WithName("PutMyNote").WithSummary("Gemmer en af mine noter. Har en anden enhed ændret den imens, vinder den seneste ændring, og den anden gemmes som version.")
            .Produces<NoteSaved>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        me.MapGet("/meetings/{id:int}/notes.pdf", async (int id, HttpContext http, PrintMyNotes print, CancellationToken ct) =>
            {
                var result = await print.HandleAsync(id, ct);
                if (!result.IsSuccess)
                {
                    return result.ToProblem(result.Errors[0].Code switch
                    {
                        Documents.DocumentEditions.NotFoundCode or Documents.DocumentEditions.NotAllowedCode => StatusCodes.Status404NotFound,
                        _ => StatusCodes.Status503ServiceUnavailable,
                    });
                }
                // His alone: no shared cache may keep it.
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName);
            })
            .Needs(Permission.SignedIn)
            .WithName("GetMyNotesPdf").WithSummary("\"Mine noter\": dagsordenen med mine egne noter efter hvert punkt, som PDF.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPost("/offline", async (OfflineSync sync, HttpContext http, KeepOffline keep, CancellationToken ct) =>
            {
                var result = await keep.HandleAsync(sync, http.Request.Headers.UserAgent.ToString(), ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.ToProblem();
            })
            .Needs(Permission.SignedIn)
            .WithName("SyncOffline").WithSummary("En enhed fortæller, hvilke møder den gemmer offline; svaret siger, hvilke den må beholde, og hvilke den skal slette.")
            .Produces<OfflineAnswer>().ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
