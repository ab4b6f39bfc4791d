using System.Net;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>The secretariat plans meetings through the form "Planlæg møde".</summary>
public abstract class MeetingPlanningScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    [Fact]
    public async Task Secretariat_plans_a_meeting_that_gets_the_standard_items()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);

        var result = await secretariat.PlanMeeting(syd, new MeetingPlan("2025-11-20", "13:00", "15:00"));

        Assert.True(result.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
        var planned = Assert.Single(await secretariat.Meetings(syd), m => m.GetProperty("date").GetString() == "2025-11-20");
        Assert.Equal("13:00", planned.GetProperty("start").GetString());
        Assert.Equal("15:00", planned.GetProperty("end").GetString());
        Assert.Equal("ordinary", planned.GetProperty("kind").GetString());
        Assert.False(planned.GetProperty("virtual").GetBoolean());
        var id = planned.GetProperty("id").GetInt32();
        Assert.Equal($"/moeder/{id}", result.RedirectTo?.AbsolutePath);

        var meeting = await secretariat.GetJson($"/api/meetings/{id}");

        Assert.Equal(
            ["Velkomst og godkendelse af dagsorden", "Eventuelt"],
            meeting.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Secretariat_who_ends_a_meeting_before_it_begins_is_told_so_and_nothing_is_saved()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var before = (await secretariat.Meetings(syd)).Length;

        var result = await secretariat.PlanMeeting(syd, new MeetingPlan("2025-11-24", "15:00", "14:00"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Mødet skal slutte efter, det begynder.", result.Text("[role=alert]"));
        Assert.Equal("2025-11-24", result.FormWith(["Input.Date"]).Elements["Input.Date"]?.GetAttribute("value"));
        Assert.Equal(before, (await secretariat.Meetings(syd)).Length);
    }

    [Fact]
    public async Task Secretariat_who_plans_a_meeting_after_the_body_has_ended_is_told_so_and_nothing_is_saved()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var before = (await secretariat.Meetings(syd)).Length;

        var result = await secretariat.PlanMeeting(syd, new MeetingPlan("2026-03-01", "14:00", "16:00"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("uden for udvalgets periode", result.Text("[role=alert]"));
        Assert.Equal(before, (await secretariat.Meetings(syd)).Length);
    }
}

public sealed class MeetingPlanningOnSqlite(SqliteApp app) : MeetingPlanningScenarios(app), IClassFixture<SqliteApp>;

public sealed class MeetingPlanningOnPostgres(PostgresApp app) : MeetingPlanningScenarios(app), IClassFixture<PostgresApp>;
