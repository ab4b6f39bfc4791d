using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Bodies;

public class BodyTests
{
    [Theory]
    [InlineData("2022-09-27", false)]
    [InlineData("2022-09-28", true)]
    [InlineData("2025-08-27", true)]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)]
    public void Syd_is_valid_from_28_september_2022_to_31_december_2025_inclusive(string date, bool valid)
    {
        Assert.Equal(valid, Syd.Body().IsValidOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Validity_text_names_both_dates_or_only_the_start()
    {
        Assert.Equal("28. september 2022 til 31. december 2025", Syd.Body().ValidityText);
        Assert.Equal("fra 1. januar 2027", new Body { Name = "Sundhedsråd Amager og Vestegnen", ValidFrom = new DateOnly(2027, 1, 1) }.ValidityText);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Body_must_have_a_name(string? name)
    {
        var error = Assert.Single(Body.Validate(name, Syd.ValidFrom, Syd.ValidTo).Errors);

        Assert.Equal("body.name_required", error.Code);
        Assert.Equal(nameof(Body.Name), error.Field);
        Assert.Equal("Udvalget skal have et navn.", error.Message);
    }

    [Fact]
    public void Body_cannot_end_before_it_begins()
    {
        var error = Assert.Single(Body.Validate("Politisk Sundhedsklynge Syd", Syd.ValidTo, Syd.ValidFrom).Errors);

        Assert.Equal("body.validity_inverted", error.Code);
        Assert.Equal(nameof(Body.ValidTo), error.Field);
        Assert.Equal("Slutdatoen kan ikke ligge før startdatoen.", error.Message);
    }

    [Fact]
    public void Body_without_an_end_or_ending_the_day_it_begins_is_valid()
    {
        Assert.True(Body.Validate("Sundhedsråd Amager og Vestegnen", new DateOnly(2027, 1, 1), null).IsValid);
        Assert.True(Body.Validate("Forberedende sundhedsråd", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1)).IsValid);
    }

    [Fact]
    public void Default_template_opens_with_welcome_and_closes_with_any_other_business()
    {
        var body = Syd.Body();
        body.StandardItems = Body.DefaultTemplate();

        var first = Assert.Single(body.TemplateFor(StandardItemPlacement.First));
        var last = Assert.Single(body.TemplateFor(StandardItemPlacement.Last));

        Assert.Equal("Velkomst og godkendelse af dagsorden", first.Title);
        Assert.Equal(ItemKind.Approval, first.Kind);
        Assert.Equal(5, first.DurationMinutes);
        Assert.Equal(["at dagsordenen godkendes."], first.Recommendation);
        Assert.Equal("Eventuelt", last.Title);
        Assert.Equal(ItemKind.AnyOtherBusiness, last.Kind);
        Assert.Equal(5, last.DurationMinutes);
    }

    [Fact]
    public void Template_items_come_in_their_order_whatever_order_they_are_stored_in()
    {
        var body = Syd.Body();
        body.StandardItems =
        [
            new() { Title = "Godkendelse af referat", Placement = StandardItemPlacement.Last, Order = 2 },
            new() { Title = "Meddelelser", Placement = StandardItemPlacement.First, Order = 2 },
            new() { Title = "Eventuelt", Placement = StandardItemPlacement.Last, Order = 1 },
            new() { Title = "Godkendelse af dagsorden", Placement = StandardItemPlacement.First, Order = 1 },
        ];

        Assert.Equal(["Godkendelse af dagsorden", "Meddelelser"], body.TemplateFor(StandardItemPlacement.First).Select(s => s.Title));
        Assert.Equal(["Eventuelt", "Godkendelse af referat"], body.TemplateFor(StandardItemPlacement.Last).Select(s => s.Title));
    }
}
