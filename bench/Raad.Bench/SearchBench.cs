using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Raad.Domain.Access;
using Raad.Domain.Agenda;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Features.Demo;
using Raad.Web.Features.Search;

namespace Raad.Bench;

/// <summary>
/// Search over an archive (bench/search.sh): a database with the demo and a synthetic archive of agenda items, each with
/// a few paragraphs of Danish and one attachment whose text is already read, published meeting by meeting over twenty
/// years, one item in ten closed. Then the public's searches, timed one by one in this process through
/// <see cref="SearchQuery"/> as /soeg and /api/search run it: the index's match and rank, the Visibility filter, the
/// first page of hits with their snippets.
/// </summary>
internal sealed class SearchBench(string provider, string connection, string contentRoot, int items, int rounds)
{
    private const int ItemsPerMeeting = 10;
    private const int MeetingsPerSave = 50;

    /// <summary>Words of the field, put together as Danish compounds: a vocabulary of some 1,400 rarer words.</summary>
    private static readonly string[] Heads =
    [
        "sundheds", "borger", "patient", "kommune", "regions", "hjemme", "genoptrænings", "forebyggelses", "psykiatri",
        "medicin", "akut", "ældre", "børne", "diabetes", "kræft", "demens", "rehabiliterings", "vaccinations", "hospitals",
        "praksis", "tolke", "palliations", "rygestop", "alkohol", "sygepleje", "data", "kvalitets", "udskrivnings",
        "ernærings", "trænings", "lunge", "hjerte", "smerte", "misbrugs", "social", "beredskabs",
    ];

    private static readonly string[] Tails =
    [
        "indsats", "forløb", "aftale", "plan", "tilbud", "ordning", "team", "pulje", "netværk", "strategi", "model",
        "rapport", "evaluering", "projekt", "samarbejde", "koordinator", "funktion", "program", "status", "kapacitet",
        "garanti", "vejledning", "mål", "styring", "økonomi", "opfølgning", "kortlægning", "partnerskab", "center",
        "klinik", "enhed", "ydelse", "takst", "ramme", "sekretariat", "udvalg", "gruppe", "screening", "visitation",
    ];

    private static readonly string[] Places =
    [
        "Hvidovre", "Brøndby", "Ishøj", "Vallensbæk", "Albertslund", "Glostrup", "Rødovre", "Tårnby", "Dragør", "Amager",
        "Hillerød", "Helsingør", "Roskilde", "Køge", "Holbæk", "Slagelse", "Næstved", "Odense", "Vejle", "Aarhus",
    ];

    /// <summary>The public's searches: common words, words of the field in their inflected forms, compounds, two words, a place.</summary>
    private static readonly string[] Queries =
    [
        "sundhedsrådet", "indsatser", "sundhedsaftalen", "genoptræning", "borgerne", "kommunerne", "demensindsatsen",
        "hjemmemonitorering", "palliative forløb", "medicingennemgang", "rygestop hospitalerne", "kronisk sygdom",
        "diabetesforløb", "psykiatrinetværket", "akutteamets", "udskrivningsaftaler", "vaccinationsprogrammet",
        "Hvidovre genoptræning", "Odense", "kræftrehabiliteringen", "data sektorer", "tolkebistand", "ældre indlæggelser",
        "lungeklinikken", "økonomi 2025", "praksisplan", "alkoholbehandling", "faldulykker", "beredskabsplanen",
        "sygeplejeenheden", "takst", "kvalitetsopfølgning", "sundhedsklynge", "erfaringer", "workshops", "patientforeningerne",
    ];

    public async Task<int> RunAsync()
    {
        await using var app = RaadHost.Build(provider, connection, contentRoot);
        await DatabaseStartup.MigrateAsync(app.Services, CancellationToken.None);
        await DemoLoader.LoadIfEmptyAsync(app.Services, CancellationToken.None);
        await SeedAsync(app.Services);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (indexed, expected) = await SearchIndex.HealthAsync(db, CancellationToken.None);
        var attachments = await db.Attachments.CountAsync(a => a.Text != null && a.Text != "");
        var itemCount = await db.AgendaItems.CountAsync();
        Console.WriteLine($"Archive: {itemCount:N0} agenda items, {attachments:N0} attachments with text, {indexed:N0} index entries (expected {expected:N0}), provider {provider}.");

        var search = new SearchQuery(db);
        // Warm-up: the first query of each kind compiles the LINQ and fills the caches.
        foreach (var q in Queries)
        {
            await search.SearchAsync(new SearchRequest(q), ViewerFacts.Anonymous, CancellationToken.None);
        }
        var times = new List<double>();
        var perQuery = Queries.ToDictionary(q => q, _ => new List<double>());
        var found = new Dictionary<string, (int Total, bool Capped)>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in Queries)
            {
                db.ChangeTracker.Clear();
                var watch = Stopwatch.StartNew();
                var result = await search.SearchAsync(new SearchRequest(q), ViewerFacts.Anonymous, CancellationToken.None);
                watch.Stop();
                times.Add(watch.Elapsed.TotalMilliseconds);
                perQuery[q].Add(watch.Elapsed.TotalMilliseconds);
                found[q] = (result.Total, result.Capped);
            }
        }
        Console.WriteLine();
        Console.WriteLine("| query | results for the public | median ms |");
        Console.WriteLine("|---|---|---|");
        foreach (var q in Queries)
        {
            Console.WriteLine($"| {q} | {found[q].Total}{(found[q].Capped ? " (more than " + SearchQuery.RankedMatches + " matches)" : "")} | {Percentile(perQuery[q], 50):0.0} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Search latency, {provider}, {items:N0} synthetic items: {times.Count} searches ({rounds} rounds of {Queries.Length} queries), " +
            $"median {Percentile(times, 50):0.0} ms, p95 {Percentile(times, 95):0.0} ms, max {times.Max():0.0} ms.");

        // The filters go into the index's query: one round each with a body and with a year of the archive's middle.
        var body = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var year = (await db.Meetings.Where(m => m.Location == ArchiveLocation).MinAsync(m => m.Date)).Year + 10;
        foreach (var (name, filtered) in new (string, Func<string, SearchRequest>)[]
            { ($"body={body}", q => new SearchRequest(q, Body: body)), ($"year={year}", q => new SearchRequest(q, Year: year)) })
        {
            var filterTimes = new List<double>();
            foreach (var q in Queries)
            {
                db.ChangeTracker.Clear();
                var watch = Stopwatch.StartNew();
                await search.SearchAsync(filtered(q), ViewerFacts.Anonymous, CancellationToken.None);
                filterTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"Search latency with {name}, {provider}: {filterTimes.Count} searches, " +
                $"median {Percentile(filterTimes, 50):0.0} ms, p95 {Percentile(filterTimes, 95):0.0} ms, max {filterTimes.Max():0.0} ms.");
        }
        return 0;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    /// <summary>Adds the archive's meetings until it holds <c>items</c> synthetic items (a second run on the same database adds nothing).</summary>
    private async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bodies = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();
        var have = await db.AgendaItems.CountAsync(i => i.Meeting!.Location == ArchiveLocation);
        var meetings = (items - have) / ItemsPerMeeting;
        if (meetings <= 0)
        {
            return;
        }
        var random = new Random(16);
        var now = TimeProvider.System.GetUtcNow();
        var first = new DateOnly(2006, 1, 2);
        var watch = Stopwatch.StartNew();
        var done = 0;
        var startAt = have / ItemsPerMeeting;
        while (done < meetings)
        {
            var batch = Math.Min(MeetingsPerSave, meetings - done);
            for (var m = 0; m < batch; m++)
            {
                var number = startAt + done + m;
                // Twenty years of meetings, spread over the demo's bodies.
                var date = first.AddDays(number * 7300 / Math.Max(1, items / ItemsPerMeeting));
                db.Meetings.Add(Meeting(bodies[number % bodies.Count], date, number, random, now));
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            done += batch;
            if (done % 1000 == 0 || done == meetings)
            {
                Console.WriteLine($"Seeded {done * ItemsPerMeeting:N0} of {meetings * ItemsPerMeeting:N0} items ({watch.Elapsed.TotalSeconds:0} s).");
            }
        }
    }

    private const string ArchiveLocation = "Arkivet (syntetisk, bench/search.sh)";

    private static Meeting Meeting(int bodyId, DateOnly date, int number, Random random, DateTimeOffset now)
    {
        var meeting = new Meeting
        {
            BodyId = bodyId,
            Kind = MeetingKind.Ordinary,
            Date = date,
            Start = new TimeOnly(14, 0),
            End = new TimeOnly(16, 0),
            Location = ArchiveLocation,
        };
        for (var n = 1; n <= ItemsPerMeeting; n++)
        {
            var topic = Compound(random);
            var item = new AgendaItem
            {
                Title = $"{Synthetic.ItemTitle(1 + random.Next(Synthetic.Items - 1))}: {topic} i {Places[random.Next(Places.Length)]}",
                Kind = ItemKind.Discussion,
                Position = n,
                DurationMinutes = 10,
                // One item in ten is closed: found by the members who may see it, never by the public.
                IsClosed = n == ItemsPerMeeting,
                Background = Text(random, 2),
                Presentation = Text(random, 2),
                Recommendation = ["at sagen drøftes."],
            };
            var text = Text(random, 6);
            item.Attachments.Add(new Attachment
            {
                Title = $"Notat om {topic}",
                FileName = $"notat-{number}-{n}.pdf",
                ContentType = "application/pdf",
                Size = text.Length,
                Sha256 = new string('0', 64),
                Content = "%PDF-1.4\n%%EOF\n"u8.ToArray(),
                Order = 1,
                UploadedAt = now,
                // The words as the attachment reader would have read them: the benchmark measures search, not reading.
                Text = text,
            });
            meeting.Items.Add(item);
        }
        Check(meeting.StartAgenda());
        Check(meeting.PublishAgenda(now));
        meeting.AgendaLateReason = "Syntetisk arkiv til benchmark (bench/search.sh).";
        return meeting;
    }

    private static string Compound(Random random) => Heads[random.Next(Heads.Length)] + Tails[random.Next(Tails.Length)];

    /// <summary>Paragraphs of the synthetic agenda's sentences with words of the field and places among them.</summary>
    private static string Text(Random random, int sentences) => string.Join(" ", Enumerable.Range(0, sentences).Select(_ =>
        Synthetic.Sentence(random) + $" Det gælder {Compound(random)}en og {Compound(random)}erne i {Places[random.Next(Places.Length)]}."));

    private static void Check(Domain.Common.Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
        }
    }
}
