using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The secretariat's import pages on the demo: files that cannot be read are refused in Danish and leave nothing
/// behind; a readable file waits as a preview that can be corrected; minutes of a meeting already in Raad fill in its
/// items instead of creating a second meeting, and the original file is kept with the meeting.
/// </summary>
public abstract class ImportPreviewScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    [Fact]
    public async Task Files_that_cannot_be_read_are_refused_in_danish_and_nothing_is_kept()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var before = await DocumentsAsync();
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        random[10] = 0;

        var refusals = new List<string>();
        foreach (var (name, bytes) in new[]
                 {
                     ("tom.txt", Array.Empty<byte>()),
                     ("stoej.pdf", random),
                     ("english.txt", Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat("The committee met on Monday and discussed the budget for the coming year with the mayors.", 30)))),
                     ("prosa.txt", Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat("Kommunen og regionen samarbejder om sundhed, og borgerne skal opleve en sammenhængende indsats.", 30)))),
                 })
        {
            var answer = await secretariat.SubmitFile(await secretariat.Open("/import"), [], "Files", name, bytes, "application/octet-stream");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var alert = answer.Text("[role=alert]");
            Assert.Contains(name, alert, StringComparison.Ordinal);
            refusals.Add(alert);
        }

        Assert.Equal(before, await DocumentsAsync());
        // Each says why in Danish (no exception text, no English).
        Assert.All(refusals, r => Assert.DoesNotContain("Exception", r, StringComparison.Ordinal));
        Assert.Equal(4, refusals.Select(r => r[(r.IndexOf(':', StringComparison.Ordinal) + 1)..]).Distinct().Count());
    }

    [Fact]
    public async Task Minutes_of_a_meeting_in_raad_fill_in_its_items_after_a_correction_in_the_preview_and_the_file_is_kept()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var april = await secretariat.MeetingId(syd, "2023-04-26");
        var meetingsBefore = (await secretariat.Meetings(syd)).Length;
        Assert.All((await secretariat.GetJson($"/api/meetings/{april}")).GetProperty("items").EnumerateArray(),
            i => Assert.Equal(System.Text.Json.JsonValueKind.Null, i.GetProperty("decision").ValueKind));

        // The agenda of 26 April 2023 (seed 002) with its empty "Udvalgets beslutning:" filled in: the minutes.
        var minutes = File.ReadAllText(ImportCliScenarios.Seed("002"))
            .Replace("Udvalgets beslutning:  \n", "Udvalgets beslutning:  \n\nIndstillingen blev tiltrådt.\n", StringComparison.Ordinal);
        var uploaded = await secretariat.SubmitFile(await secretariat.Open("/import"), [], "Files", "referat-2023-04-26.txt",
            Encoding.UTF8.GetBytes(minutes), "text/plain");
        Assert.True(uploaded.Status == HttpStatusCode.Redirect, $"Ikke læst ({(int)uploaded.Status}): {uploaded.Text("[role=alert]")}");
        var previewUrl = $"/import/{uploaded.RedirectTo!.OriginalString.Split('/')[^1]}";

        var preview = await secretariat.Open(previewUrl);
        Assert.Contains("Læst som referat", preview.Text("main"), StringComparison.Ordinal);
        Assert.Contains("allerede et møde 26. april 2023", preview.Text("main"), StringComparison.Ordinal);
        Assert.Equal("Indstillingen blev tiltrådt.", preview.Value("Input.Items[1].Decision"));
        Assert.Contains("Genkendt", preview.Text("fieldset.raad-import__item"), StringComparison.Ordinal);
        Assert.NotNull(preview.Document.QuerySelector("#linje-1"));

        // The secretariat corrects item 2's decision, saves, and imports.
        var form = preview.Document.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Version"));
        var fields = HtmlPage.Fill(form, new Dictionary<string, string> { ["Input.Items[1].Decision"] = "Indstillingen blev tiltrådt med den ændring, at midlerne fordeles ligeligt." })
            .Where(f => f.Key != HtmlPage.AntiforgeryField).ToList();
        var saved = await secretariat.Post($"{previewUrl}?handler=Gem", preview, fields);
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        var corrected = await secretariat.Open(previewUrl);
        Assert.Equal("Indstillingen blev tiltrådt med den ændring, at midlerne fordeles ligeligt.", corrected.Value("Input.Items[1].Decision"));
        var again = HtmlPage.Fill(corrected.Document.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Version")), new Dictionary<string, string>())
            .Where(f => f.Key != HtmlPage.AntiforgeryField).ToList();
        var imported = await secretariat.Post($"{previewUrl}?handler=Importer", corrected, again);
        Assert.True(imported.Status == HttpStatusCode.Redirect, $"Ikke importeret ({(int)imported.Status}): {imported.Text("[role=alert]")}");
        Assert.EndsWith($"/moeder/{april}", imported.RedirectTo!.OriginalString, StringComparison.Ordinal);

        var decisions = (await secretariat.GetJson($"/api/meetings/{april}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("decision").GetString()).ToList();
        Assert.Equal(["Indstillingen blev tiltrådt.", "Indstillingen blev tiltrådt med den ændring, at midlerne fordeles ligeligt.", "Indstillingen blev tiltrådt."], decisions);
        Assert.Equal(meetingsBefore, (await secretariat.Meetings(syd)).Length);
        var page = await secretariat.Open($"/moeder/{april}");
        var source = page.Document.QuerySelector("#sources-heading + ul a")!;
        Assert.Equal("referat-2023-04-26.txt", source.TextContent);
        var file = await secretariat.Download(source.GetAttribute("href")!);
        Assert.Equal(Encoding.UTF8.GetBytes(minutes), file.Content);

        // The same file again is known by its content, whatever its name.
        var twice = await secretariat.SubmitFile(await secretariat.Open("/import"), [], "Files", "samme-igen.txt", Encoding.UTF8.GetBytes(minutes), "text/plain");
        Assert.Contains("allerede importeret", twice.Text("[role=alert]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agenda_of_a_meeting_in_raad_changes_nothing_of_it_and_is_kept_with_it()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var august = await secretariat.MeetingId(syd, "2025-08-27");
        var before = (await secretariat.GetJson($"/api/meetings/{august}")).GetRawText();

        var uploaded = await secretariat.SubmitFile(await secretariat.Open("/import"), [], "Files", "dagsorden-2025-08-27.txt",
            await File.ReadAllBytesAsync(ImportCliScenarios.Seed("000"), TestContext.Current.CancellationToken), "text/plain");
        Assert.True(uploaded.Status == HttpStatusCode.Redirect, $"Ikke læst ({(int)uploaded.Status}): {uploaded.Text("[role=alert]")}");
        var previewUrl = $"/import/{uploaded.RedirectTo!.OriginalString.Split('/')[^1]}";
        var preview = await secretariat.Open(previewUrl);
        Assert.Contains("Dagsordenen ændrer ikke mødet", preview.Text("main"), StringComparison.Ordinal);
        var fields = HtmlPage.Fill(preview.Document.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Version")), new Dictionary<string, string>())
            .Where(f => f.Key != HtmlPage.AntiforgeryField).ToList();
        var imported = await secretariat.Post($"{previewUrl}?handler=Importer", preview, fields);

        Assert.True(imported.Status == HttpStatusCode.Redirect, $"Ikke importeret ({(int)imported.Status}): {imported.Text("[role=alert]")}");
        Assert.Equal(before, (await secretariat.GetJson($"/api/meetings/{august}")).GetRawText());
        Assert.Contains("dagsorden-2025-08-27.txt", (await secretariat.Open($"/moeder/{august}")).Text("#sources-heading + ul"), StringComparison.Ordinal);
    }

    private async Task<int> DocumentsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportedDocuments.CountAsync();
    }
}

public sealed class ImportPreviewOnSqlite(SqliteApp app) : ImportPreviewScenarios(app), IClassFixture<SqliteApp>;

public sealed class ImportPreviewOnPostgres(PostgresApp app) : ImportPreviewScenarios(app), IClassFixture<PostgresApp>;
