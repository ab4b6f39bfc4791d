using System.Text;
using Raad.Domain.People;

namespace Raad.Domain.Import;

/// <summary>
/// The lists of people before the first item: "MEDLEMMER" / "BISIDDERE" / "Gæstedeltagere" / "Sekretariat", under group
/// headings "Regional" / "Kommunal" / "Almen praksis", one "Navn, titel (Parti), Organisation (medformand)" a line;
/// or inline lists ("Mødedeltagere A, B, C", "Afbud: A (V), B").
/// </summary>
internal static class ParticipantParser
{
    private static readonly Dictionary<string, MembershipRole> RoleHeadings = new(StringComparer.Ordinal)
    {
        ["medlemmer"] = MembershipRole.Member,
        ["deltagere"] = MembershipRole.Member,
        ["mødedeltagere"] = MembershipRole.Member,
        ["udvalgsmedlemmer"] = MembershipRole.Member,
        ["til stede"] = MembershipRole.Member,
        ["fremmødte"] = MembershipRole.Member,
        ["politiske medlemmer"] = MembershipRole.Member,
        ["medlemmer af udvalget"] = MembershipRole.Member,
        ["bisiddere"] = MembershipRole.Advisor,
        ["bisidder"] = MembershipRole.Advisor,
        ["administrative deltagere"] = MembershipRole.Advisor,
        ["fra administrationen"] = MembershipRole.Advisor,
        ["gæstedeltagere"] = MembershipRole.Guest,
        ["gæster"] = MembershipRole.Guest,
        ["inviterede"] = MembershipRole.Guest,
        ["øvrige deltagere"] = MembershipRole.Guest,
        ["sekretariat"] = MembershipRole.Secretariat,
        ["sekretariatet"] = MembershipRole.Secretariat,
        ["referent"] = MembershipRole.Secretariat,
        ["suppleanter"] = MembershipRole.Substitute,
        ["suppleant"] = MembershipRole.Substitute,
        ["stedfortrædere"] = MembershipRole.Substitute,
        ["observatører"] = MembershipRole.Observer,
        ["observatør"] = MembershipRole.Observer,
    };

    private static readonly HashSet<string> AbsentHeadings = new(StringComparer.Ordinal) { "afbud", "fraværende", "meldt afbud", "afbud fra", "fravær" };

    private static readonly Dictionary<string, MemberGroup> GroupHeadings = new(StringComparer.Ordinal)
    {
        ["regional"] = MemberGroup.Regional,
        ["regionale"] = MemberGroup.Regional,
        ["region"] = MemberGroup.Regional,
        ["regionale medlemmer"] = MemberGroup.Regional,
        ["kommunal"] = MemberGroup.Municipal,
        ["kommunale"] = MemberGroup.Municipal,
        ["kommuner"] = MemberGroup.Municipal,
        ["kommunale medlemmer"] = MemberGroup.Municipal,
        ["almen praksis"] = MemberGroup.GeneralPractice,
        ["praktiserende læger"] = MemberGroup.GeneralPractice,
    };

    private static readonly string[] OrganisationWords = ["kommune", "region", "hospital", "plo", "sygehus", "psykiatri", "forvaltning", "klynge"];

    public static void Parse(List<SourceLine> header, ParsedMeeting meeting, List<ImportWarning> warnings)
    {
        MembershipRole? role = null;
        var absent = false;
        MemberGroup? group = null;
        foreach (var line in header)
        {
            var text = line.Text;
            var key = DanishText.Key(text);
            if (RoleHeadings.TryGetValue(key, out var r))
            {
                (role, absent, group) = (r, false, null);
                continue;
            }

            if (AbsentHeadings.Contains(key))
            {
                (role, absent, group) = (MembershipRole.Member, true, null);
                continue;
            }

            if (role is not null && GroupHeadings.TryGetValue(key, out var g))
            {
                group = g;
                continue;
            }

            if (TryInlineList(text, out var listRole, out var listAbsent, out var names))
            {
                foreach (var name in names)
                    Add(meeting, name, listRole, null, listAbsent, line, warnings);
                role = null;
                continue;
            }

            if (HeaderParser.IsHeaderLine(text))
            {
                role = null;
                continue;
            }

            if (role is { } current)
                Add(meeting, text, current, group, absent, line, warnings);
        }
    }

    /// <summary>"Mødedeltagere A, B, C", "Deltagere: A, B", "Afbud: A (V), B og C".</summary>
    private static bool TryInlineList(string text, out MembershipRole role, out bool absent, out List<string> names)
    {
        role = MembershipRole.Member;
        absent = false;
        names = [];
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        string label, rest;
        if (colon is > 0 and < 30)
        {
            label = DanishText.Key(text[..colon]);
            rest = text[(colon + 1)..];
        }
        else if (text.StartsWith("Mødedeltagere ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Deltagere ", StringComparison.OrdinalIgnoreCase))
        {
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            label = DanishText.Key(text[..space]);
            rest = text[(space + 1)..];
        }
        else
        {
            return false;
        }

        if (AbsentHeadings.Contains(label))
            absent = true;
        else if (RoleHeadings.TryGetValue(label, out var r))
            role = r;
        else
            return false;
        names.AddRange(ItemParser.SplitNames(rest).Where(n => n.Length > 0));
        return names.Count > 0;
    }

    private static void Add(ParsedMeeting meeting, string text, MembershipRole role, MemberGroup? group, bool absent, SourceLine line, List<ImportWarning> warnings)
    {
        if (DanishText.Key(text) is "ingen" or "." or "-")
            return;
        var p = ParseLine(text, role, group);
        if (p is null)
        {
            warnings.Add(new ImportWarning(line.Number, line.Text, "Linjen står i en deltagerliste, men kunne ikke læses som en person; den er ikke overført."));
            return;
        }

        p.Line = line.Number;
        p.Absent = absent;
        if (absent && meeting.Participants.FirstOrDefault(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            known.Absent = true;
            return;
        }

        meeting.Participants.Add(p);
    }

    /// <summary>"Lars Gaardhøj, Regionsrådsformand (A), Region Hovedstaden (medformand)".</summary>
    public static ParsedParticipant? ParseLine(string text, MembershipRole role, MemberGroup? group)
    {
        var parts = SplitTopLevel(text, ',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0)
            return null;
        string? party = null;
        var coChair = false;
        var cleaned = new List<string>();
        foreach (var part in parts)
        {
            var kept = StripParentheses(part, out var found, keepUnknown: true, onMarker: m =>
            {
                if (m is "medformand" or "formand" or "næstformand")
                    coChair = true;
            });
            party ??= found;
            if (kept.Length > 0)
                cleaned.Add(kept);
        }

        if (cleaned.Count == 0 || !DanishText.LooksLikeName(cleaned[0]))
            return null;
        var p = new ParsedParticipant { Name = cleaned[0], Role = role, Group = group, Party = party };
        if (coChair && role == MembershipRole.Member)
            p.Role = MembershipRole.CoChair;
        if (cleaned.Count == 2)
        {
            if (IsOrganisation(cleaned[1]))
                p.Organisation = cleaned[1];
            else
                p.Title = cleaned[1];
        }
        else if (cleaned.Count > 2)
        {
            p.Title = string.Join(", ", cleaned.Skip(1).Take(cleaned.Count - 2));
            p.Organisation = cleaned[^1];
        }

        return p;
    }

    private static bool IsOrganisation(string s)
    {
        if (!char.IsUpper(s[0]))
            return false;
        var lower = s.ToLowerInvariant();
        return OrganisationWords.Any(w => lower.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>The text without "(A)" party letters and "(medformand)" markers; unknown parentheses dropped unless kept.</summary>
    public static string StripParentheses(string text, out string? party, bool keepUnknown = false, Action<string>? onMarker = null)
    {
        party = null;
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('(', i);
            if (open < 0)
            {
                sb.Append(text.AsSpan(i));
                break;
            }

            var close = text.IndexOf(')', open + 1);
            if (close < 0)
            {
                sb.Append(text.AsSpan(i));
                break;
            }

            sb.Append(text.AsSpan(i, open - i));
            var inside = text[(open + 1)..close].Trim();
            var key = inside.ToLowerInvariant();
            if (IsPartyLetter(inside))
                party ??= inside;
            else if (key is "medformand" or "formand" or "næstformand" or "adm. medformand" or "suppleant")
                onMarker?.Invoke(key);
            else if (keepUnknown)
                sb.Append(text.AsSpan(open, close - open + 1));
            i = close + 1;
        }

        return CollapseSpaces(sb.ToString());
    }

    private static string CollapseSpaces(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static bool IsPartyLetter(string s)
    {
        if (s.Length is < 1 or > 3)
            return false;
        foreach (var c in s)
            if (!char.IsUpper(c))
                return false;
        return true;
    }

    /// <summary>Splits on the separator outside parentheses: "borgmester (Sundhed og Omsorg), Københavns Kommune".</summary>
    public static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(')
                depth++;
            else if (c == ')' && depth > 0)
                depth--;
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
