using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Raad.Web.Data;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The migrations were folded into one baseline on 3 December 2026 (ADR 0004). A database from an earlier development
/// build names migrations the baseline does not have: starting on it must say so in Danish, not half-create the tables.
/// </summary>
public sealed class BaselineScenarios : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"raad-baseline-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_database_from_before_the_baseline_is_refused_with_a_danish_message_and_left_untouched()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var old = new SqliteConnection($"Data Source={file}"))
        {
            await old.OpenAsync(ct);
            await using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261122191251_Initial', '10.0.0');
                CREATE TABLE "Bodies" ("Id" INTEGER PRIMARY KEY, "Name" TEXT);
                """;
            await command.ExecuteNonQueryAsync(ct);
        }

        await using var db = Context();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseStartup.MigrateAsync(db, ct));

        Assert.Contains("20261122191251_Initial", refused.Message, StringComparison.Ordinal);
        Assert.Contains("kan ikke opgraderes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["20261122191251_Initial"], await db.Database.GetAppliedMigrationsAsync(ct));
    }

    [Fact]
    public async Task An_empty_database_gets_the_baseline_and_a_second_start_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Context();

        await DatabaseStartup.MigrateAsync(db, ct);
        await DatabaseStartup.MigrateAsync(db, ct);

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
        Assert.Equal(0, await db.Bodies.CountAsync(ct));
    }

    [Fact]
    public async Task A_secretary_from_before_the_per_body_grants_keeps_every_body()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Context();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        var initial = db.Database.GetMigrations().Single(m => m.EndsWith("_Initial", StringComparison.Ordinal));
        await migrator.MigrateAsync(initial, ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Bodies" ("Id", "Name", "Level", "ValidFrom", "PublicClosedItemTitles", "Version") VALUES (1, 'A', 'Political', '2027-01-01', 0, 0), (2, 'B', 'Political', '2027-01-01', 0, 0);
            INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName") VALUES ('r1', 'Secretariat', 'SECRETARIAT'), ('r2', 'Member', 'MEMBER');
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount") VALUES ('u1', 'Sekretær', 1, 0, 0, 1, 0), ('u2', 'Medlem', 1, 0, 0, 1, 0);
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('u1', 'r1'), ('u2', 'r2');
            """, ct);

        await DatabaseStartup.MigrateAsync(db, ct);

        var grants = await db.SecretariatGrants.OrderBy(g => g.BodyId).Select(g => new { g.UserId, g.BodyId }).ToListAsync(ct);
        Assert.Equal([new { UserId = "u1", BodyId = 1 }, new { UserId = "u1", BodyId = 2 }], grants);
        Assert.True(await db.Users.Where(u => u.Id == "u2").Select(u => u.IsActive).SingleAsync(ct));
    }

    private SqliteDbContext Context()
    {
        var options = new DbContextOptionsBuilder<SqliteDbContext>();
        DataSetup.ConfigureSqlite(options, $"Data Source={file}");
        return new SqliteDbContext(options.Options);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}
