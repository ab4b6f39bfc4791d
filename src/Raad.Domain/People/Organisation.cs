using Raad.Domain.Common;

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

    /// <summary>Corrects the person's name, title, party and e-mail; blanks become empty, and a name is required.</summary>
    public Result Correct(string? name, string? title, string? party, string? email)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Error("person.name_required", "Personen skal have et navn.", nameof(Name));
        }
        Name = name.Trim();
        Title = Blank(title);
        Party = Blank(party);
        Email = Blank(email);
        return Result.Ok();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>"borgmester (A)", "praktiserende læge".</summary>
    public string TitleAndParty => (Title, Party) switch
    {
        (null or "", null or "") => "",
        (null or "", _) => Common.DanishFormat.Party(Party),
        (_, null or "") => Title!,
        _ => $"{Title} {Common.DanishFormat.Party(Party)}",
    };
}
