using Raad.Domain.Bodies;
using Raad.Domain.Common;

namespace Raad.Domain.People;

public enum MembershipRole
{
    Member,
    CoChair,
    Substitute,
    Advisor,
    Observer,
    Guest,
    Secretariat,
}

/// <summary>The headings a member list is printed under.</summary>
public enum MemberGroup
{
    Regional,
    Municipal,
    GeneralPractice,
}

/// <summary>A person's seat in a body for a period: role, group, the organisation represented.</summary>
public class Membership
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public MembershipRole Role { get; set; }
    public MemberGroup? Group { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>Printed after the organisation: "Sundhed og Omsorg", "adm. medformand", a guest's errand.</summary>
    public string? Note { get; set; }

    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>For a substitute: the membership it stands in for.</summary>
    public int? StandsInForId { get; set; }
    public Membership? StandsInFor { get; set; }

    public int Version { get; set; }

    /// <summary>Members and co-chairs vote and count towards quorum.</summary>
    public bool IsVotingMember => Role is MembershipRole.Member or MembershipRole.CoChair;

    public bool IsActiveOn(DateOnly date) => date >= From && (To is null || date <= To);

    public static Validation Validate(MembershipRole role, MemberGroup? group, DateOnly from, DateOnly? to, int? standsInForId, Body body)
    {
        var v = new Validation()
            .Require(to is null || to >= from, "membership.period_inverted", nameof(To),
                "Medlemskabet kan ikke slutte, før det begynder.")
            .Require(role != MembershipRole.Substitute || standsInForId is not null, "membership.substitute_without_member",
                nameof(StandsInForId), "En suppleant skal stå for et bestemt medlem.")
            .Require(!(role is MembershipRole.Member or MembershipRole.CoChair) || group is not null, "membership.group_required",
                nameof(Group), "Vælg gruppen (Regional, Kommunal eller Almen praksis) for et medlem.");
        v.Require(body.ValidTo is null || from <= body.ValidTo, "membership.after_body", nameof(From),
            $"Medlemskabet begynder efter udvalgets periode ({body.ValidityText}).");
        v.Require(to is null || to >= body.ValidFrom, "membership.before_body", nameof(To),
            $"Medlemskabet slutter før udvalgets periode ({body.ValidityText}).");
        return v;
    }
}

public static class MembershipText
{
    public static string Danish(this MembershipRole role) => role switch
    {
        MembershipRole.Member => "Medlem",
        MembershipRole.CoChair => "Medformand",
        MembershipRole.Substitute => "Suppleant",
        MembershipRole.Advisor => "Bisidder",
        MembershipRole.Observer => "Observatør",
        MembershipRole.Guest => "Gæstedeltager",
        MembershipRole.Secretariat => "Sekretariat",
        _ => role.ToString(),
    };

    public static string Danish(this MemberGroup group) => group switch
    {
        MemberGroup.Regional => "Regional",
        MemberGroup.Municipal => "Kommunal",
        MemberGroup.GeneralPractice => "Almen praksis",
        _ => group.ToString(),
    };

    public static string Danish(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Region => "Region",
        OrganisationKind.Municipality => "Kommune",
        OrganisationKind.GeneralPractice => "Almen praksis",
        OrganisationKind.Hospital => "Hospital",
        OrganisationKind.Other => "Anden",
        _ => kind.ToString(),
    };
}
