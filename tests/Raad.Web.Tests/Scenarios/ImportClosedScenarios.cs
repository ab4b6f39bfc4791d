using System.Net;
using System.Text;
using System.Text.Json;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Closed stays closed through the import: every closed marker a document uses imports its item closed, the preview
/// shows open or closed per item and lets the secretariat change it, and the agenda is public only once the preview
/// is confirmed ("Importér") — then with its open items only.
/// </summary>
public abstract class ImportClosedScenarios(RaadApp app)
{
    /// <summary>An agenda of the body named, item 2 written with the heading and the line given.</summary>
    public static string Agenda(string body, string heading, string? line = null) => $"""
        Dagsorden

        {body}

        Mødedato: Onsdag den 12. marts 2025
        Mødetidspunkt: Kl. 16.00-18.00
        Mødested: Mødelokale 1, Rådhuset, Torvet 1, 4300 Holbæk

        1. Orientering om budgetopfølgning
        Sagsnr.: 25/2231

        Sagsfremstilling
        Budgetopfølgningen viser et mindreforbrug på driften.

        Indstilling
        at budgetopfølgningen tages til efterretning.

        {heading}
        {line ?? ""}
        Sagsnr.: 24/9876

        Sagsfremstilling
        Kommunen har modtaget to bud på grunden (GRUNDSALGMARKØR).

        Indstilling
        at grunden sælges til højestbydende.

        3. Eventuelt

        """;

    /// <summary>Uploads the agenda and returns the preview's address and page.</summary>
    private static async Task<(string Url, HtmlPage Page)> UploadAsync(Visitor secretariat, string name, string text)
    {
        var uploaded = await secretariat.SubmitFile(await secretariat.Open("/import"), [], "Files", name, Encoding.UTF8.GetBytes(text), "text/plain");
        Assert.True(uploaded.Status == HttpStatusCode.Redirect, $"Ikke læst ({(int)uploaded.Status}): {uploaded.Text("[role=alert]")}");
        var url = $"/import/{uploaded.RedirectTo!.OriginalString.Split('/')[^1]}";
        return (url, await secretariat.Open(url));
    }

    /// <summary>Posts the preview's form as shown, with the changes given, to the handler (Gem, Importer).</summary>
    private static Task<HtmlPage> PostAsync(Visitor secretariat, string url, HtmlPage preview, string handler, Dictionary<string, string>? changes = null,
        params string[] untick)
    {
        var form = preview.Document.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Version"));
        var fields = HtmlPage.Fill(form, changes ?? []).Where(f => f.Key != HtmlPage.AntiforgeryField && !untick.Contains(f.Key)).ToList();
        return secretariat.Post($"{url}?handler={handler}", preview, fields);
    }

    private static bool Ticked(HtmlPage page, string name) =>
        page.Document.QuerySelector($"input[name='{name}']")?.HasAttribute("checked") ?? throw new InvalidOperationException($"Intet felt {name}.");

    private static int MeetingOf(HtmlPage imported)
    {
        Assert.True(imported.Status == HttpStatusCode.Redirect, $"Ikke importeret ({(int)imported.Status}): {imported.Text("[role=alert]")}");
        return int.Parse(imported.RedirectTo!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<(string Title, bool Open)>> ItemsAsync(Visitor visitor, int meeting) =>
        [.. (await visitor.GetJson($"/api/meetings/{meeting}")).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("title").GetString()!, i.GetProperty("open").GetBoolean()))];

    [Theory]
    [InlineData("1", "2. Salg af grund på Havnevej 12", "Lukket punkt")]
    [InlineData("2", "2. Salg af grund på Havnevej 12", "LUKKET PUNKT")]
    [InlineData("3", "2. Salg af grund på Havnevej 12", "Lukket:")]
    [InlineData("4", "2. Salg af grund på Havnevej 12", "Lukket sag")]
    [InlineData("5", "2. Salg af grund på Havnevej 12 [lukket]", null)]
    [InlineData("6", "2. Salg af grund på Havnevej 12 (Lukket)", null)]
    [InlineData("7", "2. Lukket: Salg af grund på Havnevej 12", null)]
    [InlineData("8", "2. LUKKET PUNKT: Salg af grund på Havnevej 12", null)]
    [InlineData("9", "2. Salg af grund på Havnevej 12", "[lukket]")]
    [InlineData("10", "2. Salg af grund på Havnevej 12", "(Lukket)")]
    public async Task A_closed_marker_imports_the_item_closed_and_the_public_never_sees_it(string n, string heading, string? line)
    {
        var body = $"Lukkeudvalg {n} (test)";
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var (url, preview) = await UploadAsync(secretariat, $"dagsorden-lukket-{n}.txt", Agenda(body, heading, line));

        Assert.Equal([false, true, false], [Ticked(preview, "Input.Items[0].Closed"), Ticked(preview, "Input.Items[1].Closed"), Ticked(preview, "Input.Items[2].Closed")]);
        Assert.Equal(["Åbent", "Lukket", "Åbent"], preview.Document.QuerySelectorAll(".raad-import__access").Select(e => e.TextContent));
        Assert.Equal("Salg af grund på Havnevej 12", preview.Value("Input.Items[1].Title"));
        var meeting = MeetingOf(await PostAsync(secretariat, url, preview, "Importer"));

        using var citizen = app.Anonymous();
        Assert.Equal([("Orientering om budgetopfølgning", true), ("Eventuelt", true)], await ItemsAsync(citizen, meeting));
        Assert.DoesNotContain("GRUNDSALGMARKØR", (await citizen.Open($"/moeder/{meeting}/dagsorden")).Text("main"), StringComparison.Ordinal);
        Assert.Contains(("Salg af grund på Havnevej 12", false), await ItemsAsync(secretariat, meeting));
    }

    [Fact]
    public async Task The_secretariat_closes_and_opens_items_in_the_preview_and_the_agenda_is_public_only_once_imported()
    {
        const string body = "Skifteudvalget (test)";
        using var secretariat = await app.SignInAs(Role.Secretariat);
        using var citizen = app.Anonymous();
        var bodiesBefore = (await citizen.GetJson("/api/bodies")).GetRawText();
        var (url, preview) = await UploadAsync(secretariat, "dagsorden-skift.txt",
            Agenda(body, "2. Salg af grund på Havnevej 12 (Lukket punkt)").Replace("1. Orientering om budgetopfølgning", "1. Orientering om personalesag", StringComparison.Ordinal));
        Assert.Contains("bliver offentlig", preview.Text("main"), StringComparison.Ordinal);

        // Item 1 is closed by hand, item 2 opened (the marker was wrong), and the corrections are saved, not imported.
        var saved = await PostAsync(secretariat, url, preview, "Gem", new() { ["Input.Items[0].Closed"] = "true" }, "Input.Items[1].Closed");
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        var corrected = await secretariat.Open(url);
        Assert.True(Ticked(corrected, "Input.Items[0].Closed"));
        Assert.False(Ticked(corrected, "Input.Items[1].Closed"));
        Assert.Equal(["Lukket", "Åbent", "Åbent"], corrected.Document.QuerySelectorAll(".raad-import__access").Select(e => e.TextContent));
        // Nothing is public before the preview is confirmed: not the body, not the meeting.
        Assert.Equal(bodiesBefore, (await citizen.GetJson("/api/bodies")).GetRawText());
        var front = await citizen.Open("/");
        Assert.Equal(HttpStatusCode.OK, front.Status);
        Assert.DoesNotContain(body, front.Text("main"), StringComparison.Ordinal);

        var meeting = MeetingOf(await PostAsync(secretariat, url, corrected, "Importer"));

        Assert.Contains(body, (await citizen.Open("/")).Text("main"), StringComparison.Ordinal);
        Assert.Equal([("Salg af grund på Havnevej 12", true), ("Eventuelt", true)], await ItemsAsync(citizen, meeting));
        Assert.Equal([("Orientering om personalesag", false), ("Salg af grund på Havnevej 12", true), ("Eventuelt", true)],
            await ItemsAsync(secretariat, meeting));
    }

    [Fact]
    public async Task Raad_import_on_the_command_line_publishes_a_closed_marked_item_closed()
    {
        var file = Path.Combine(Path.GetTempPath(), $"raad-lukket-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, Agenda("Kommandolinjeudvalget (test)", "2. Salg af grund på Havnevej 12 [lukket]"), TestContext.Current.CancellationToken);
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = await Raad.Web.Features.Import.ImportCli.RunAsync([file, "--json"], app.Services, stdout, stderr, terminal: false);

            Assert.True(code == 0, stderr.ToString());
            var printed = JsonDocument.Parse(stdout.ToString()).RootElement[0].GetProperty("meeting");
            Assert.Equal([true, false, true], printed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("open").GetBoolean()));
            using var citizen = app.Anonymous();
            var meeting = printed.GetProperty("id").GetInt32();
            Assert.Equal([("Orientering om budgetopfølgning", true), ("Eventuelt", true)], await ItemsAsync(citizen, meeting));
            Assert.DoesNotContain("GRUNDSALGMARKØR", (await citizen.Open($"/moeder/{meeting}/dagsorden")).Text("main"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class ImportClosedOnSqlite(SqliteApp app) : ImportClosedScenarios(app), IClassFixture<SqliteApp>;

public sealed class ImportClosedOnPostgres(PostgresApp app) : ImportClosedScenarios(app), IClassFixture<PostgresApp>;
