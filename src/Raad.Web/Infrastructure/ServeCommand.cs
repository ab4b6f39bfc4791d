using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Raad.Web.Infrastructure;

/// <summary>`raad serve` (and `raad` alone): upgrades the database, loads the demo into an empty one where configured, and serves.</summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("serve", "Opgraderer databasen, indlæser demoen i en tom database og kører Raad (standard).");
        command.SetAction(async (_, _) =>
        {
            var app = context.BuildApp("serve");
            app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app, context.Console.Out));
            await app.RunAsync();
            return CommandLine.Ok;
        });
        return command;
    }

    private static void AnnounceAddresses(WebApplication app, TextWriter output)
    {
        var server = app.Services.GetRequiredService<IServer>();
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        // In-memory test servers report the configured address too; only a real listener is announced.
        var listening = server.GetType().FullName?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true;
        if (listening && addresses is { Count: > 0 })
        {
            output.WriteLine($"Raad kører på {string.Join(", ", addresses)} (stop med Ctrl+C)");
        }
    }
}
