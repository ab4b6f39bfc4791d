namespace Raad.Domain.Money;

/// <summary>A heading of the portfolio (a focus area or a target group) with its projects.</summary>
public sealed record PortfolioGroup(string Heading, IReadOnlyList<PortfolioLine> Projects);

/// <summary>A project as the portfolio lists it: title, "forankret i", status and money granted.</summary>
public sealed record PortfolioLine(string Project, string Owner, string Status, decimal Granted);

/// <summary>The body's projects grouped for an overview of what the money goes to.</summary>
public static class Portfolio
{
    public const string NoFocusArea = "Uden fokusområde";
    public const string NoTargetGroup = "Uden målgruppe";

    /// <summary>By focus area in the agreement's order; projects without one last.</summary>
    public static IReadOnlyList<PortfolioGroup> ByFocusArea(IEnumerable<Project> projects, DateOnly asOf) =>
        Group(projects, p => (p.FocusArea?.Name ?? NoFocusArea, p.FocusArea?.Position ?? int.MaxValue), asOf);

    /// <summary>By target group, alphabetically; projects without one last.</summary>
    public static IReadOnlyList<PortfolioGroup> ByTargetGroup(IEnumerable<Project> projects, DateOnly asOf) =>
        Group(projects, p => (string.IsNullOrWhiteSpace(p.TargetGroup) ? NoTargetGroup : p.TargetGroup.Trim(),
            string.IsNullOrWhiteSpace(p.TargetGroup) ? int.MaxValue : 0), asOf);

    private static List<PortfolioGroup> Group(IEnumerable<Project> projects, Func<Project, (string Heading, int Order)> key, DateOnly asOf) =>
    [
        .. projects
            .GroupBy(key)
            .OrderBy(g => g.Key.Order).ThenBy(g => g.Key.Heading, StringComparer.Create(Common.DanishFormat.Culture, false))
            .Select(g => new PortfolioGroup(g.Key.Heading,
            [
                .. g.OrderBy(p => p.Id).Select(p => new PortfolioLine(p.Title, p.Owner?.Name ?? "", Project.StatusText(p.Status),
                    p.GrantedBy(asOf) + p.RemainderGrantedBy(asOf))),
            ])),
    ];
}
