using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Raad.Web.Data;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>The settings that decide what a new database holds once the app has started on it.</summary>
public readonly record struct DemoVariant
{
    public DemoVariant(bool demo, bool money)
    {
        Demo = demo;
        // Without the demo there is no money to leave out.
        Money = demo && money;
    }

    public bool Demo { get; }
    public bool Money { get; }

    public string Name => !Demo ? "empty" : Money ? "demo" : "demo_unfunded";
}

/// <summary>
/// One template database per provider and <see cref="DemoVariant"/>, made by the app's real startup (migrations, then
/// the demo) the first time a test app of this process asks for it; every test app then starts on a copy of it, where
/// its own startup finds the schema current and the database not empty. The demo keeps everything in the database
/// (attachments too), so the copy is all an app needs. The templates carry the process id in their names, so that
/// parallel runs never share one and a changed migration or demo is always made anew; they go when the process exits.
/// </summary>
public static class TemplateDatabases
{
    private static readonly ConcurrentDictionary<(DatabaseProvider, DemoVariant), Lazy<Task<string>>> Templates = new();
    private static readonly ConcurrentBag<(string Server, string Name)> PostgresTemplates = [];
    private static readonly int ProcessId = Environment.ProcessId;
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"raad-test-templates-{ProcessId}");
    private const string PostgresPrefix = "raad_template_";

    static TemplateDatabases() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll();

    private static void RemoveAll()
    {
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
            foreach (var (server, name) in PostgresTemplates)
            {
                ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is IOException or NpgsqlException)
        {
            // Best effort: a PostgreSQL template left behind is dropped by the next run (DropStalePostgresTemplatesAsync).
        }
    }

    /// <summary>Copies the SQLite template of the variant to <paramref name="file"/>.</summary>
    public static async Task CopySqliteAsync(DemoVariant variant, string file)
    {
        var template = await Get(DatabaseProvider.Sqlite, variant, () => MakeSqliteAsync(variant));
        File.Copy(template, file);
    }

    /// <summary>Creates <paramref name="database"/> on the server as a copy of the PostgreSQL template of the variant.</summary>
    public static async Task CreatePostgresAsync(string server, DemoVariant variant, string database)
    {
        var template = await Get(DatabaseProvider.Postgres, variant, () => MakePostgresAsync(server, variant));
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
    }

    /// <summary>Made at most once per process, however many test classes ask at the same time.</summary>
    private static Task<string> Get(DatabaseProvider provider, DemoVariant variant, Func<Task<string>> make) =>
        Templates.GetOrAdd((provider, variant), _ => new Lazy<Task<string>>(make, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static async Task<string> MakeSqliteAsync(DemoVariant variant)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{variant.Name}.db");
        // Unpooled, so that no connection keeps the file open once the app has stopped; SQLite's default rollback
        // journal leaves nothing beside the file then.
        await RunStartupAsync(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString(), variant);
        return file;
    }

    private static async Task<string> MakePostgresAsync(string server, DemoVariant variant)
    {
        await DropStalePostgresTemplatesAsync(server);
        var name = $"{PostgresPrefix}{ProcessId}_{variant.Name}";
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        PostgresTemplates.Add((server, name));
        // Unpooled: CREATE DATABASE … TEMPLATE refuses a template that has a connection open.
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString();
        await RunStartupAsync(DatabaseProvider.Postgres, connectionString, variant);
        return name;
    }

    /// <summary>Templates of runs that were killed before they could drop them: their process is gone.</summary>
    private static async Task DropStalePostgresTemplatesAsync(string server)
    {
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{PostgresPrefix}%'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            var pid = name[PostgresPrefix.Length..].Split('_')[0];
            if (int.TryParse(pid, CultureInfo.InvariantCulture, out var id) && id != ProcessId && !IsRunning(id))
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The app's own startup on the template, as on any new database; the app is stopped again at once.</summary>
    private static async Task RunStartupAsync(DatabaseProvider provider, string connectionString, DemoVariant variant)
    {
        await using var app = new TemplateApp(provider, connectionString, variant, Path.Combine(Folder, $"pdf-{provider}-{variant.Name}"));
        app.StartServer();
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class TemplateApp(DatabaseProvider provider, string connectionString, DemoVariant variant, string printCache)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Raad:Database:Provider", provider.ToString());
            builder.UseSetting("Raad:Database:ConnectionString", connectionString);
            builder.UseSetting("Raad:Demo:LoadOnEmptyDatabase", variant.Demo ? "true" : "false");
            builder.UseSetting("Raad:Demo:Money", variant.Money ? "true" : "false");
            builder.UseSetting("Raad:Procedure:SweepMinutes", "0");
            builder.UseSetting("Raad:Pdf:CacheFolder", printCache);
            // Stopped at the start: whatever the demo stamps is never later than what a test app's own clock says.
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new StoppedClock()));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "None");
        }
    }

    private sealed class StoppedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TravellingClock.Start.ToUniversalTime();
    }
}
