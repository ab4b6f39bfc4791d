using Raad.Domain.Common;
using Raad.Domain.People;

namespace Raad.Domain.Procedure;

public enum MinutesApproval
{
    /// <summary>Sent out after the meeting; approved when the objection window passes without objections (Syd).</summary>
    ObjectionWindow,

    /// <summary>Approved at the end of the meeting itself, item "Godkendelse af referat" (Holbæk).</summary>
    AtMeeting,
}

/// <summary>For items tagged with a topic, a group that must be represented (e.g. "almen praksis" needs PLO).</summary>
public sealed class TopicRequirement
{
    public required string Topic { get; set; }
    public MemberGroup Group { get; set; }
}

/// <summary>
/// A body's forretningsorden as data, one version per validity period. Every number is a parameter;
/// other bodies set other numbers. A meeting is judged by the version in force on its date.
/// </summary>
public class RulesOfProcedure
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Bodies.Body? Body { get; set; }

    /// <summary>Name of the document, e.g. "Forretningsorden for Politisk sundhedsklynge Syd".</summary>
    public string Title { get; set; } = "Forretningsorden";

    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    // § 1: composition and substitutes.
    public int RegionalSeats { get; set; }
    public int MunicipalSeats { get; set; }
    public int GeneralPracticeSeats { get; set; }
    public bool SubstitutesAllowed { get; set; } = true;

    // § 3: meetings and deadlines, in calendar days.
    public int MinOrdinaryMeetingsPerYear { get; set; } = 2;
    public int ItemRequestLeadDays { get; set; } = 28;
    public int AgendaNoticeDays { get; set; } = 10;
    public int MinutesDispatchDays { get; set; } = 10;
    public int ObjectionWindowDays { get; set; } = 8;
    public bool WrittenProcedureAllowed { get; set; } = true;

    /// <summary>How many objections send a written procedure to a meeting ("blot ét medlem": 1).</summary>
    public int WrittenProcedureObjectionsToMeeting { get; set; } = 1;

    /// <summary>The ordinary notice a meeting is called with; an extraordinary meeting may be called with less.</summary>
    public int OrdinaryNoticeDays { get; set; } = 21;

    public bool ExtraordinaryShortNoticeAllowed { get; set; } = true;

    /// <summary>Virtual meetings are for extraordinary meetings only, unless this allows them for all.</summary>
    public bool VirtualOrdinaryAllowed { get; set; }

    // § 4: chair and quorum.
    public bool ChairsInTurn { get; set; } = true;

    /// <summary>Share of the members that must be present: 0,5 is "mindst halvdelen".</summary>
    public decimal QuorumShare { get; set; } = 0.5m;

    public List<MemberGroup> QuorumRequiredGroups { get; set; } = [];
    public List<TopicRequirement> TopicRequirements { get; set; } = [];

    public MinutesApproval MinutesApproval { get; set; } = MinutesApproval.ObjectionWindow;

    /// <summary>
    /// Read from a document by the importer and not yet confirmed by the secretariat: shown, never applied. Where the
    /// draft came from is in <see cref="DraftSource"/>.
    /// </summary>
    public bool IsDraft { get; set; }

    public string? DraftSource { get; set; }

    public int Version { get; set; }

    public int Seats => RegionalSeats + MunicipalSeats + GeneralPracticeSeats;

    public int SeatsFor(MemberGroup group) => group switch
    {
        MemberGroup.Regional => RegionalSeats,
        MemberGroup.Municipal => MunicipalSeats,
        MemberGroup.GeneralPractice => GeneralPracticeSeats,
        _ => 0,
    };

    /// <summary>Members needed for a quorum: "mindst halvdelen" of 17 is 9.</summary>
    // Rounded first: a share of 2/3 stored as 0,666…67 must not make 3 × share a hair above 2.
    public int QuorumOf(int members) => (int)Math.Ceiling(decimal.Round(members * QuorumShare, 10));

    public bool IsInForceOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);

    public DateOnly ItemRequestsDue(DateOnly meeting) => meeting.AddDays(-ItemRequestLeadDays);

    public DateOnly AgendaDue(DateOnly meeting) => meeting.AddDays(-AgendaNoticeDays);

    public DateOnly MinutesDue(DateOnly meeting) => meeting.AddDays(MinutesDispatchDays);

    public DateOnly ObjectionsDue(DateOnly minutesSent) => minutesSent.AddDays(ObjectionWindowDays);

    /// <summary>The version in force on a date, if any.</summary>
    public static RulesOfProcedure? InForce(IEnumerable<RulesOfProcedure> versions, DateOnly date) =>
        versions.Where(r => !r.IsDraft && r.IsInForceOn(date)).OrderByDescending(r => r.ValidFrom).FirstOrDefault();

    public static Validation Validate(RulesOfProcedure r)
    {
        var v = new Validation()
            .Require(r.ValidTo is null || r.ValidTo >= r.ValidFrom, "rules.validity_inverted", nameof(ValidTo),
                "Forretningsordenen kan ikke ophøre, før den træder i kraft.")
            .Require(r.QuorumShare is > 0 and <= 1, "rules.quorum_share", nameof(QuorumShare),
                "Beslutningsdygtighed angives som en andel mellem 0 og 1, fx 0,5 for mindst halvdelen.");
        foreach (var (value, field) in new[]
                 {
                     (r.RegionalSeats, nameof(RegionalSeats)), (r.MunicipalSeats, nameof(MunicipalSeats)),
                     (r.GeneralPracticeSeats, nameof(GeneralPracticeSeats)), (r.MinOrdinaryMeetingsPerYear, nameof(MinOrdinaryMeetingsPerYear)),
                     (r.ItemRequestLeadDays, nameof(ItemRequestLeadDays)), (r.AgendaNoticeDays, nameof(AgendaNoticeDays)),
                     (r.MinutesDispatchDays, nameof(MinutesDispatchDays)), (r.ObjectionWindowDays, nameof(ObjectionWindowDays)),
                     (r.OrdinaryNoticeDays, nameof(OrdinaryNoticeDays)), (r.WrittenProcedureObjectionsToMeeting, nameof(WrittenProcedureObjectionsToMeeting)),
                 })
        {
            v.Require(value is >= 0 and <= 365, "rules.number_out_of_range", field, "Skriv et tal mellem 0 og 365.");
        }
        return v;
    }

    public string ValidityText => ValidTo is { } to
        ? $"{DanishFormat.Date(ValidFrom)} til {DanishFormat.Date(to)}"
        : $"fra {DanishFormat.Date(ValidFrom)}";
}
