using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Domain.People;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Money;

public class FundingPoolTests
{
    [Fact]
    public void The_funds_for_2023_are_7_803_439_carried_over_from_the_municipalities_and_the_region()
    {
        var syd = new SydMoney();

        Assert.Equal(3_936_286m, syd.Pool2022.ReceivedFrom(MemberGroup.Municipal));
        Assert.Equal(3_867_153m, syd.Pool2022.ReceivedFrom(MemberGroup.Regional));
        Assert.Equal(7_803_439m, syd.Pool2023.CarriedOver);
        Assert.Equal(syd.Pool2022.ReceivedFrom(MemberGroup.Municipal) + syd.Pool2022.ReceivedFrom(MemberGroup.Regional), syd.Pool2023.CarriedOver);
        Assert.Equal("7.803.439 kr.", DanishFormat.Kroner(syd.Pool2023.CarriedOver));
        Assert.Equal("3.936.286 kr.", DanishFormat.Kroner(syd.Pool2022.ReceivedFrom(MemberGroup.Municipal)));
        Assert.Equal("3.867.153 kr.", DanishFormat.Kroner(syd.Pool2022.ReceivedFrom(MemberGroup.Regional)));
    }

    [Fact]
    public void Carry_over_is_not_counted_as_received_again()
    {
        var syd = new SydMoney();

        Assert.Equal(15_600_000m, syd.Pools.Sum(p => p.Received));
        Assert.Equal(15_600_000m, syd.Pool2023.Available);
        Assert.Equal(7_000_000m, syd.Pool2023.Granted);
        Assert.Equal(8_600_000m, syd.Pool2024.CarriedOver);
    }

    [Fact]
    public void The_2024_pool_keeps_the_200_000_remainder_before_remainder_funds()
    {
        var syd = new SydMoney();

        Assert.Equal(200_000m, syd.Pool2024.Remainder);
        Assert.Equal(480_000m, syd.Pool2024.RemainderFundsGranted);
    }

    [Fact]
    public void A_contribution_needs_a_source_and_a_positive_amount()
    {
        var pool = new FundingPool { Name = "Klyngemidler 2026", Year = 2026 };

        var result = pool.AddContribution(" ", 0m, null, null, null);

        Assert.False(result.IsSuccess);
        Assert.Equal(["contribution.source_required", "contribution.amount_not_positive"], result.Errors.Select(e => e.Code));
        Assert.Empty(pool.Contributions);
    }

    [Fact]
    public void A_pool_carries_over_from_an_earlier_year_only()
    {
        var earlier = new FundingPool { Name = "Klyngemidler 2024", Year = 2024 };

        Assert.False(FundingPool.Validate("Klyngemidler 2023", 2023, earlier).IsValid);
        Assert.True(FundingPool.Validate("Klyngemidler 2025", 2025, earlier).IsValid);
        Assert.False(FundingPool.Validate("", 2025, null).IsValid);
    }
}
