using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// A correction to approved minutes that belongs to a closed item is marked so, and is then shown only to the body's
/// members and the secretariat: not in the public minutes (page or Word), while an open correction is public.
/// </summary>
public abstract class ClosedCorrectionScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private const string Closed = "I det lukkede punkt skal købesummen læses som 2,1 mio. kr. (LUKKETRETTELSE)";
    private const string Open = "I punkt 1 skal \"første fase\" læses som \"første og anden fase\" (ÅBENRETTELSE).";

    [Fact]
    public async Task A_correction_marked_closed_is_shown_only_to_insiders()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var meeting = await secretariat.MeetingId(await secretariat.BodyId(Syd), "2023-01-18");
        var approval = $"/moeder/{meeting}/referat/godkendelse";
        var closed = await secretariat.SubmitForm((await secretariat.Open(approval)).Handler("Correct"),
            new() { ["Text"] = Closed, ["CorrectionClosed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        var open = await secretariat.SubmitForm((await secretariat.Open(approval)).Handler("Correct"), new() { ["Text"] = Open });
        Assert.Equal(HttpStatusCode.Redirect, open.Status);

        using var citizen = app.Anonymous();
        var minutes = await citizen.Open($"/moeder/{meeting}/referat");
        Assert.Contains("ÅBENRETTELSE", minutes.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("LUKKETRETTELSE", minutes.Text("main"), StringComparison.Ordinal);
        var word = await citizen.Download($"/api/meetings/{meeting}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, word.Status);
        Assert.Contains("ÅBENRETTELSE", WordText(word.Content), StringComparison.Ordinal);
        Assert.DoesNotContain("LUKKETRETTELSE", WordText(word.Content), StringComparison.Ordinal);

        using var member = await app.SignInAs(Role.Member);
        var members = (await member.Open($"/moeder/{meeting}/referat")).Text("main");
        Assert.Contains("(lukket punkt): " + Closed, members, StringComparison.Ordinal);
        Assert.Contains("ÅBENRETTELSE", members, StringComparison.Ordinal);
        Assert.Contains("LUKKETRETTELSE", (await secretariat.Open(approval)).Text("main"), StringComparison.Ordinal);
        var membersWord = await member.Download($"/api/meetings/{meeting}/minutes.docx?version=members");
        Assert.Equal(HttpStatusCode.OK, membersWord.Status);
        Assert.Contains("LUKKETRETTELSE", WordText(membersWord.Content), StringComparison.Ordinal);
    }

    private static string WordText(byte[] file)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(file), false);
        return document.MainDocumentPart!.Document!.InnerText;
    }
}

public sealed class ClosedCorrectionOnSqlite(SqliteApp app) : ClosedCorrectionScenarios(app), IClassFixture<SqliteApp>;

public sealed class ClosedCorrectionOnPostgres(PostgresApp app) : ClosedCorrectionScenarios(app), IClassFixture<PostgresApp>;
