using System.CommandLine;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Demo;

/// <summary>`raad demo`: loads the demo into the configured database, if it holds no body yet.</summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("demo", "Indlæser demoen (Politisk Sundhedsklynge Syd, HOL Politisk Forum) i den konfigurerede database, hvis den er tom.");
        command.SetAction(async (_, ct) =>
        {
            await using var app = context.BuildApp("demo");
            await DatabaseStartup.MigrateAsync(app.Services, ct);
            var loaded = await DemoLoader.LoadIfEmptyAsync(app.Services, ct);
            context.Console.Out.WriteLine(loaded
                ? "Demoen er indlæst."
                : "Databasen indeholder allerede udvalg; demoen indlæses kun i en tom database.");
            return loaded ? CommandLine.Ok : CommandLine.Failed;
        });
        return command;
    }
}
