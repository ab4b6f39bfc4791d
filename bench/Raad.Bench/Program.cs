using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Bench;
using Raad.Web.Data;
using Raad.Web.Features.Demo;

// raad-bench seed    --db FILE --content-root src/Raad.Web
// raad-bench reader-seed --db FILE --content-root src/Raad.Web
// raad-bench reader  --db FILE --content-root src/Raad.Web --url http://127.0.0.1:PORT [--rounds 5]
// raad-bench search  --content-root src/Raad.Web (--db FILE | --postgres CONNECTION) [--items 100000] [--rounds 200]
// raad-bench import  --seeds tests/seeds [--rounds 5] [--font DejaVuSans.ttf]
// raad-bench measure --db FILE --content-root src/Raad.Web --url http://127.0.0.1:PORT --server-pid PID --work DIR [--rounds 5]
var options = Options.Parse(args.Skip(1));
switch (args.FirstOrDefault())
{
    case "seed":
        return await SeedAsync(options);
    case "measure":
        return await new Measure(options).RunAsync();
    case "reader-seed":
        return await ReaderBench.SeedAsync(options.Require("db"), options.Require("content-root"));
    case "reader":
        return await new ReaderBench(options.Require("url"), options.Require("db"), options.Require("content-root"), options.Int("rounds", 5)).RunAsync();
    case "search":
        return await SearchBench.RunAsync(options);
    case "import":
        return await new ImportBench(options.Require("seeds"), options.Int("rounds", 5),
            options.Get("font") ?? "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").RunAsync();
    default:
        Console.Error.WriteLine("Brug: Raad.Bench seed|measure|reader-seed|reader|import --db FILE --content-root DIR [--url URL --server-pid PID --work DIR --rounds N]");
        return 2;
}

// Migrates a new database, loads the demo and adds the synthetic meeting (2 December 2025, 40 items, 40 × 3 pages of PDF).
static async Task<int> SeedAsync(Options options)
{
    await using var app = RaadHost.Build(options.Require("db"), options.Require("content-root"));
    await DatabaseStartup.MigrateAsync(app.Services, CancellationToken.None);
    await DemoLoader.LoadIfEmptyAsync(app.Services, CancellationToken.None);
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var body = await db.Bodies.SingleAsync(b => b.Name == Measure.BodyName);
    if (!await db.Meetings.AnyAsync(m => m.BodyId == body.Id && m.Date == Synthetic.Date))
    {
        db.Meetings.Add(Synthetic.Meeting(body.Id, TimeProvider.System.GetUtcNow()));
        await db.SaveChangesAsync();
    }
    Console.WriteLine($"Seeded: demo and the synthetic meeting of {Measure.BodyName} on {Synthetic.Date:yyyy-MM-dd} ({Synthetic.Items} items, {Synthetic.Items} × {Synthetic.PagesPerAttachment} attachment pages).");
    return 0;
}

/// <summary>"--name value" pairs.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < list.Count; i += 2)
        {
            values[list[i].TrimStart('-')] = list[i + 1];
        }
        return new Options(values);
    }

    public string Require(string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is missing");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public string? Get(string name) => values.GetValueOrDefault(name);
}
