using Microsoft.EntityFrameworkCore;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using static Raad.Web.Infrastructure.ApiFormat;

namespace Raad.Web.Features.Bodies;

public sealed record BodySummaryDto(int Id, string Name, string Level, string ValidFrom, string? ValidTo, int? SuccessorId);

public sealed record MemberDto(
    int MembershipId, string Name, string Role, string? Group, string? Title, string? Party, string? Organisation,
    string? Note, string From, string? To);

public sealed record BodyDto(
    int Id, string Name, string Level, string ValidFrom, string? ValidTo, int? SuccessorId, string? Successor,
    IReadOnlyList<MemberDto> Members);

public static class BodiesApi
{
    public static void MapBodiesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bodies", async (AppDbContext db, CancellationToken ct) =>
        {
            var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
            return bodies.Select(b => new BodySummaryDto(b.Id, b.Name, Camel(b.Level), Iso(b.ValidFrom),
                Iso(b.ValidTo), b.SuccessorId));
        }).Needs(Permission.Public)
        .WithName("GetBodies").WithSummary("Alle udvalg.");

        api.MapGet("/bodies/{id:int}", async (int id, AppDbContext db, CancellationToken ct) =>
        {
            var body = await db.Bodies.AsNoTracking().Include(b => b.Successor)
                .Include(b => b.Memberships).ThenInclude(m => m.Person)
                .Include(b => b.Memberships).ThenInclude(m => m.Organisation)
                .AsSplitQuery()
                .FirstOrDefaultAsync(b => b.Id == id, ct);
            if (body is null)
            {
                return Results.Problem(statusCode: 404, title: "Udvalget findes ikke.");
            }
            var members = body.Memberships.OrderBy(m => m.Role).ThenBy(m => m.Group).ThenBy(m => m.Id)
                .Select(m => new MemberDto(m.Id, m.Person!.Name, Camel(m.Role),
                    m.Group is { } g ? Camel(g) : null, m.Person.Title, m.Person.Party, m.Organisation?.Name,
                    m.Note, Iso(m.From), Iso(m.To)))
                .ToList();
            return Results.Ok(new BodyDto(body.Id, body.Name, Camel(body.Level), Iso(body.ValidFrom),
                Iso(body.ValidTo), body.SuccessorId, body.Successor?.Name, members));
        }).Needs(Permission.Public)
        .WithName("GetBody").WithSummary("Et udvalg med alle medlemskaber og deres perioder.")
        .Produces<BodyDto>();
    }
}
