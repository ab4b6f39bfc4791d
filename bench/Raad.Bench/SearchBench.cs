using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Access;
using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Features.Demo;
using Raad.Web.Features.Search;

namespace Raad.Bench;

/// <summary>
/// The search benchmark (bench/search.sh): a synthetic archive of published meetings — N agenda items with sections and
/// one attachment each whose text is some 300 words — saved through AppDbContext (so the index is built the way the
/// app builds it), then SearchQuery timed in this process as the public asks it: rare, common and two-word queries,
/// each with the first page of results and its snippets. Text is drawn from a fixed vocabulary with a skewed
/// frequency (seeded, so every run builds the same archive).
/// </summary>
internal static class SearchBench
{
    private const int ItemsPerMeeting = 100;

    private static readonly string[] Vocabulary =
    [
        "sundhed", "klynge", "indsats", "indsatser", "borger", "borgerne", "kommune", "kommunerne", "region", "hospital",
        "psykiatri", "forebyggelse", "sundhedsaftale", "sundhedsråd", "sundhedsrådene", "samarbejde", "plan", "planen",
        "økonomi", "budget", "midler", "pulje", "puljen", "status", "opfølgning", "evaluering", "projekt", "projekter",
        "patient", "patienter", "pleje", "genoptræning", "ældre", "børn", "unge", "familie", "læge", "almen", "praksis",
        "behandling", "udskrivning", "indlæggelse", "rehabilitering", "kronisk", "sygdom", "diabetes", "kræft", "hjerte",
        "lunge", "data", "digital", "telemedicin", "medarbejdere", "rekruttering", "kompetencer", "uddannelse", "kvalitet",
        "sammenhæng", "overgange", "koordinering", "tværsektoriel", "forløb", "forløbene", "aftale", "aftalen", "mål",
        "målene", "resultater", "rapport", "analyse", "kortlægning", "anbefaling", "beslutning", "godkendelse", "drøftelse",
        "orientering", "møde", "mødet", "dagsorden", "referat", "bilag", "sekretariat", "formand", "medlemmer", "udvalg",
        "styregruppe", "arbejdsgruppe", "høring", "strategi", "vision", "handleplan", "tidsplan", "implementering", "drift",
        "afrapportering", "tilskud", "bevilling", "fordeling", "prioritering", "ulighed", "lighed", "trivsel", "mental",
    ];

    /// <summary>Rare (in about 1 text in 500), common, and two words together.</summary>
    private static readonly (string Label, string Query)[] Queries =
    [
        ("rare word", "qzxsjaelden"),
        ("common word", "sundhed"),
        ("stemmed form", "indsatserne"),
        ("two words", "psykiatri udskrivning"),
        ("three words", "tværsektoriel forløb genoptræning"),
    ];

    public static async Task<int> RunAsync(Options options)
    {
        var contentRoot = options.Require("content-root");
        var postgres = options.Get("postgres");
        var (provider, connection) = postgres is null ? ("Sqlite", $"Data Source={options.Require("db")}") : ("Postgres", await NewPostgresDatabaseAsync(postgres));
        var items = options.Int("items", 100_000);
        var rounds = options.Int("rounds", 200);
        await using var app = RaadHost.Build(contentRoot, provider, connection);
        await DatabaseStartup.MigrateAsync(app.Services, CancellationToken.None);
        await DemoLoader.LoadIfEmptyAsync(app.Services, CancellationToken.None);
        await SeedAsync(app.Services, items);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (indexed, expected) = await SearchIndex.HealthAsync(db, CancellationToken.None);
        Console.WriteLine($"{provider}: {await db.AgendaItems.CountAsync()} items, {await db.Attachments.CountAsync()} attachments, {indexed} index entries (expected {expected}).");
        var search = scope.ServiceProvider.GetRequiredService<SearchQuery>();
        Console.WriteLine($"| provider | query | results | median ms | p95 ms |");
        Console.WriteLine($"|---|---|---|---|---|");
        foreach (var (label, query) in Queries)
        {
            var request = new SearchRequest(query);
            var first = await search.SearchAsync(request, ViewerFacts.Anonymous, CancellationToken.None); // warm-up
            var times = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var watch = Stopwatch.StartNew();
                await search.SearchAsync(request, ViewerFacts.Anonymous, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {provider} | {label} (\"{query}\") | {(first.Capped ? ">" : "")}{first.Total} | {times[times.Count / 2]:0.0} | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0.0} |"));
        }
        return 0;
    }

    private const string PostgresDatabase = "raad_bench_search";

    /// <summary>A new, empty database raad_bench_search on the server (dropped first if a run left it behind).</summary>
    private static async Task<string> NewPostgresDatabaseAsync(string server)
    {
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {PostgresDatabase} WITH (FORCE)", $"CREATE DATABASE {PostgresDatabase}" })
            {
                await using var command = new Npgsql.NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = PostgresDatabase }.ConnectionString;
    }

    /// <summary>Adds published meetings of 100 items to the first body until there are <paramref name="items"/> synthetic items.</summary>
    private static async Task SeedAsync(IServiceProvider services, int items)
    {
        var random = new Random(42);
        int bodyId;
        int existing;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            bodyId = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
            existing = await db.AgendaItems.CountAsync(i => i.Title.StartsWith("Syntetisk punkt"));
        }
        var watch = Stopwatch.StartNew();
        var start = new DateOnly(1990, 1, 1);
        for (var made = existing; made < items; made += ItemsPerMeeting)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var meeting = new Meeting
            {
                BodyId = bodyId,
                Kind = MeetingKind.Ordinary,
                Date = start.AddDays(made / ItemsPerMeeting * 3),
                Start = new TimeOnly(14, 0),
                End = new TimeOnly(16, 0),
                Location = "Rådhuset",
            };
            meeting.RecordPublishedAgenda(TimeProvider.System.GetUtcNow());
            for (var n = 1; n <= ItemsPerMeeting; n++)
            {
                var item = new AgendaItem
                {
                    Title = $"Syntetisk punkt {made + n}: {Words(random, 4)}",
                    Kind = ItemKind.Discussion,
                    DurationMinutes = 10,
                    Position = n,
                    Number = n,
                    Background = Words(random, 80),
                    Presentation = Words(random, 120),
                    Recommendation = [Words(random, 15)],
                };
                item.Attachments.Add(new Attachment
                {
                    Title = $"Bilag {made + n}",
                    FileName = "bilag.pdf",
                    ContentType = "application/pdf",
                    Sha256 = "0",
                    Text = Words(random, 300),
                });
                meeting.Items.Add(item);
            }
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            if ((made / ItemsPerMeeting) % 50 == 49)
            {
                Console.WriteLine($"  {made + ItemsPerMeeting} items saved ({watch.Elapsed.TotalSeconds:0} s)");
            }
        }
    }

    /// <summary>Words from the vocabulary, the first ones far more often; now and then the rare marker.</summary>
    private static string Words(Random random, int count)
    {
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = random.Next(150_000) == 0 ? "qzxsjaelden" : Vocabulary[(int)(Vocabulary.Length * Math.Pow(random.NextDouble(), 2.5))];
        }
        return string.Join(' ', words);
    }
}
