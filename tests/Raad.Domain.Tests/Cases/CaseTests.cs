using Raad.Domain.Cases;

namespace Raad.Domain.Tests.Cases;

public class CaseTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData(" ", false)]
    [InlineData("Sundhedsaftale 2024-2027", true)]
    public void A_case_needs_a_title(string? title, bool valid)
    {
        var validation = Case.Validate(title);

        Assert.Equal(valid, validation.IsValid);
        Assert.All(validation.Errors, e => Assert.Equal(("case.title_required", "Sagen skal have en titel.", "Title"), (e.Code, e.Message, e.Field)));
    }
}
