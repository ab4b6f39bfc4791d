using System.Text.RegularExpressions;
using Raad.Domain.Minutes;
using Raad.Domain.People;
using Raad.Domain.Procedure;

namespace Raad.Domain.Tests.Procedure;

/// <summary>Runs the rules and checks what every finding must carry, whatever the rule.</summary>
internal static partial class ProcedureAssert
{
    /// <summary>The findings that concern the body or the absence of rules, not a paragraph of the rules.</summary>
    public static readonly string[] NotFromAParagraph = ["procedure.meeting_outside_body_validity", "procedure.no_rules"];

    public static IReadOnlyList<Finding> Check(RulesOfProcedure? rules, MeetingFacts facts, DateOnly today)
    {
        var findings = Compliance.Check(rules, facts, today);
        WellFormed(findings);
        return findings;
    }

    public static IReadOnlyList<Finding> Quorum(RulesOfProcedure rules, IReadOnlyList<Membership> seats, IReadOnlyList<Attendance> attendance, ItemFacts item)
    {
        var findings = Compliance.Quorum(rules, seats, attendance, item);
        WellFormed(findings);
        return findings;
    }

    /// <summary>
    /// Non-empty code, message, reference and remedy; a message citing its paragraph ("§ 3, stk. 3: ...") and a reference
    /// naming the same paragraph, except the findings about the body's period and missing rules.
    /// </summary>
    public static void WellFormed(IEnumerable<Finding> findings)
    {
        foreach (var f in findings)
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Code), $"{f}: no code");
            Assert.StartsWith("procedure.", f.Code, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(f.Message), $"{f.Code}: no message");
            Assert.False(string.IsNullOrWhiteSpace(f.Reference), $"{f.Code}: no reference");
            Assert.False(string.IsNullOrWhiteSpace(f.Remedy), $"{f.Code}: no remedy");
            if (NotFromAParagraph.Contains(f.Code))
            {
                continue;
            }
            var cited = CitedParagraph().Match(f.Message);
            Assert.True(cited.Success, $"{f.Code}: the message does not start with the paragraph it applies (\"§ n, stk. m: ...\"): \"{f.Message}\"");
            Assert.EndsWith(cited.Groups[1].Value, f.Reference, StringComparison.Ordinal);
        }
    }

    public static Finding Single(IEnumerable<Finding> findings, string code) => Assert.Single(findings, f => f.Code == code);

    public static void None(IEnumerable<Finding> findings, string code) => Assert.DoesNotContain(findings, f => f.Code == code);

    public static string[] Codes(IEnumerable<Finding> findings) => [.. findings.Select(f => f.Code).Order(StringComparer.Ordinal)];

    /// <summary>"" is none; otherwise codes separated by commas, without the "procedure." prefix.</summary>
    public static string[] ExpectedCodes(string expected) =>
        [.. expected.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => "procedure." + c).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"^(§ \d+, stk\. \d+): \S")]
    private static partial Regex CitedParagraph();
}
