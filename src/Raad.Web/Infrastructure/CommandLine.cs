using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure;

/// <summary>Where a command reads and writes: the process's console, or a test's writers.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool InputIsTerminal, bool ErrorIsTerminal)
{
    public static CliConsole System => new(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected, !Console.IsErrorRedirected);
}

/// <summary>
/// What a command is given: the console, and the configuration arguments for the host
/// (<c>--Raad:Database:Provider=Postgres</c>, <c>--urls http://localhost:5080</c>), from which it builds the app.
/// </summary>
public sealed class CliContext(string[] hostArgs, CliConsole console)
{
    public CliConsole Console { get; } = console;
    public IReadOnlyList<string> HostArgs { get; } = hostArgs;

    /// <summary>Raad's web application, configured for <paramref name="command"/> (only `serve` starts the background services).</summary>
    public WebApplication BuildApp(string command)
    {
        var builder = WebApplication.CreateBuilder([.. HostArgs]);
        builder.AddRaad(command);
        var app = builder.Build();
        app.UseRaad();
        return app;
    }
}

/// <summary>
/// The `raad` executable: one command per file, each a System.CommandLine <see cref="Command"/>, collected in
/// <see cref="Commands"/>. Help and errors are Danish; exit codes are 0 (done), 1 (the work failed, e.g. a file that
/// could not be imported) and 2 (the command line was wrong). Configuration arguments for the host are taken out
/// before parsing (<see cref="Split"/>) and given to every command's app.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>The commands; a new one is a file with a <c>Create(CliContext)</c> and a line here.</summary>
    private static IEnumerable<Command> Commands(CliContext context) =>
    [
        ServeCommand.Create(context),
        MigrateCommand.Create(context),
        Features.Demo.DemoCommand.Create(context),
        Features.Account.UserCommand.Create(context),
        Features.Import.ImportCli.Create(context),
        Audit.AuditCommand.Create(context),
    ];

    /// <summary>The host's own settings, which take their value as the next word (<c>--urls http://...</c>).</summary>
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "http_ports", "https_ports",
    };

    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliConsole.System);

    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var probe = Root(new CliContext([], console));
        var (hostArgs, commandArgs) = Split(args, OptionNames(probe));
        var root = Root(new CliContext(hostArgs, console));
        var parsed = root.Parse(commandArgs, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0 && parsed.Action is not DanishHelp)
        {
            foreach (var message in Danish(parsed))
            {
                console.Error.WriteLine(message);
            }
            var path = CommandPath(parsed.CommandResult.Command);
            console.Error.WriteLine($"Se \"{path} --help\".");
            return Usage;
        }
        // Exceptions are the app's (and the test host's way of stopping the entry point): they are not turned into output here.
        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
            Output = console.Out,
            Error = console.Error,
        });
    }

    /// <summary>
    /// Separates the host's configuration from the command line: <c>--Key=value</c> for any key no command declares,
    /// <c>--Section:Key value</c>, and the host's own <c>--urls value</c>, <c>--environment value</c>.
    /// </summary>
    public static (string[] Host, string[] Command) Split(IReadOnlyList<string> args, IReadOnlySet<string> commandOptions)
    {
        var host = new List<string>();
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a == "--")
            {
                command.Add(a);
                continue;
            }
            var equals = a.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? a : a[..equals];
            if (commandOptions.Contains(name))
            {
                command.Add(a);
            }
            else if (equals > 0)
            {
                host.Add(a);
            }
            else if ((name.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(name[2..])) && i + 1 < args.Count)
            {
                host.Add(a);
                host.Add(args[++i]);
            }
            else
            {
                command.Add(a);
            }
        }
        return ([.. host], [.. command]);
    }

    private static RootCommand Root(CliContext context)
    {
        var root = new RootCommand("raad – mødesystem for politiske udvalg. Uden kommando kører Raad (serve).");
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Description = "Viser hjælpen (til en kommando: raad KOMMANDO --help).";
                    help.Action = new DanishHelp();
                    break;
                case VersionOption version:
                    version.Description = "Viser Raads version.";
                    break;
            }
        }
        foreach (var command in Commands(context))
        {
            root.Subcommands.Add(command);
        }
        // `raad` alone is `raad serve`.
        root.Action = root.Subcommands.Single(c => c.Name == "serve").Action;
        return root;
    }

    private static HashSet<string> OptionNames(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(Command c)
        {
            foreach (var option in c.Options)
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }
            foreach (var sub in c.Subcommands)
            {
                Walk(sub);
            }
        }
        Walk(command);
        return names;
    }

    /// <summary>System.CommandLine's messages are English; these say the same in Danish, from what went wrong where.</summary>
    public static IEnumerable<string> Danish(ParseResult parsed)
    {
        var said = new HashSet<string>();
        foreach (var token in parsed.UnmatchedTokens)
        {
            said.Add(token.StartsWith('-')
                ? $"{UnknownOption} \"{token}\"."
                : parsed.CommandResult.Command.Subcommands.Count > 0 || parsed.CommandResult.Command is RootCommand
                    ? $"Ukendt kommando \"{token}\"."
                    : $"For mange argumenter: \"{token}\".");
        }
        foreach (var error in parsed.Errors.Where(e => !parsed.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
        {
            said.Add(error.SymbolResult switch
            {
                // Raad's own validators (RefusingUnknownOptions) speak Danish already.
                _ when error.Message.StartsWith(UnknownOption, StringComparison.Ordinal) => error.Message,
                ArgumentResult { Tokens.Count: 0 } a => $"Mangler {Label(a.Argument)}.",
                ArgumentResult a => $"Ugyldig værdi \"{string.Join(' ', a.Tokens.Select(t => t.Value))}\" for {Label(a.Argument)}.",
                OptionResult o => $"Tilvalget {o.Option.Name} skal have en værdi.",
                CommandResult { Command.Subcommands.Count: > 0 } c =>
                    $"Vælg en kommando under \"{c.Command.Name}\": {string.Join(", ", c.Command.Subcommands.Select(s => s.Name))}.",
                _ => "Kommandolinjen kan ikke læses.",
            });
        }
        return said.Count > 0 ? said : ["Kommandolinjen kan ikke læses."];
    }

    private const string UnknownOption = "Ukendt tilvalg";

    /// <summary>
    /// An argument that takes any number of words would take an unknown option as one of them (`import a.txt --colour`
    /// as the file "--colour"); this refuses it as an unknown option instead.
    /// </summary>
    public static Argument<T> RefusingUnknownOptions<T>(this Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
            {
                result.AddError($"{UnknownOption} \"{token.Value}\".");
            }
        });
        return argument;
    }

    private static string Label(Argument argument) => argument.HelpName ?? argument.Name;

    public static string CommandPath(Command command) =>
        string.Join(' ', Ancestors(command).Reverse().Select(c => c is RootCommand ? "raad" : c.Name));

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            yield return c;
        }
    }

    /// <summary>Help in Danish for the command it was asked of: usage, what it does, its commands, arguments and options.</summary>
    private sealed class DanishHelp : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return Ok;
        }

        private static void Write(Command command, TextWriter output)
        {
            var path = CommandPath(command);
            string?[] words =
            [
                path,
                command.Subcommands.Count > 0 ? (command is RootCommand ? "[kommando]" : "<kommando>") : null,
                .. command.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? $"{Label(a)}..." : $"<{Label(a)}>"),
                "[tilvalg]",
            ];
            var usage = string.Join(' ', words.OfType<string>());
            output.WriteLine(command.Description);
            output.WriteLine();
            output.WriteLine($"Brug: {usage}");
            Section(output, "Kommandoer", command.Subcommands.Where(c => !c.Hidden).Select(c => ($"  {c.Name}", c.Description)));
            Section(output, "Argumenter", command.Arguments.Where(a => !a.Hidden).Select(a => ($"  {Label(a)}", a.Description)));
            var options = Ancestors(command).SelectMany(c => c == command ? c.Options : c.Options.Where(o => o.Recursive || o is HelpOption))
                .Where(o => !o.Hidden && (command is RootCommand || o is not VersionOption)).Distinct();
            Section(output, "Tilvalg", options.Select(o => (
                $"  {string.Join(", ", o.Aliases.Where(a => a.StartsWith('-')).Order().Append(o.Name))}{(o.Arity.MinimumNumberOfValues > 0 ? $" <{o.HelpName ?? "værdi"}>" : "")}", o.Description)));
            (string, string?)[] configuration =
            [
                ("  --Raad:Database:Provider=…", "Sqlite (standard) eller Postgres"),
                ("  --Raad:Database:ConnectionString=…", $"standard: {DatabaseOptions.DefaultConnectionString}"),
            ];
            if (command is RootCommand || command.Name == "serve")
            {
                configuration =
                [
                    .. configuration,
                    ("  --Raad:Demo:LoadOnEmptyDatabase=true", "serve indlæser demoen i en tom database (standard kun i Development; run.sh sætter den)"),
                    ("  --Raad:Mail:Host=…, --Raad:Mail:Port=…", "SMTP-server til e-mails (uden den venter de i udbakken)"),
                    ("  --Raad:Mail:PublicUrl=…", "adressen, links i e-mails begynder med"),
                    ("  --Raad:Procedure:SweepMinutes=…", "minutter mellem kørsler af forretningsordenens frister (standard 15)"),
                    ("  --urls …", $"adressen, standard {Startup.DefaultUrl} (også ASPNETCORE_URLS)"),
                ];
            }
            Section(output, "Konfiguration (til alle kommandoer; også som miljøvariabler, fx Raad__Database__Provider)", configuration);
        }

        private static void Section(TextWriter output, string title, IEnumerable<(string Name, string? Description)> rows)
        {
            var list = rows.ToList();
            if (list.Count == 0)
            {
                return;
            }
            var width = list.Max(r => r.Name.Length) + 2;
            output.WriteLine();
            output.WriteLine($"{title}:");
            foreach (var (name, description) in list)
            {
                output.WriteLine($"{name.PadRight(width)}{description}".TrimEnd());
            }
        }
    }
}
