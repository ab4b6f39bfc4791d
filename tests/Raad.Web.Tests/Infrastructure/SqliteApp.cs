using Microsoft.Data.Sqlite;
using Raad.Web.Data;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>Raad on a SQLite file in the temp folder, copied from the template and deleted afterwards.</summary>
public class SqliteApp : RaadApp
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"raad-test-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override async Task CreateDatabaseAsync()
    {
        await TemplateDatabases.CopySqliteAsync(Variant, file);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
    }

    protected override Task DropDatabaseAsync()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, $"{file}-wal", $"{file}-shm", $"{file}-journal" })
        {
            File.Delete(path);
        }
        return Task.CompletedTask;
    }
}
