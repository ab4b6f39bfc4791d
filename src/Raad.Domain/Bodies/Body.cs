using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.People;

namespace Raad.Domain.Bodies;

public enum BodyLevel
{
    Political,
    Professional,
}

/// <summary>A committee: a cluster, a council, a forum. Holds its members and its meetings.</summary>
public class Body
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public BodyLevel Level { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int? SuccessorId { get; set; }
    public Body? Successor { get; set; }
    public string? Description { get; set; }

    /// <summary>Whether the public agenda and minutes show a closed item's number and title (and nothing else of it).</summary>
    public bool PublicClosedItemTitles { get; set; }

    /// <summary>Whether the body's advisors (bisiddere) and observers read its closed items, as its members do.</summary>
    public bool AdvisorsReadClosedItems { get; set; }

    /// <summary>Whether members and the secretariat may comment on items before a meeting, in threads ("Bemærkninger").</summary>
    public bool AllowsRemarks { get; set; }

    public List<Membership> Memberships { get; set; } = [];
    public List<StandardItem> StandardItems { get; set; } = [];
    public int Version { get; set; }

    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);

    public string ValidityText => ValidTo is { } to
        ? $"{DanishFormat.Date(ValidFrom)} til {DanishFormat.Date(to)}"
        : $"fra {DanishFormat.Date(ValidFrom)}";

    public static Validation Validate(string? name, DateOnly validFrom, DateOnly? validTo) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(name), "body.name_required", nameof(Name), "Udvalget skal have et navn.")
            .Require(validTo is null || validTo >= validFrom, "body.validity_inverted", nameof(ValidTo),
                "Slutdatoen kan ikke ligge før startdatoen.");

    /// <summary>The items every new meeting's agenda starts with, in the body's template order.</summary>
    public IEnumerable<StandardItem> TemplateFor(StandardItemPlacement placement) =>
        StandardItems.Where(s => s.Placement == placement).OrderBy(s => s.Order);

    public static List<StandardItem> DefaultTemplate() =>
    [
        new() { Title = "Velkomst og godkendelse af dagsorden", Kind = ItemKind.Approval, DurationMinutes = 5, Placement = StandardItemPlacement.First, Order = 1, Recommendation = ["at dagsordenen godkendes."] },
        new() { Title = "Eventuelt", Kind = ItemKind.AnyOtherBusiness, DurationMinutes = 5, Placement = StandardItemPlacement.Last, Order = 1 },
    ];
}

public enum StandardItemPlacement
{
    First,
    Last,
}

/// <summary>An item from the body's agenda template, put on every new meeting's agenda.</summary>
public class StandardItem
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public required string Title { get; set; }
    public ItemKind Kind { get; set; }
    public int DurationMinutes { get; set; }
    public StandardItemPlacement Placement { get; set; }
    public int Order { get; set; }
    public List<string> Recommendation { get; set; } = [];
}
