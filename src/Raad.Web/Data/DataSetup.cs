using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Raad.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Raad:Database in configuration (Raad__Database__Provider, Raad__Database__ConnectionString).</summary>
public sealed class DatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=data/raad.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = DefaultConnectionString;

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        var section = configuration.GetSection("Raad:Database");
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.Provider = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var p)
                ? p
                : throw new InvalidOperationException(
                    $"Raad:Database:Provider er \"{provider}\". Brug \"Sqlite\" eller \"Postgres\".");
        }
        if (!string.IsNullOrWhiteSpace(section["ConnectionString"]))
        {
            options.ConnectionString = section["ConnectionString"]!;
        }
        return options;
    }
}

public static class DataSetup
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration);
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresDbContext>(o => ConfigurePostgres(o, options.ConnectionString));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresDbContext>());
                break;
            default:
                EnsureSqliteFolder(options.ConnectionString);
                services.AddDbContext<SqliteDbContext>(o => ConfigureSqlite(o, options.ConnectionString));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteDbContext>());
                break;
        }
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(AppDbContext).Assembly.GetName().Name));

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, s => s.MigrationsAssembly(typeof(AppDbContext).Assembly.GetName().Name));

    /// <summary>SQLite makes the file but not its folder.</summary>
    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
