using Raad.Domain.Meetings;

namespace Raad.Domain.Procedure;

public sealed record Deadline(string Label, DateOnly Date, string Reference);

/// <summary>The dates the rules of procedure set around a meeting, in the order they fall.</summary>
public static class Deadlines
{
    /// <param name="objectionsDue">The window of the minutes actually sent, once they are; else it is counted from the dispatch deadline.</param>
    public static IReadOnlyList<Deadline> For(RulesOfProcedure rules, DateOnly meeting, DateOnly? objectionsDue = null)
    {
        var list = new List<Deadline>
        {
            new("Ønsker om punkter", rules.ItemRequestsDue(meeting), "§ 3, stk. 2"),
            new("Dagsorden udsendes", rules.AgendaDue(meeting), "§ 3, stk. 3"),
            new("Mødet", meeting, ""),
        };
        if (rules.MinutesApproval == MinutesApproval.ObjectionWindow)
        {
            var minutes = rules.MinutesDue(meeting);
            list.Add(new("Referat udsendes", minutes, "§ 3, stk. 5"));
            // Counted from the latest day the minutes may go out; sent earlier, the window closes earlier.
            list.Add(new("Indsigelser til referatet", objectionsDue ?? rules.ObjectionsDue(minutes), "§ 3, stk. 5"));
        }
        else
        {
            list.Add(new("Referat godkendes på mødet", meeting, "§ 3, stk. 5"));
        }
        // Minutes sent early close their window before the dispatch deadline; keep the dates in the order they fall.
        return [.. list.OrderBy(d => d.Date)];
    }

    /// <summary>What falls due from today through the next <paramref name="days"/> days, for a body's meetings.</summary>
    public static IReadOnlyList<(Meeting Meeting, Deadline Deadline)> Upcoming(
        IEnumerable<(Meeting Meeting, RulesOfProcedure Rules)> meetings, DateOnly today, int days = 14) =>
        [.. meetings
            .Where(m => m.Meeting.Status != MeetingStatus.Cancelled)
            .SelectMany(m => For(m.Rules, m.Meeting.Date).Select(d => (m.Meeting, Deadline: d)))
            .Where(x => x.Deadline.Date >= today && x.Deadline.Date <= today.AddDays(days))
            .OrderBy(x => x.Deadline.Date)];
}
