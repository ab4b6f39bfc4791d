using Microsoft.EntityFrameworkCore;
using Raad.DesignTime;
using Raad.Web.Data;

namespace Raad.Web.Tests.Scenarios;

/// <summary>Each provider's migrations describe the model as it is: a model change without a migration fails here.</summary>
public abstract class ModelScenarios(Func<AppDbContext> createContext)
{
    [Fact]
    public void Developer_who_changes_the_model_has_added_a_migration_for_it()
    {
        using var context = createContext();

        Assert.False(context.Database.HasPendingModelChanges(),
            $"Modellen i {context.GetType().Name} har ændringer, som ingen migration rummer. Tilføj en for hver provider: "
            + "dotnet ef migrations add <Navn> --project src/Raad.Web --startup-project tools/Raad.DesignTime --context "
            + $"{context.GetType().Name} --output-dir Data/Migrations/{(context is SqliteDbContext ? "Sqlite" : "Postgres")}");
    }
}

public sealed class ModelOnSqlite() : ModelScenarios(() => new SqliteDesignFactory().CreateDbContext([]));

public sealed class ModelOnPostgres() : ModelScenarios(() => new PostgresDesignFactory().CreateDbContext([]));
