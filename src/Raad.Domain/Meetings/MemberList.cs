using Raad.Domain.Common;
using Raad.Domain.People;

namespace Raad.Domain.Meetings;

/// <summary>The member list as printed at the head of an agenda: members by group, then advisors, guests, secretariat.</summary>
public static class MemberList
{
    public sealed record Section(string Heading, IReadOnlyList<(string Group, IReadOnlyList<Membership> Members)> Groups);

    private static readonly StringComparer NameOrder = StringComparer.Create(DanishFormat.Culture, ignoreCase: false);

    public static IReadOnlyList<Membership> ActiveOn(IEnumerable<Membership> memberships, DateOnly date) =>
        [.. memberships.Where(m => m.IsActiveOn(date))];

    public static IReadOnlyList<Membership> Seats(IEnumerable<Membership> memberships, DateOnly date) =>
        [.. memberships.Where(m => m.IsVotingMember && m.IsActiveOn(date))];

    /// <summary>Memberships in the order the member list prints them: by group, co-chairs first, then by name.</summary>
    public static IReadOnlyList<Membership> InPrintedOrder(IEnumerable<Membership> memberships) =>
        [.. Grouped("", memberships).Groups.SelectMany(g => g.Members)];

    public static IReadOnlyList<Section> Sections(IEnumerable<Membership> active)
    {
        var list = active.ToList();
        var sections = new List<Section>
        {
            Grouped("Medlemmer", list.Where(m => m.IsVotingMember)),
            Grouped("Suppleanter", list.Where(m => m.Role == MembershipRole.Substitute)),
            Grouped("Bisiddere", list.Where(m => m.Role == MembershipRole.Advisor)),
            Grouped("Observatører", list.Where(m => m.Role == MembershipRole.Observer)),
            Grouped("Gæstedeltagere", list.Where(m => m.Role == MembershipRole.Guest)),
            Grouped("Sekretariat", list.Where(m => m.Role == MembershipRole.Secretariat)),
        };
        return [.. sections.Where(s => s.Groups.Count > 0)];
    }

    private static Section Grouped(string heading, IEnumerable<Membership> memberships)
    {
        // As the agendas print them: co-chairs first, then members alphabetically; others in the order entered
        // (an administrative co-chair is entered first among the advisors).
        var groups = memberships
            .GroupBy(m => m.Group)
            .OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key)
            .Select(g => (g.Key?.Danish() ?? "", (IReadOnlyList<Membership>)[.. g
                .OrderBy(m => m.Role == MembershipRole.CoChair ? 0 : 1)
                .ThenBy(m => m.IsVotingMember ? m.Person?.Name : null, NameOrder)
                .ThenBy(m => m.Id)]))
            .ToList();
        return new Section(heading, groups);
    }

    /// <summary>"Lars Gaardhøj, Regionsrådsformand (A), Region Hovedstaden (medformand)".</summary>
    public static string Line(Membership m)
    {
        var parts = new List<string> { m.Person?.Name ?? "" };
        if (m.Person?.TitleAndParty is { Length: > 0 } title)
        {
            parts.Add(title);
        }
        if (m.Organisation is { } org)
        {
            parts.Add(org.Name);
        }
        var line = string.Join(", ", parts);
        if (m.Note is { Length: > 0 } note)
        {
            line += $" ({note})";
        }
        if (m.Role == MembershipRole.CoChair)
        {
            line += " (medformand)";
        }
        return line;
    }
}
