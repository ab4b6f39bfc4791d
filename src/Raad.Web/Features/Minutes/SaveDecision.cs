using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Minutes;

/// <summary>One item's row of the minutes editor: a common outcome, free text, or both, and the version it was read at.</summary>
public sealed class DecisionInput
{
    public int Version { get; set; }
    public string? Quick { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// Records the body's decisions on the items of a meeting from one form, in one transaction, so that saving one
/// item never throws away what was chosen for another. An item whose decision did not change is left alone; a changed
/// item that someone else saved meanwhile refuses the whole save.
/// </summary>
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

    /// <summary>The form field of an item's row, as the editor names it (Decisions[itemId].Quick).</summary>
    public static string Field(int itemId, string name) => $"Decisions[{itemId}].{name}";

    public async Task<Result<int>> HandleAsync(int meetingId, IReadOnlyDictionary<int, DecisionInput> decisions,
        CancellationToken ct)
    {
        var errors = decisions
            .Where(d => !string.IsNullOrEmpty(d.Value.Quick) && !ItemKindText.QuickDecisions.Contains(d.Value.Quick))
            .Select(d => new Error("decision.unknown_quick", "Vælg en af standardbeslutningerne.", Field(d.Key, nameof(DecisionInput.Quick))))
            .ToList();
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }
        var (meeting, guard) = await MinutesGuard.EditableMeetingAsync(db, meetingId, ct);
        if (!guard.IsSuccess)
        {
            return guard.With(meetingId);
        }
        var conflicts = new List<int>();
        foreach (var (itemId, input) in decisions)
        {
            var item = meeting!.Items.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                return new Error("item.not_found", "Punktet findes ikke på mødet.");
            }
            var composed = Compose(input.Quick, input.Text);
            var decision = composed.Length == 0 ? null : composed;
            if (decision == item.Decision)
            {
                continue;
            }
            if (item.Version != input.Version)
            {
                conflicts.Add(itemId);
            }
            db.ExpectVersion(item, input.Version);
            item.Decision = decision;
        }
        if (conflicts.Count > 0)
        {
            var numbers = meeting!.Items.Where(i => conflicts.Contains(i.Id)).OrderBy(i => i.Position).Select(i => i.Number ?? i.Position);
            return new Error(ErrorMapping.ConflictCode,
                $"Beslutningen på punkt {string.Join(", ", numbers)} er blevet ændret af en anden, siden du åbnede siden. Intet er gemt. Se den gemte version ved punktet, og gem igen, hvis dine ændringer stadig skal med.");
        }
        return (await db.SaveAsync("Beslutningerne", ct)).With(meetingId);
    }
}
