using Microsoft.EntityFrameworkCore;
using Raad.Web.Features.Demo;

namespace Raad.Web.Data;

/// <summary>Upgrades the schema when the app starts, then loads the demo into an empty database if configured to.</summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    /// <summary>
    /// Only in Development unless set: the demo's accounts have a published password, so a production database must
    /// never get them by default. run.sh sets it for a newcomer.
    /// </summary>
    public static bool LoadsDemo(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Raad:Demo:LoadOnEmptyDatabase", environment.IsDevelopment());

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(services, cancellationToken);
        if (LoadsDemo(configuration, environment)
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
