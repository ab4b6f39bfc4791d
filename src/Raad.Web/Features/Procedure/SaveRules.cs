using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.People;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Procedure;

public sealed class RulesInput
{
    public string Title { get; set; } = "Forretningsorden";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int RegionalSeats { get; set; }
    public int MunicipalSeats { get; set; }
    public int GeneralPracticeSeats { get; set; }
    public bool SubstitutesAllowed { get; set; } = true;
    public int MinOrdinaryMeetingsPerYear { get; set; } = 2;
    public int ItemRequestLeadDays { get; set; } = 28;
    public int AgendaNoticeDays { get; set; } = 10;
    public int MinutesDispatchDays { get; set; } = 10;
    public int ObjectionWindowDays { get; set; } = 8;
    public bool WrittenProcedureAllowed { get; set; } = true;
    public int WrittenProcedureObjectionsToMeeting { get; set; } = 1;
    public int OrdinaryNoticeDays { get; set; } = 21;
    public bool ExtraordinaryShortNoticeAllowed { get; set; } = true;
    public bool VirtualOrdinaryAllowed { get; set; }
    public bool ChairsInTurn { get; set; } = true;

    /// <summary>In percent in the form ("50" for "mindst halvdelen").</summary>
    public decimal QuorumPercent { get; set; } = 50;

    public List<MemberGroup> QuorumRequiredGroups { get; set; } = [];

    /// <summary>One "emne = gruppe" per line, e.g. "almen praksis = GeneralPractice".</summary>
    public string? TopicRequirements { get; set; }

    public MinutesApproval MinutesApproval { get; set; }
    public int Version { get; set; }

    public static RulesInput Of(RulesOfProcedure r) => new()
    {
        Title = r.Title,
        ValidFrom = r.ValidFrom,
        ValidTo = r.ValidTo,
        RegionalSeats = r.RegionalSeats,
        MunicipalSeats = r.MunicipalSeats,
        GeneralPracticeSeats = r.GeneralPracticeSeats,
        SubstitutesAllowed = r.SubstitutesAllowed,
        MinOrdinaryMeetingsPerYear = r.MinOrdinaryMeetingsPerYear,
        ItemRequestLeadDays = r.ItemRequestLeadDays,
        AgendaNoticeDays = r.AgendaNoticeDays,
        MinutesDispatchDays = r.MinutesDispatchDays,
        ObjectionWindowDays = r.ObjectionWindowDays,
        WrittenProcedureAllowed = r.WrittenProcedureAllowed,
        WrittenProcedureObjectionsToMeeting = r.WrittenProcedureObjectionsToMeeting,
        OrdinaryNoticeDays = r.OrdinaryNoticeDays,
        ExtraordinaryShortNoticeAllowed = r.ExtraordinaryShortNoticeAllowed,
        VirtualOrdinaryAllowed = r.VirtualOrdinaryAllowed,
        ChairsInTurn = r.ChairsInTurn,
        QuorumPercent = r.QuorumShare * 100,
        QuorumRequiredGroups = [.. r.QuorumRequiredGroups],
        TopicRequirements = string.Join('\n', r.TopicRequirements.Select(t => $"{t.Topic} = {t.Group.Danish()}")),
        MinutesApproval = r.MinutesApproval,
        Version = r.Version,
    };
}

/// <summary>Adds a version of a body's rules of procedure, or corrects one; versions may not overlap.</summary>
public sealed class SaveRules(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int bodyId, int? rulesId, RulesInput input, CancellationToken ct)
    {
        RulesOfProcedure rules;
        if (rulesId is { } id)
        {
            var existing = await db.RulesOfProcedure.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (existing is null)
            {
                return new Error("rules.not_found", "Forretningsordenen findes ikke.");
            }
            rules = existing;
            bodyId = rules.BodyId;
            db.ExpectVersion(rules, input.Version);
        }
        else
        {
            if (!await db.Bodies.AnyAsync(b => b.Id == bodyId, ct))
            {
                return new Error("body.not_found", "Udvalget findes ikke.");
            }
            rules = new RulesOfProcedure { BodyId = bodyId };
            db.RulesOfProcedure.Add(rules);
        }
        var (topics, topicError) = ParseTopics(input.TopicRequirements);
        rules.Title = string.IsNullOrWhiteSpace(input.Title) ? "Forretningsorden" : input.Title.Trim();
        rules.ValidFrom = input.ValidFrom;
        rules.ValidTo = input.ValidTo;
        rules.RegionalSeats = input.RegionalSeats;
        rules.MunicipalSeats = input.MunicipalSeats;
        rules.GeneralPracticeSeats = input.GeneralPracticeSeats;
        rules.SubstitutesAllowed = input.SubstitutesAllowed;
        rules.MinOrdinaryMeetingsPerYear = input.MinOrdinaryMeetingsPerYear;
        rules.ItemRequestLeadDays = input.ItemRequestLeadDays;
        rules.AgendaNoticeDays = input.AgendaNoticeDays;
        rules.MinutesDispatchDays = input.MinutesDispatchDays;
        rules.ObjectionWindowDays = input.ObjectionWindowDays;
        rules.WrittenProcedureAllowed = input.WrittenProcedureAllowed;
        rules.WrittenProcedureObjectionsToMeeting = input.WrittenProcedureObjectionsToMeeting;
        rules.OrdinaryNoticeDays = input.OrdinaryNoticeDays;
        rules.ExtraordinaryShortNoticeAllowed = input.ExtraordinaryShortNoticeAllowed;
        rules.VirtualOrdinaryAllowed = input.VirtualOrdinaryAllowed;
        rules.ChairsInTurn = input.ChairsInTurn;
        rules.QuorumShare = input.QuorumPercent / 100m;
        rules.QuorumRequiredGroups = [.. input.QuorumRequiredGroups.Distinct()];
        rules.TopicRequirements = topics;
        rules.MinutesApproval = input.MinutesApproval;
        // Saving an imported draft is the secretariat's confirmation of it.
        rules.IsDraft = false;

        var v = RulesOfProcedure.Validate(rules);
        if (topicError is not null)
        {
            v.Require(false, "rules.topic_format", nameof(RulesInput.TopicRequirements), topicError);
        }
        var others = await db.RulesOfProcedure.AsNoTracking().Where(r => r.BodyId == bodyId && r.Id != rules.Id && !r.IsDraft).ToListAsync(ct);
        var overlap = others.FirstOrDefault(o => o.ValidFrom <= (rules.ValidTo ?? DateOnly.MaxValue) && rules.ValidFrom <= (o.ValidTo ?? DateOnly.MaxValue));
        v.Require(overlap is null, "rules.overlap", nameof(RulesInput.ValidFrom),
            $"Perioden overlapper versionen, der gælder {overlap?.ValidityText}. Afslut den version først.");
        if (!v.IsValid)
        {
            return Result<int>.Fail(v.Errors);
        }
        return (await db.SaveAsync("Forretningsordenen", ct)).With(bodyId);
    }

    private static (List<TopicRequirement> Topics, string? Error) ParseTopics(string? text)
    {
        var topics = new List<TopicRequirement>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            var group = parts.Length == 2
                ? Enum.GetValues<MemberGroup>().Cast<MemberGroup?>().FirstOrDefault(g =>
                    string.Equals(g!.Value.Danish(), parts[1], StringComparison.OrdinalIgnoreCase)
                    || string.Equals(g.Value.ToString(), parts[1], StringComparison.OrdinalIgnoreCase))
                : null;
            if (group is null || parts[0].Length == 0)
            {
                return ([], $"\"{line}\" skal skrives som emne = gruppe, fx \"almen praksis = Almen praksis\".");
            }
            topics.Add(new TopicRequirement { Topic = parts[0], Group = group.Value });
        }
        return (topics, null);
    }
}
