using Npgsql;
using Raad.Web.Data;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>
/// Raad on its own database, copied from the template (CREATE DATABASE … TEMPLATE) on the PostgreSQL server that
/// RAAD_TEST_POSTGRES names (a connection string to its maintenance database) and dropped afterwards. Without the
/// variable the tests fail: a PostgreSQL test that is skipped silently would let a provider break unseen.
/// </summary>
public class PostgresApp : RaadApp
{
    public const string Variable = "RAAD_TEST_POSTGRES";

    public const string MissingServer =
        "PostgreSQL-testene kræver en server: kør ./test.sh, der starter en midlertidig PostgreSQL, eller sæt RAAD_TEST_POSTGRES "
        + "(fx \"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\").";

    private readonly string database = $"raad_test_{Guid.NewGuid():N}";
    private string? server;

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task CreateDatabaseAsync()
    {
        server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(MissingServer);
        }
        await TemplateDatabases.CreatePostgresAsync(server, Variant, database);
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (string.IsNullOrWhiteSpace(server))
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
