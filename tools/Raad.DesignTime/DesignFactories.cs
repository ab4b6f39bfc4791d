using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Raad.Web.Data;

namespace Raad.DesignTime;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the app.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteDbContext>();
        DataSetup.ConfigureSqlite(builder, "Data Source=design.db");
        return new SqliteDbContext(builder.Options);
    }
}

/// <summary>
/// Lets `dotnet ef` build the PostgreSQL model without a server. The commands that ask a database (`migrations remove`
/// checks that the migration is not applied) take its connection string after `--`.
/// </summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresDbContext>();
        DataSetup.ConfigurePostgres(builder, args is [var connectionString, ..] ? connectionString : "Host=localhost;Database=raad_design");
        return new PostgresDbContext(builder.Options);
    }
}
