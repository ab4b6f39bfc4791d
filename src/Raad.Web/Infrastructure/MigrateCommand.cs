using System.CommandLine;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure;

/// <summary>`raad migrate`: creates or upgrades the configured database and exits.</summary>
public static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Opretter eller opgraderer databasen og afslutter.");
        command.SetAction(async (_, ct) =>
        {
            await using var app = context.BuildApp("migrate");
            await DatabaseStartup.MigrateAsync(app.Services, ct);
            context.Console.Out.WriteLine("Databasen er opdateret.");
            return CommandLine.Ok;
        });
        return command;
    }
}
