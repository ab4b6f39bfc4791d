using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Bodies;
using Raad.Domain.Import;
using Raad.Domain.Meetings;

namespace Raad.Web.Features.Import;

/// <summary>How a field of the preview relates to what Raad already holds.</summary>
public enum FieldState
{
    New,
    Matched,
    Warning,
    Error,
}

public sealed record PersonMatch(ParsedParticipant Participant, int? PersonId, FieldState State);

/// <summary>One file read and parsed, matched against the database: what confirming it would do.</summary>
public sealed class ImportPreview
{
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public string ContentType { get; set; } = "text/plain";
    public int Pages { get; set; }
    public IReadOnlyList<SourceLine> Lines { get; set; } = [];
    public ParsedDocument? Parsed { get; set; }

    /// <summary>Why this file cannot be imported, in Danish.</summary>
    public string? Error { get; set; }

    /// <summary>The same file was imported before (its SHA-256): importing it again changes nothing.</summary>
    public ImportedDocument? AlreadyImported { get; set; }

    public string? BodyName { get; set; }
    public int? BodyId { get; set; }

    /// <summary>The body's meeting on the same date: minutes fill in its items instead of creating a second meeting.</summary>
    public Meeting? ExistingMeeting { get; set; }

    public List<PersonMatch> People { get; } = [];

    /// <summary>The preview's own findings (matching), beside the parser's warnings.</summary>
    public List<ImportWarning> Notes { get; } = [];

    public bool CanImport => Error is null && AlreadyImported is null && Parsed is { Error: null };

    public IEnumerable<ImportWarning> Warnings => (Parsed?.Warnings ?? []).Concat(Notes);
}

/// <summary>What confirming an import saved, and a Danish line saying so.</summary>
public sealed record ImportOutcome(int DocumentId, string FileName, int? BodyId, int? MeetingId, int? RulesId, string Summary);

/// <summary>How the importer compares names and finds a body: shared by the preview and the confirmation.</summary>
public static partial class ImportNames
{
    /// <summary>
    /// The body of that name, ignoring case and spacing; else one name at most two letters away, for the typos real
    /// documents have ("Polisk sundhedsklynge Syd"). The preview says when it matched that way.
    /// </summary>
    public static async Task<Body?> FindBodyAsync(IQueryable<Body> bodies, string name, CancellationToken ct)
    {
        var all = await bodies.ToListAsync(ct);
        var key = Key(name);
        var near = all.Where(b => key.Length >= 10 && Distance(Key(b.Name), key) <= 2).ToList();
        return all.FirstOrDefault(b => Key(b.Name) == key) ?? (near.Count == 1 ? near[0] : null);
    }

    /// <summary>The body an import creates when none matches its name: political when the name says so.</summary>
    public static Body NewBody(string name, DateOnly validFrom) => new()
    {
        Name = name,
        Level = name.Contains("politisk", StringComparison.OrdinalIgnoreCase) ? BodyLevel.Political : BodyLevel.Professional,
        ValidFrom = validFrom,
        StandardItems = Body.DefaultTemplate(),
    };

    /// <summary>Levenshtein distance, stopping early: only "at most 2" matters.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return 3;
        }
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            if (current.Min() > 2)
            {
                return 3;
            }
            previous = current;
        }
        return previous[b.Length];
    }

    /// <summary>"Forretningsorden for Politisk sundhedsklynge Syd" names its body.</summary>
    public static string? BodyOfRules(string? title) =>
        title is not null && RulesFor().Match(title) is { Success: true } m ? Clean(m.Groups[1].Value) : null;

    public static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Spaces().Replace(text, " ").Trim();

    /// <summary>Names compared without case and spacing: "Politisk sundhedsklynge  Syd" is "Politisk Sundhedsklynge Syd".</summary>
    public static string Key(string text) => (Clean(text) ?? "").ToLower(CultureInfo.GetCultureInfo("da-DK"));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"forretningsorden\s+for\s+(?:den\s+|det\s+)?(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RulesFor();
}

public static class ImportText
{
    public static string Danish(this ImportedKind kind) => kind switch
    {
        ImportedKind.Agenda => "dagsorden",
        ImportedKind.Minutes => "referat",
        ImportedKind.Annexes => "bilag",
        _ => kind.ToString(),
    };

    public static string Danish(this FieldState state) => state switch
    {
        FieldState.New => "Ny",
        FieldState.Matched => "Genkendt",
        FieldState.Warning => "Advarsel",
        FieldState.Error => "Fejl",
        _ => state.ToString(),
    };
}
