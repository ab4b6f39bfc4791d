using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Publication day: the public's pages are built once and kept, served with an ETag (304 to a reader who has them) and
/// compressed, with no cookie; any saved change retires them at once on this instance, and on another instance that shares
/// the database as soon as it reads the content stamp.
/// </summary>
public abstract class PublicPageCacheScenarios(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private const string Member = "Jørgen Steen Andersen";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A reader without cookies, who asks for what encodings and versions the test says, and sees the raw answer.</summary>
    private static HttpClient Reader(WebApplicationFactory<Program> site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<HttpResponseMessage> Fetch(HttpClient reader, string path, string? encoding = null, string? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        return await reader.SendAsync(request, Ct);
    }

    private static async Task<string> Text(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Stream body = new MemoryStream(bytes);
        body = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            var other => throw new InvalidOperationException($"Uventet Content-Encoding: {other}"),
        };
        using var reader = new StreamReader(body, Encoding.UTF8);
        // Razor writes "ø" as "&#xF8;": the words as a reader sees them.
        return WebUtility.HtmlDecode(await reader.ReadToEndAsync(Ct));
    }

    private async Task<(int Syd, int Meeting)> Places()
    {
        using var visitor = app.Anonymous();
        var syd = await visitor.BodyId(Syd);
        return (syd, await visitor.MeetingId(syd, "2025-08-27"));
    }

    private async Task<int> PersonId(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task The_public_agenda_is_kept_with_an_etag_answered_304_and_compressed_and_sets_no_cookie()
    {
        var (syd, meeting) = await Places();
        using var reader = Reader(app);
        foreach (var path in new[] { "/", $"/udvalg/{syd}?dato=2025-08-27", $"/moeder/{meeting}", $"/moeder/{meeting}/dagsorden" })
        {
            using var first = await Fetch(reader, path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            // Nothing that would make the page one reader's: no antiforgery or session cookie.
            Assert.False(first.Headers.Contains("Set-Cookie"), $"{path} sætter en cookie: {string.Join("; ", first.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
            Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());
            var etag = first.Headers.ETag?.Tag;
            Assert.False(string.IsNullOrEmpty(etag), $"{path} har intet ETag.");
            Assert.Contains("Accept-Encoding", first.Headers.Vary);
            var plain = await Text(first);

            // A reader who has the page is told it has not changed, without the page.
            using var again = await Fetch(reader, path, etag: etag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));

            foreach (var encoding in new[] { "br", "gzip" })
            {
                using var compressed = await Fetch(reader, path, encoding: $"{encoding}, deflate");
                Assert.Equal(encoding, compressed.Content.Headers.ContentEncoding.Single());
                Assert.True(compressed.Content.Headers.ContentLength < Encoding.UTF8.GetByteCount(plain) / 2,
                    $"{path} med {encoding}: {compressed.Content.Headers.ContentLength} bytes af {Encoding.UTF8.GetByteCount(plain)}");
                Assert.Equal(plain, await Text(compressed));
                Assert.Equal(etag, compressed.Headers.ETag?.Tag);
            }
        }
    }

    [Fact]
    public async Task A_change_saved_through_the_pages_shows_on_the_next_public_read()
    {
        var (syd, _) = await Places();
        using var reader = Reader(app);
        using var before = await Fetch(reader, $"/udvalg/{syd}?dato=2025-08-27");
        var etag = before.Headers.ETag?.Tag;
        Assert.Contains(Member, await Text(before), StringComparison.Ordinal);

        const string renamed = "Jørgen Steen Andersen-Kvist";
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var person = await PersonId(Member);
        var saved = await secretariat.Submit(await secretariat.Open($"/personer/{person}/rediger"), new() { ["Name"] = renamed });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");

        // The reader's kept copy is no longer current: the full, new page comes back.
        using var after = await Fetch(reader, $"/udvalg/{syd}?dato=2025-08-27", etag: etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag?.Tag);
        Assert.Contains(renamed, await Text(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_instance_on_the_same_database_keeps_its_pages_until_the_content_stamp_moves()
    {
        var (syd, _) = await Places();
        // A second instance of Raad on the same database, that reads the stamp on every request.
        using var other = app.WithWebHostBuilder(b => b.UseSetting("Raad:PublicCache:StampCheckSeconds", "0"));
        using var reader = Reader(other);
        var path = $"/udvalg/{syd}?dato=2025-08-27";
        const string name = "Birgitte Holm Skov";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A member of Syd, so the body page shows the name.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var seated = db.Memberships.Where(m => m.BodyId == syd).Select(m => m.PersonId);
            var chair = await db.People.Where(p => seated.Contains(p.Id) && p.Name != Member).OrderBy(p => p.Id).Select(p => p.Name).FirstAsync(Ct);
            Assert.Contains(chair, await Text(await Fetch(reader, path)), StringComparison.Ordinal);

            // Written behind the app's back (no stamp raised): the other instance still serves the page it kept.
            await db.People.Where(p => p.Name == chair).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, name), Ct);
            var kept = await Text(await Fetch(reader, path));
            Assert.Contains(chair, kept, StringComparison.Ordinal);
            Assert.DoesNotContain(name, kept, StringComparison.Ordinal);

            // Any change saved on the first instance moves the stamp, and the other instance builds the page afresh.
            using var secretariat = await app.SignInAs(Role.Secretariat);
            var person = await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct);
            var saved = await secretariat.Submit(await secretariat.Open($"/personer/{person}/rediger"), new() { ["Title"] = "Regionsrådsmedlem" });
            Assert.True(saved.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        }
        var fresh = await Text(await Fetch(reader, path));
        Assert.Contains(name, fresh, StringComparison.Ordinal);
        Assert.Contains("Regionsrådsmedlem", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_reader_never_gets_the_publics_kept_page_nor_the_public_theirs()
    {
        var (_, meeting) = await Places();
        var path = $"/moeder/{meeting}/dagsorden";
        using var member = await app.SignInAs(Role.Member);
        using var signedIn = await member.Get(path);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var membersPage = await signedIn.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Log ud", membersPage, StringComparison.Ordinal);
        Assert.Null(signedIn.Headers.ETag);

        using var reader = Reader(app);
        using var publicAnswer = await Fetch(reader, path);
        var publicPage = await Text(publicAnswer);
        Assert.DoesNotContain("Log ud", publicPage, StringComparison.Ordinal);
        Assert.NotNull(publicAnswer.Headers.ETag);

        using var signedInAgain = await member.Get(path);
        Assert.Contains("Log ud", await signedInAgain.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class PublicPageCacheOnSqlite(SqliteApp app) : PublicPageCacheScenarios(app), IClassFixture<SqliteApp>;

public sealed class PublicPageCacheOnPostgres(PostgresApp app) : PublicPageCacheScenarios(app), IClassFixture<PostgresApp>;
