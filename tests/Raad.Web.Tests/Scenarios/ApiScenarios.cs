using System.Text.Json;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>The JSON API over the demo, as an outside system reads it. Field names are the contract (docs/api.md).</summary>
public abstract class ApiScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private const string Holbaek = "HOL Sundhedsklynge Politisk Forum";

    private static readonly string[] MeetingSummaryFields = ["id", "title", "date", "start", "end", "kind", "status", "virtual"];
    private static readonly string[] MeetingFields = [.. MeetingSummaryFields, "items", "attendance"];
    private static readonly string[] ItemFields =
        ["number", "title", "durationMinutes", "start", "end", "open", "recommendation", "decision", "absent"];

    [Fact]
    public async Task Outsider_lists_the_bodies_and_finds_Syd()
    {
        using var outsider = app.Anonymous();

        var bodies = await outsider.GetJson("/api/bodies");

        Assert.Contains(Syd, bodies.EnumerateArray().Select(b => b.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Outsider_reads_Syds_meeting_plan_with_the_meetings_of_the_documents()
    {
        using var outsider = app.Anonymous();
        var syd = await outsider.BodyId(Syd);

        var meetings = await outsider.Meetings(syd);

        foreach (var meeting in meetings)
        {
            AssertHasFields(meeting, MeetingSummaryFields);
        }
        var byDate = meetings.ToDictionary(m => m.GetProperty("date").GetString()!);
        Assert.Contains("2023-01-18", byDate.Keys);

        var april = byDate["2023-04-26"];
        Assert.Equal("extraordinary", april.GetProperty("kind").GetString());
        Assert.True(april.GetProperty("virtual").GetBoolean());
        Assert.Equal("14:00", april.GetProperty("start").GetString());
        Assert.Equal("15:00", april.GetProperty("end").GetString());

        var august = byDate["2025-08-27"];
        Assert.Equal("14:00", august.GetProperty("start").GetString());
        Assert.Equal("16:00", august.GetProperty("end").GetString());
        Assert.Equal("agendaPublished", august.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Outsider_reads_the_agenda_of_27_august_2025_with_each_items_time_as_printed()
    {
        using var outsider = app.Anonymous();
        var august = await outsider.MeetingId(await outsider.BodyId(Syd), "2025-08-27");

        var meeting = await outsider.GetJson($"/api/meetings/{august}");

        AssertHasFields(meeting, MeetingFields);
        var items = meeting.GetProperty("items").EnumerateArray().ToList();
        foreach (var item in items)
        {
            AssertHasFields(item, ItemFields);
        }
        Assert.Equal([5, 50, 25, 25, 10, 5], items.Select(i => i.GetProperty("durationMinutes").GetInt32()));
        Assert.Equal(["14:00", "14:05", "14:55", "15:20", "15:45", "15:55"], items.Select(i => i.GetProperty("start").GetString()));
        Assert.Equal(["14:05", "14:55", "15:20", "15:45", "15:55", "16:00"], items.Select(i => i.GetProperty("end").GetString()));
        Assert.All(items, i => Assert.True(i.GetProperty("open").GetBoolean()));
        Assert.All(items, i =>
        {
            var recommendation = i.GetProperty("recommendation");
            Assert.Equal(JsonValueKind.Array, recommendation.ValueKind);
            Assert.All(recommendation.EnumerateArray(), clause => Assert.Equal(JsonValueKind.String, clause.ValueKind));
        });
        Assert.Contains(items, i => i.GetProperty("recommendation").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Outsider_reads_Holbaeks_minutes_of_29_october_2025_with_the_same_two_members_absent_from_every_item()
    {
        using var outsider = app.Anonymous();
        var meetingId = await outsider.MeetingId(await outsider.BodyId(Holbaek), "2025-10-29");

        var meeting = await outsider.GetJson($"/api/meetings/{meetingId}");

        var items = meeting.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.Equal(
            ["Christina Krzyrosiak Hansen", "Mette Touborg"],
            item.GetProperty("absent").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Outsider_reads_Syds_members_and_sees_a_seat_change_hands_between_2023_and_2025()
    {
        using var outsider = app.Anonymous();
        var syd = await outsider.BodyId(Syd);

        var body = await outsider.GetJson($"/api/bodies/{syd}");

        var members = body.GetProperty("members").EnumerateArray().ToList();
        Assert.True(IsMemberOn(members, "Emilie Haug Rasch", "2023-04-26"));
        Assert.False(IsMemberOn(members, "Emilie Haug Rasch", "2025-08-27"));
        Assert.False(IsMemberOn(members, "Grethe Olivia Nielsson", "2023-04-26"));
        Assert.True(IsMemberOn(members, "Grethe Olivia Nielsson", "2025-08-27"));
    }

    /// <summary>Whether one of the person's memberships covers the date (dates are yyyy-MM-dd, so they compare as text).</summary>
    private static bool IsMemberOn(List<JsonElement> members, string name, string date)
    {
        var periods = members.Where(m => m.GetProperty("name").GetString() == name).ToList();
        Assert.NotEmpty(periods);
        return periods.Any(m =>
            string.CompareOrdinal(m.GetProperty("from").GetString(), date) <= 0
            && (m.GetProperty("to").GetString() is not { } to || string.CompareOrdinal(date, to) <= 0));
    }

    private static void AssertHasFields(JsonElement element, IEnumerable<string> names)
    {
        var actual = element.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var missing = names.Where(n => !actual.Contains(n)).ToList();
        Assert.True(missing.Count == 0,
            $"Mangler felterne {string.Join(", ", missing)}; har {string.Join(", ", actual.Order(StringComparer.Ordinal))}.");
    }
}

public sealed class ApiOnSqlite(SqliteApp app) : ApiScenarios(app), IClassFixture<SqliteApp>;

public sealed class ApiOnPostgres(PostgresApp app) : ApiScenarios(app), IClassFixture<PostgresApp>;
