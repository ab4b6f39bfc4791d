using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Infrastructure.Pdf;
using Raad.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Publication day: many readers fetch the same PDF at once. A document is printed once per content (its fingerprint)
/// and then served from the cache, with an ETag that a reader's browser can ask about (304); the fingerprint changes
/// with the content and with the edition; and one client can have only a few prints of its own running at once.
/// How fast this is, is measured in bench/publication-load.sh, not here.
/// </summary>
public abstract class PublicationDayScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    private ChromiumPrinter Printer => app.Services.GetRequiredService<ChromiumPrinter>();

    private PrintCache Cache => app.Services.GetRequiredService<PrintCache>();

    [Fact]
    public async Task Forty_readers_asking_for_the_same_agenda_at_once_cost_one_print()
    {
        using var first = app.Anonymous();
        var meeting = await first.MeetingId(await first.BodyId(Syd), "2025-08-27");
        var readers = Enumerable.Range(0, 40).Select(_ => app.Anonymous()).ToList();
        var before = Printer.Prints;

        var answers = await Task.WhenAll(readers.Select(r => r.Download($"/api/meetings/{meeting}/agenda.pdf")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Equal(answers[0].Content, a.Content));
        Assert.Equal(1, Printer.Prints - before);
        // And the next reader, later, costs none.
        Assert.Equal(HttpStatusCode.OK, (await first.Download($"/api/meetings/{meeting}/agenda.pdf")).Status);
        Assert.Equal(1, Printer.Prints - before);
        readers.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task A_reader_who_has_the_pdf_gets_304_and_a_change_or_the_other_edition_gives_another_etag()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        // Within Syd's term (to 31 December 2025), so a past meeting whose agenda goes out late, with a reason.
        var date = "2025-12-03";
        var planned = await secretariat.PlanMeeting(syd, new MeetingPlan(date, "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(syd, date);
        await secretariat.AddItem(meeting, "Plan for udgivelsesdagen");
        await secretariat.AddItem(meeting, "Fortrolig personalesag", closed: true);
        var item = await secretariat.ItemId(meeting, "Plan for udgivelsesdagen");
        await WriteBackground(secretariat, item, "Første udgave af baggrunden.");
        await Publish(secretariat, meeting);
        using var citizen = app.Anonymous();
        var url = $"/api/meetings/{meeting}/agenda.pdf";

        using var fresh = await citizen.Get(url);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var etag = fresh.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag), "agenda.pdf har intet ETag.");
        Assert.Contains("no-cache", fresh.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var prints = Printer.Prints;

        using var again = await citizen.GetIfNoneMatch(url, etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(etag, again.Headers.ETag?.ToString());
        Assert.Equal(prints, Printer.Prints);

        // The members' edition shows the closed item: another document, another fingerprint; and only for the reader's browser.
        using var members = await secretariat.Get(url + "?version=members");
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.NotEqual(etag, members.Headers.ETag?.ToString());
        Assert.Contains("private", members.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("FORTROLIG PERSONALESAG", Text(await members.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        using var publicForInsider = await secretariat.GetIfNoneMatch(url + "?version=public", etag);
        Assert.Equal(HttpStatusCode.NotModified, publicForInsider.StatusCode);

        // The agenda changes: the old ETag no longer matches and the reader gets the new text.
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(meeting, "AgendaDraft")).Status);
        await WriteBackground(secretariat, item, "Anden udgave af baggrunden.");
        await Publish(secretariat, meeting);
        using var changed = await citizen.GetIfNoneMatch(url, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag?.ToString());
        var text = Text(await changed.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Anden udgave af baggrunden.", text);
        Assert.DoesNotContain("FORTROLIG", text);
    }

    [Fact]
    public async Task A_client_past_its_share_of_the_printer_is_told_to_wait_while_others_and_joiners_are_served()
    {
        using var citizen = app.Anonymous();
        var syd = await citizen.BodyId(Syd);
        var january = await citizen.MeetingId(syd, "2023-01-18");
        var april = await citizen.MeetingId(syd, "2023-04-26");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cache.BeforePrint = () => hold.Task;
        try
        {
            // Two prints of the citizen's own (the limit) are held at the printer.
            var a = citizen.Download($"/api/meetings/{january}/agenda.pdf");
            var b = citizen.Download($"/api/meetings/{april}/agenda.pdf");
            await Until(() => Cache.Flights == 2);

            using var third = await citizen.Get($"/api/meetings/{january}/minutes.pdf");
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(PrintCache.RetryAfterSeconds), third.Headers.RetryAfter?.Delta);
            Assert.Contains("prøv igen om", await third.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

            // Waiting for a print already under way costs no print of one's own: not refused.
            var joined = citizen.Download($"/api/meetings/{january}/agenda.pdf");
            // Another client has a share of its own.
            var other = secretariat.Download($"/api/meetings/{january}/minutes.pdf");
            await Until(() => Cache.Flights == 3);
            hold.SetResult();

            Assert.All(await Task.WhenAll(a, b, joined, other), r => Assert.Equal(HttpStatusCode.OK, r.Status));
            Assert.Equal((await a).Content, (await joined).Content);
        }
        finally
        {
            hold.TrySetResult();
            Cache.BeforePrint = null;
        }
        // The citizen's prints are done: the minutes, printed for the secretariat's public request, come from the cache.
        var prints = Printer.Prints;
        Assert.Equal(HttpStatusCode.OK, (await citizen.Download($"/api/meetings/{january}/minutes.pdf")).Status);
        Assert.Equal(prints, Printer.Prints);
    }

    [Fact]
    public async Task The_package_has_an_etag_and_answers_304_to_a_reader_who_has_it()
    {
        using var citizen = app.Anonymous();
        var meeting = await citizen.MeetingId(await citizen.BodyId(Syd), "2023-04-26");
        var url = $"/api/meetings/{meeting}/package.pdf";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage built;
        while ((built = await citizen.Get(url)).StatusCode == HttpStatusCode.Accepted && watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            built.Dispose();
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        using (built)
        {
            Assert.Equal(HttpStatusCode.OK, built.StatusCode);
            var etag = built.Headers.ETag?.ToString();
            Assert.False(string.IsNullOrEmpty(etag), "package.pdf har intet ETag.");

            using var again = await citizen.GetIfNoneMatch(url, etag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            using var other = await citizen.GetIfNoneMatch(url, "\"noget-andet\"");
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }
    }

    private static async Task Publish(Visitor secretariat, int meeting)
    {
        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testmøde, udsendt sent.");
        Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");
    }

    private static async Task WriteBackground(Visitor secretariat, int item, string text)
    {
        var edit = await secretariat.Open($"/punkter/{item}/rediger");
        var saved = await secretariat.Submit(edit, new() { ["Input.Background"] = text });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Punktet ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
    }

    private static async Task Until(Func<bool> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "Ventede forgæves i 30 sekunder.");
            await Task.Delay(20);
        }
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Regex.Replace(string.Join(" ", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))), @"\s+", " ");
    }
}

public sealed class PublicationDayOnSqlite(SqliteApp app) : PublicationDayScenarios(app), IClassFixture<SqliteApp>;

public sealed class PublicationDayOnPostgres(PostgresApp app) : PublicationDayScenarios(app), IClassFixture<PostgresApp>;
