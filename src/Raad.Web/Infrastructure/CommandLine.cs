using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Raad.Web.Data;
using Raad.Web.Features.Demo;

namespace Raad.Web.Infrastructure;

/// <summary>The subcommands of the one executable, `raad`. <paramref name="Args"/> are the command's own words and options.</summary>
public sealed record Command(string Name, string[] HostArgs, string? Error = null)
{
    public string[] Args { get; init; } = [];
}

public static class CommandLine
{
    private static readonly (string Name, string Summary)[] Commands =
    [
        ("serve", "Opgraderer databasen, indlæser demoen i en tom database og kører Raad (standard)."),
        ("migrate", "Opretter eller opgraderer databasen og afslutter."),
        ("demo", "Indlæser demoen (Politisk Sundhedsklynge Syd, HOL Politisk Forum) i den konfigurerede database."),
        ("import", "Importerer dagsordener og referater (PDF, DOCX, tekst): raad import FIL... [--body NAVN] [--dry-run] [--json]."),
        ("user", "Opretter en konto: raad user add <e-mail> <administrator|sekretariat|medlem>; adgangskoden læses fra standard input."),
        ("help", "Viser denne hjælp (også --help)."),
    ];

    public static string Help => string.Join('\n',
    [
        "raad – mødesystem for politiske udvalg",
        "",
        "Brug: raad [kommando] [--urls http://localhost:5080] [--Raad:Database:Provider=Postgres ...]",
        "",
        "Kommandoer:",
        .. Commands.Select(c => $"  {c.Name,-9} {c.Summary}"),
        "",
        "Konfiguration (også som miljøvariabler, fx Raad__Database__Provider):",
        "  Raad:Database:Provider          Sqlite (standard) eller Postgres",
        $"  Raad:Database:ConnectionString  standard: {DatabaseOptions.DefaultConnectionString}",
        "  Raad:Demo:LoadOnEmptyDatabase   true: serve indlæser demoen i en tom database (standard kun i Development; run.sh sætter den)",
        "  Raad:Mail:Host, Raad:Mail:Port  SMTP-server til e-mails (uden den venter de i udbakken)",
        "  Raad:Mail:PublicUrl             adressen, links i e-mails begynder med",
        "  Raad:Procedure:SweepMinutes     minutter mellem kørsler af forretningsordenens frister (standard 15)",
        "  ASPNETCORE_URLS / --urls        adressen, standard http://localhost:5080",
    ]);

    public static Command Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return args.Any(a => a is "--help" or "-h" or "-?")
                ? new Command("help", [])
                : new Command("serve", args);
        }
        var name = args[0].ToLowerInvariant();
        var rest = args[1..];
        if (rest.Any(a => a is "--help" or "-h"))
        {
            return new Command("help", []);
        }
        if (name == "import")
        {
            // The host gets only configuration (--Raad:Database:Provider=Postgres); file names and flags are import's.
            var host = rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=') && !a.StartsWith("--body=", StringComparison.Ordinal));
            return new Command(name, [.. host]) { Args = rest };
        }
        return Commands.Any(c => c.Name == name)
            ? new Command(name, rest)
            : new Command(name, rest, $"Ukendt kommando \"{args[0]}\".");
    }

    public static async Task<int> RunAsync(Command command, WebApplication app)
    {
        switch (command.Name)
        {
            case "migrate":
                await DatabaseStartup.MigrateAsync(app.Services, CancellationToken.None);
                Console.WriteLine("Databasen er opdateret.");
                return 0;
            case "demo":
                await DatabaseStartup.MigrateAsync(app.Services, CancellationToken.None);
                var loaded = await DemoLoader.LoadIfEmptyAsync(app.Services, CancellationToken.None);
                Console.WriteLine(loaded
                    ? "Demoen er indlæst."
                    : "Databasen indeholder allerede udvalg; demoen indlæses kun i en tom database.");
                return loaded ? 0 : 1;
            case "user":
                return await AddUserAsync(command, app);
            case "import":
                return await Features.Import.ImportCli.RunAsync(command.Args, app.Services);
            default:
                app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
                await app.RunAsync();
                return 0;
        }
    }

    private static async Task<int> AddUserAsync(Command command, WebApplication app)
    {
        var words = command.HostArgs.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (words.Length != 3 || words[0] != "add")
        {
            Console.Error.WriteLine("Brug: raad user add <e-mail> <administrator|sekretariat|medlem> (adgangskoden på standard input)");
            return 2;
        }
        if (!Console.IsInputRedirected)
        {
            Console.Write("Adgangskode: ");
        }
        var password = Console.ReadLine() ?? "";
        await DatabaseStartup.MigrateAsync(app.Services, CancellationToken.None);
        var (ok, message) = await Features.Account.CreateAccount.RunAsync(app.Services, words[1], words[2], password);
        (ok ? Console.Out : Console.Error).WriteLine(message);
        return ok ? 0 : 1;
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var server = app.Services.GetRequiredService<IServer>();
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        // In-memory test servers report the configured address too; only a real listener is announced.
        var listening = server.GetType().FullName?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true;
        if (listening && addresses is { Count: > 0 })
        {
            Console.WriteLine($"Raad kører på {string.Join(", ", addresses)} (stop med Ctrl+C)");
        }
    }
}
