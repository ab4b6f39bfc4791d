using Microsoft.EntityFrameworkCore;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

public sealed class ItemInput
{
    public string? Title { get; set; }
    public ItemKind Kind { get; set; }
    public int DurationMinutes { get; set; }
    public bool IsClosed { get; set; }
    public string? Background { get; set; }
    public string? Summary { get; set; }
    public string? Presentation { get; set; }
    public string? Economy { get; set; }

    /// <summary>Prints the body's economy overview (Tabel 1) of this day under "Økonomi"; frozen when the agenda is published.</summary>
    public DateOnly? EconomyAsOf { get; set; }

    public string? FurtherProcess { get; set; }

    /// <summary>One "at ..." clause per line.</summary>
    public string? Recommendation { get; set; }

    public string? Presenters { get; set; }
    public int? CaseId { get; set; }
    public int Version { get; set; }

    public static ItemInput Of(AgendaItem i) => new()
    {
        Title = i.Title,
        Kind = i.Kind,
        DurationMinutes = i.DurationMinutes,
        IsClosed = i.IsClosed,
        Background = i.Background,
        Summary = i.Summary,
        Presentation = i.Presentation,
        Economy = i.Economy,
        EconomyAsOf = i.EconomyAsOf,
        FurtherProcess = i.FurtherProcess,
        Recommendation = string.Join('\n', i.Recommendation),
        Presenters = i.Presenters,
        CaseId = i.CaseId,
        Version = i.Version,
    };
}

/// <summary>Saves every section of an item on a draft agenda; a save over someone else's newer version is refused.</summary>
public sealed class SaveItem(AppDbContext db) : IUseCase
{
    public async Task<Result> HandleAsync(int itemId, ItemInput input, CancellationToken ct)
    {
        var v = AgendaItem.Validate(input.Title, input.DurationMinutes);
        if (!v.IsValid)
        {
            return v.ToResult();
        }
        var (meeting, guard) = await AgendaGuard.EditableMeetingOfItemAsync(db, itemId, ct);
        if (!guard.IsSuccess)
        {
            return guard;
        }
        if (input.CaseId is { } caseId && !await db.Cases.AnyAsync(c => c.Id == caseId, ct))
        {
            return new Error("item.case_not_found", "Sagen findes ikke.", nameof(ItemInput.CaseId));
        }
        var item = meeting!.Items.First(i => i.Id == itemId);
        db.ExpectVersion(item, input.Version);
        item.Title = input.Title!.Trim();
        item.Kind = input.Kind;
        item.DurationMinutes = input.DurationMinutes;
        item.IsClosed = input.IsClosed;
        item.Background = input.Background.OrNull();
        item.Summary = input.Summary.OrNull();
        item.Presentation = input.Presentation.OrNull();
        item.Economy = input.Economy.OrNull();
        if (item.EconomyAsOf != input.EconomyAsOf)
        {
            (item.EconomyAsOf, item.EconomyTable) = (input.EconomyAsOf, null);
        }
        item.FurtherProcess = input.FurtherProcess.OrNull();
        item.Recommendation = AgendaItem.ParseRecommendation(input.Recommendation);
        item.Presenters = input.Presenters.OrNull();
        item.CaseId = input.CaseId;
        return await db.SaveAsync("Punktet", ct);
    }
}
