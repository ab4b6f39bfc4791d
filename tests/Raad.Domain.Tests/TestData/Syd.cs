using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.People;

namespace Raad.Domain.Tests.TestData;

/// <summary>
/// Politisk Sundhedsklynge Syd as the source documents show it: the body (valid 28 September 2022 to
/// 31 December 2025), its members, advisors, guests and secretariat, and the agenda of 27 August 2025.
/// </summary>
public static class Syd
{
    public static readonly DateOnly ValidFrom = new(2022, 9, 28);
    public static readonly DateOnly ValidTo = new(2025, 12, 31);

    /// <summary>The extraordinary meeting on Teams (`002`): Emilie Haug Rasch and Kent Max Magelund are members.</summary>
    public static readonly DateOnly April2023 = new(2023, 4, 26);

    /// <summary>The meeting at Ishøj Rådhus (`000`): Grethe Olivia Nielsson and Maja Højgaard hold those seats.</summary>
    public static readonly DateOnly August2025 = new(2025, 8, 27);

    /// <summary>
    /// The documents only show that the seats changed hands between April 2023 and August 2025;
    /// the day of the change is an assumption of these tests.
    /// </summary>
    public static readonly DateOnly LastDayOfFirstHolders = new(2023, 12, 31);

    public static readonly DateOnly FirstDayOfReplacements = new(2024, 1, 1);

    public static Body Body() => new()
    {
        Id = 1,
        Name = "Politisk Sundhedsklynge Syd",
        Level = BodyLevel.Political,
        ValidFrom = ValidFrom,
        ValidTo = ValidTo,
    };

    /// <summary>
    /// Every membership over the term, with ids in the order a secretariat would have entered them:
    /// the 2022 composition first (as `002` lists it), the replacements of 2024 after.
    /// </summary>
    public static List<Membership> Memberships() =>
    [
        // Regional
        Seat(1, "Lars Gaardhøj", "Regionsrådsformand", "A", "Region Hovedstaden", MemberGroup.Regional, MembershipRole.CoChair),
        Seat(2, "Emilie Haug Rasch", "regionspolitiker", null, "Region Hovedstaden", MemberGroup.Regional, to: LastDayOfFirstHolders),
        Seat(3, "Marianne Gerner Friis-Mikkelsen", "regionspolitiker", "C", "Region Hovedstaden", MemberGroup.Regional),
        Seat(4, "Stine Roldgaard", "regionspolitiker", "F", "Region Hovedstaden", MemberGroup.Regional),

        // Kommunal
        Seat(5, "Merete Amdisen", "borgmester", "A", "Ishøj Kommune", MemberGroup.Municipal, MembershipRole.CoChair),
        Seat(6, "Allan S. Andersen", "borgmester", "A", "Tårnby Kommune", MemberGroup.Municipal),
        Seat(7, "Anders Wolf Andresen", "borgmester", "F", "Hvidovre Kommune", MemberGroup.Municipal),
        Seat(8, "Britt Jensen", "borgmester", "A", "Rødovre Kommune", MemberGroup.Municipal),
        Seat(9, "Henrik Rasmussen", "borgmester", "C", "Vallensbæk Kommune", MemberGroup.Municipal),
        Seat(10, "Kasper Damsgaard", "borgmester", "A", "Glostrup Kommune", MemberGroup.Municipal),
        Seat(11, "Kenneth Gøtterup", "borgmester", "C", "Dragør Kommune", MemberGroup.Municipal),
        Seat(12, "Kent Max Magelund", "borgmester", null, "Brøndby Kommune", MemberGroup.Municipal, to: LastDayOfFirstHolders),
        Seat(13, "Michael Ziegler", "borgmester", "C", "Høje-Taastrup Kommune", MemberGroup.Municipal),
        Seat(14, "Sisse Marie Welling", "borgmester", "SF", "Københavns Kommune", MemberGroup.Municipal, note: "Sundhed og Omsorg"),
        Seat(15, "Steen Christiansen", "borgmester", "A", "Albertslund Kommune", MemberGroup.Municipal),

        // Almen praksis
        Seat(16, "Jørgen Steen Andersen", "praktiserende læge", null, "PLO-Hovedstaden", MemberGroup.GeneralPractice),
        Seat(17, "Niels Dreisler", "praktiserende læge", null, "PLO-Hovedstaden", MemberGroup.GeneralPractice),

        // The replacements, entered when they took the seats
        Seat(18, "Grethe Olivia Nielsson", "regionspolitiker", "Ø", "Region Hovedstaden", MemberGroup.Regional, from: FirstDayOfReplacements),
        Seat(19, "Maja Højgaard", "borgmester", "A", "Brøndby Kommune", MemberGroup.Municipal, from: FirstDayOfReplacements),

        // Bisiddere (advisors); the administrative co-chairs are advisors with a note
        Seat(20, "Birgitte Rav Degenkov", "hospitalsdirektør", null, "Amager- og Hvidovre Hospital", MemberGroup.Regional, MembershipRole.Advisor, note: "adm. medformand"),
        Seat(21, "Anne Skriver Andersen", "koncerndirektør", null, "Region Hovedstaden", MemberGroup.Regional, MembershipRole.Advisor),
        Seat(22, "Alberte Bryld Burggaard", "velfærdsdirektør", null, "Ishøj Kommune", MemberGroup.Municipal, MembershipRole.Advisor, note: "adm. medformand"),
        Seat(23, "Markus Hahn", "chefkonsulent", null, "PLO-Hovedstaden", MemberGroup.GeneralPractice, MembershipRole.Advisor),

        // Gæstedeltagere and sekretariat: no group
        Seat(24, "Stine Mieth-Waldorff", "Projektejer for Den gode overgang – Fra indlæggelse til udskrivelse, afdelingsleder i Sundheds- og Omsorgsforvaltningen", null,
            "Københavns Kommune", null, MembershipRole.Guest, from: August2025, to: August2025),
        Seat(25, "Thit Hjortskov Jensen", "konsulent", null, "Amager og Hvidovre Hospital", null, MembershipRole.Secretariat),
        Seat(26, "Lene Maj Hjortsø Fernando", "tværkommunal konsulent", null, "Ishøj Kommune", null, MembershipRole.Secretariat),
    ];

    /// <summary>The agenda of 27 August 2025 (`000`), entered out of order: Position decides.</summary>
    public static List<AgendaItem> AgendaOf27August2025() =>
    [
        new() { Position = 60, Title = "Eventuelt", Kind = ItemKind.AnyOtherBusiness, DurationMinutes = 5 },
        new() { Position = 10, Title = "Velkomst og godkendelse af dagsorden", Kind = ItemKind.Approval, DurationMinutes = 5 },
        new() { Position = 30, Title = "Sundhedsreform", Kind = ItemKind.Information, DurationMinutes = 25 },
        new() { Position = 20, Title = "Afrapportering fra projekter i Sundhedsklynge Syd", Kind = ItemKind.Discussion, DurationMinutes = 50 },
        new() { Position = 50, Title = "Økonomiopfølgning på sundhedsklyngemidler", Kind = ItemKind.Information, DurationMinutes = 10 },
        new() { Position = 40, Title = "Overgangen fra sundhedsklynge til sundhedsråd", Kind = ItemKind.Discussion, DurationMinutes = 25 },
    ];

    public static Membership Seat(
        int id,
        string name,
        string? title,
        string? party,
        string organisation,
        MemberGroup? group,
        MembershipRole role = MembershipRole.Member,
        string? note = null,
        DateOnly? from = null,
        DateOnly? to = null) => new()
        {
            Id = id,
            BodyId = 1,
            PersonId = id,
            Person = new Person { Id = id, Name = name, Title = title, Party = party },
            Role = role,
            Group = group,
            Organisation = new Organisation { Name = organisation, Kind = KindOf(organisation) },
            Note = note,
            From = from ?? ValidFrom,
            To = to,
        };

    private static OrganisationKind KindOf(string organisation) => organisation switch
    {
        _ when organisation.StartsWith("Region", StringComparison.Ordinal) => OrganisationKind.Region,
        _ when organisation.EndsWith("Kommune", StringComparison.Ordinal) => OrganisationKind.Municipality,
        _ when organisation.StartsWith("PLO", StringComparison.Ordinal) => OrganisationKind.GeneralPractice,
        _ when organisation.EndsWith("Hospital", StringComparison.Ordinal) => OrganisationKind.Hospital,
        _ => OrganisationKind.Other,
    };
}
