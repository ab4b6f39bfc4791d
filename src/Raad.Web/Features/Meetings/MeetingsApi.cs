using Microsoft.EntityFrameworkCore;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using static Raad.Web.Infrastructure.ApiFormat;

namespace Raad.Web.Features.Meetings;

public sealed record MeetingSummaryDto(int Id, string Title, string Date, string Start, string End, string Kind, string Status, bool Virtual);

public sealed record ItemDto(
    int Number, string Title, string Kind, int DurationMinutes, string Start, string End, bool Open,
    IReadOnlyList<string> Recommendation, string? Decision, IReadOnlyList<string> Absent, string? CaseNumber,
    IReadOnlyList<string> Disqualified, string? Vote, IReadOnlyList<string> Dissents, Economy.EconomyDto? Economy = null);

public sealed record AttendanceDto(string Name, string? Group, string Status, string? Substitute);

public sealed record MeetingDto(
    int Id, string Title, int BodyId, string Body, string Date, string Start, string End, string Kind, string Status,
    bool Virtual, string? Location, string? Chair, bool Overrun, IReadOnlyList<ItemDto> Items, IReadOnlyList<AttendanceDto> Attendance);

/// <summary>The meeting part of the JSON API. Shapes are a contract: see docs/api.md.</summary>
public static class MeetingsApi
{
    public static void MapMeetingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bodies/{id:int}/meetings", async (int id, int? year, AppDbContext db, CancellationToken ct) =>
        {
            if (!await db.Bodies.AnyAsync(b => b.Id == id, ct))
            {
                return Results.Problem(statusCode: 404, title: "Udvalget findes ikke.");
            }
            var meetings = await db.Meetings.AsNoTracking().Include(m => m.Body)
                .Where(m => m.BodyId == id && (year == null || m.Date.Year == year))
                .OrderBy(m => m.Date).ThenBy(m => m.Start)
                .ToListAsync(ct);
            return Results.Ok(meetings.Select(Summary));
        }).Needs(Permission.Public)
        .WithName("GetBodyMeetings").WithSummary("Et udvalgs møder (mødeplanen), evt. for ét år.")
        .Produces<MeetingSummaryDto[]>();

        api.MapGet("/meetings/{id:int}", async (int id, MeetingQuery query, CancellationToken ct) =>
            await query.GetAsync(id, ct) is { } view
                ? Results.Ok(Detail(view))
                : Results.Problem(statusCode: 404, title: "Mødet findes ikke.")).Needs(Permission.Public)
        .WithName("GetMeeting").WithSummary("Et møde med dagsordenens punkter, tider, beslutninger og fremmøde.")
        .Produces<MeetingDto>();
    }

    public static MeetingSummaryDto Summary(Meeting m) => new(
        m.Id, m.Title, Iso(m.Date), Hm(m.Start), Hm(m.End), Camel(m.Kind), Camel(m.Status), m.IsVirtual);

    public static MeetingDto Detail(MeetingView v)
    {
        var m = v.Meeting;
        var items = v.Items.Select(i => new ItemDto(
            i.Item.Number ?? i.Item.Position, i.Item.Title, Camel(i.Item.Kind), i.Item.DurationMinutes,
            Hm(i.Slot.Start), Hm(i.Slot.End), !i.Item.IsClosed, i.Item.Recommendation,
            v.ShowDecisions ? i.Item.Decision : null, i.Absent, i.Item.Case?.CaseNumber,
            [.. i.Disqualified.Select(d => d.Name)],
            v.ShowDecisions ? i.Item.Vote?.Sentence : null,
            v.ShowDecisions ? [.. i.Item.Dissents.Select(d => Dissent.Sentence(v.NameOf(d.MembershipId), d.Text))] : [],
            i.EconomyTable is { } table ? Economy.EconomyQuery.Dto(v.Body.Id, v.Body.Name, table) : null)).ToList();
        var attendance = v.Attendance.Where(a => a.Status is not null).Select(a => new AttendanceDto(
            a.Seat.Person?.Name ?? "", a.Seat.Group is { } g ? Camel(g) : null,
            a.Status == AttendanceStatus.Present ? "present" : "absent", a.Substitute?.Person?.Name)).ToList();
        return new MeetingDto(m.Id, m.Title, v.Body.Id, v.Body.Name, Iso(m.Date), Hm(m.Start), Hm(m.End),
            Camel(m.Kind), Camel(m.Status), m.IsVirtual, m.PlaceText, m.Chair?.Person?.Name,
            v.Timeline.Overruns, items, attendance);
    }
}
