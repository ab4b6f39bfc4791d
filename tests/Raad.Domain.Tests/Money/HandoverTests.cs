using Raad.Domain.Bodies;
using Raad.Domain.Cases;
using Raad.Domain.Money;
using Raad.Domain.People;
using Raad.Domain.Tests.TestData;

namespace Raad.Domain.Tests.Money;

public class HandoverTests
{
    private static readonly DateOnly HandoverDay = new(2025, 12, 31);

    private sealed record World(SydMoney Syd, List<Case> Cases, List<BodyRecommendation> Recommendations, List<HandoverRecord> Done)
    {
        public static World Create()
        {
            var syd = new SydMoney();
            var decided = new Case { Id = 1, BodyId = syd.Body.Id, Body = syd.Body, Title = "Indsatser på det psykiatriske område", Items = [syd.PsychiatricDecision2023] };
            syd.PsychiatricDecision2023.Decision = "Indstillingen blev tiltrådt.";
            var open = new Case { Id = 2, BodyId = syd.Body.Id, Body = syd.Body, Title = "Økonomiopfølgning", CaseNumber = "EMN-2025-1", Items = [syd.EconomyItem] };
            var recommendation = new BodyRecommendation
            {
                Id = 1,
                BodyId = syd.Body.Id,
                Body = syd.Body,
                Date = new DateOnly(2025, 8, 27),
                Text = "Brugerinvolvering: sikre tidlig og ligeværdig inddragelse af patientforeninger i sundhedsrådet",
            };
            // Test-only: Syd had no observer; one is added to show that observers carry over as observers.
            syd.Body.Memberships.Add(new Membership
            {
                Id = 50,
                BodyId = syd.Body.Id,
                Body = syd.Body,
                PersonId = 77,
                Person = new Person { Id = 77, Name = "Observatør Olsen" },
                Role = MembershipRole.Observer,
                From = new DateOnly(2024, 1, 1),
            });
            syd.Body.Memberships.Add(new Membership
            {
                Id = 51,
                BodyId = syd.Body.Id,
                Body = syd.Body,
                PersonId = 78,
                Person = new Person { Id = 78, Name = "Medlem Madsen" },
                Role = MembershipRole.Member,
                Group = MemberGroup.Municipal,
                From = new DateOnly(2024, 1, 1),
            });
            return new World(syd, [decided, open], [recommendation], []);
        }

        public Raad.Domain.Common.Result<HandoverPlan> Plan() => Handover.Plan(Syd.Body, Syd.Projects, Syd.Pools, Cases, Recommendations, Done);
    }

    [Fact]
    public void The_plan_lists_open_projects_all_pools_open_cases_recommendations_and_observers()
    {
        var world = World.Create();
        var syd = world.Syd;

        var plan = world.Plan().Value!;

        Assert.Same(syd.Council, plan.To);
        Assert.Equal([syd.Transition, syd.ChildPsychiatry], plan.Projects);
        Assert.Equal(syd.Pools, plan.Pools);
        Assert.Equal([2], plan.Cases.Select(c => c.Id));
        Assert.Single(plan.Recommendations);
        Assert.Equal("Observatør Olsen", Assert.Single(plan.Observers).Person!.Name);
        Assert.Contains(plan.Lines(), l => l.Text == "Pulje: Klyngemidler 2024, rest 200.000 kr.");
        Assert.Contains(plan.Lines(), l => l.Text == "Projekt: Den gode overgang – fra indlæggelse til udskrivelse (i gang)");
    }

    [Fact]
    public void Applying_moves_everything_once_and_the_overview_is_identical()
    {
        var world = World.Create();
        var syd = world.Syd;
        var before = EconomyOverview.Compute(syd.Pools.Where(p => p.Body == syd.Body), SydMoney.August2025);

        var record = Handover.Apply(world.Plan().Value!, HandoverDay, world.Done).Value!;

        var after = EconomyOverview.Compute(syd.Pools.Where(p => p.Body == syd.Council), SydMoney.August2025);
        Assert.Equal(before, after);
        Assert.DoesNotContain(syd.Pools, p => p.Body == syd.Body);
        Assert.All(syd.Pools, p => Assert.Equal(syd.Council.Id, p.BodyId));
        Assert.Equal(syd.Council, syd.Transition.Body);
        Assert.Equal(syd.Body, syd.Overweight.Body);
        Assert.Equal(syd.Council.Id, world.Cases[1].BodyId);
        Assert.Equal(syd.Body.Id, world.Cases[0].BodyId);
        Assert.Equal(syd.Council, world.Recommendations[0].Body);
        // The history goes along: the grants are the same objects, not copies.
        Assert.Equal(3, syd.Transition.Grants.Count);
        Assert.Equal(15, syd.Pools.Sum(p => p.Grants.Count));
        Assert.Equal(2 + 3 + 1 + 1 + 1, record.Lines.Count);
        Assert.Single(world.Done);
    }

    [Fact]
    public void Observers_carry_over_as_observers_and_members_do_not()
    {
        var world = World.Create();
        var syd = world.Syd;

        Handover.Apply(world.Plan().Value!, HandoverDay, world.Done);

        var observer = Assert.Single(syd.Council.Memberships);
        Assert.Equal(MembershipRole.Observer, observer.Role);
        Assert.Equal("Observatør Olsen", observer.Person!.Name);
        Assert.Equal(new DateOnly(2026, 1, 1), observer.From);
        Assert.Equal(2, syd.Body.Memberships.Count);
    }

    [Fact]
    public void Members_of_a_chosen_organisation_continue_as_observers_of_the_successor_as_kobenhavn_in_the_council()
    {
        var world = World.Create();
        var syd = world.Syd;
        var madsen = syd.Body.Memberships.Single(m => m.Person?.Name == "Medlem Madsen");
        (madsen.OrganisationId, madsen.Organisation) = (syd.Copenhagen.Id, syd.Copenhagen);

        var plan = Handover.Plan(syd.Body, syd.Projects, syd.Pools, world.Cases, world.Recommendations, world.Done, [syd.Copenhagen.Id]).Value!;
        Handover.Apply(plan, HandoverDay, world.Done);

        Assert.Equal(["Medlem Madsen", "Observatør Olsen"], syd.Council.Memberships.Select(m => m.Person!.Name).Order());
        Assert.All(syd.Council.Memberships, m => Assert.Equal(MembershipRole.Observer, m.Role));
        Assert.Equal(syd.Copenhagen, syd.Council.Memberships.Single(m => m.Person!.Name == "Medlem Madsen").Organisation);
        // The seat in the cluster stays in its history as a member's.
        Assert.Equal(MembershipRole.Member, madsen.Role);
        Assert.Contains(world.Done.Single().Lines, l => l.Kind == HandoverKind.Observer && l.Text == "Observatør: Medlem Madsen");
    }

    [Fact]
    public void A_second_handover_is_refused_and_changes_nothing()
    {
        var world = World.Create();
        var syd = world.Syd;
        var plan = world.Plan().Value!;
        Handover.Apply(plan, HandoverDay, world.Done);

        var again = Handover.Apply(plan, HandoverDay, world.Done);
        var replanned = world.Plan();

        Assert.Equal("handover.already_done", Assert.Single(again.Errors).Code);
        Assert.Equal("Politisk Sundhedsklynge Syd blev overdraget til Sundhedsråd Amager og Vestegnen den 31. december 2025. Intet overdrages to gange.",
            Assert.Single(replanned.Errors).Message);
        Assert.Single(world.Done);
        Assert.Single(syd.Council.Memberships);
    }

    [Fact]
    public void A_body_without_successor_cannot_be_handed_over()
    {
        var body = new Body { Id = 9, Name = "Politisk Sundhedsklynge Holbæk", ValidFrom = new(2022, 1, 1) };

        var result = Handover.Plan(body, [], [], [], [], []);

        var error = Assert.Single(result.Errors);
        Assert.Equal("handover.no_successor", error.Code);
        Assert.Equal("Politisk Sundhedsklynge Holbæk har intet efterfølgende udvalg. Angiv efterfølgeren, før der kan overdrages.", error.Message);
    }
}
