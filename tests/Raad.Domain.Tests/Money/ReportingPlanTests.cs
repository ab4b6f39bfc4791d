using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using Raad.Domain.Money;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Money;

public class ReportingPlanTests
{
    [Fact]
    public void The_November_2023_meeting_is_owed_a_status_by_the_five_initiatives_decided_that_year()
    {
        var syd = new SydMoney();

        var due = syd.ReportingPlan.DueAt(syd.MeetingNovember2023, syd.Projects);

        Assert.Equal([syd.Transition, syd.Breastfeeding, syd.Overweight, syd.AdultPsychiatry, syd.ChildPsychiatry], due);
        Assert.Equal(ReportKind.Status, syd.ReportingPlan.MilestoneFor(syd.MeetingNovember2023)!.Kind);
    }

    [Fact]
    public void A_political_meeting_outside_the_plan_is_owed_nothing()
    {
        var syd = new SydMoney();

        Assert.Empty(syd.ReportingPlan.DueAt(syd.MeetingMarch2024, syd.Projects));
    }

    [Fact]
    public void The_professional_cluster_follows_up_in_October()
    {
        var syd = new SydMoney();
        var october = new Meeting { Id = 201, BodyId = syd.Professional.Id, Body = syd.Professional, Date = new DateOnly(2024, 10, 8) };

        var due = syd.ReportingPlan.DueAt(october, syd.Projects);

        Assert.Equal(ReportKind.FollowUp, syd.ReportingPlan.MilestoneFor(october)!.Kind);
        Assert.Equal("Opfølgning i Faglig Sundhedsklynge Syd i oktober", syd.ReportingPlan.MilestoneFor(october)!.Text);
        // Overweight ended mid-2024; the research and temporary places began in March 2024.
        Assert.Equal([syd.Transition, syd.TransitionResearch, syd.TemporaryPlaces, syd.Breastfeeding, syd.AdultPsychiatry, syd.ChildPsychiatry], due);
    }

    [Fact]
    public void A_project_that_has_reported_to_the_meeting_is_no_longer_due()
    {
        var syd = new SydMoney();
        syd.Transition.Reports.Add(new StatusReport { Project = syd.Transition, MeetingId = syd.MeetingNovember2023.Id, Meeting = syd.MeetingNovember2023 });

        var due = syd.ReportingPlan.DueAt(syd.MeetingNovember2023, syd.Projects);

        Assert.DoesNotContain(syd.Transition, due);
        Assert.Equal(4, due.Count);
    }

    [Fact]
    public void The_draft_item_is_an_orientation_with_goals_and_figures()
    {
        var syd = new SydMoney();
        var due = syd.ReportingPlan.DueAt(syd.MeetingNovember2023, syd.Projects);

        // As of the day the agenda goes out, before the meeting grants the money for 2024.
        var item = StatusItemDraft.For(syd.MeetingNovember2023, due, new DateOnly(2023, 11, 6));

        Assert.Equal(ItemKind.Information, item.Kind);
        Assert.Equal("Orientering: Status på projekterne", item.Heading);
        Assert.Contains("Den gode start på livet - fælles ammeindsats\nForankret i: Amager og Hvidovre Hospital\nMålgruppe: Nye familier\nMål for 2023:", item.Presentation);
        Assert.Contains("- At øge andelen af børn, der bliver ammet fuldt ud efter 2 uger\n  Andel børn, der ammes fuldt ud efter 2 uger: ingen målinger endnu", item.Presentation);
        Assert.Contains("Tildelt: 1 mio. kr.\n", item.Presentation);
        Assert.DoesNotContain("..", item.Presentation);
        Assert.Contains("Tværsektoriel indsats om overvægt", item.Presentation);
        Assert.DoesNotContain("Følgeforskning", item.Presentation);
        Assert.Equal("Projekterne er tildelt 7 mio. kr. i alt og forventer at bruge 7 mio. kr.", item.Economy);
        Assert.Equal(["at Politisk Sundhedsklynge Syd tager orienteringen om status på projekterne til efterretning."], item.Recommendation);
        Assert.True(AgendaItem.Validate(item.Title, item.DurationMinutes).IsValid);
    }

    [Fact]
    public void A_single_project_gets_its_own_title_and_its_forecast_and_remainder_funds()
    {
        var syd = new SydMoney();

        var item = StatusItemDraft.For(syd.MeetingAugust2025, [syd.ChildPsychiatry], SydMoney.August2025);

        Assert.Equal("Status på Implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet", item.Title);
        Assert.Contains("Tildelt: 2 mio. kr. og 240.000 kr. i restmidler. Forventet forbrug frem til projektafslutning: 2,05 mio. kr. (pr. 1. august 2025).",
            item.Presentation);
    }

    [Fact]
    public void The_same_audience_twice_in_a_month_is_refused()
    {
        var syd = new SydMoney();
        syd.ReportingPlan.Add(syd.Body, 11, ReportKind.Status);

        Assert.False(ReportingPlan.Validate(syd.ReportingPlan.Milestones).IsValid);
    }
}
