using System.Text;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Web.Features.Meetings;

namespace Raad.Web.Features.Minutes;

/// <summary>
/// The minutes as plain text: what a version of the minutes records (attendance and, per item, the decision, votes,
/// dissents, disqualifications and absences), one paragraph a line so versions can be compared line by line.
/// Lines that start with "# " are headings.
/// </summary>
public static class MinutesText
{
    public static string From(MeetingView view)
    {
        var m = view.Meeting;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');

        Line($"# Referat af {(m.Kind == MeetingKind.Extraordinary ? "ekstraordinært møde" : "møde")} i {view.Body.Name}");
        Line($"{DanishFormat.Date(m.Date)}, {DanishFormat.TimeRange(m.Start, m.End)}, {m.PlaceText}");
        if (m.Chair?.Person is { } chair)
        {
            Line($"Mødeleder: {chair.Name}");
        }
        if (view.AttendanceRecorded)
        {
            Line("# Fremmøde");
            var present = view.Present.Select(a => a.Seat.Person?.Name).ToList();
            var substituted = view.Substituted.Select(a => $"{a.Substitute!.Person?.Name} for {a.Seat.Person?.Name}").ToList();
            var absent = view.Absent.Select(a => a.Seat.Person?.Name).ToList();
            Line($"Til stede: {(present.Count == 0 ? "ingen" : string.Join(", ", present))}");
            if (substituted.Count > 0)
            {
                Line($"Suppleanter: {string.Join(", ", substituted)}");
            }
            Line($"Fraværende: {(absent.Count == 0 ? "ingen" : string.Join(", ", absent))}");
        }
        if (m.MinutesQuorumReason is { } quorumReason)
        {
            Line($"Referatet er godkendt, selv om udvalget ikke var beslutningsdygtigt på alle punkter, fordi {quorumReason}");
        }
        if (view.WrittenDecisions.Count > 0)
        {
            Line("# Meddelelser");
            foreach (var written in view.WrittenDecisions)
            {
                Line($"{written.Title}: {written.Decision}");
            }
        }
        foreach (var i in view.Items)
        {
            var item = i.Item;
            Line($"# {i.Number}. {item.Heading}{(item.IsClosed ? " (lukket punkt)" : "")}");
            Line("Udvalgets beslutning:");
            foreach (var paragraph in Paragraphs(item.Decision))
            {
                Line(paragraph);
            }
            if (item.Vote is { } vote)
            {
                Line(vote.Sentence);
            }
            foreach (var d in item.Dissents)
            {
                Line(Dissent.Sentence(view.NameOf(d.MembershipId), d.Text));
            }
            foreach (var (name, _) in i.Disqualified)
            {
                Line(Disqualification.Sentence(name));
            }
            if (i.Absent.Count > 0)
            {
                Line($"Fraværende: {string.Join(", ", i.Absent)}");
            }
        }
        return text.ToString().TrimEnd('\n');
    }

    private static IEnumerable<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? ["(ingen beslutning skrevet)"]
            : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
