using Microsoft.EntityFrameworkCore;
using Raad.Web.Features.Demo;

namespace Raad.Web.Data;

/// <summary>Upgrades the schema when the app starts, then loads the demo into an empty database if configured to.</summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(services, cancellationToken);
        if (configuration.GetValue("Raad:Demo:LoadOnEmptyDatabase", true)
            && await DemoLoader.LoadIfEmptyAsync(services, cancellationToken))
        {
            logger.LogInformation("Demoen er indlæst i den tomme database.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
