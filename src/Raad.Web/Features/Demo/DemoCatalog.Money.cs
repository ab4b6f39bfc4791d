using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Meetings;
using Raad.Domain.Money;
using Raad.Domain.People;

namespace Raad.Web.Features.Demo;

/// <summary>Syd's cluster funds in the demo: the pools, the seven projects of Tabel 1, their grants and forecasts, the plans.</summary>
public sealed record DemoMoney(
    Body Professional,
    IReadOnlyList<FundingPool> Pools,
    IReadOnlyList<Project> Projects,
    IReadOnlyList<HealthAgreement> Agreements,
    IReadOnlyList<ReportingPlan> ReportingPlans,
    AgendaItem EconomyItem);

public static partial class DemoCatalog
{
    /// <summary>The day the published agenda of 27 August 2025 froze Tabel 1: the day it went out.</summary>
    public static readonly DateOnly EconomyTableDay = new(2025, 8, 15);

    /// <summary>Assumption: the day of the forecasts behind Tabel 1; the agenda of 27 August 2025 does not date them.</summary>
    private static readonly DateOnly ForecastDay = new(2025, 8, 1);

    /// <summary>
    /// The money of Politisk Sundhedsklynge Syd as the seeds state it: 001 item 3 (the 2022 funds, 7.803.439 kr.,
    /// carried over; the January grants), 002 items 2 and 3 (the April grants and increases) and 000 item 5 (Tabel 1:
    /// 15,6 mio. kr. received, 15,4 mio. kr. granted, the forecasts, 240.000 kr. of remainder funds to each of two
    /// projects under the decision of 18 March 2024). The same figures as the domain tests' SydMoney.
    /// </summary>
    private static DemoMoney SydMoney(Registry r, Body syd, Meeting january, Meeting april, IReadOnlyList<Meeting> planned, Meeting august)
    {
        var professional = new Body
        {
            Name = "Faglig Sundhedsklynge Syd",
            Level = BodyLevel.Professional,
            ValidFrom = SydStart,
            ValidTo = SydEnd,
            Description = "Den administrative klynge, der følger op på Politisk Sundhedsklynge Syds indsatser i marts, juni og oktober.",
            StandardItems = Body.DefaultTemplate(),
        };

        var somatic = january.Items[2];
        var (psychiatric, somaticIncrease) = (april.Items[1], april.Items[2]);
        var grants2024 = DecisionItem(planned.Single(m => m.Date == new DateOnly(2023, 11, 16)),
            "Beslutning om midler til indsatserne i 2024",
            "Indstillingen blev tiltrådt. Indsatserne for voksen- og børne-/ungepsykiatrien og Den gode overgang videreføres i 2024.");
        var remainder = DecisionItem(planned.Single(m => m.Date == new DateOnly(2024, 3, 18)),
            "Beslutning om anvendelse af restmidler",
            "Indstillingen blev tiltrådt. Restmidler kan tildeles eksisterende projekter ved behov.");

        // 001 item 3: "i alt 7.803.439 kr., 3.936.286 kr. til kommunerne og 3.867.153 kr. til regionen", the 2022 funds carried over.
        var pool2022 = new FundingPool { Body = syd, Year = 2022, Name = "Klyngemidler 2022" };
        pool2022.AddContribution("Kommunerne", 3_936_286m, MemberGroup.Municipal, null, null);
        pool2022.AddContribution("Regionen", 3_867_153m, MemberGroup.Regional, null, null);
        // Assumption: 001 says the parties receive "tilsvarende beløb" for 2023, which would make 15.606.878 kr. in all;
        // 000 says 15,6 mio. kr. received, 200.000 kr. in rest and a pool of exactly 480.000 kr., which only add up
        // with 15.600.000 kr. The 2023 money is the difference, without a split between the parties.
        var pool2023 = new FundingPool { Body = syd, Year = 2023, Name = "Klyngemidler 2023", Previous = pool2022 };
        pool2023.AddContribution("Kommunerne og regionen (engangsbevilling 2023)", 15_600_000m - pool2022.Received, null, null, null);
        var pool2024 = new FundingPool { Body = syd, Year = 2024, Name = "Klyngemidler 2024", Previous = pool2023 };

        var agreement = new HealthAgreement
        {
            Name = "Sundhedsaftale 2024-2027",
            ValidFrom = new(2024, 1, 1),
            ValidTo = new(2027, 12, 31),
            Principles =
            [
                "Borgerne med fra start", "Helhedssyn", "Samme høje kvalitet", "Effektiv ressourceudnyttelse",
                "Fælles kompetenceudvikling", "Klar opgave- og ansvarsfordeling", "Sammenhængskraft", "Fælles ansvar for borgernes sundhed",
            ],
        };
        var elderly = agreement.AddFocusArea("Sammen om ældre og borgere med kronisk sygdom");
        var mental = agreement.AddFocusArea("Sammen om borgere med psykisk sygdom");
        var children = agreement.AddFocusArea("Sammen om børn og unges sundhed");

        var copenhagen = r.Org("Københavns Kommune", OrganisationKind.Municipality);
        var hospital = r.Org("Amager og Hvidovre Hospital", OrganisationKind.Hospital);
        var psychiatry = r.Org("Region Hovedstadens Psykiatri", OrganisationKind.Hospital);
        var hvidovre = r.Org("Hvidovre Kommune", OrganisationKind.Municipality);

        // Titles as Tabel 1 prints them ("Tværasektoriel" corrected). Assumption: the owners other than Københavns Kommune
        // (named in 000 as owner of "Den gode overgang"), the focus areas, dates and statuses.
        Project Project(string title, Organisation? owner, FocusArea? area, string? targetGroup, decimal? staffYears, DateOnly start, DateOnly end,
            ProjectStatus status) => new()
            {
                Body = syd,
                Title = title,
                Owner = owner,
                FocusArea = area,
                TargetGroup = targetGroup,
                StaffYears = staffYears,
                Start = start,
                End = end,
                Status = status,
            };
        var transition = Project("Den gode overgang – fra indlæggelse til udskrivelse", copenhagen, elderly,
            "Borgere, der indlægges fra eller udskrives til plejehjem, midlertidig døgnplads eller hjemmet med omfattende kommunal hjælp",
            2m, january.Date, new(2025, 12, 31), ProjectStatus.Running);
        var research = Project("Følgeforskning ifm. Den gode overgang", null, elderly, null, null, remainder.Meeting!.Date, new(2025, 6, 30),
            ProjectStatus.Completed);
        var temporaryPlaces = Project("Styrkelse af midlertidige pladser ifm. Den gode overgang", null, elderly, null, null, remainder.Meeting.Date,
            new(2024, 12, 31), ProjectStatus.Completed);
        var breastfeeding = Project("Den gode start på livet - fælles ammeindsats", hospital, children, "Nye familier", 1m, january.Date,
            new(2024, 12, 31), ProjectStatus.Completed);
        // The overweight initiative is for children and adults alike, so it is left without a focus area.
        var overweight = Project("Tværsektoriel indsats om overvægt", hvidovre, null, "Børn, unge og voksne med overvægt", 2m, new(2023, 7, 1),
            new(2024, 6, 30), ProjectStatus.Completed);
        var adultPsychiatry = Project("Implementering af samarbejdsaftalen på voksenpsykiatriområdet", psychiatry, mental,
            "Voksne med psykisk sygdom", 1m, april.Date, new(2025, 9, 30), ProjectStatus.Completed);
        // 000 also calls it "Konkretisering og implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet".
        var childPsychiatry = Project("Implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet", psychiatry, mental,
            "Børn og unge med psykisk sygdom", 1m, april.Date, new(2025, 12, 31), ProjectStatus.Running);

        // 001 item 3, "Politiske mål for 2023" of each initiative.
        Goals(transition, 2023,
            ("At afdække og analysere processen omkring udskrivninger og indlæggelser med henblik på forslag og anbefalinger til forbedringer", null),
            ("At øge antallet af borgere, der udskrives til IV behandling i hjemmet", new Measure { Name = "Borgere udskrevet til IV-behandling i hjemmet", Unit = "borgere" }),
            ("At øge antallet af borgere på dosisdispenseret medicin", new Measure { Name = "Borgere på dosisdispenseret medicin", Unit = "borgere" }),
            ("At afdække og analysere tværsektorielle snitflader og samarbejder med etablering af Fælles Akutmodtagelse (FAM)", null));
        Goals(overweight, 2023,
            ("At der udarbejdes et samlet katalog på både børne og voksenområdet med overblik over eksisterende tilbud samt anbefalinger til tværsektorielle indsatser", null));
        Goals(breastfeeding, 2023,
            ("At øge andelen af børn, der bliver ammet fuldt ud efter 2 uger", new Measure { Name = "Andel børn, der ammes fuldt ud efter 2 uger", Unit = "%" }),
            ("At forældrene oplever at blive godt forberedt på amningen og inddrages i det videre tværsektorielle samarbejde om amning", null),
            ("At der i Sydklyngen udvikles en bæredygtig tværsektoriel model for fastholdelse og udvikling af kompetencer inden for amning", null));

        // 18 January 2023 (001 item 3): the members approved the amounts the administration recommended.
        Grant(pool2023, transition, GrantKind.Grant, 2_000_000m, somatic);
        Grant(pool2023, overweight, GrantKind.Grant, 1_000_000m, somatic);
        Grant(pool2023, breastfeeding, GrantKind.Grant, 500_000m, somatic);
        // 26 April 2023 (002): 1 mio. kr. to each psychiatric initiative; breastfeeding from 500.000 kr. to 1 mio. kr.;
        // overweight from 1 to 2 mio. kr., one 2-year post becoming two 1-year posts.
        Grant(pool2023, adultPsychiatry, GrantKind.Grant, 1_000_000m, psychiatric);
        Grant(pool2023, childPsychiatry, GrantKind.Grant, 1_000_000m, psychiatric);
        Grant(pool2023, breastfeeding, GrantKind.Increase, 500_000m, somaticIncrease, "Kvalificeret indsats: 1 årsværk, ressourcepersoner, materiale");
        Grant(pool2023, overweight, GrantKind.Increase, 1_000_000m, somaticIncrease, "To 1-årige ansættelser i stedet for én 2-årig");
        // Assumption: the rest of Tabel 1's grants; the seeds give the totals, not the meetings that made them.
        Grant(pool2024, adultPsychiatry, GrantKind.Increase, 1_000_000m, grants2024);
        Grant(pool2024, childPsychiatry, GrantKind.Increase, 1_000_000m, grants2024);
        Grant(pool2024, transition, GrantKind.Increase, 2_000_000m, grants2024);
        Grant(pool2024, research, GrantKind.Grant, 2_400_000m, remainder);
        Grant(pool2024, temporaryPlaces, GrantKind.Grant, 1_000_000m, remainder);
        Grant(pool2024, breastfeeding, GrantKind.Increase, 1_000_000m, remainder);
        // 000 item 5: "Begge projekter er tildelt 240.000 kr." under the decision of 18 March 2024.
        Grant(pool2024, transition, GrantKind.RemainderFunds, 240_000m, remainder,
            "Virtuel visitation, tværsektorielle virtuelle konferencer og et kompetenceforløb om den ældre, skrøbelige borger");
        Grant(pool2024, childPsychiatry, GrantKind.RemainderFunds, 240_000m, remainder,
            "Temadage om selvmordsforebyggelse og arousal regulering, en udvidet netværksdag og materiale");

        // Tabel 1, "Forventet forbrug frem til projektafslutning".
        Project[] projects = [transition, research, temporaryPlaces, breastfeeding, overweight, adultPsychiatry, childPsychiatry];
        decimal[] expected = [4_000_000m, 2_400_000m, 1_000_000m, 2_000_000m, 1_990_000m, 1_680_000m, 2_050_000m];
        foreach (var (project, amount) in projects.Zip(expected))
        {
            Check(SpendForecast.Record(project, ForecastDay, amount));
        }

        // 001 item 3: "Faglig klynge følger op på møder i marts, juni og oktober, hvorefter der på mødet i november ... fremlægges en status".
        var plan = new ReportingPlan { Body = syd };
        plan.Add(professional, 3, ReportKind.FollowUp);
        plan.Add(professional, 6, ReportKind.FollowUp);
        plan.Add(professional, 10, ReportKind.FollowUp);
        plan.Add(syd, 11, ReportKind.Status);

        // 000 item 5 prints Tabel 1 as of the day the agenda went out; the loader freezes it from these figures.
        var economyItem = august.Items[4];
        economyItem.EconomyAsOf = EconomyTableDay;

        return new DemoMoney(professional, [pool2022, pool2023, pool2024], projects, [agreement], [plan], economyItem);
    }

    /// <summary>
    /// "Godkendte indsatser i Holbæk Sundhedsklyngen" (003 item 3): eight initiatives by target group of the health
    /// agreement, each with its owner ("indsatsejer og tovholder"). The minutes give no money, periods or statuses;
    /// Assumption: all running ("nogle fortsat under implementering, mens andre er implementerede").
    /// </summary>
    private static IEnumerable<Project> HolbaekProjects(Registry r, Body forum)
    {
        var municipality = r.Org("Holbæk Kommune", OrganisationKind.Municipality);
        var hospital = r.Org("Holbæk Sygehus", OrganisationKind.Hospital);
        var kalundborg = r.Org("Kalundborg Kommune", OrganisationKind.Municipality);
        var psychiatry = r.Org("Psykiatrien", OrganisationKind.Hospital);
        (string Group, string Title, Organisation Owner)[] table =
        [
            ("Børn og unges trivsel", "Samarbejde om henvisninger til børne- og ungepsykiatrien", municipality),
            ("Børn og unges trivsel", "Sammen om sunde familier", hospital),
            ("Borgere med kronisk eller langvarig sygdom", "Tværsektorielle video-møder", kalundborg),
            ("Borgere med kronisk eller langvarig sygdom", "Palliation og den sidste tid", municipality),
            ("Sårbare ældre", "Reduktion af genindlæggelser ved implementering af 72 timers behandlingsansvar", hospital),
            ("Sårbare ældre", "Bedre udskrivelser og forebyggelse af akutte kontakter", hospital),
            ("Voksne med psykisk sygdom", "Videreudvikling og robust implementering af IPS (Individuelt Planlagt job med Støtte)", psychiatry),
            ("Voksne med psykisk sygdom", "IPS-botilbud til personer på midlertidige bosteder", psychiatry),
        ];
        return table.Select(row => new Project { Body = forum, Title = row.Title, TargetGroup = row.Group, Owner = row.Owner, Status = ProjectStatus.Running });
    }

    /// <summary>Assumption: the papers of this meeting are not among the seeds; 000 refers to the decision, so the item is given it.</summary>
    private static AgendaItem DecisionItem(Meeting meeting, string title, string decision)
    {
        var item = new AgendaItem
        {
            Title = title,
            Kind = ItemKind.Decision,
            DurationMinutes = 20,
            Presentation = "Mødets dagsorden er ikke blandt demoens kildedokumenter; punktet er gengivet efter omtalen i dagsordenen af 27. august 2025.",
            Decision = decision,
        };
        AddItems(meeting, item);
        return item;
    }

    private static void Goals(Project project, int year, params (string Text, Measure? Measure)[] goals)
    {
        foreach (var (text, measure) in goals)
        {
            project.Goals.Add(new Goal { Project = project, Year = year, Text = text, Measure = measure, Position = project.Goals.Count + 1 });
        }
    }

    private static void Grant(FundingPool pool, Project project, GrantKind kind, decimal amount, AgendaItem decidedBy, string? note = null) =>
        Check(Domain.Money.Grant.Record(pool, project, kind, amount, decidedBy.Meeting!.Date, decidedBy, note: note));

    private static void Check<T>(Domain.Common.Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Errors[0].Message);
        }
    }
}
