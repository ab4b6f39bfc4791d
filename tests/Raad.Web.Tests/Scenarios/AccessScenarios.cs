using System.Net;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>Who may open what: the public reads published meetings, only the secretariat edits.</summary>
public abstract class AccessScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    [Fact]
    public async Task Outsider_who_opens_the_meeting_form_is_sent_to_the_login()
    {
        using var outsider = app.Anonymous();
        var syd = await outsider.BodyId(Syd);

        var page = await outsider.Open($"/udvalg/{syd}/moeder/nyt");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/konto/log-ind", page.RedirectTo?.AbsolutePath);
    }

    [Fact]
    public async Task Member_who_opens_the_meeting_form_is_told_access_is_denied()
    {
        using var member = await app.SignInAs(Role.Member);
        var syd = await member.BodyId(Syd);

        var page = await member.Open($"/udvalg/{syd}/moeder/nyt");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/konto/adgang-naegtet", page.RedirectTo?.AbsolutePath);
    }

    [Fact]
    public async Task Secretariat_opens_the_meeting_form()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);

        var page = await secretariat.Open($"/udvalg/{syd}/moeder/nyt");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Syd, page.Text("h1"));
    }

    [Fact]
    public async Task Outsider_reads_a_meeting_whose_agenda_is_published()
    {
        using var outsider = app.Anonymous();
        var august = await outsider.MeetingId(await outsider.BodyId(Syd), "2025-08-27");

        var page = await outsider.Open($"/moeder/{august}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Overgangen fra sundhedsklynge til sundhedsråd", page.Document.Body?.TextContent);
    }
}

public sealed class AccessOnSqlite(SqliteApp app) : AccessScenarios(app), IClassFixture<SqliteApp>;

public sealed class AccessOnPostgres(PostgresApp app) : AccessScenarios(app), IClassFixture<PostgresApp>;
