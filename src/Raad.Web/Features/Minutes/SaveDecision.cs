using Microsoft.EntityFrameworkCore;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>Records the body's decision on an item: a common outcome, free text, or both.</summary>
public sealed class SaveDecision(AppDbContext db) : IUseCase
{
    public static string Compose(string? quick, string? text)
    {
        var parts = new[] { quick, text }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Replace("\r\n", "\n").Trim()).ToList();
        if (parts.Count == 2 && !parts[0].EndsWith('.'))
        {
            parts[0] += ".";
        }
        return string.Join("\n\n", parts);
    }

    public async Task<Result> HandleAsync(int itemId, string? quick, string? text, int version, CancellationToken ct)
    {
        if (quick is not null && quick.Length > 0 && !ItemKindText.QuickDecisions.Contains(quick))
        {
            return new Error("decision.unknown_quick", "Vælg en af standardbeslutningerne.", "Quick");
        }
        var (meeting, guard) = await MinutesGuard.EditableMeetingOfItemAsync(db, itemId, ct);
        if (!guard.IsSuccess)
        {
            return guard;
        }
        var item = meeting!.Items.First(i => i.Id == itemId);
        db.ExpectVersion(item, version);
        var decision = Compose(quick, text);
        item.Decision = decision.Length == 0 ? null : decision;
        return await db.SaveAsync("Beslutningen", ct);
    }
}
