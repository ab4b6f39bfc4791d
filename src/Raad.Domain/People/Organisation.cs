namespace Raad.Domain.People;

public enum OrganisationKind
{
    Region,
    Municipality,
    GeneralPractice,
    Hospital,
    Other,
}

/// <summary>A party to the committee: a region, a municipality, PLO, a hospital.</summary>
public class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
}

/// <summary>A person who sits in, advises or serves a body.</summary>
public class Person
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public string? Party { get; set; }
    public string? Email { get; set; }
    public int Version { get; set; }

    /// <summary>"borgmester (A)", "praktiserende læge".</summary>
    public string TitleAndParty => (Title, Party) switch
    {
        (null or "", null or "") => "",
        (null or "", _) => Common.DanishFormat.Party(Party),
        (_, null or "") => Title!,
        _ => $"{Title} {Common.DanishFormat.Party(Party)}",
    };
}
