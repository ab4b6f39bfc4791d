using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Raad.Web.Infrastructure;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>`raad --help`, each command's help and the command line's errors: Danish, with exit code 2, and no database touched.</summary>
public sealed class CommandLineTests
{
    internal static async Task<(int Code, string Out, string Err)> Raad(string input, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliConsole(new StringReader(input), stdout, stderr, InputIsTerminal: false, ErrorIsTerminal: false));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static readonly string[] English = ["Usage:", "Options:", "Commands:", "Arguments:", "Description:", "Unrecognized", "Required"];

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_lists_every_command_and_the_configuration_in_danish(string help)
    {
        var (code, output, error) = await Raad("", help);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Brug: raad [kommando] [tilvalg]", output, StringComparison.Ordinal);
        var commands = output[output.IndexOf("Kommandoer:", StringComparison.Ordinal)..output.IndexOf("Tilvalg:", StringComparison.Ordinal)];
        Assert.Equal(["serve", "migrate", "demo", "user", "import", "audit"],
            commands.Split('\n').Skip(1).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[0]));
        Assert.Contains("Opretter eller opgraderer databasen", commands, StringComparison.Ordinal);
        Assert.Contains("--Raad:Database:Provider=", output, StringComparison.Ordinal);
        Assert.All(English, e => Assert.DoesNotContain(e, output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("import", "Brug: raad import FIL... [tilvalg]", "--body <NAVN>", "--dry-run", "--json")]
    [InlineData("user add", "Brug: raad user add <e-mail> <rolle> [tilvalg]", "administrator, sekretariat, medlem", "standard input")]
    [InlineData("user", "Brug: raad user <kommando> [tilvalg]", "  add", "Opretter en konto")]
    [InlineData("migrate", "Brug: raad migrate [tilvalg]", "Opretter eller opgraderer databasen", "--help")]
    [InlineData("audit verify", "Brug: raad audit verify [tilvalg]", "revisionssporets kæde af SHA-256")]
    public async Task Each_command_has_its_own_danish_help(string command, params string[] expected)
    {
        var (code, output, _) = await Raad("", [.. command.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.All(expected, e => Assert.Contains(e, output, StringComparison.Ordinal));
        Assert.All(English, e => Assert.DoesNotContain(e, output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ukendt kommando \"frobnicate\".", "raad --help", "frobnicate")]
    [InlineData("Ukendt tilvalg \"--colour\".", "raad import --help", "import", "a.txt", "--colour")]
    [InlineData("Ukendt tilvalg \"--force\".", "raad migrate --help", "migrate", "--force")]
    [InlineData("Mangler FIL.", "raad import --help", "import", "--json")]
    [InlineData("Mangler rolle.", "raad user add --help", "user", "add", "a@example.dk")]
    [InlineData("Vælg en kommando under \"user\": add.", "raad user --help", "user")]
    [InlineData("Tilvalget --body skal have en værdi.", "raad import --help", "import", "a.txt", "--body")]
    public async Task A_wrong_command_line_is_refused_in_danish_with_exit_code_2_and_where_to_find_help(string message, string help, params string[] args)
    {
        var (code, output, error) = await Raad("", args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(message, lines[0]);
        Assert.Equal($"Se \"{help}\".", lines[^1]);
        Assert.All(English, e => Assert.DoesNotContain(e, error, StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_for_the_host_is_taken_out_before_the_commands_parse_theirs()
    {
        var (host, command) = CommandLine.Split(
            ["import", "--Raad:Database:Provider=Postgres", "a.txt", "--body=Syd", "--urls", "http://127.0.0.1:5999", "--Raad:Mail:Port", "2525",
                "/abs/b.txt", "--json", "--environment", "Development", "--colour"],
            new HashSet<string> { "--body", "--json" });

        Assert.Equal(["--Raad:Database:Provider=Postgres", "--urls", "http://127.0.0.1:5999", "--Raad:Mail:Port", "2525", "--environment", "Development"], host);
        Assert.Equal(["import", "a.txt", "--body=Syd", "/abs/b.txt", "--json", "--colour"], command);
    }
}

/// <summary>
/// Configuration on the command line reaches the app of every command: `migrate`, `user add` and `import` work on the
/// database the arguments name (checked in that database itself), on SQLite and on PostgreSQL.
/// </summary>
public abstract class CommandLineScenarios : IAsyncLifetime
{
    protected abstract string Provider { get; }
    protected string ConnectionString { get; set; } = "";

    public abstract ValueTask InitializeAsync();
    public abstract ValueTask DisposeAsync();
    protected abstract DbConnection Open();

    private string[] Config => [$"--Raad:Database:Provider={Provider}", $"--Raad:Database:ConnectionString={ConnectionString}"];

    [Fact]
    public async Task Migrate_user_add_and_import_use_the_database_the_configuration_arguments_name()
    {
        var migrated = await CommandLineTests.Raad("", ["migrate", .. Config]);
        Assert.True(migrated.Code == 0, migrated.Err);
        Assert.Equal("Databasen er opdateret.", migrated.Out.Trim());

        // Configuration before the command, the password on standard input.
        var added = await CommandLineTests.Raad("en-lang-adgangskode-til-test\n", [.. Config, "user", "add", "ny@example.dk", "sekretariat"]);
        Assert.True(added.Code == 0, added.Err);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'ny@example.dk'"));
        var again = await CommandLineTests.Raad("en-lang-adgangskode-til-test\n", ["user", "add", "ny@example.dk", "sekretariat", .. Config]);
        Assert.Equal(1, again.Code);
        Assert.Contains("findes allerede en konto", again.Err, StringComparison.Ordinal);

        var imported = await CommandLineTests.Raad("", ["import", Config[0], ImportCliScenarios.Seed("002"), "--body=Politisk Sundhedsklynge Syd", Config[1]]);
        Assert.True(imported.Code == 0, imported.Err);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM \"Meetings\" WHERE \"Date\" = '2023-04-26'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM \"Bodies\" WHERE \"Name\" = 'Politisk Sundhedsklynge Syd'"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}

public sealed class CommandLineOnSqlite : CommandLineScenarios
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"raad-cli-{Guid.NewGuid():N}");

    protected override string Provider => "Sqlite";

    public override ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "raad.db") }.ToString();
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    protected override DbConnection Open() => new SqliteConnection(ConnectionString);
}

public sealed class CommandLineOnPostgres : CommandLineScenarios
{
    private readonly string database = $"raad_cli_{Guid.NewGuid():N}";
    private string server = "";

    protected override string Provider => "Postgres";

    public override async ValueTask InitializeAsync()
    {
        server = Environment.GetEnvironmentVariable(PostgresApp.Variable) is { Length: > 0 } s ? s : throw new InvalidOperationException(PostgresApp.MissingServer);
        await ExecuteAsync($"CREATE DATABASE \"{database}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        if (server.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    protected override DbConnection Open() => new NpgsqlConnection(ConnectionString);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
