using Raad.Domain.People;

namespace Raad.Domain.Tests.People;

public class PersonTests
{
    [Fact]
    public void A_correction_trims_the_fields_and_empties_the_blank_ones()
    {
        var person = new Person { Name = "Jørgen Steen Andersen", Title = "regionsrådsmedlem", Party = "A", Email = "jsa@example.dk" };

        var corrected = person.Correct("  Jørgen S. Andersen ", " borgmester ", "  ", "");

        Assert.True(corrected.IsSuccess);
        Assert.Equal(("Jørgen S. Andersen", "borgmester", (string?)null, (string?)null), (person.Name, person.Title, person.Party, person.Email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_correction_without_a_name_is_refused_and_changes_nothing(string? name)
    {
        var person = new Person { Name = "Jørgen Steen Andersen", Title = "regionsrådsmedlem" };

        var refused = person.Correct(name, "borgmester", "V", "ny@example.dk");

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("person.name_required", "Personen skal have et navn.", "Name"), (error.Code, error.Message, error.Field));
        Assert.Equal(("Jørgen Steen Andersen", "regionsrådsmedlem"), (person.Name, person.Title));
    }
}
