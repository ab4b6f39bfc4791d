using Raad.Domain.Common;

namespace Raad.Domain.Tests.Common;

public class KronerTests
{
    [Theory]
    [InlineData("240.000", 240_000)]
    [InlineData("240.000 kr.", 240_000)]
    [InlineData("240000", 240_000)]
    [InlineData("240 000 kr", 240_000)]
    [InlineData("1,5 mio.", 1_500_000)]
    [InlineData("2 mio. kr.", 2_000_000)]
    [InlineData("15,12 mio. kr.", 15_120_000)]
    [InlineData("7.803.439", 7_803_439)]
    [InlineData("7.803.439 kr.", 7_803_439)]
    [InlineData("1 000 000", 1_000_000)]
    [InlineData("1. mio. kr.", 1_000_000)]
    [InlineData("1,68. mio. kr.", 1_680_000)]
    [InlineData("2 millioner kroner", 2_000_000)]
    [InlineData(" 500.000 KR. ", 500_000)]
    [InlineData("1.234,50 kr.", 1234.5)]
    [InlineData("0", 0)]
    public void Reads_amounts_written_the_Danish_way(string text, double expected)
    {
        var result = Kroner.Parse(text);

        Assert.True(result.IsSuccess, string.Join(" ", result.Errors?.Select(e => e.Message) ?? []));
        Assert.Equal((decimal)expected, result.Value);
    }

    [Theory]
    [InlineData("", "kroner.empty")]
    [InlineData(null, "kroner.empty")]
    [InlineData("mange penge", "kroner.invalid")]
    [InlineData("240.000 euro", "kroner.invalid")]
    [InlineData("1.5 mio.", "kroner.grouping")]
    [InlineData("24.00", "kroner.grouping")]
    [InlineData("-240.000", "kroner.negative")]
    [InlineData("1,5,0", "kroner.invalid")]
    public void Refuses_what_is_not_an_amount_with_a_hint(string? text, string code)
    {
        var result = Kroner.Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.EndsWith("Skriv beløbet i kroner, fx 240.000 eller 1,5 mio.", error.Message);
    }

    [Theory]
    [InlineData(15_600_000)]
    [InlineData(15_400_000)]
    [InlineData(15_120_000)]
    [InlineData(480_000)]
    [InlineData(240_000)]
    [InlineData(7_803_439)]
    [InlineData(15_606_878)]
    [InlineData(2_050_000)]
    [InlineData(1_680_000)]
    [InlineData(999)]
    [InlineData(1234.5)]
    public void What_Kroner_prints_reads_back_as_the_same_amount(double value)
    {
        var amount = (decimal)value;

        Assert.Equal(amount, Kroner.Parse(DanishFormat.Kroner(amount)).Value);
    }

    [Fact]
    public void The_2023_funds_print_exactly_because_they_are_no_round_million()
    {
        Assert.Equal("7.803.439 kr.", DanishFormat.Kroner(7_803_439m));
        Assert.Equal("3.936.286 kr.", DanishFormat.Kroner(3_936_286m));
    }
}
