using Raad.Domain.Cases;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;

namespace Raad.Domain.Agenda;

public enum ItemKind
{
    Approval,
    Decision,
    Discussion,
    Information,
    Announcement,
    AnyOtherBusiness,
}

/// <summary>A point on a meeting's agenda with the sections the documents print, its recommendation and decision.</summary>
public partial class AgendaItem
{
    /// <summary>Longer than any real meeting; a typo such as 500 instead of 50 is refused.</summary>
    public const int MaxDurationMinutes = 480;

    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>Order in the draft; numbers are fixed from it when the agenda is published.</summary>
    public int Position { get; set; }

    public int? Number { get; set; }
    public required string Title { get; set; }
    public ItemKind Kind { get; set; }
    public int DurationMinutes { get; set; }
    public bool IsClosed { get; set; }

    /// <summary>"Baggrund for sagens fremlæggelse".</summary>
    public string? Background { get; set; }

    /// <summary>"Resumé".</summary>
    public string? Summary { get; set; }

    /// <summary>"Sagsfremstilling".</summary>
    public string? Presentation { get; set; }

    /// <summary>"Økonomi".</summary>
    public string? Economy { get; set; }

    /// <summary>
    /// The day of the body's economy overview (Tabel 1) printed under "Økonomi"; none when the item has no table.
    /// While the agenda is a draft the table is computed afresh; see <see cref="EconomyTable"/>.
    /// </summary>
    public DateOnly? EconomyAsOf { get; set; }

    /// <summary>The overview as it stood when the agenda was published: later grants and forecasts do not change a published agenda.</summary>
    public Money.EconomySnapshot? EconomyTable { get; set; }

    /// <summary>Freezes the overview the published agenda prints; a table already frozen stays as it was published.</summary>
    public bool FreezeEconomy(Money.EconomySnapshot snapshot)
    {
        if (EconomyAsOf is null || EconomyTable is not null)
        {
            return false;
        }
        EconomyTable = snapshot;
        return true;
    }

    /// <summary>"Tidsplan og videre proces".</summary>
    public string? FurtherProcess { get; set; }

    /// <summary>"Det indstilles:" followed by one "at ..." clause each.</summary>
    public List<string> Recommendation { get; set; } = [];

    public string? Presenters { get; set; }

    /// <summary>Topics the item concerns, e.g. "almen praksis"; the rules of procedure may require a group for a topic.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>"Udvalgets beslutning".</summary>
    public string? Decision { get; set; }

    public int? CaseId { get; set; }
    public Case? Case { get; set; }

    /// <summary>The document id of the item in the secretariat's records ("Dok ID").</summary>
    public string? DocumentId { get; set; }

    public List<Attachment> Attachments { get; set; } = [];

    /// <summary>Attachments a source document names without the file (imported history: "Bilag 1 - ...").</summary>
    public List<string> ListedAttachments { get; set; } = [];
    public List<ItemAbsence> Absences { get; set; } = [];
    public List<Disqualification> Disqualifications { get; set; } = [];
    public ItemVote? Vote { get; set; }
    public List<Dissent> Dissents { get; set; } = [];
    public int Version { get; set; }

    /// <summary>
    /// The title as the documents print it: "Drøftelse: Afrapportering ..." for discussions, orientations and
    /// decisions, unless the title already says so ("Beslutning om ..."); other kinds print the title alone.
    /// </summary>
    public string Heading
    {
        get
        {
            var label = Kind is ItemKind.Discussion or ItemKind.Information or ItemKind.Decision ? Kind.Danish() : null;
            return label is null || Title.StartsWith(label, StringComparison.OrdinalIgnoreCase) ? Title : $"{label}: {Title}";
        }
    }

    public static Validation Validate(string? title, int durationMinutes) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(title), "item.title_required", nameof(Title), "Punktet skal have en titel.")
            .Require(durationMinutes >= 0, "item.duration_negative", nameof(DurationMinutes), "Varigheden kan ikke være negativ.")
            .Require(durationMinutes <= MaxDurationMinutes, "item.duration_absurd", nameof(DurationMinutes),
                $"Varigheden kan højst være {MaxDurationMinutes} minutter.");

    /// <summary>Clauses as printed: each begins with "at".</summary>
    public static List<string> ParseRecommendation(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => Bullet().Replace(l, "").Trim()).Where(l => l.Length > 0)];

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[-•*](?!\*)\s*")]
    private static partial System.Text.RegularExpressions.Regex Bullet();
}

public static class ItemKindText
{
    public static string Danish(this ItemKind kind) => kind switch
    {
        ItemKind.Approval => "Godkendelse",
        ItemKind.Decision => "Beslutning",
        ItemKind.Discussion => "Drøftelse",
        ItemKind.Information => "Orientering",
        ItemKind.Announcement => "Meddelelse",
        ItemKind.AnyOtherBusiness => "Eventuelt",
        _ => kind.ToString(),
    };

    /// <summary>The common outcomes offered as quick choices when recording a decision.</summary>
    public static readonly IReadOnlyList<string> QuickDecisions =
        ["Indstillingen blev tiltrådt", "Godkendt", "Taget til efterretning", "Drøftet"];
}
