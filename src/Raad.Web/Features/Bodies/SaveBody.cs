using Microsoft.EntityFrameworkCore;
using Raad.Domain.Bodies;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies;

public sealed class BodyInput
{
    public string? Name { get; set; }
    public BodyLevel Level { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int? SuccessorId { get; set; }
    public string? Description { get; set; }
    public bool PublicClosedItemTitles { get; set; }
    public bool AdvisorsReadClosedItems { get; set; }

    /// <summary>Members and the secretariat may write remarks on the items before the meeting (Features/Remarks).</summary>
    public bool AllowsRemarks { get; set; }
    public int Version { get; set; }

    public static BodyInput Of(Body b) => new()
    {
        Name = b.Name,
        Level = b.Level,
        ValidFrom = b.ValidFrom,
        ValidTo = b.ValidTo,
        SuccessorId = b.SuccessorId,
        Description = b.Description,
        PublicClosedItemTitles = b.PublicClosedItemTitles,
        AdvisorsReadClosedItems = b.AdvisorsReadClosedItems,
        AllowsRemarks = b.AllowsRemarks,
        Version = b.Version,
    };
}

/// <summary>Sets up a body (with the standard agenda template) or changes its name, period and successor.</summary>
public sealed class SaveBody(AppDbContext db, ViewerAccessor viewers) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int? bodyId, BodyInput input, CancellationToken ct)
    {
        var v = Body.Validate(input.Name, input.ValidFrom, input.ValidTo);
        v.Require(input.SuccessorId is null || input.SuccessorId != bodyId, "body.successor_self", nameof(input.SuccessorId),
            "Et udvalg kan ikke efterfølge sig selv.");
        if (input.SuccessorId is { } successorId)
        {
            v.Require(await db.Bodies.AnyAsync(b => b.Id == successorId, ct), "body.successor_not_found",
                nameof(input.SuccessorId), "Det efterfølgende udvalg findes ikke.");
        }
        var name = input.Name?.Trim();
        v.Require(!await db.Bodies.AnyAsync(b => b.Name == name && b.Id != bodyId, ct), "body.name_taken", nameof(input.Name),
            "Der findes allerede et udvalg med det navn.");
        if (bodyId is { } id && input.ValidTo is { } to)
        {
            var later = await db.Meetings.Where(m => m.BodyId == id && m.Date > to).OrderBy(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);
            v.Require(later is null, "body.meetings_after_end", nameof(input.ValidTo),
                $"Udvalget har et møde den {(later is { } d ? DanishFormat.Date(d) : "")}, efter den nye slutdato.");
        }
        if (!v.IsValid)
        {
            return Result<int>.Fail(v.Errors);
        }
        Body body;
        if (bodyId is { } existingId)
        {
            var existing = await db.Bodies.FirstOrDefaultAsync(b => b.Id == existingId, ct);
            if (existing is null)
            {
                return new Error("body.not_found", "Udvalget findes ikke.");
            }
            body = existing;
            db.ExpectVersion(body, input.Version);
            body.Name = name!;
        }
        else
        {
            body = new Body { Name = name!, StandardItems = Body.DefaultTemplate() };
            db.Bodies.Add(body);
            // The secretary who sets up a body runs it; an administrator runs every body already.
            if (await viewers.GetAsync(ct) is { IsAdministrator: false, UserId: { } userId })
            {
                db.SecretariatGrants.Add(new SecretariatGrant { UserId = userId, Body = body });
            }
        }
        body.Level = input.Level;
        body.ValidFrom = input.ValidFrom;
        body.ValidTo = input.ValidTo;
        body.SuccessorId = input.SuccessorId;
        body.Description = input.Description.OrNull();
        body.PublicClosedItemTitles = input.PublicClosedItemTitles;
        body.AdvisorsReadClosedItems = input.AdvisorsReadClosedItems;
        body.AllowsRemarks = input.AllowsRemarks;
        return (await db.SaveAsync("Udvalget", ct)).With(body.Id);
    }
}
