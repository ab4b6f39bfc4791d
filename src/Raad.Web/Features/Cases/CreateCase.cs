using Microsoft.EntityFrameworkCore;
using Raad.Domain.Cases;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Cases;

public sealed class CaseInput
{
    public string? Title { get; set; }
    public int? BodyId { get; set; }
    public string? CaseNumber { get; set; }
    public string? JournalNumber { get; set; }
}

/// <summary>"Opret sag": a case that its items will point at, with the body it belongs to, if any.</summary>
public sealed class CreateCase(AppDbContext db, ViewerAccessor viewers) : IUseCase
{
    public async Task<Result<int>> HandleAsync(CaseInput input, CancellationToken ct)
    {
        var errors = Case.Validate(input.Title).Errors.ToList();
        if (input.BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            errors.Add(new Error("body.not_found", "Udvalget findes ikke.", nameof(input.BodyId)));
        }
        else if (input.BodyId is { } own && !(await viewers.GetAsync(ct)).CanEditBody(own))
        {
            errors.Add(new Error("access.not_secretariat", "Du er ikke sekretariat for udvalget; vælg et af dine egne udvalg eller intet.", nameof(input.BodyId)));
        }
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }
        var created = new Case
        {
            Title = input.Title!.Trim(),
            BodyId = input.BodyId,
            CaseNumber = input.CaseNumber.OrNull(),
            JournalNumber = input.JournalNumber.OrNull(),
        };
        db.Cases.Add(created);
        return (await db.SaveAsync("Sagen", ct)).With(created.Id);
    }
}
