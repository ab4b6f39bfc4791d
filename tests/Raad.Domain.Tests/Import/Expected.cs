using Raad.Domain.Agenda;
using Raad.Domain.Import;

namespace Raad.Domain.Tests.Import;

/// <summary>A hand-written expectation for one item, from reading the document (not from the parser's output).</summary>
public sealed record ExpectedItem(
    int Number,
    string Title,
    ItemKind Kind,
    int? Duration,
    int Clauses,
    bool HasDecision,
    string[]? Absent = null,
    string[]? Attachments = null,
    bool Closed = false);

internal static class Expect
{
    public static string SeedPath(string prefix) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), prefix + "_*.txt").Single();

    public static ParsedDocument ParseSeed(string prefix) => MeetingDocumentParser.Parse(TextLines.Split(File.ReadAllText(SeedPath(prefix))));

    public static ParsedDocument ParseDocument(string name) =>
        MeetingDocumentParser.Parse(TextLines.Split(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "Documents", name))));

    public static void Items(ParsedMeeting meeting, params ExpectedItem[] expected)
    {
        Assert.Equal(expected.Select(e => e.Number), meeting.Items.Select(i => i.Number));
        foreach (var (e, actual) in expected.Zip(meeting.Items))
        {
            var where = $"punkt {e.Number}";
            Assert.True(e.Title == actual.Title, $"{where}: title \"{actual.Title}\", expected \"{e.Title}\"");
            Assert.True(e.Kind == actual.Kind, $"{where}: kind {actual.Kind}, expected {e.Kind}");
            Assert.True(e.Duration == actual.DurationMinutes, $"{where}: duration {actual.DurationMinutes}, expected {e.Duration}");
            Assert.True(e.Clauses == actual.Recommendation.Count, $"{where}: {actual.Recommendation.Count} clauses, expected {e.Clauses}");
            Assert.True(e.HasDecision == actual.Decision is not null, $"{where}: decision \"{actual.Decision}\", expected {(e.HasDecision ? "one" : "none")}");
            Assert.True(e.Closed == actual.IsClosed, $"{where}: closed {actual.IsClosed}, expected {e.Closed}");
            Assert.Equal(e.Absent ?? [], actual.Absent);
            Assert.Equal(e.Attachments ?? [], actual.Attachments);
        }
    }
}
