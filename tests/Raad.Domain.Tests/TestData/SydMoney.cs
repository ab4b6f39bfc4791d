using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Meetings;
using Raad.Domain.Money;
using Raad.Domain.People;

namespace Raad.Domain.Tests.TestData;

/// <summary>
/// Syd's cluster funds as the seeds state them: the pools, the contributions, the seven projects of Tabel 1 (`000`),
/// every grant tied to the agenda item that decided it, and the forecasts behind Tabel 1.
/// Where the seeds do not say, the choice is marked ASSUMPTION; where they disagree, AMBIGUOUS.
/// </summary>
public sealed class SydMoney
{
    public static readonly DateOnly January2023 = new(2023, 1, 18);
    public static readonly DateOnly April2023 = new(2023, 4, 26);
    public static readonly DateOnly November2023 = new(2023, 11, 16);
    public static readonly DateOnly March2024 = new(2024, 3, 18);
    public static readonly DateOnly August2025 = new(2025, 8, 27);

    /// <summary>ASSUMPTION: the day of the forecasts in Tabel 1; the agenda of 27 August 2025 does not date them.</summary>
    public static readonly DateOnly ForecastDay = new(2025, 8, 1);

    public Body Body { get; } = Syd.Body();
    public Body Professional { get; } = new() { Id = 2, Name = "Faglig Sundhedsklynge Syd", Level = BodyLevel.Professional, ValidFrom = Syd.ValidFrom, ValidTo = Syd.ValidTo };

    /// <summary>The name proposed in `000`; the ministry's approval was awaited.</summary>
    public Body Council { get; } = new() { Id = 3, Name = "Sundhedsråd Amager og Vestegnen", Level = BodyLevel.Political, ValidFrom = new(2026, 1, 1) };

    public Organisation Copenhagen { get; } = new() { Id = 1, Name = "Københavns Kommune", Kind = OrganisationKind.Municipality };
    public Organisation Hospital { get; } = new() { Id = 2, Name = "Amager og Hvidovre Hospital", Kind = OrganisationKind.Hospital };
    public Organisation Psychiatry { get; } = new() { Id = 3, Name = "Region Hovedstadens Psykiatri", Kind = OrganisationKind.Hospital };
    public Organisation Hvidovre { get; } = new() { Id = 4, Name = "Hvidovre Kommune", Kind = OrganisationKind.Municipality };

    public Meeting MeetingJanuary2023 { get; }
    public Meeting MeetingApril2023 { get; }
    public Meeting MeetingNovember2023 { get; }
    public Meeting MeetingMarch2024 { get; }
    public Meeting MeetingAugust2025 { get; }

    /// <summary>18 January 2023, item 2: the funds for 2022 are carried over to 2023.</summary>
    public AgendaItem CarryOverDecision { get; }

    /// <summary>18 January 2023, item 3: the somatic initiatives and their amounts.</summary>
    public AgendaItem SomaticDecision2023 { get; }

    /// <summary>26 April 2023, item 2: the psychiatric initiatives.</summary>
    public AgendaItem PsychiatricDecision2023 { get; }

    /// <summary>26 April 2023, item 3: more money for breastfeeding and overweight.</summary>
    public AgendaItem SomaticIncrease2023 { get; }

    /// <summary>ASSUMPTION: 16 November 2023, the money for 2024 (the seeds only show the plan of 2 mio. kr. a year for psychiatry).</summary>
    public AgendaItem Grants2024 { get; }

    /// <summary>18 March 2024: remainder funds may be given to existing projects when needed (`000`); also, by ASSUMPTION, the last grants.</summary>
    public AgendaItem RemainderDecision { get; }

    /// <summary>27 August 2025, item 5: "Økonomiopfølgning på sundhedsklyngemidler", where Tabel 1 is printed.</summary>
    public AgendaItem EconomyItem { get; }

    public FundingPool Pool2022 { get; }
    public FundingPool Pool2023 { get; }
    public FundingPool Pool2024 { get; }
    public IReadOnlyList<FundingPool> Pools => [Pool2022, Pool2023, Pool2024];

    public HealthAgreement Agreement { get; }
    public FocusArea Elderly { get; }
    public FocusArea Mental { get; }
    public FocusArea Children { get; }

    public Project Transition { get; }
    public Project TransitionResearch { get; }
    public Project TemporaryPlaces { get; }
    public Project Breastfeeding { get; }
    public Project Overweight { get; }
    public Project AdultPsychiatry { get; }
    public Project ChildPsychiatry { get; }
    public IReadOnlyList<Project> Projects => [Transition, TransitionResearch, TemporaryPlaces, Breastfeeding, Overweight, AdultPsychiatry, ChildPsychiatry];

    public ReportingPlan ReportingPlan { get; }

    public SydMoney()
    {
        Body.Successor = Council;
        Body.SuccessorId = Council.Id;

        MeetingJanuary2023 = Meeting(101, Body, January2023, MeetingKind.Ordinary);
        MeetingApril2023 = Meeting(102, Body, April2023, MeetingKind.Extraordinary);
        MeetingNovember2023 = Meeting(103, Body, November2023, MeetingKind.Ordinary);
        MeetingMarch2024 = Meeting(104, Body, March2024, MeetingKind.Ordinary);
        MeetingAugust2025 = Meeting(106, Body, August2025, MeetingKind.Ordinary);

        CarryOverDecision = Item(MeetingJanuary2023, 1001, 2, "Beslutning om principper for anvendelse af midler og ressourcer", ItemKind.Decision);
        SomaticDecision2023 = Item(MeetingJanuary2023, 1002, 3, "Beslutning om indsatser på det somatiske område for 2023", ItemKind.Decision);
        PsychiatricDecision2023 = Item(MeetingApril2023, 1003, 2, "Beslutning om indsatser på det psykiatriske område for 2023", ItemKind.Decision);
        SomaticIncrease2023 = Item(MeetingApril2023, 1004, 3, "Beslutning om midler til indsatser på det somatiske område for 2023", ItemKind.Decision);
        Grants2024 = Item(MeetingNovember2023, 1005, 3, "Beslutning om midler til indsatserne i 2024", ItemKind.Decision);
        RemainderDecision = Item(MeetingMarch2024, 1006, 4, "Beslutning om anvendelse af restmidler", ItemKind.Decision);
        EconomyItem = Item(MeetingAugust2025, 1007, 5, "Økonomiopfølgning på sundhedsklyngemidler", ItemKind.Information);

        // `001` item 3: "i alt 7.803.439 kr., 3.936.286 kr. til kommunerne og 3.867.153 kr. til regionen", the 2022 funds carried over.
        Pool2022 = new FundingPool { Id = 1, BodyId = Body.Id, Body = Body, Year = 2022, Name = "Klyngemidler 2022" };
        Pool2022.AddContribution("Kommunerne", 3_936_286m, MemberGroup.Municipal, null, null);
        Pool2022.AddContribution("Regionen", 3_867_153m, MemberGroup.Regional, null, null);
        Pool2023 = new FundingPool { Id = 2, BodyId = Body.Id, Body = Body, Year = 2023, Name = "Klyngemidler 2023", Previous = Pool2022, PreviousId = Pool2022.Id };
        // AMBIGUOUS: `001` says the municipalities and the region receive "tilsvarende beløb" for 2023, which would make
        // 15.606.878 kr. in all; `000` says 15,6 mio. kr. received, 200.000 kr. remainder and a pool of exactly 480.000 kr.,
        // which only add up with 15.600.000 kr. The 2023 money is therefore recorded as the difference, without a split.
        Pool2023.AddContribution("Kommunerne og regionen (engangsbevilling 2023)", 15_600_000m - Pool2022.Received, null, null, null);
        Pool2024 = new FundingPool { Id = 3, BodyId = Body.Id, Body = Body, Year = 2024, Name = "Klyngemidler 2024", Previous = Pool2023, PreviousId = Pool2023.Id };

        Agreement = new HealthAgreement
        {
            Id = 1,
            Name = "Sundhedsaftale 2024-2027",
            ValidFrom = new(2024, 1, 1),
            ValidTo = new(2027, 12, 31),
            Principles =
            [
                "Borgerne med fra start", "Helhedssyn", "Samme høje kvalitet", "Effektiv ressourceudnyttelse",
                "Fælles kompetenceudvikling", "Klar opgave- og ansvarsfordeling", "Sammenhængskraft", "Fælles ansvar for borgernes sundhed",
            ],
        };
        Elderly = Agreement.AddFocusArea("Sammen om ældre og borgere med kronisk sygdom");
        Mental = Agreement.AddFocusArea("Sammen om borgere med psykisk sygdom");
        Children = Agreement.AddFocusArea("Sammen om børn og unges sundhed");
        (Elderly.Id, Mental.Id, Children.Id) = (1, 2, 3);

        // Names as Tabel 1 prints them, its typo "Tværasektoriel" corrected. ASSUMPTION: owners other than Københavns
        // Kommune (named in `000` as owner of "Den gode overgang"), focus areas, dates and statuses.
        Transition = Project(1, "Den gode overgang – fra indlæggelse til udskrivelse", Copenhagen, Elderly,
            "Borgere, der indlægges fra eller udskrives til plejehjem, midlertidig døgnplads eller hjemmet med omfattende kommunal hjælp",
            2m, January2023, new(2025, 12, 31), ProjectStatus.Running);
        TransitionResearch = Project(2, "Følgeforskning ifm. Den gode overgang", null, Elderly, null, null, March2024, new(2025, 6, 30), ProjectStatus.Completed);
        TemporaryPlaces = Project(3, "Styrkelse af midlertidige pladser ifm. Den gode overgang", null, Elderly, null, null, March2024, new(2024, 12, 31),
            ProjectStatus.Completed);
        Breastfeeding = Project(4, "Den gode start på livet - fælles ammeindsats", Hospital, Children, "Nye familier", 1m, January2023, new(2024, 12, 31),
            ProjectStatus.Completed);
        // AMBIGUOUS: the focus area of the overweight initiative (children and adults alike); left without one.
        Overweight = Project(5, "Tværsektoriel indsats om overvægt", Hvidovre, null, "Børn, unge og voksne med overvægt", 2m, new(2023, 7, 1),
            new(2024, 6, 30), ProjectStatus.Completed);
        AdultPsychiatry = Project(6, "Implementering af samarbejdsaftalen på voksenpsykiatriområdet", Psychiatry, Mental, "Voksne med psykisk sygdom", 1m,
            April2023, new(2024, 12, 31), ProjectStatus.Completed);
        // `000` also calls it "Konkretisering og implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet".
        ChildPsychiatry = Project(7, "Implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet", Psychiatry, Mental, "Børn og unge med psykisk sygdom",
            1m, April2023, new(2025, 12, 31), ProjectStatus.Running);

        AddGoals();

        // 18 January 2023 (`001` item 3): "Administrationen anbefaler at der afsættes ..." and the members approved the amounts.
        Grant(Pool2023, Transition, GrantKind.Grant, 2_000_000m, SomaticDecision2023);
        Grant(Pool2023, Overweight, GrantKind.Grant, 1_000_000m, SomaticDecision2023);
        Grant(Pool2023, Breastfeeding, GrantKind.Grant, 500_000m, SomaticDecision2023);
        // 26 April 2023 (`002`): 1 mio. kr. each to the psychiatric initiatives; breastfeeding from 500.000 kr. to 1 mio. kr.;
        // overweight from 1 to 2 mio. kr., one 2-year post becoming two 1-year posts ("fremskudt brug af midler").
        Grant(Pool2023, AdultPsychiatry, GrantKind.Grant, 1_000_000m, PsychiatricDecision2023);
        Grant(Pool2023, ChildPsychiatry, GrantKind.Grant, 1_000_000m, PsychiatricDecision2023);
        Grant(Pool2023, Breastfeeding, GrantKind.Increase, 500_000m, SomaticIncrease2023, "Kvalificeret indsats: 1 årsværk, ressourcepersoner, materiale");
        Grant(Pool2023, Overweight, GrantKind.Increase, 1_000_000m, SomaticIncrease2023, "To 1-årige ansættelser i stedet for én 2-årig");
        // ASSUMPTION: the rest of Tabel 1's grants; the seeds give the totals, not the meetings.
        Grant(Pool2024, AdultPsychiatry, GrantKind.Increase, 1_000_000m, Grants2024);
        Grant(Pool2024, ChildPsychiatry, GrantKind.Increase, 1_000_000m, Grants2024);
        Grant(Pool2024, Transition, GrantKind.Increase, 2_000_000m, Grants2024);
        Grant(Pool2024, TransitionResearch, GrantKind.Grant, 2_400_000m, RemainderDecision);
        Grant(Pool2024, TemporaryPlaces, GrantKind.Grant, 1_000_000m, RemainderDecision);
        Grant(Pool2024, Breastfeeding, GrantKind.Increase, 1_000_000m, RemainderDecision);
        // `000`: "Begge projekter er tildelt 240.000 kr." under the decision of 18 March 2024.
        Grant(Pool2024, Transition, GrantKind.RemainderFunds, 240_000m, RemainderDecision, "Implementering og skalering af indsatserne");
        Grant(Pool2024, ChildPsychiatry, GrantKind.RemainderFunds, 240_000m, RemainderDecision, "Temadage, netværksdag og materiale");

        // Tabel 1, "Forventet forbrug frem til projektafslutning" ("1. mio." and "1,68. mio." as printed).
        Forecast(Transition, 4_000_000m);
        Forecast(TransitionResearch, 2_400_000m);
        Forecast(TemporaryPlaces, 1_000_000m);
        Forecast(Breastfeeding, 2_000_000m);
        Forecast(Overweight, 1_990_000m);
        Forecast(AdultPsychiatry, 1_680_000m);
        Forecast(ChildPsychiatry, 2_050_000m);

        // `001` item 3: "Faglig klynge følger op på møder i marts, juni og oktober, hvorefter der på mødet i november ... fremlægges en status".
        ReportingPlan = new ReportingPlan { Id = 1, BodyId = Body.Id, Body = Body };
        ReportingPlan.Add(Professional, 3, ReportKind.FollowUp);
        ReportingPlan.Add(Professional, 6, ReportKind.FollowUp);
        ReportingPlan.Add(Professional, 10, ReportKind.FollowUp);
        ReportingPlan.Add(Body, 11, ReportKind.Status);
    }

    private void AddGoals()
    {
        // `004`, "Politiske mål for 2023" of each initiative.
        Goals(Transition, 2023,
            ("At afdække og analysere processen omkring udskrivninger og indlæggelser med henblik på forslag og anbefalinger til forbedringer", null),
            ("At øge antallet af borgere, der udskrives til IV behandling i hjemmet", new Measure { Name = "Borgere udskrevet til IV-behandling i hjemmet", Unit = "borgere" }),
            ("At øge antallet af borgere på dosisdispenseret medicin", new Measure { Name = "Borgere på dosisdispenseret medicin", Unit = "borgere" }),
            ("At afdække og analysere tværsektorielle snitflader og samarbejder med etablering af Fælles Akutmodtagelse (FAM)", null));
        Goals(Overweight, 2023,
            ("At der udarbejdes et samlet katalog på både børne og voksenområdet med overblik over eksisterende tilbud samt anbefalinger til tværsektorielle indsatser", null));
        Goals(Breastfeeding, 2023,
            ("At øge andelen af børn, der bliver ammet fuldt ud efter 2 uger", new Measure { Name = "Andel børn, der ammes fuldt ud efter 2 uger", Unit = "%" }),
            ("At forældrene oplever at blive godt forberedt på amningen og inddrages i det videre tværsektorielle samarbejde om amning", null),
            ("At der i Sydklyngen udvikles en bæredygtig tværsektoriel model for fastholdelse og udvikling af kompetencer inden for amning", null));
    }

    private static void Goals(Project project, int year, params (string Text, Measure? Measure)[] goals)
    {
        foreach (var (text, measure) in goals)
        {
            project.Goals.Add(new Goal { Project = project, Year = year, Text = text, Measure = measure, Position = project.Goals.Count + 1 });
        }
    }

    private Project Project(int id, string title, Organisation? owner, FocusArea? area, string? targetGroup, decimal? staffYears, DateOnly start,
        DateOnly end, ProjectStatus status) => new()
        {
            Id = id,
            BodyId = Body.Id,
            Body = Body,
            Title = title,
            Owner = owner,
            OwnerId = owner?.Id,
            FocusArea = area,
            FocusAreaId = area?.Id,
            TargetGroup = targetGroup,
            StaffYears = staffYears,
            Start = start,
            End = end,
            Status = status,
        };

    private static Meeting Meeting(int id, Body body, DateOnly date, MeetingKind kind) => MeetingIn.State(new()
    {
        Id = id,
        BodyId = body.Id,
        Body = body,
        Date = date,
        Kind = kind,
    }, MeetingStatus.MinutesApproved);

    private static AgendaItem Item(Meeting meeting, int id, int number, string title, ItemKind kind)
    {
        var item = new AgendaItem { Id = id, MeetingId = meeting.Id, Meeting = meeting, Number = number, Position = number * 10, Title = title, Kind = kind };
        meeting.Items.Add(item);
        return item;
    }

    private static void Grant(FundingPool pool, Project project, GrantKind kind, decimal amount, AgendaItem decidedBy, string? note = null)
    {
        var recorded = Raad.Domain.Money.Grant.Record(pool, project, kind, amount, decidedBy.Meeting!.Date, decidedBy, note: note);
        if (!recorded.IsSuccess)
        {
            throw new InvalidOperationException(recorded.Errors[0].Message);
        }
    }

    private static void Forecast(Project project, decimal expected)
    {
        var recorded = SpendForecast.Record(project, ForecastDay, expected);
        if (!recorded.IsSuccess)
        {
            throw new InvalidOperationException(recorded.Errors[0].Message);
        }
    }
}
