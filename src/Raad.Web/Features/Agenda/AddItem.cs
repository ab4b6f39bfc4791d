using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Agenda;

public sealed class NewItemInput
{
    public string? Title { get; set; }
    public ItemKind Kind { get; set; } = ItemKind.Discussion;
    public int DurationMinutes { get; set; } = 15;
    public bool IsClosed { get; set; }
}

/// <summary>Adds an item to a draft agenda, before the closing standard item ("Eventuelt") if there is one. Answers the new item's id.</summary>
public sealed class AddItem(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int meetingId, NewItemInput input, CancellationToken ct)
    {
        var v = AgendaItem.Validate(input.Title, input.DurationMinutes);
        if (!v.IsValid)
        {
            return Result<int>.Fail(v.Errors);
        }
        var (meeting, guard) = await AgendaGuard.EditableMeetingAsync(db, meetingId, ct);
        if (!guard.IsSuccess)
        {
            return guard.With(0);
        }
        var item = new AgendaItem
        {
            Title = input.Title!.Trim(),
            Kind = input.Kind,
            DurationMinutes = input.DurationMinutes,
            IsClosed = input.IsClosed,
        };
        Insert(meeting!, item);
        return (await db.SaveAsync("Dagsordenen", ct)).With(item.Id);
    }

    /// <summary>
    /// Places a new item on an editable meeting's agenda (from <see cref="AgendaGuard"/>): last, or before "Eventuelt".
    /// Other use cases that add items (e.g. a drafted status item) place them here too.
    /// </summary>
    internal static void Insert(Meeting meeting, AgendaItem item)
    {
        var ordered = meeting.OrderedItems;
        var last = ordered.Count > 0 ? ordered[^1] : null;
        var position = last is { Kind: ItemKind.AnyOtherBusiness } ? last.Position : ordered.Count + 1;
        foreach (var later in ordered.Where(i => i.Position >= position))
        {
            later.Position++;
        }
        item.Position = position;
        item.MeetingId = meeting.Id;
        item.Meeting = meeting;
        meeting.Items.Add(item);
    }
}
