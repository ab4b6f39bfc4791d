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
        await Features.Search.SearchIndexStartup.EnsureAsync(services, logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
    }

    /// <summary>
    /// Upgrades the schema. A database whose history names migrations this build does not know was made by a development
    /// build from before the baseline of 3 December 2026 (ADR 0004); EF would try to create every table over it.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Databasen er lavet af en anden udgave af Raad: den har migrationen {unknown[0]}, som denne udgave ikke kender. "
                + "Databaser fra udviklingsudgaverne før udgangspunktet (baseline) den 3. december 2026 kan ikke opgraderes; "
                + "slet SQLite-filen (fx data/raad.db) eller opret en ny, tom PostgreSQL-database, og start Raad igen. "
                + "Se docs/adr/0004-one-baseline-then-append-only.md.");
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
