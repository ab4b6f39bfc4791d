using Microsoft.EntityFrameworkCore.Migrations;

namespace Raad.Web.Features.Search;

/// <summary>
/// The full-text parts EF cannot model, called with one line from each provider's migration (so they survive a
/// regenerated migration). Both index the stem keys our C# stemmer wrote (<see cref="SearchEntry.TitleKeys"/>,
/// <see cref="SearchEntry.TextKeys"/>), never the raw text, so both providers match exactly the same entries:
/// <list type="bullet">
/// <item>SQLite: an FTS5 table over the keys, external content (<c>SearchEntries</c>), kept by triggers, tokenizer
/// unicode61 without diacritic folding (so "råd" is not "rad", as in PostgreSQL); ranked by bm25 with the title
/// weighing 10 times the text.</item>
/// <item>PostgreSQL: a stored generated tsvector column of the keys in the 'simple' configuration (no second
/// stemming), title weight A, text weight B, with a GIN index; ranked by ts_rank.</item>
/// </list>
/// NB: a later SQLite migration that rebuilds <c>SearchEntries</c> drops its triggers; call <see cref="SqliteUp"/> again after it.
/// </summary>
public static class SearchSql
{
    /// <summary>The PostgreSQL document of an entry.</summary>
    public const string PostgresDocument =
        "(setweight(to_tsvector('simple'::regconfig, \"TitleKeys\"), 'A') || setweight(to_tsvector('simple'::regconfig, \"TextKeys\"), 'B'))";

    private static readonly string[] SqliteCreate =
    [
        """
        CREATE VIRTUAL TABLE "SearchFts" USING fts5("TitleKeys", "TextKeys", content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 0')
        """,
        """
        CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
            INSERT INTO "SearchFts"(rowid, "TitleKeys", "TextKeys") VALUES (new."Id", new."TitleKeys", new."TextKeys");
        END
        """,
        """
        CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
            INSERT INTO "SearchFts"("SearchFts", rowid, "TitleKeys", "TextKeys") VALUES ('delete', old."Id", old."TitleKeys", old."TextKeys");
        END
        """,
        """
        CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
            INSERT INTO "SearchFts"("SearchFts", rowid, "TitleKeys", "TextKeys") VALUES ('delete', old."Id", old."TitleKeys", old."TextKeys");
            INSERT INTO "SearchFts"(rowid, "TitleKeys", "TextKeys") VALUES (new."Id", new."TitleKeys", new."TextKeys");
        END
        """,
        // Whatever the table holds already (nothing, in a new database).
        """INSERT INTO "SearchFts"("SearchFts") VALUES ('rebuild')""",
    ];

    private static readonly string[] SqliteDrop =
    [
        """DROP TRIGGER IF EXISTS "SearchEntries_au" """,
        """DROP TRIGGER IF EXISTS "SearchEntries_ad" """,
        """DROP TRIGGER IF EXISTS "SearchEntries_ai" """,
        """DROP TABLE IF EXISTS "SearchFts" """,
    ];

    public static void SqliteUp(MigrationBuilder migration)
    {
        foreach (var sql in SqliteDrop.Concat(SqliteCreate))
        {
            migration.Sql(sql);
        }
    }

    public static void SqliteDown(MigrationBuilder migration)
    {
        foreach (var sql in SqliteDrop)
        {
            migration.Sql(sql);
        }
    }

    /// <summary>
    /// The document stored (a generated column EF does not map), so ranking reads it instead of rebuilding each matching
    /// entry's tsvector from its keys.
    /// </summary>
    public const string PostgresVector = "\"SearchVector\"";

    public static void PostgresUp(MigrationBuilder migration)
    {
        migration.Sql($"""ALTER TABLE "SearchEntries" ADD COLUMN IF NOT EXISTS {PostgresVector} tsvector GENERATED ALWAYS AS ({PostgresDocument}) STORED""");
        migration.Sql($"""CREATE INDEX IF NOT EXISTS "IX_SearchEntries_Vector" ON "SearchEntries" USING GIN ({PostgresVector})""");
    }

    public static void PostgresDown(MigrationBuilder migration)
    {
        migration.Sql("""DROP INDEX IF EXISTS "IX_SearchEntries_Vector" """);
        migration.Sql($"""ALTER TABLE "SearchEntries" DROP COLUMN IF EXISTS {PostgresVector}""");
    }
}
