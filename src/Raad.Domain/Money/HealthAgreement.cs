using Raad.Domain.Common;

namespace Raad.Domain.Money;

/// <summary>The framework the projects serve (Sundhedsaftale 2024-2027): its focus areas and principles for the collaboration.</summary>
public class HealthAgreement
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public List<FocusArea> FocusAreas { get; set; } = [];

    /// <summary>"Borgerne med fra start", "Helhedssyn", ...; printed as a list.</summary>
    public List<string> Principles { get; set; } = [];

    /// <summary>Raised on every save; a form carries the version it showed (ADR 0003).</summary>
    public int Version { get; set; }

    public bool IsValidOn(DateOnly date) => date >= ValidFrom && date <= ValidTo;

    public FocusArea AddFocusArea(string name, string? description = null)
    {
        var area = new FocusArea { Name = name, Description = description, HealthAgreement = this, HealthAgreementId = Id, Position = FocusAreas.Count + 1 };
        FocusAreas.Add(area);
        return area;
    }

    public static Validation Validate(string? name, DateOnly from, DateOnly to) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(name), "agreement.name_required", nameof(Name), "Aftalen skal have et navn, fx \"Sundhedsaftale 2024-2027\".")
            .Require(to >= from, "agreement.period_inverted", nameof(ValidTo), "Aftalen kan ikke slutte, før den begynder.");
}

/// <summary>One of the agreement's focus areas, e.g. "Sammen om børn og unges sundhed".</summary>
public class FocusArea
{
    public int Id { get; set; }
    public int HealthAgreementId { get; set; }
    public HealthAgreement? HealthAgreement { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Position { get; set; }
}
