using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Money;
using Raad.Domain.Procedure;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Money;

public class GrantTests
{
    [Fact]
    public void Breastfeeding_history_shows_500_000_raised_to_1_million_in_April_2023()
    {
        var syd = new SydMoney();

        var history = syd.Breastfeeding.GrantHistory();

        Assert.Equal(500_000m, history[0].TotalAfter);
        Assert.Equal(SydMoney.January2023, history[0].Date);
        Assert.Equal(1_000_000m, history[1].TotalAfter);
        Assert.Equal(SydMoney.April2023, history[1].Date);
        Assert.Equal(GrantKind.Increase, history[1].Kind);
        Assert.Equal("18. januar 2023: Tildeling 500.000 kr., i alt 500.000 kr.", history[0].Text);
        Assert.Equal("26. april 2023: Forhøjelse 500.000 kr., i alt 1 mio. kr.", history[1].Text);
        Assert.Equal("Møde 26. april 2023, punkt 3: Beslutning om midler til indsatser på det somatiske område for 2023", history[1].DecidedBy);
        Assert.Equal(2_000_000m, history[^1].TotalAfter);
    }

    [Fact]
    public void Overweight_went_from_1_to_2_million_by_two_one_year_posts()
    {
        var syd = new SydMoney();

        Assert.Equal(1_000_000m, syd.Overweight.GrantedBy(SydMoney.January2023));
        Assert.Equal(2_000_000m, syd.Overweight.GrantedBy(SydMoney.April2023));
        Assert.Equal("2 mio. kr.", DanishFormat.Kroner(syd.Overweight.GrantedBy(SydMoney.April2023)));
        Assert.Contains("1-årige", syd.Overweight.Grants[1].Note);
    }

    [Fact]
    public void A_grant_without_a_deciding_item_or_written_procedure_is_refused()
    {
        var syd = new SydMoney();

        var result = Grant.Record(syd.Pool2023, syd.Breastfeeding, GrantKind.Increase, 100_000m, SydMoney.April2023, null);

        var error = Assert.Single(result.Errors);
        Assert.Equal("grant.decision_required", error.Code);
        Assert.Contains("dagsordenspunkt", error.Message);
        Assert.Equal(2, syd.Breastfeeding.Grants.Count(g => g.FundingPool == syd.Pool2023));
    }

    [Fact]
    public void A_grant_by_a_decided_written_procedure_is_recorded_but_not_by_an_open_one()
    {
        var syd = new SydMoney();
        var procedure = new WrittenProcedure { Id = 9, Title = "Restmidler til materiale", Recommendation = "at ...", Status = WrittenProcedureStatus.Open };

        var open = Grant.Record(syd.Pool2024, syd.Transition, GrantKind.RemainderFunds, 10_000m, new DateOnly(2025, 5, 1), null, procedure);
        procedure.Status = WrittenProcedureStatus.Decided;
        var decided = Grant.Record(syd.Pool2024, syd.Transition, GrantKind.RemainderFunds, 10_000m, new DateOnly(2025, 5, 1), null, procedure);

        Assert.Equal("grant.written_procedure_not_decided", Assert.Single(open.Errors).Code);
        Assert.True(decided.IsSuccess);
        Assert.Equal("Skriftlig proces: Restmidler til materiale", decided.Value!.DecidedByText);
    }

    [Fact]
    public void A_reduction_below_zero_is_refused()
    {
        var syd = new SydMoney();

        var result = Grant.Record(syd.Pool2023, syd.Breastfeeding, GrantKind.Reduction, 1_500_000m, new DateOnly(2023, 11, 16), syd.Grants2024);

        var error = Assert.Single(result.Errors);
        Assert.Equal("grant.reduction_below_zero", error.Code);
        Assert.Equal("Projektet har kun fået 1 mio. kr. fra puljen; det kan ikke reduceres med 1,5 mio. kr.", error.Message);
    }

    [Fact]
    public void A_reduction_within_the_grant_lowers_what_the_project_has()
    {
        var syd = new SydMoney();

        var result = Grant.Record(syd.Pool2023, syd.Breastfeeding, GrantKind.Reduction, 250_000m, new DateOnly(2023, 11, 16), syd.Grants2024);

        Assert.True(result.IsSuccess);
        Assert.Equal(-250_000m, result.Value!.SignedAmount);
        Assert.Equal(750_000m, syd.Breastfeeding.GrantedBy(new DateOnly(2023, 12, 31)));
    }

    [Fact]
    public void A_grant_larger_than_the_pool_has_left_is_refused()
    {
        var syd = new SydMoney();
        var item = new AgendaItem { Title = "Ny indsats", Kind = ItemKind.Decision, Meeting = syd.MeetingMarch2024 };

        var result = Grant.Record(syd.Pool2024, syd.Overweight, GrantKind.Increase, 300_000m, new DateOnly(2024, 10, 31), item);

        Assert.Equal("grant.pool_insufficient", Assert.Single(result.Errors).Code);
        Assert.Contains("200.000 kr. tilbage i Klyngemidler 2024", result.Errors[0].Message);
    }

    [Theory]
    [InlineData(MeetingStatus.AgendaPublished, false)]
    [InlineData(MeetingStatus.Cancelled, false)]
    [InlineData(MeetingStatus.Held, true)]
    [InlineData(MeetingStatus.MinutesApproved, true)]
    public void A_deciding_item_must_be_on_a_held_meeting(MeetingStatus status, bool recorded)
    {
        var syd = new SydMoney();
        var meeting = MeetingIn.State(new Meeting { Id = 200, BodyId = syd.Body.Id, Body = syd.Body, Date = new DateOnly(2024, 10, 31) }, status);
        var item = new AgendaItem { Title = "Midler til indsats", Kind = ItemKind.Decision, Meeting = meeting };

        var result = Grant.Record(syd.Pool2024, syd.Overweight, GrantKind.Increase, 10_000m, meeting.Date, item);

        Assert.Equal(recorded, result.IsSuccess);
        if (!recorded)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("grant.item_not_decided", error.Code);
            Assert.Equal(nameof(Grant.DecidedByItemId), error.Field);
        }
    }

    [Fact]
    public void A_deciding_item_of_another_body_is_refused()
    {
        var syd = new SydMoney();
        var meeting = MeetingIn.State(new Meeting { Id = 201, BodyId = syd.Professional.Id, Body = syd.Professional, Date = new DateOnly(2024, 10, 31) },
            MeetingStatus.MinutesApproved);
        var item = new AgendaItem { Title = "Midler til indsats", Kind = ItemKind.Decision, Meeting = meeting };

        var result = Grant.Record(syd.Pool2024, syd.Overweight, GrantKind.Increase, 10_000m, meeting.Date, item);

        Assert.Equal("grant.item_not_decided", Assert.Single(result.Errors).Code);
        Assert.DoesNotContain(syd.Overweight.Grants, g => g.DecidedByItem == item);
    }

    [Fact]
    public void A_grant_without_the_day_of_its_decision_is_refused()
    {
        var syd = new SydMoney();

        var result = Grant.Record(syd.Pool2023, syd.Overweight, GrantKind.Increase, 10_000m, null, syd.SomaticIncrease2023);

        var error = Assert.Single(result.Errors);
        Assert.Equal("grant.date_required", error.Code);
        Assert.Equal(nameof(Grant.Date), error.Field);
    }

    [Fact]
    public void A_zero_or_negative_amount_is_refused()
    {
        var syd = new SydMoney();

        var result = Grant.Record(syd.Pool2023, syd.Overweight, GrantKind.Grant, 0m, SydMoney.April2023, syd.SomaticIncrease2023);

        Assert.Equal("grant.amount_not_positive", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Every_grant_of_Syd_is_tied_to_an_item_of_the_meeting_on_its_date()
    {
        var syd = new SydMoney();

        Assert.All(syd.Pools.SelectMany(p => p.Grants), g => Assert.Equal(g.Date, g.DecidedByItem!.Meeting!.Date));
        Assert.Equal(15, syd.Pools.Sum(p => p.Grants.Count));
    }
}
