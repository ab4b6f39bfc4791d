using Raad.Domain.Agenda;

namespace Raad.Domain.Tests.Agenda;

public class AgendaItemTests
{
    // ---- Validate -----------------------------------------------------------------------------

    [Theory]
    [InlineData("Velkomst og godkendelse af dagsorden", 5)]
    [InlineData("Eventuelt", 0)]
    [InlineData("Temadag", 480)]
    public void Item_with_a_title_and_a_duration_from_0_to_480_minutes_is_valid(string title, int minutes)
    {
        var v = AgendaItem.Validate(title, minutes);

        Assert.True(v.IsValid);
        Assert.Empty(v.Errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Item_must_have_a_title(string? title)
    {
        var error = Assert.Single(AgendaItem.Validate(title, 10).Errors);

        Assert.Equal("item.title_required", error.Code);
        Assert.Equal(nameof(AgendaItem.Title), error.Field);
        Assert.Equal("Punktet skal have en titel.", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-50)]
    public void Duration_cannot_be_negative(int minutes)
    {
        var error = Assert.Single(AgendaItem.Validate("Sundhedsreform", minutes).Errors);

        Assert.Equal("item.duration_negative", error.Code);
        Assert.Equal(nameof(AgendaItem.DurationMinutes), error.Field);
        Assert.Equal("Varigheden kan ikke være negativ.", error.Message);
    }

    [Theory]
    [InlineData(481)]
    [InlineData(500)]
    [InlineData(5000)]
    public void Absurd_duration_over_480_minutes_is_refused(int minutes)
    {
        var error = Assert.Single(AgendaItem.Validate("Sundhedsreform", minutes).Errors);

        Assert.Equal("item.duration_absurd", error.Code);
        Assert.Equal(nameof(AgendaItem.DurationMinutes), error.Field);
        Assert.Equal("Varigheden kan højst være 480 minutter.", error.Message);
    }

    [Fact]
    public void Validate_reports_title_and_duration_together()
    {
        var v = AgendaItem.Validate("", -5);

        Assert.Equal(["item.title_required", "item.duration_negative"], v.Errors.Select(e => e.Code));
    }

    // ---- ParseRecommendation ------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\r\n")]
    [InlineData("-\n•\n*")]
    public void No_text_gives_no_clauses(string? text)
    {
        Assert.Empty(AgendaItem.ParseRecommendation(text));
    }

    [Fact]
    public void Each_line_is_one_clause()
    {
        var clauses = AgendaItem.ParseRecommendation(
            "at Politisk Sundhedsklynge Syd godkender dagsordenen.\nat orienteringen tages til efterretning.");

        Assert.Equal(["at Politisk Sundhedsklynge Syd godkender dagsordenen.", "at orienteringen tages til efterretning."], clauses);
    }

    [Theory]
    [InlineData("- at dagsordenen godkendes.")]
    [InlineData("-at dagsordenen godkendes.")]
    [InlineData("• at dagsordenen godkendes.")]
    [InlineData("* at dagsordenen godkendes.")]
    [InlineData("  -   at dagsordenen godkendes.  ")]
    [InlineData("at dagsordenen godkendes.\r")]
    public void Bullets_and_surrounding_space_are_removed(string line)
    {
        Assert.Equal(["at dagsordenen godkendes."], AgendaItem.ParseRecommendation(line));
    }

    [Fact]
    public void Blank_lines_and_windows_line_endings_are_dropped_and_the_order_is_kept()
    {
        var text = "- at der afsættes 1 mio. kr. til amning,\r\n\r\n  \r\n• at der afsættes 2 mio. kr. til overvægt,\r\n* at sagen genoptages i efteråret.\r\n";

        Assert.Equal(
            ["at der afsættes 1 mio. kr. til amning,", "at der afsættes 2 mio. kr. til overvægt,", "at sagen genoptages i efteråret."],
            AgendaItem.ParseRecommendation(text));
    }

    [Fact]
    public void Hyphen_inside_a_clause_is_kept()
    {
        Assert.Equal(["at Amager- og Hvidovre Hospital er projektejer."], AgendaItem.ParseRecommendation("- at Amager- og Hvidovre Hospital er projektejer."));
    }

    // ---- Kinds --------------------------------------------------------------------------------

    [Theory]
    [InlineData(ItemKind.Approval, "Godkendelse")]
    [InlineData(ItemKind.Decision, "Beslutning")]
    [InlineData(ItemKind.Discussion, "Drøftelse")]
    [InlineData(ItemKind.Information, "Orientering")]
    [InlineData(ItemKind.Announcement, "Meddelelse")]
    [InlineData(ItemKind.AnyOtherBusiness, "Eventuelt")]
    public void Kind_has_a_danish_name(ItemKind kind, string danish)
    {
        Assert.Equal(danish, kind.Danish());
    }

    [Fact]
    public void Quick_decisions_are_the_common_outcomes_of_the_minutes()
    {
        Assert.Equal(["Indstillingen blev tiltrådt", "Godkendt", "Taget til efterretning", "Drøftet"], ItemKindText.QuickDecisions);
    }
}

public class AgendaItemHeadingTests
{
    [Theory]
    [InlineData(ItemKind.Discussion, "Afrapportering fra projekter i Sundhedsklynge Syd", "Drøftelse: Afrapportering fra projekter i Sundhedsklynge Syd")]
    [InlineData(ItemKind.Information, "Sundhedsreform", "Orientering: Sundhedsreform")]
    [InlineData(ItemKind.Decision, "Beslutning om indsatser på det somatiske område for 2023", "Beslutning om indsatser på det somatiske område for 2023")]
    [InlineData(ItemKind.Decision, "Meeting plan", "Beslutning: Meeting plan")]
    [InlineData(ItemKind.Approval, "Velkomst og godkendelse af dagsorden", "Velkomst og godkendelse af dagsorden")]
    [InlineData(ItemKind.AnyOtherBusiness, "Eventuelt", "Eventuelt")]
    [InlineData(ItemKind.Announcement, "Meddelelser", "Meddelelser")]
    public void Heading_prints_the_kind_before_the_title_as_the_agendas_do_unless_the_title_says_it(ItemKind kind, string title, string heading) =>
        Assert.Equal(heading, new AgendaItem { Title = title, Kind = kind }.Heading);
}
