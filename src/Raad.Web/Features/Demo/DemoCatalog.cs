using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Cases;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Domain.Procedure;

namespace Raad.Web.Features.Demo;

/// <summary>The demo graph, ready for EF Core to insert: no ids, entities linked through navigations.</summary>
public sealed record DemoSet(
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<Person> People,
    IReadOnlyList<Body> Bodies,
    IReadOnlyList<Case> Cases,
    IReadOnlyList<Meeting> Meetings,
    IReadOnlyList<RulesOfProcedure> Rules,
    DemoMoney Money);

/// <summary>
/// The demo, built from the seed documents: Politisk Sundhedsklynge Syd (000 agenda 27 August 2025, 001 minutes
/// 18 January 2023, 002 agenda 26 April 2023, 004 rules of procedure) and HOL Sundhedsklynge Politisk Forum
/// (003 minutes 29 October 2025). Names, dates, times, durations, amounts and decisions are as printed; long
/// texts are shortened. Every assumption is marked "Assumption" where it is made.
/// </summary>
public static partial class DemoCatalog
{
    // Syd's rules of procedure apply from the constituent meeting to the end of 2025 (004, § 6).
    private static readonly DateOnly SydStart = new(2022, 9, 28);
    private static readonly DateOnly SydEnd = new(2025, 12, 31);

    // Assumption: 002 (April 2023) and 000 (August 2025) show seats held by different people, but no document
    // says when they changed hands. All such changes are put at the turn of 2024 (the date the domain tests'
    // Syd data assumes too), so that one correction fixes them all.
    private static readonly DateOnly ChangeLastDay = new(2023, 12, 31);
    private static readonly DateOnly ChangeFirstDay = new(2024, 1, 1);

    private static readonly DateOnly August2025 = new(2025, 8, 27);

    private const string NoExpenses = "Sagen er ikke forbundet med udgifter, der kræver særskilt stillingtagen.";

    public static DemoSet Build()
    {
        var registry = new Registry();

        var amagerVestegnen = new Body
        {
            Name = "Sundhedsråd Amager og Vestegnen",
            Level = BodyLevel.Political,
            ValidFrom = new DateOnly(2027, 1, 1),
            Description = "Sundhedsrådet, der fra 1. januar 2027 afløser Politisk Sundhedsklynge Syd. Arbejdsnavn: "
                + "Sundhedsråd Hovedstaden Syd og Vest. Navnet er foreslået af Region Hovedstadens forretningsudvalg; "
                + "Indenrigs- og Sundhedsministeriets godkendelse afventes. Københavns Kommune foreslås som observatør.",
            StandardItems = Body.DefaultTemplate(),
        };
        var syd = new Body
        {
            Name = "Politisk Sundhedsklynge Syd",
            Level = BodyLevel.Political,
            ValidFrom = SydStart,
            ValidTo = SydEnd,
            Successor = amagerVestegnen,
            Description = "Politisk sundhedsklynge for Region Hovedstaden, 11 kommuner og almen praksis (PLO-Hovedstaden) "
                + "i Amager og Hvidovre Hospitals område. Forretningsordenen gælder fra 28. september 2022 til 31. december 2025.",
            StandardItems = Body.DefaultTemplate(),
        };
        AddSydMemberships(registry, syd);

        var january = January2023(syd);
        var april = April2023(syd);
        var august = August2025Meeting(syd);

        var psychiatry = new Case { Title = "Indsatser på det psykiatriske område for 2023", Body = syd };
        Link(psychiatry, january.Items[3], april.Items[1]);
        var somatic = new Case { Title = "Indsatser på det somatiske område for 2023", Body = syd };
        Link(somatic, january.Items[2], april.Items[2]);
        var funds = new Case { Title = "Sundhedsklyngemidler", Body = syd };
        Link(funds, january.Items[1], august.Items[4]);

        var (hol, holSuccessor, holMeeting, holCase) = BuildHolbaek(registry);

        var planned = PlanMeetings(syd).ToList();
        var sydMoney = SydMoney(registry, syd, january, april, planned, august);
        var money = sydMoney with { Projects = [.. sydMoney.Projects, .. HolbaekProjects(registry, hol)] };
        Link(funds, [.. money.Pools.SelectMany(p => p.Grants).Select(g => g.DecidedByItem!).Distinct().Where(i => i.Case is null)]);

        var (preparatory, councilMeetings) = BuildAmagerVestegnen(syd, amagerVestegnen);

        List<Meeting> meetings = [january, april, .. planned, august, holMeeting, .. councilMeetings];
        return new DemoSet(
            registry.Organisations,
            registry.People,
            [syd, amagerVestegnen, money.Professional, hol, holSuccessor, preparatory],
            [psychiatry, somatic, funds, holCase],
            meetings,
            [SydRules(syd), HolbaekRules(hol)],
            money);
    }

    /// <summary>Forretningsorden for Politisk sundhedsklynge Syd (seed 004, § 1-§ 6).</summary>
    public static RulesOfProcedure SydRules(Body syd) => new()
    {
        Body = syd,
        Title = "Forretningsorden for Politisk sundhedsklynge Syd",
        ValidFrom = new DateOnly(2022, 9, 28),
        ValidTo = new DateOnly(2025, 12, 31),
        RegionalSeats = 4,
        MunicipalSeats = 11,
        GeneralPracticeSeats = 2,
        SubstitutesAllowed = true,
        MinOrdinaryMeetingsPerYear = 2,
        ItemRequestLeadDays = 28,
        AgendaNoticeDays = 10,
        MinutesDispatchDays = 10,
        ObjectionWindowDays = 8,
        WrittenProcedureAllowed = true,
        WrittenProcedureObjectionsToMeeting = 1,
        OrdinaryNoticeDays = 21,
        ExtraordinaryShortNoticeAllowed = true,
        VirtualOrdinaryAllowed = false,
        ChairsInTurn = true,
        QuorumShare = 0.5m,
        QuorumRequiredGroups = [MemberGroup.Regional, MemberGroup.Municipal],
        TopicRequirements = [new TopicRequirement { Topic = "almen praksis", Group = MemberGroup.GeneralPractice }],
        MinutesApproval = MinutesApproval.ObjectionWindow,
    };

    /// <summary>
    /// Holbæk's forum approves its minutes at the end of the meeting (seed 003, item "Godkendelse af referat").
    /// Its forretningsorden is not among the seeds: the other numbers are Syd's, the composition is the demo's
    /// members, and virtual ordinary meetings are allowed because the forum met on Teams (assumptions).
    /// </summary>
    public static RulesOfProcedure HolbaekRules(Body hol)
    {
        var rules = SydRules(hol);
        rules.Title = "Forretningsorden for HOL Sundhedsklynge Politisk Forum";
        rules.ValidFrom = hol.ValidFrom;
        rules.ValidTo = hol.ValidTo;
        rules.RegionalSeats = hol.Memberships.Count(m => m.IsVotingMember && m.Group == MemberGroup.Regional);
        rules.MunicipalSeats = hol.Memberships.Count(m => m.IsVotingMember && m.Group == MemberGroup.Municipal);
        rules.GeneralPracticeSeats = hol.Memberships.Count(m => m.IsVotingMember && m.Group == MemberGroup.GeneralPractice);
        rules.VirtualOrdinaryAllowed = true;
        rules.MinutesApproval = MinutesApproval.AtMeeting;
        return rules;
    }

    private static void AddSydMemberships(Registry r, Body syd)
    {
        var region = r.Org("Region Hovedstaden", OrganisationKind.Region);
        var ahh = r.Org("Amager og Hvidovre Hospital", OrganisationKind.Hospital);
        var rigshospitalet = r.Org("Rigshospitalet", OrganisationKind.Hospital);
        var psykiatrien = r.Org("Region Hovedstadens Psykiatri", OrganisationKind.Hospital);
        var plo = r.Org("PLO-Hovedstaden", OrganisationKind.GeneralPractice);
        var ishoj = r.Org("Ishøj Kommune", OrganisationKind.Municipality);
        var taarnby = r.Org("Tårnby Kommune", OrganisationKind.Municipality);
        var hvidovre = r.Org("Hvidovre Kommune", OrganisationKind.Municipality);
        var rodovre = r.Org("Rødovre Kommune", OrganisationKind.Municipality);
        var vallensbaek = r.Org("Vallensbæk Kommune", OrganisationKind.Municipality);
        var glostrup = r.Org("Glostrup Kommune", OrganisationKind.Municipality);
        var dragor = r.Org("Dragør Kommune", OrganisationKind.Municipality);
        var brondby = r.Org("Brøndby Kommune", OrganisationKind.Municipality);
        var hoejeTaastrup = r.Org("Høje-Taastrup Kommune", OrganisationKind.Municipality);
        var kobenhavn = r.Org("Københavns Kommune", OrganisationKind.Municipality);
        var albertslund = r.Org("Albertslund Kommune", OrganisationKind.Municipality);

        void Add(MembershipRole role, MemberGroup? group, Person person, Organisation org,
            string? note = null, DateOnly? from = null, DateOnly? to = null) =>
            syd.Memberships.Add(new Membership
            {
                Body = syd,
                Person = person,
                Role = role,
                Group = group,
                Organisation = org,
                Note = note,
                From = from ?? SydStart,
                To = to,
            });

        const MembershipRole member = MembershipRole.Member;
        const MembershipRole coChair = MembershipRole.CoChair;
        const MembershipRole advisor = MembershipRole.Advisor;
        const MemberGroup regional = MemberGroup.Regional;
        const MemberGroup municipal = MemberGroup.Municipal;
        const MemberGroup practice = MemberGroup.GeneralPractice;
        const string admCoChair = "adm. medformand";
        const string borgmester = "borgmester";
        const string regionspolitiker = "regionspolitiker";

        // Members as printed in 000 (27 August 2025), with the seats that 002 (26 April 2023) shows held by others.
        // 002 prints no party letters, so the two who left have none.
        Add(coChair, regional, r.Person("Lars Gaardhøj", "Regionsrådsformand", "A"), region);
        Add(member, regional, r.Person("Emilie Haug Rasch", regionspolitiker), region, to: ChangeLastDay);
        Add(member, regional, r.Person("Grethe Olivia Nielsson", regionspolitiker, "Ø"), region, from: ChangeFirstDay);
        Add(member, regional, r.Person("Marianne Gerner Friis-Mikkelsen", regionspolitiker, "C"), region);
        Add(member, regional, r.Person("Stine Roldgaard", regionspolitiker, "F"), region);

        Add(coChair, municipal, r.Person("Merete Amdisen", borgmester, "A"), ishoj);
        Add(member, municipal, r.Person("Allan S. Andersen", borgmester, "A"), taarnby);
        Add(member, municipal, r.Person("Anders Wolf Andresen", borgmester, "F"), hvidovre);
        Add(member, municipal, r.Person("Britt Jensen", borgmester, "A"), rodovre);
        Add(member, municipal, r.Person("Henrik Rasmussen", borgmester, "C"), vallensbaek);
        Add(member, municipal, r.Person("Kasper Damsgaard", borgmester, "A"), glostrup);
        Add(member, municipal, r.Person("Kenneth Gøtterup", borgmester, "C"), dragor);
        Add(member, municipal, r.Person("Kent Max Magelund", borgmester), brondby, to: ChangeLastDay);
        Add(member, municipal, r.Person("Maja Højgaard", borgmester, "A"), brondby, from: ChangeFirstDay);
        Add(member, municipal, r.Person("Michael Ziegler", borgmester, "C"), hoejeTaastrup);
        Add(member, municipal, r.Person("Sisse Marie Welling", borgmester, "SF"), kobenhavn, "Sundhed og Omsorg");
        Add(member, municipal, r.Person("Steen Christiansen", borgmester, "A"), albertslund);

        Add(member, practice, r.Person("Jørgen Steen Andersen", "praktiserende læge"), plo);
        Add(member, practice, r.Person("Niels Dreisler", "praktiserende læge"), plo);

        // Advisors (bisiddere) as printed in 000, with the groups it prints them under. 002 lists its advisors
        // without groups; those only in 002 are placed by their organisation and end when the 000 holder starts.
        // 002 spells three of the same people differently ("Birgitte Rav Degenkolv", "Alberte Bryld Burgaard",
        // "Michaels Karlsen"); one Person each, with 000's spelling.
        Add(advisor, regional, r.Person("Birgitte Rav Degenkov", "hospitalsdirektør"), ahh, admCoChair);
        Add(advisor, regional, r.Person("Anne Skriver Andersen", "koncerndirektør"), region);
        Add(advisor, regional, r.Person("Helen Bernt Andersen", "kst. vicedirektør"), rigshospitalet, to: ChangeLastDay);
        Add(advisor, regional, r.Person("Randi Brinckmann", "vicedirektør"), rigshospitalet, from: ChangeFirstDay);
        Add(advisor, regional, r.Person("Lone Bjørklund", "vicedirektør"), psykiatrien);
        Add(advisor, regional, r.Person("Tina Holm Nielsen", "vicedirektør"), ahh);
        Add(advisor, regional, r.Person("Lotte Hede", "stabschef"), ahh);

        Add(advisor, municipal, r.Person("Alberte Bryld Burggaard", "velfærdsdirektør"), ishoj, admCoChair);
        Add(advisor, municipal, r.Person("Annette Hein Sørensen", "sundhedschef"), vallensbaek, to: ChangeLastDay);
        Add(advisor, municipal, r.Person("Peter Werther Andersen", "direktør for social, sundhed og økonomi"),
            vallensbaek, from: ChangeFirstDay);
        Add(advisor, municipal, r.Person("Anya Krogh Manghezi", "direktør"), hoejeTaastrup, to: ChangeLastDay);
        Add(advisor, municipal, r.Person("Jakob Lynge Lind", "direktør for social, beskæftigelse og sundhed og ældre"),
            hoejeTaastrup, from: ChangeFirstDay);
        Add(advisor, municipal, r.Person("Cecilie Engell", "direktør for social- og sundhedsforvaltningen"), brondby);
        Add(advisor, municipal, r.Person("Michael Karlsen", "direktør for social- og sundhedsforvaltningen"), rodovre);
        Add(advisor, municipal, r.Person("Per Bennetsen", "adm. direktør for sundheds- og omsorgsforvaltningen"), kobenhavn);
        Add(advisor, municipal, r.Person("Katrine Pedersen Birk", "forvaltningschef"), taarnby, to: ChangeLastDay);
        Add(advisor, municipal, r.Person("Ina S. Ringsdal", "direktør for beskæftigelses-, unge-, social- og sundhedsområdet"),
            taarnby, from: ChangeFirstDay);
        Add(advisor, municipal, r.Person("Martin Roed", "direktør for miljø og teknik, sundhed og velfærd"), glostrup);
        Add(advisor, municipal, r.Person("Pia Holm Nielsen", "direktør"), dragor, to: ChangeLastDay);
        Add(advisor, municipal, r.Person("Martin Nordentoft Rasmussen", "direktør for sundhed, pleje og rehabilitering"),
            dragor, from: ChangeFirstDay);
        Add(advisor, municipal, r.Person("Rikke Blom", "områdedirektør (børn, sundhed og velfærd)"), albertslund, to: ChangeLastDay);
        Add(advisor, municipal, r.Person("Lise Valentin Bayer", "direktør for børn, sundhed & velfærd"),
            albertslund, from: ChangeFirstDay);
        Add(advisor, municipal, r.Person("Susan Bjerregaard", "velfærdsdirektør"), hvidovre, to: ChangeLastDay);
        Add(advisor, municipal, r.Person("Tine Larting", "direktør for børn og velfærd"), hvidovre, from: ChangeFirstDay);
        Add(advisor, municipal, r.Person("Anne Kirstine Svanholt", "centerchef, Center for Voksne og Velfærd"), ishoj);

        Add(advisor, practice, r.Person("Markus Hahn", "chefkonsulent"), plo);

        // Guests (gæstedeltagere) are invited to the one meeting of 000; the note is their errand.
        const string goodTransition = "Projektejer for Den gode overgang – Fra indlæggelse til udskrivelse";
        void Guest(Person person, Organisation org, string errand) =>
            Add(MembershipRole.Guest, null, person, org, errand, August2025, August2025);
        Guest(r.Person("Stine Mieth-Waldorff", "afdelingsleder i Sundheds- og Omsorgsforvaltningen"), kobenhavn, goodTransition);
        Guest(r.Person("Louise Søndergaard Ritzau", "Sektionsleder i Patientforløb"), ahh, goodTransition);
        Guest(r.Person("Pernille Ebbesen Christensen", "chefkonsulent"), taarnby,
            "Projektleder for Implementering af samarbejdsaftalen for voksne med psykisk sygdom");
        Guest(r.Person("Ann Natasja Nielsen", "PhD., tværsektoriel projektleder i Sundhedsklynge Syd"), taarnby,
            "Projektleder for Implementering af samarbejdsaftalen for børn og unge med psykisk sygdom");

        // Secretariat: Thit Hjortskov Jensen in both 002 and 000; Ishøj's consultant changed between them.
        const MembershipRole secretariat = MembershipRole.Secretariat;
        Add(secretariat, null, r.Person("Thit Hjortskov Jensen", "konsulent"), ahh);
        Add(secretariat, null, r.Person("Kirsten Tolver Wohlenberg", "specialkonsulent"), ishoj, to: ChangeLastDay);
        Add(secretariat, null, r.Person("Lene Maj Hjortsø Fernando", "tværkommunal konsulent"), ishoj, from: ChangeFirstDay);
    }

    /// <summary>001: minutes of 18 January 2023.</summary>
    private static Meeting January2023(Body syd)
    {
        var date = new DateOnly(2023, 1, 18);
        var meeting = new Meeting
        {
            Body = syd,
            Kind = MeetingKind.Ordinary,
            Date = date,
            Start = new TimeOnly(9, 0),
            End = new TimeOnly(11, 0),
            // Assumption: 001 prints no place; a physical meeting needs one, so say so rather than invent an address.
            Location = "Mødested fremgår ikke af referatet",
            Chair = VotingSeat(syd, "Lars Gaardhøj", date),
        };
        // Assumption: not printed. Agenda out 12 days before (§ 3 stk. 3 asks 10); minutes out within 10 days,
        // approved after the 8 days for objections (§ 3 stk. 5).
        Must(meeting.RecordPublishedAgenda(At(2023, 1, 6, 12, 1)));
        Must(meeting.RecordApprovedMinutes(null, At(2023, 2, 6, 12, 1)));
        const string agendaApproval = "Dagsorden godkendes som grundlag for mødets afholdelse.\n\n"
            + "Medlemmerne fremsætter evt. bemærkninger til dagsorden.";
        AddItems(meeting,
            new AgendaItem
            {
                Title = "Velkomst og godkendelse af dagsorden",
                Kind = ItemKind.Approval,
                DurationMinutes = 5,
                Recommendation = ["at Politisk sundhedsklynge Syds medlemmer godkender dagsordenen."],
                Presentation = agendaApproval,
                Decision = "Politisk sundhedsklynge Syds medlemmer godkendte dagsordenen som grundlag for mødet.",
            },
            new AgendaItem
            {
                Title = "Beslutning om principper for anvendelse af midler og ressourcer",
                Kind = ItemKind.Decision,
                DurationMinutes = 20,
                Background = "Politisk sundhedsklynge Syd godkendte på sættemødet i september 2022, at administrationen "
                    + "skulle udarbejde en indstilling om overførsel af klyngemidlerne til 2023.",
                Recommendation =
                [
                    "at Politisk sundhedsklynge Syd anbefaler, at klyngemidlerne afsat til 2022 overføres til 2023 i de enkelte kommuner.",
                    "at Politisk sundhedsklynge Syd godkender, at der i arbejdet med de konkrete indsatser, udvikles og implementeres en robust udviklings- og forbedringsmodel.",
                ],
                Presentation = """
                    Formandskabet anbefaler, at engangsmidlerne i 2023 allokeres til konkrete projekter, der hver forankres i en kommune, på Amager og Hvidovre Hospital eller i Region Hovedstadens Psykiatri, med løbende opfølgning til det administrative formandskab og Faglig Klynge. Der anbefales 2-årige stillinger, så kompetencer i projektledelse og forbedringsarbejde bliver i klyngen, og en organisering med en robust udviklings- og forbedringsmodel og fast programledelse på tværs.

                    Rammen for finansiering: midler tildeles konkrete projekter i 2023; der afregnes i totalomkostninger for ansat personale inkl. overhead; der tillægges beløb til udviklingsinitiativer; frikøb af klinisk personale vurderes fra indsats til indsats.

                    Region Hovedstaden har overført midler fra 2022 til 2023. Anbefalingerne beror på en forventning om, at ikke anvendte midler i 2023 ligeledes overføres til 2024.
                    """,
                Presenters = "Birgitte Rav, Hospitalsdirektør, Amager og Hvidovre",
                Decision = """
                    Indstillingen blev tiltrådt.

                    Politisk sundhedsklynge Syd anbefaler, at klyngemidlerne afsat til 2022 overføres til 2023 i de enkelte kommuner.

                    På mødet var der enighed om at anvende flest mulige midler i 2023, med forbehold for at anvende midlerne bæredygtigt.

                    Politisk sundhedsklynge Syd godkendte, at der i arbejdet med de konkrete indsatser, udvikles og implementeres en robust udviklings- og forbedringsmodel. Herunder, at der etableres 2-årige stillinger.
                    """,
            },
            new AgendaItem
            {
                Title = "Beslutning om indsatser på det somatiske område for 2023",
                Kind = ItemKind.Decision,
                DurationMinutes = 30,
                Background = """
                    Det blev på sættemødet i september 2022 besluttet, at administrationen udarbejder en indstilling med forslag til konkrete indsatser, der kan løftes i den politiske klynge og prioriteres klyngemidler til.

                    Såfremt kommunerne i Klynge Syd overfører de tildelte klyngemidler for 2022 til 2023, er der for Sundhedsklynge Syd i alt 7.803.439 kr., 3.936.286 kr. til kommunerne og 3.867.153 kr. til regionen. Midlerne dækker både det somatiske og det psykiatriske område og er engangsmidler; kommuner og region modtager tilsvarende beløb for 2023 som ny engangsbevilling.
                    """,
                Recommendation =
                [
                    "at Politisk sundhedsklynge Syd beslutter, hvilke indsatser der på det somatiske område skal prioriteres politisk samt tildeles klyngemidler i 2023.",
                    "at Politisk Sundhedsklynge Syd til møde i efteråret 2023 modtager status på indsatserne.",
                ],
                Presentation = """
                    Forslagene til lokalt forankrede indsatser er kvalificeret af Faglig sundhedsklynge Syd:

                    - Den gode overgang – fra indlæggelse til udskrivelse: afdækning og analyse af overgangene mellem hospital, kommune og almen praksis ved indlæggelse og udskrivelse, flere borgere i IV-behandling i hjemmet og på dosisdispenseret medicin samt snitflader ved Fælles Akutmodtagelse (FAM). Administrationen anbefaler 2 mio. kr. i 2023 (bilag 1).
                    - Tværsektoriel indsats om overvægt: kortlægning af de tværsektorielle tilbud til børn/unge og voksne med overvægt. Administrationen anbefaler 1 mio. kr. i 2023 (bilag 2).
                    - Den gode start på livet - fælles ammeindsats: en rød tråd i ammevejledningen på tværs af faggrupper og sektorer. Administrationen anbefaler 500.000 kr. i 2023 (bilag 3).
                    """,
                FurtherProcess = "Arbejdet med indsatserne igangsættes i den organisering, der besluttes. Faglig klynge følger op "
                    + "på møder i marts, juni og oktober, hvorefter der på mødet i november 2023 fremlægges en status for de "
                    + "politisk prioriterede indsatser.",
                Decision = """
                    Indstillingen blev tiltrådt.

                    Klyngens medlemmer godkendte de anbefalede beløb til samtlige indsatser, med mulighed for at opjustere beløbene til mødet i april.

                    Derudover besluttede klyngens medlemmer, at der ved samtlige indsatser afdækkes økonomiske konsekvenser og glidning af økonomi mellem sektorer.

                    Vedr. Den gode overgang - fra indlæggelse til udskrivelse blev det besluttet, at indsatsen skal indeholde et element om lægedækning på ydertidspunkter.

                    Vedr. Tværsektoriel indsats om overvægt blev det besluttet, at der skal udarbejdes et overblik over tilbud, og beskrives gode eksempler på virksomme indsatser. Derudover blev det besluttet, at der skal udarbejdes forslag til organisering af indsatser på tværs. PLO stillede sig skeptisk over for, hvorvidt man inde for klyngens rammer kan skabe effekt på overvægtsområdet.

                    Vedr. Den gode start på live - fælles ammeindsats blev der rejst spørgsmål ved om beløbet på 500.000 kr. er tilstrækkeligt. Derfor kvalificeres indsatsen frem til næste møde i april med henblik på, om det er tilstrækkelig økonomi eller om der skal tilføres mere.
                    """,
            },
            new AgendaItem
            {
                Title = "Orientering om kortlægning af processer i samarbejdet mellem psykiatrien og kommunerne og "
                    + "beslutning om indsatser på det psykiatriske område for 2023",
                Kind = ItemKind.Decision,
                DurationMinutes = 30,
                Background = "Det blev på sættemødet i september 2022 besluttet, at Politisk sundhedsklynge Syd på mødet den "
                    + "18. januar 2023 skal forelægges en kortlægning af processer i samarbejdet mellem psykiatrien og "
                    + "kommunerne i Syd og forslag til indsatser på baggrund af kortlægningen.",
                Recommendation =
                [
                    "at Politisk sundhedsklynge Syd tager orienteringen om processer i samarbejdet mellem psykiatrien og kommuner i Syd til efterretning.",
                    "at Politisk sundhedsklynge Syd godkender, at der udarbejdes et oplæg til initiativer inden for psykiatriområdet til godkendelse på ekstraordinært virtuelt møde i Politisk sundhedsklynge syd i april.",
                    "at Politisk Sundhedsklynge Syd til møde i efteråret 2023 modtager status på indsatserne.",
                ],
                Presentation = """
                    Region Hovedstadens Psykiatri og kommunerne har siden september kortlagt processer og udfordringer i samarbejdet. Arbejdet har været forankret i driftsfora for psykiatrien, hvor centercheferne for Psykiatrisk Center Amager, Psykiatrisk Center Glostrup og Børne- og Ungepsykiatrisk Center har mødtes med de kommunale centerchefer.

                    Der findes allerede en række aftaler om koordinering mellem kommunerne og den regionale psykiatri (samarbejdsaftalen, netværksmøder, udskrivningsaftaler/koordinationsplaner, KIT og socialpædagogisk ledsagelse), og på tværs af sektorerne ønskes de konkretiseret og implementeret. Det foreslås derfor at ansætte en tværsektoriel praksiskoordinator på det børne- og ungepsykiatriske område og en på det voksenpsykiatriske område i 2023 og 2024.

                    Det foreslås, at der afsættes 1 mio. kr. til Børne- og Ungepsykiatriområdet og 1 mio. kr. til Voksenpsykiatriområdet, altså i alt 2 mio. kr. i 2023 og 2 mio. kr. i 2024, til 2 årsværk inkl. administrationsomkostninger, materiale, fælles workshops og evt. honorering af ressourcepersoner.
                    """,
                FurtherProcess = "Der udarbejdes en uddybende indsatsbeskrivelse, der bringes til endelig beslutning på "
                    + "ekstraordinært virtuelt møde i Politisk Sundhedsklynge Syd i april 2023.",
                Presenters = "Lone Bjørklund, vicedirektør, Region Hovedstadens Psykiatri; Leon Engly Honoré, kommunal formand "
                    + "for samordningsudvalg på voksenområdet samt Handicap- og Psykiatrichef i Tårnby Kommune",
                Decision = """
                    Indstillingen blev tiltrådt.

                    Politisk sundhedsklynge Syd tog orienteringen om processer i samarbejdet mellem psykiatrien og kommuner i Syd til efterretning.

                    Politisk sundhedsklynge Syd godkendte, at der udarbejdes et oplæg til initiativer inden for psykiatriområdet til godkendelse på ekstraordinært virtuelt møde i Politisk sundhedsklynge Syd i april. Derudover godkendte klyngens medlemmer, at processen for ansættelse igangsættes inden mødet i april.

                    Politisk Sundhedsklynge besluttede at drøfte PPR på mødet i november 2023 på baggrund af data fra SSU.
                    """,
            },
            new AgendaItem
            {
                Title = "Drøftelse af sundhedsaftale",
                Kind = ItemKind.Discussion,
                DurationMinutes = 20,
                Background = "Sundhedsaftalen er den overordnede ramme for tværsektorielt samarbejde om sundhed og er "
                    + "retningsgivende for sundhedsklyngernes arbejde. Den gælder fire år ad gangen, og der arbejdes nu på "
                    + "aftalen for 2024-2027. Sundhedssamarbejdsudvalget beder de fem sundhedsklynger drøfte ønsker til aftalen "
                    + "med afsæt i rammeoplægget, så klyngernes input kan indgå allerede i høringsudkastet.",
                Recommendation =
                [
                    "at Politisk sundhedsklynge Syd, med afsæt i vedlagte rammeoplæg og input fra Faglig Sundhedsklynge Syd, drøfter ønsker til Sundhedsaftale 2024-2027 med henblik på, at der afgives input til udarbejdelsen af aftalen.",
                ],
                Presentation = """
                    Rammeoplægget bygger videre på den nuværende aftale med det fælles populationsansvar som overligger og forebyggelse som omdrejningspunkt. De tre fokusområder videreføres:

                    - Sammen om ældre og borgere med kronisk sygdom
                    - Sammen om borgere med psykisk sygdom
                    - Sammen om børn og unges sundhed

                    Principperne for samarbejdet videreføres med mindre justeringer om datadeling og om rekruttering og fastholdelse af medarbejdere. Faglig sundhedsklynge Syd foreslog på sit møde den 23. november 2022 øget fokus på det stigende omfang af borgere med komplekse sociale udfordringer og på hjemløse, misbrugere og borgere med diagnoser på tværs af psykiatri og somatik.
                    """,
                FurtherProcess = "Sekretariatet udarbejder et notat med klyngens forslag. Høringsudkastet forventes sendt i bred "
                    + "høring i april 2023, og Sundhedssamarbejdsudvalget forventes at godkende aftalen i september 2023, hvorefter "
                    + "Regionsrådet og alle 29 kommuner i regionen skal godkende den. Aftalen træder i kraft den 1. januar 2024.",
                Presenters = "Tina Holm, vicedirektør, Amager og Hvidovre Hospital",
                Decision = """
                    Indstillingen blev tiltrådt.

                    Politisk Sundhedsklynge Syd støtter rammeoplægget samt input fra Faglig Sundhedsklynge Syd vedr. øget fokus på det stigende omfang af borgere med komplekse sociale udfordringer, henunder fokus på hjemløse, misbrugere og borgere med diagnoser på tværs af psykiatri og somatik.

                    Politisk Sundhedsklynge Syd har ikke yderligere input til Sundhedsaftale 2024-2027.
                    """,
            },
            new AgendaItem
            {
                Title = "Beslutning om mødeplan for 2023 – 2025",
                Kind = ItemKind.Decision,
                DurationMinutes = 5,
                Background = "Politisk sundhedsklynge Syd skal afholde to ordinære møder årligt ud fra en på forhånd fastlagt "
                    + "mødeplan. Derudover kan der ved behov indkaldes til ekstraordinære møder.",
                Recommendation = ["at Politisk sundhedsklynge Syd godkender mødeplan for 2023-2025"],
                Presentation = """
                    Formandskabet foreslår møder på følgende datoer:

                    - Den 26. april 2023 kl. 14.00-16.00 (ekstraordinært virtuelt møde)
                    - Den 16. november 2023 kl. 13.30-15.30
                    - Den 18. marts 2024 kl. 13.30-15.30
                    - Den 31. oktober 2024 kl. 13.30-15.30
                    - Den 19. marts 2025 kl. 13.30-15.30
                    - Den 27. august 2025 kl. 14.00-16.00

                    Møderne afholdes som udgangspunkt på skift hos en kommunal part og hos en regional part. Ønsker om at afholde et klyngemøde meldes enten til formandskabet eller sekretariatet.
                    """,
                Decision = "Indstillingen blev tiltrådt.\n\nMødeplan for 2023-2025 godkendes.",
            },
            new AgendaItem
            {
                Title = "Beslutning om endelig udformning af forretningsorden",
                Kind = ItemKind.Decision,
                DurationMinutes = 5,
                Background = "Politisk sundhedsklynge Syd godkendte på sættemødet i september 2022 forretningsordenen med "
                    + "specifikke tilføjelser, som nu er indarbejdet, og forretningsordenen forelægges her til endelig godkendelse.",
                Recommendation = ["at Politisk sundhedsklynge Syd godkender forretningsordenen."],
                Presentation = """
                    Tilføjelser i den endelige udgave af forretningsordenen:

                    - § 1, stk. 2: Tilføjet: ”Klyngens medlemmer kan repræsenteres med suppleanter”.
                    - § 1, stk. 3: Ændret til: ”Formandskabet udgøres af regionsrådsformanden og en borgmester valgt af borgmestrene fra de deltagende kommuner.”
                    - § 2, stk. 1, pkt. 2: Ordet ”input” er erstattet med ”forslag og høringssvar”.
                    - § 3, stk. 9, afsnit 2: Tilføjet: ”Ekstraordinære møder kan foregå virtuelt, hvis det ikke er muligt at koordinere et fysisk møde”.
                    """,
                Decision = "Indstillingen blev tiltrådt.\n\nForretningsordenen tiltrædes.",
            },
            new AgendaItem
            {
                // Printed under the heading "MEDDELELSE" with no duration.
                Title = "Datapakken for Det Nære og sammenhængende Sundhedsvæsen",
                Kind = ItemKind.Announcement,
                DurationMinutes = 0,
                Presentation = """
                    Der blev i 2022 udarbejdet en ny datapakke om det nære og sammenhængende sundhedsvæsen, som giver hospitalerne et redskab til at følge arbejdet med at udvikle det nære og sammenhængende sundhedsvæsen. De relevante data for Sundhedsklynge Syd (bilag 7) omhandler:

                    - 72 timers behandlingsansvar
                    - Akutte genindlæggelser
                    - IV-behandling
                    - Færdigbehandlede
                    """,
            },
            new AgendaItem
            {
                // Printed as "EVT" with no duration.
                Title = "Eventuelt",
                Kind = ItemKind.AnyOtherBusiness,
                DurationMinutes = 0,
                Presentation = "Amager og Hvidovre Hospital havde i december måned inviteret borgmestre, kommunaldirektører og "
                    + "klyngens deltagere til et orienteringsmøde om det nye hospitalsbyggeri. Mødet måtte imidlertid aflyses.",
                Decision = "Sundhedsklynge Syd viste fortsat interesse i et orienteringsmøde og besluttede, at der inviteres på ny.",
            });

        // 001 prints no attendance list: every voting member of the day is recorded as present.
        foreach (var seat in MemberList.Seats(syd.Memberships, date))
        {
            meeting.Attendance.Add(new Attendance { Membership = seat, Status = AttendanceStatus.Present });
        }
        return meeting;
    }

    /// <summary>002: agenda of the extraordinary virtual meeting of 26 April 2023. No minutes, so no decisions.</summary>
    private static Meeting April2023(Body syd)
    {
        var date = new DateOnly(2023, 4, 26);
        var meeting = new Meeting
        {
            Body = syd,
            Kind = MeetingKind.Extraordinary,
            Date = date,
            // The meeting plan said 14.00-16.00; the meeting's own agenda says 14.00-15.00.
            Start = new TimeOnly(14, 0),
            End = new TimeOnly(15, 0),
            IsVirtual = true,
            Location = "Teams",
            Chair = VotingSeat(syd, "Lars Gaardhøj", date),
        };
        // Assumption: not printed; 12 days before, within § 3 stk. 3.
        Must(meeting.RecordPublishedAgenda(At(2023, 4, 14, 12, 2)));
        Must(meeting.MarkHeld(date));
        const string furtherProcess = "Faglig klynge følger op på møder i juni og oktober, hvorefter der på mødet i "
            + "november 2023 i Politisk sundhedsklynge Syd fremlægges en status for de politisk prioriterede indsatser.";
        AddItems(meeting,
            new AgendaItem
            {
                Title = "Velkomst og godkendelse af dagsorden",
                Kind = ItemKind.Approval,
                DurationMinutes = 5,
                Recommendation = ["at Politisk sundhedsklynge Syds medlemmer godkender dagsordenen."],
                Presentation = "Dagsorden godkendes som grundlag for mødets afholdelse.\n\n"
                    + "Medlemmerne fremsætter evt. bemærkninger til dagsorden.",
            },
            new AgendaItem
            {
                Title = "Beslutning om indsatser på det psykiatriske område for 2023",
                Kind = ItemKind.Decision,
                DurationMinutes = 25,
                Background = "Efter sættemødet i september 2022 er der foretaget en kortlægning af processer i samarbejdet "
                    + "mellem psykiatrien og kommunerne i Syd samt forslag til indsatser. Politisk sundhedsklynge Syd godkendte "
                    + "den 18. januar 2023, at der blev udarbejdet et oplæg til initiativer for psykiatriområdet til godkendelse "
                    + "på nærværende møde.",
                Recommendation =
                [
                    "at Politisk sundhedsklynge Syd godkender at prioritere samt tildele klyngemidler til indsatsen på psykiatriområdet i 2023.",
                ],
                Presentation = """
                    Det foreslås, at sundhedsklynge Syd som første indsats på psykiatriområdet prioriterer at understøtte implementeringen af eksisterende aftaler: samarbejdsaftalen med tværsektorielle netværksmøder efter en fælles skabelon, udskrivningsaftaler/koordinationsplaner, KIT og finansiering af ledsagelse til behandling på hospital. Konkret foreslås to tværsektorielle medarbejdere på hhv. børn-/ungeområdet og voksenområdet, der kan koordinere kommunernes samarbejde med psykiatrien (bilag 1).

                    Det foreslås, at der afsættes følgende midler i 2023:

                    - 1 mio. kr. til Børne- og Ungepsykiatriområdet
                    - 1 mio. kr. til Voksenpsykiatriområdet

                    Midlerne dækker ansættelse af 2 årsværk inkl. administrationsomkostninger, udgifter til udarbejdelse af materiale og afholdelse af fælles workshops eller lign.
                    """,
                FurtherProcess = furtherProcess,
            },
            new AgendaItem
            {
                Title = "Beslutning om midler til indsatser på det somatiske område for 2023",
                Kind = ItemKind.Decision,
                DurationMinutes = 30,
                Background = "Det blev på mødet i januar 2023 besluttet at tildele midler til Den gode overgang – fra "
                    + "indlæggelse til udskrivelse, Tværsektoriel indsats om overvægt og Den gode start på livet - fælles "
                    + "ammeindsats. Der blev rejst spørgsmål ved, om beløbet på 500.000 kr. til ammeindsatsen er tilstrækkeligt, "
                    + "og indsatsen er derfor kvalificeret.",
                Recommendation =
                [
                    "at Politisk sundhedsklynge Syd godkender forslag om at øge tildelte midler til den fælles ammeindsatsen fra 500.000 kr. til 1 mio. kr. i 2023",
                    "at Politisk sundhedsklynge Syd godkender forslag om at ændre udmøntningen af midler til overvægtsindsatsen fra en to-årig ansættelse til to et-årige ansættelser og herved øger tildelte midler til den tværsektorielle indsats om overvægt fra 1 mio. kr. til 2 mio. kr. i 2023.",
                ],
                Presentation = """
                    Den gode start på livet - fælles ammeindsats: På baggrund af kvalificeringen anbefales det at afsætte 1 mio. kr. til bl.a. 1 årsværk til at opbygge indsatsen, honorering af ressourcepersoner, brugerinddragelse og informations- og undervisningsmateriale.

                    Tværsektoriel indsats om overvægt: Den 18. januar blev der afsat 1 mio. kr. i 2023. Hvidovre og Vallensbæk Kommune har siden foreslået at dele indsatsen op på børne-/ungeområdet og voksenområdet med en projektmedarbejder i hver kommune fra medio 2023 til medio 2024. Én 2-årig ansættelse ændres dermed til to 1-årige ansættelser, begge med start i 2023:

                    - 1 mio. kr. til Børne- og Ungeområdet i 2023
                    - 1 mio. kr. til Voksenområdet i 2023

                    Da der ikke er truffet beslutning om udmøntning af midler i 2024, lægger administrationen forslaget op som en fremskudt brug af midler frem for en øgning.
                    """,
                FurtherProcess = furtherProcess,
            });
        return meeting;
    }

    /// <summary>000: agenda of 27 August 2025, published; no decisions yet.</summary>
    private static Meeting August2025Meeting(Body syd)
    {
        var meeting = new Meeting
        {
            Body = syd,
            Kind = MeetingKind.Ordinary,
            Date = August2025,
            Start = new TimeOnly(14, 0),
            End = new TimeOnly(16, 0),
            Location = "Ishøj Rådhus (Ishøj Store Torv 20, 2635 Ishøj) Byrådssalen på 2. etage",
            Chair = VotingSeat(syd, "Merete Amdisen", August2025),
        };
        Must(meeting.RecordPublishedAgenda(At(2025, 8, 15, 10, 2)));
        AddItems(meeting,
            new AgendaItem
            {
                Title = "Velkomst og godkendelse af dagsorden",
                Kind = ItemKind.Approval,
                DurationMinutes = 5,
                Recommendation = ["at Politisk Sundhedsklynge Syd godkender dagsordenen."],
                Presentation = "Merete Amdisen, borgmester i Ishøj Kommune, er mødeleder.\n\n"
                    + "Dagsorden godkendes som grundlag for mødets afholdelse. Der fremsættes evt. bemærkninger til dagsorden.",
            },
            new AgendaItem
            {
                Title = "Afrapportering fra projekter i Sundhedsklynge Syd",
                Kind = ItemKind.Discussion,
                DurationMinutes = 50,
                Background = """
                    Den 18. januar 2023 besluttede Politisk Sundhedsklynge Syd at afsætte midler til projekterne:

                    - Tværsektoriel indsats om overvægt
                    - Den gode start på livet – en fælles ammeindsats
                    - Den gode overgang - fra indlæggelse til udskrivelse
                    - Implementering af samarbejdsaftale for voksne med psykisk sygdom
                    - Implementering af samarbejdsaftale for børn og unge med psykisk sygdom

                    Klyngen har tidligere fået den afsluttende afrapportering fra overvægts- og ammeindsatsen. På dette møde præsenteres den afsluttende afrapportering fra de tre resterende projekter.
                    """,
                Recommendation =
                [
                    "at Politisk Sundhedsklynge Syd tager den afsluttende afrapportering fra de tre projekter til efterretning.",
                    "at Politisk Sundhedsklynge Syd drøfter projekternes resultater og giver eventuelle anbefalinger til det kommende sundhedsråd om skalering eller videreførelse.",
                ],
                Presentation = """
                    Projekterne 'Den gode overgang - fra indlæggelse til udskrivelse', 'Implementering af samarbejdsaftale for voksne med psykisk sygdom' og 'Implementering af samarbejdsaftale for børn og unge med psykisk sygdom' præsenterer deres væsentligste resultater, som også er samlet i notatet om hovedpointer fra projekterne (bilag 1).

                    Voksenprojektet afsluttes den 30. september 2025; de to andre afsluttes i december 2025, idet Sundhedsklynge Syd afsluttes. Klyngen bedes drøfte resultaterne, og om der skal gives anbefalinger til det kommende sundhedsråd om en eventuel skalering eller videreførelse af projekterne.
                    """,
            },
            new AgendaItem
            {
                Title = "Sundhedsreform",
                Kind = ItemKind.Information,
                DurationMinutes = 25,
                Background = "Regeringen, Danmarksdemokraterne, Det Konservative Folkeparti, Radikale Venstre og Socialistisk "
                    + "Folkeparti indgik den 15. november 2024 en politisk aftale om en sundhedsreform med ikrafttrædelse per "
                    + "1. januar 2027. Sagen fremlægges med henblik på en gensidig orientering om parterne i Sundhedsklynge Syds "
                    + "arbejde med Sundhedsreformen.",
                Recommendation = ["at Politisk Sundhedsklynge Syd tager orienteringen til efterretning."],
                Presentation = """
                    Reformen skal bl.a. understøtte lighed i sundhed, sammenhæng i borgernes forløb og et stærkere nært sundhedsvæsen med flere tilbud uden for hospitalerne. Den ændrer struktur, opgavefordeling og økonomi på sundhedsområdet, og sundhedsklyngerne nedlægges og erstattes af sundhedsråd.

                    På mødet den 18. marts 2025 orienterede parterne om status på arbejdet med reformen. På dette møde giver de igen en status:

                    - Anne Skriver, koncerndirektør, Region Hovedstaden, om regionens arbejde, herunder sammenlægningen med Region Sjælland og integration af psykiatri og somatik.
                    - Alberte Bryld Burggaard, velfærdsdirektør, Ishøj Kommune, om kommunernes arbejde.
                    - Jørgen Steen Andersen, PLO-Hovedstaden, om PLO-Hovedstadens arbejde.
                    """,
                FurtherProcess = "Reformen træder i kraft den 1. januar 2027, og 2026 er et overgangsår. Efter kommunal- og "
                    + "regionalvalget i november 2025 tiltræder de nyvalgte kommunalpolitikere den 1. januar 2026 og indgår i "
                    + "sundhedsrådet. Regionsrådene i Region Sjælland og Region Hovedstaden videreføres til udgangen af 2026, mens "
                    + "det nyvalgte regionsråd for Region Østdanmark er forberedende udvalg i 2026.",
                Presenters = "Anne Skriver, koncerndirektør, Region Hovedstaden; Alberte Bryld Burggaard, velfærdsdirektør, "
                    + "Ishøj Kommune; Jørgen Steen Andersen, PLO-Hovedstaden",
            },
            new AgendaItem
            {
                Title = "Overgangen fra sundhedsklynge til sundhedsråd",
                Kind = ItemKind.Discussion,
                DurationMinutes = 25,
                Background = "Som led i Sundhedsreformen erstattes Sundhedsklynge Syd af et sundhedsråd fra 2027, mens 2026 er "
                    + "et overgangsår med et forberedende sundhedsråd. Sundhedsrådet bliver et stående udvalg under regionen med "
                    + "repræsentanter fra kommuner og region og får ansvar for planlægning og udvikling af bl.a. sygehuse, almen "
                    + "praksis, hjemmebehandling og forebyggelse. Det er derfor relevant at drøfte opmærksomheder ved overgangen "
                    + "med udgangspunkt i erfaringerne fra sundhedsklyngesamarbejdet.",
                Recommendation =
                [
                    "at Politisk Sundhedsklynge Syd drøfter opmærksomhedspunkter og identificerer eventuelle anbefalinger til det kommende sundhedsråd med afsæt i erfaringer og læring fra samarbejdet i Sundhedsklynge Syd.",
                ],
                Presentation = """
                    Formålet er at drøfte centrale opmærksomhedspunkter ved overgangen og eventuelt fremsætte anbefalinger til det kommende sundhedsråd. På administrativt niveau videreføres de faglige samarbejdsstrukturer fra januar 2026 med afsæt i de seks pejlemærker fra KL og Danske Regioner. Faglig Sundhedsklynge Syd fremhævede den 14. maj 2025 brugerinvolvering, medarbejdertryghed, midlertidige pladser, PLO's rolle og demokratisk samskabelse.

                    Efter en skriftlig proces om navngivning har Region Hovedstadens forretningsudvalg foreslået Indenrigs- og Sundhedsministeriet navnet 'Sundhedsråd Amager og Vestegnen' i stedet for arbejdsnavnet 'Sundhedsråd Hovedstaden Syd og Vest'; ministeriets godkendelse afventes. Regionen ønsker desuden, at Københavns Kommune deltager som observatør i sundhedsrådet, da omtrent halvdelen af Amager Hvidovre Hospitals population bor i Københavns Kommune.
                    """,
            },
            new AgendaItem
            {
                Title = "Økonomiopfølgning på sundhedsklyngemidler",
                Kind = ItemKind.Information,
                DurationMinutes = 10,
                Background = """
                    Sundhedsklynge Syd har samlet modtaget 15,6 mio. kr. i klyngemidler og disponeret 15,4 mio. kr. til projekter i sundhedsklyngen. Det efterlader 200.000 kr. i rest. Derudover har ikke alle projekter i sundhedsklyngen formået at bruge alle tildelte midler, derfor er der yderligere 280.000 kr. i uforbrugte midler.

                    Det efterlader en samlet restpulje på 480.000 kr., som jf. beslutning i Politisk Sundhedsklynge Syd d. 18. marts 2024 kan tildeles eksisterende projekter ved behov.
                    """,
                Recommendation =
                [
                    "at Politisk Sundhedsklynge Syd tager orienteringen om det endelige regnskab for projekter i Sundhedsklynge Syd til efterretning.",
                ],
                Presentation = """
                    Restmidlerne er jf. beslutningen af 18. marts 2024 tildelt projektet "Den gode overgang – fra indlæggelse til udskrivelse" og projektet "Konkretisering og implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet". Begge projekter er tildelt 240.000 kr.

                    For Den gode overgang bruges midlerne til implementering og skalering af virtuel visitation, tværsektorielle virtuelle konferencer og et tværsektorielt kompetenceforløb om den ældre, skrøbelige borger. For børne-/ungepsykiatriprojektet bruges de til temadage om selvmordsforebyggelse og arousal regulering, en udvidet netværksdag og materiale.
                    """,
                // Tabel 1 is computed from the demo's pools, grants and forecasts and frozen when the agenda went out (DemoCatalog.Money).
            },
            new AgendaItem
            {
                Title = "Eventuelt",
                Kind = ItemKind.AnyOtherBusiness,
                DurationMinutes = 5,
            });
        return meeting;
    }

    /// <summary>
    /// The ordinary meetings of the plan decided 18 January 2023 (001 item 6) whose papers are not among the seeds:
    /// held, minutes approved, no items.
    /// </summary>
    private static IEnumerable<Meeting> PlanMeetings(Body syd)
    {
        DateOnly[] dates = [new(2023, 11, 16), new(2024, 3, 18), new(2024, 10, 31), new(2025, 3, 18)];
        foreach (var date in dates)
        {
            var meeting = new Meeting
            {
                Body = syd,
                Kind = MeetingKind.Ordinary,
                Date = date,
                // The plan said 19 March 2025; 000 (item 3) says the meeting was held on 18 March 2025.
                PlannedDate = date == new DateOnly(2025, 3, 18) ? new DateOnly(2025, 3, 19) : null,
                Start = new TimeOnly(13, 30),
                End = new TimeOnly(15, 30),
                Location = "Afholdes på skift hos en kommunal og en regional part",
            };
            Must(meeting.RecordApprovedMinutes(null));
            yield return meeting;
        }
    }

    /// <summary>003: minutes of HOL Sundhedsklynge Politisk Forum, 29 October 2025, approved at the meeting itself.</summary>
    private static (Body Forum, Body Successor, Meeting Meeting, Case Case) BuildHolbaek(Registry r)
    {
        var successor = new Body
        {
            Name = "Sundhedsråd Midt- og Vestsjælland",
            Level = BodyLevel.Political,
            ValidFrom = new DateOnly(2027, 1, 1),
            Description = "Sundhedsrådet, som Holbæk Sundhedsklyngens anbefalinger går videre til.",
            StandardItems = Body.DefaultTemplate(),
        };
        var forum = new Body
        {
            Name = "HOL Sundhedsklynge Politisk Forum",
            Level = BodyLevel.Political,
            // Assumption: 003 says the cluster's first meetings were held in October 2022, and that the forum is
            // abolished by the health reform; the clusters end with 2025.
            ValidFrom = new DateOnly(2022, 10, 1),
            ValidTo = new DateOnly(2025, 12, 31),
            Successor = successor,
            Description = "Politisk Forum i Holbæk Sundhedsklyngen. De første møder i sundhedsklyngen blev holdt i oktober 2022.",
            StandardItems = Body.DefaultTemplate(),
        };

        var regionSjaelland = r.Org("Region Sjælland", OrganisationKind.Region);
        var holbaekKommune = r.Org("Holbæk Kommune", OrganisationKind.Municipality);
        var holbaekSygehus = r.Org("Holbæk Sygehus", OrganisationKind.Hospital);

        Membership Add(string name, MemberGroup group, string? title = null, Organisation? org = null)
        {
            var membership = new Membership
            {
                Body = forum,
                Person = r.Person(name, title),
                Role = MembershipRole.Member,
                Group = group,
                Organisation = org,
                From = forum.ValidFrom,
            };
            forum.Memberships.Add(membership);
            return membership;
        }

        // The 14 "Mødedeltagere" of 003 in printed order. 003 states only that Christina Krzyrosiak Hansen is
        // "Borgmester" and Mette Touborg "Regionsdirektør" (both "Medlem"). Assumption: every other group and
        // organisation is a placeholder. Holbæk Kommune for the mayor and Region Sjælland for the regional director
        // follow from the cluster's name and region; Holbæk Sygehus for Niels Reichstein Larsen from his report in
        // item 4; Eva Hvolbæk as general practice because she asked about its involvement.
        var chair = Add("Trine Birk Andersen", MemberGroup.Regional);
        Add("Tina Mandrup", MemberGroup.Municipal);
        Add("Martin Damm", MemberGroup.Municipal);
        var mayor = Add("Christina Krzyrosiak Hansen", MemberGroup.Municipal, "Borgmester", holbaekKommune);
        Add("Karina Vincentz", MemberGroup.Municipal);
        Add("Camilla Hove Lund", MemberGroup.Municipal);
        Add("Helle Laursen Petersen", MemberGroup.Municipal);
        Add("Eva Hvolbæk", MemberGroup.GeneralPractice);
        Add("Lise Ekholdt", MemberGroup.Regional);
        Add("Niels Reichstein Larsen", MemberGroup.Regional, org: holbaekSygehus);
        var regionalDirector = Add("Mette Touborg", MemberGroup.Regional, "Regionsdirektør", regionSjaelland);
        Add("Peter Olsen", MemberGroup.Municipal);
        Add("Anja Steinmejer", MemberGroup.Regional);
        Add("Morten Helleberg Christiansen", MemberGroup.Regional);
        Membership[] absent = [mayor, regionalDirector];

        var meeting = new Meeting
        {
            Body = forum,
            Kind = MeetingKind.Ordinary,
            Date = new DateOnly(2025, 10, 29),
            Start = new TimeOnly(10, 0),
            // Assumption: 003 gives only the start.
            End = new TimeOnly(12, 0),
            IsVirtual = true,
            Location = "Afholdes virtuelt over Teams jf. link i mødeinvitation",
            Chair = chair,
        };
        // Assumption: the agenda's date is not printed; 12 days before, within the notice. The minutes were approved at the meeting
        // (item 5), here at its assumed end. Denmark is on CET (+01:00) from 26 October 2025.
        Must(meeting.RecordPublishedAgenda(At(2025, 10, 17, 12, 2)));
        Must(meeting.RecordApprovedMinutes(null, At(2025, 10, 29, 12, 1)));

        // Assumption: 003 prints no durations; these fill the assumed two hours.
        AddItems(meeting,
            new AgendaItem
            {
                Title = "Godkendelse af dagsorden",
                Kind = ItemKind.Approval,
                DurationMinutes = 5,
                DocumentId = "12345737",
                Summary = "Det vendes, om dagsordenen kan godkendes.",
                Recommendation = ["at dagsordenen godkendes."],
                Presentation = "Mødeleder er Trine Birk Andersen.\n\nDet vendes, om dagsordenen kan godkendes.",
                Economy = NoExpenses,
                Decision = "Trine Birk Andersen bød velkommen, og dagsordenen blev godkendt.",
            },
            new AgendaItem
            {
                Title = "Temadrøftelse af sundhedsreformen",
                Kind = ItemKind.Discussion,
                DurationMinutes = 45,
                DocumentId = "12345931",
                Summary = "Folketinget indgik d. 15. november 2024 forlig om sundhedsreformen med en række initiativer, der har "
                    + "særskilte tidsplaner og tidspunkter for ikrafttrædelse. Mødet giver mulighed for at drøfte den lokale "
                    + "betydning af, at reformen på nogle punkter nu er mere afklaret, mens mange elementer fastlægges i regi af de "
                    + "nye sundhedsråd og forberedelsesudvalget for Region Østdanmark. Punktet indledes med et oplæg ved "
                    + "programkoordinator Susanne Poulsen, Reformsekretariatet, Region Sjælland.",
                Recommendation = ["at sundhedsreformens implementering og fremadrettede perspektiver drøftes."],
                Presentation = """
                    Forliget fastlægger tidspunkter for ikrafttrædelse af en række centrale initiativer, bl.a.:

                    - Forvaltningsmodel: valg til nye regionsråd den 18. november 2025; i 2026 fortsætter regionsrådene for Hovedstaden og Sjælland, det nyvalgte regionsråd for Østdanmark er forberedelsesudvalg, og der etableres 17 forberedende sundhedsråd. De nye sundhedsråd virker fra den 1. januar 2027.
                    - Flytning af opgaver fra kommuner til regioner (akutsygepleje, sundheds- og omsorgspladser, patientrettet forebyggelse, dele af genoptræning m.v.) træder i kraft den 1. januar 2027.
                    - Styrket almen medicin, kronikerpakker, Digital Sundhed Danmark, national sundhedsplan og en folkesundhedslov følger hver deres tidsplan.

                    Faktaark om sundhedsreformen er vedlagt som bilag 1 og det fulde forlig som bilag 2. For nogle initiativer er de forventede modeller nu klarere; for andre sker en nærmere afklaring i de kommende måneder.
                    """,
                Presenters = "Susanne Poulsen, programkoordinator, Reformsekretariatet, Region Sjælland",
                Economy = NoExpenses,
                Decision = """
                    Programleder Susanne Poulsen, KLK, fortalte nærmere om status for implementeringen af sundhedsreformen i Region Sjælland.

                    Plancherne fra oplægget er vedlagt, og det blev aftalt også at rundsende oplægget til mødedeltagerne.

                    Der blev takket for en meget fin gennemgang.

                    Eva Hvolbæk spurgte til involvering af almen praksis. Trine Birk Andersen svarede, at der er stor politisk bevågenhed omkring involvering af praksis og fokus på ikke at komme for langt væk fra hinanden.
                    """,
            },
            new AgendaItem
            {
                Title = "Anbefalinger fra Politisk Forum til kommende sundhedsråd",
                Kind = ItemKind.Decision,
                DurationMinutes = 45,
                DocumentId = "12347096",
                Summary = "Det forventes, at mødet er det sidste i Holbæk Sundhedsklyngens Politisk Forum. Derfor sammenfattes, "
                    + "hvilke gode ting i samarbejdet Politisk Forum bør anbefale det kommende sundhedsråd at holde fast i, og det "
                    + "indstilles, at Politisk Forum drøfter og godkender, evt. korrigerer, den foreslåede anbefaling til det "
                    + "kommende sundhedsråd for Midt- og Vestsjælland.",
                Recommendation =
                [
                    "at Politisk Forum godkender og/eller drøfter og evt. korrigerer forslaget til anbefaling fra Holbæk sundhedsklyngen til det kommende sundhedsråd for Midt- og Vestsjælland",
                    "at Politisk Forum på mødet præciserer eventuelle korrektioner til anbefalingen",
                ],
                Presentation = """
                    Sundhedsklyngerne blev indført i sundhedsloven ved lov nr. 910 af 21. juni 2022 og nedlægges som følge af forliget om sundhedsreformen. De første møder blev holdt i oktober 2022, og klyngen vurderes at have understøttet en væsentlig forbedring af det tværsektorielle samarbejde med sammenhæng mellem det politiske, det fagligt-strategiske og det operationelle niveau.

                    Fagligt Strategisk Forum har godkendt, at følgende anbefalinger til Sundhedsråd Midt-Vestsjælland forelægges:

                    - Målrettede og veltilrettelagte indsatser skaber reelle forandringer til det bedre for borgere og patienter.
                    - Når der er et stærkt tværsektorielt samarbejde lokalt, bliver effekten af sektorernes indsats til sammen væsentligt større end summen af hver enkelt sektors indsats hver for sig.
                    - Velfungerende, tværsektorielle samarbejdsfora på operationelt niveau giver mulighed for at løse opgaverne tæt på borgere og patienter (et ledelsesmæssigt "LEON"-princip).

                    Godkendte indsatser i Holbæk Sundhedsklyngen:

                    | Målgruppe i sundhedsaftalen | Indsats | Indsatsejer og tovholder |
                    |---|---|---|
                    | 1. Børn og unges trivsel | a. Samarbejde om henvisninger til børne- og ungepsykiatrien | Holbæk Kommune |
                    | | b. Sammen om sunde familier | Holbæk Sygehus |
                    | 2. Borgere med kronisk eller langvarig sygdom | a. Tværsektorielle video-møder | Kalundborg Kommune |
                    | | b. Palliation og den sidste tid | Holbæk Kommune |
                    | 3. Sårbare ældre | a. Reduktion af genindlæggelser ved implementering af 72 timers behandlingsansvar (*) | Holbæk Sygehus |
                    | | b. Bedre udskrivelser og forebyggelse af akutte kontakter (*) | Holbæk Sygehus |
                    | 4. Voksne med psykisk sygdom | a. Videreudvikling og robust implementering af IPS (Individuelt Planlagt job med Støtte) | Psykiatrien |
                    | | b. IPS-botilbud til personer på midlertidige bosteder | Psykiatrien |

                    (*) Odsherred Kommune og Lejre Kommune har været/er særlig samarbejdspartner i arbejdsgruppen.
                    """,
                Economy = NoExpenses,
                Decision = """
                    Forslaget til anbefaling fra Holbæk sundhedsklyngen til det kommende sundhedsråd for Midt- og Vestsjælland blev drøftet.

                    Der var enighed om, at det er rigtig fine anbefalinger.

                    Trine Birk Andersen konkluderede, at anbefalingerne bør sendes videre til det kommende forberedende sundhedsråd.
                    """,
            },
            new AgendaItem
            {
                Title = "Eventuelt",
                Kind = ItemKind.AnyOtherBusiness,
                DurationMinutes = 15,
                DocumentId = "12345912",
                Summary = "Punktet er emner under eventuelt.",
                // 003: "Der er ikke p.t. emner eller indstilling under punktet." - no "at" clause to record.
                Presentation = "Der er ikke p.t. indkommet emner under eventuelt.",
                Economy = NoExpenses,
                Decision = """
                    Niels Reichstein Larsen orienterede om en række konkrete tiltag, som Holbæk Sygehus har iværksat mhp. at nå nærmere på sundhedsreformens mål om et mere nært sundhedsvæsen. Niels opfordrede til, at deltagerne vender tilbage til ham, hvis de giver anledning til spørgsmål.

                    Martin Damm roste, at der er igangsat gode og pragmatiske løsninger i det tværsektorielle samarbejde.

                    Trine Birk Andersen og Tina Mandrup takkede for rosen og opfordrede til, at den bringes videre i organisationerne.
                    """,
            },
            new AgendaItem
            {
                // The decision is blank in 003.
                Title = "Godkendelse af referat",
                Kind = ItemKind.Approval,
                DurationMinutes = 10,
                DocumentId = "12386436",
                Summary = "Referatet gennemgås og godkendes på mødet.",
                Recommendation = ["at referatet gennemgås på mødet og godkendes."],
                Presentation = "I henhold til den vedtagne forretningsorden er der en gennemgang af referat-protokollen med "
                    + "henblik på, at referatet godkendes på mødet.",
                Economy = NoExpenses,
            });

        foreach (var seat in forum.Memberships)
        {
            var status = absent.Contains(seat) ? AttendanceStatus.Absent : AttendanceStatus.Present;
            meeting.Attendance.Add(new Attendance { Membership = seat, Status = status });
        }
        // 003 lists the same two under "Fraværende" on every item.
        foreach (var item in meeting.Items)
        {
            item.Absences.AddRange(absent.Select(m => new ItemAbsence { Membership = m }));
        }

        var holCase = new Case { Title = "HOL Sundhedsklynge Politisk Forum", CaseNumber = "EMN-2022-04994", Body = forum };
        Link(holCase, [.. meeting.Items]);
        return (forum, successor, meeting, holCase);
    }

    /// <summary>Adds the items in agenda order; a published (or later) agenda has its numbers fixed.</summary>
    private static void AddItems(Meeting meeting, params AgendaItem[] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            items[i].Position = i + 1;
            items[i].Number = meeting.AgendaIsPublic ? i + 1 : null;
            items[i].Meeting = meeting;
            meeting.Items.Add(items[i]);
        }
    }

    private static void Link(Case @case, params AgendaItem[] items)
    {
        foreach (var item in items)
        {
            item.Case = @case;
            @case.Items.Add(item);
        }
    }

    private static Membership VotingSeat(Body body, string name, DateOnly date) =>
        body.Memberships.Single(m => m.Person?.Name == name && m.IsVotingMember && m.IsActiveOn(date));

    /// <summary>The demo's meetings reach their status by the domain's steps; a step refused is a mistake in the catalogue.</summary>
    private static void Must(Result step)
    {
        if (!step.IsSuccess)
        {
            throw new InvalidOperationException(string.Join(" ", step.Errors.Select(e => e.Message)));
        }
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int utcOffsetHours) =>
        new(year, month, day, hour, 0, 0, TimeSpan.FromHours(utcOffsetHours));

    /// <summary>One object per organisation and per person, however often they appear.</summary>
    private sealed class Registry
    {
        public List<Organisation> Organisations { get; } = [];
        public List<Person> People { get; } = [];

        public Organisation Org(string name, OrganisationKind kind)
        {
            var organisation = Organisations.Find(o => o.Name == name);
            if (organisation is null)
            {
                organisation = new Organisation { Name = name, Kind = kind };
                Organisations.Add(organisation);
            }
            return organisation;
        }

        public Person Person(string name, string? title = null, string? party = null)
        {
            var person = People.Find(p => p.Name == name);
            if (person is null)
            {
                person = new Person { Name = name, Title = title, Party = party };
                People.Add(person);
            }
            return person;
        }
    }
}
