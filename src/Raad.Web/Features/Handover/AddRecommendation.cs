using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Handover;

public sealed class RecommendationInput
{
    public string? Text { get; set; }
    public DateOnly? Date { get; set; }

    /// <summary>The agenda item the recommendation was decided under, if any; one of the body's own.</summary>
    public int? AgendaItemId { get; set; }
}

/// <summary>Records a recommendation the body leaves for others (e.g. for the council that follows it).</summary>
public sealed class AddRecommendation(AppDbContext db) : IUseCase
{
    public const int MaxLength = 4000;

    public async Task<Result<int>> HandleAsync(int bodyId, RecommendationInput input, CancellationToken ct)
    {
        var text = input.Text?.Trim();
        var v = new Validation()
            .Require(!string.IsNullOrWhiteSpace(text), "recommendation.text_required", nameof(input.Text), "Skriv anbefalingen.")
            .Require(text is null || text.Length <= MaxLength, "recommendation.text_too_long", nameof(input.Text),
                $"Anbefalingen må højst være {MaxLength} tegn.")
            .Require(input.Date is not null, "recommendation.date_required", nameof(input.Date), "Angiv datoen for anbefalingen.");
        if (input.AgendaItemId is { } itemId)
        {
            v.Require(await db.AgendaItems.AnyAsync(i => i.Id == itemId && i.Meeting!.BodyId == bodyId, ct), "recommendation.item_not_found",
                nameof(input.AgendaItemId), "Punktet findes ikke blandt udvalgets dagsordenspunkter.");
        }
        if (!v.IsValid)
        {
            return Result<int>.Fail(v.Errors);
        }
        if (!await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            return new Error("body.not_found", "Udvalget findes ikke.");
        }
        var recommendation = new BodyRecommendation { BodyId = bodyId, Text = text!, Date = input.Date!.Value, AgendaItemId = input.AgendaItemId };
        db.BodyRecommendations.Add(recommendation);
        return (await db.SaveAsync("Anbefalingerne", ct)).With(recommendation.Id);
    }
}
