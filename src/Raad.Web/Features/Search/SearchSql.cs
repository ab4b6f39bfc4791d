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
/// <item>PostgreSQL: a stored tsvector column (<c>SearchVector</c>, generated from the keys by the 'danish'
/// configuration, title weight A, text weight B) with a GIN index; ranked by ts_rank. The keys are already stems at
/// their fixpoint, so the Danish stemmer leaves them as they are; it drops its stop words, which
/// <see cref="Domain.Search.SearchText.QueryKeys"/> never asks for on either provider. Stored, because ranking reads
/// the vector of every match: computed on the fly, one common word over 100,000 items took seconds.</item>
/// </list>
/// NB: a later SQLite migration that rebuilds <c>SearchEntries</c> drops its triggers; call <see cref="SqliteUp"/> again after it.
/// </summary>
public static class SearchSql
{
    /// <summary>The PostgreSQL document, stored in <c>"SearchEntries"."SearchVector"</c>.</summary>
    public const string PostgresDocument =
        "(setweight(to_tsvector('danish'::regconfig, \"TitleKeys\"), 'A') || setweight(to_tsvector('danish'::regconfig, \"TextKeys\"), 'B'))";

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

    public static void PostgresUp(MigrationBuilder migration)
    {
        migration.Sql($"""ALTER TABLE "SearchEntries" ADD COLUMN IF NOT EXISTS "SearchVector" tsvector GENERATED ALWAYS AS {PostgresDocument} STORED""");
        migration.Sql("""CREATE INDEX IF NOT EXISTS "IX_SearchEntries_SearchVector" ON "SearchEntries" USING GIN ("SearchVector")""");
    }

    /// <summary>
    /// Narrow rows: the text, the keys and the vector live in the TOAST table, so a row in the table itself is its ids and
    /// title (~40 to a page instead of ~5). A search reads the row of every match the GIN index gives (for its id); on
    /// 100,000 items that went from reading 40,000 pages to 5,000. The vector is stored uncompressed (it compresses
    /// badly) and is read only for the newest matches, which are ranked. Existing rows are written again to move, and the table is then compacted.
    /// </summary>
    public static void PostgresNarrowRows(MigrationBuilder migration)
    {
        migration.Sql("""ALTER TABLE "SearchEntries" SET (toast_tuple_target = 128)""");
        migration.Sql("""
            ALTER TABLE "SearchEntries" ALTER COLUMN "Text" SET STORAGE EXTERNAL, ALTER COLUMN "TitleKeys" SET STORAGE EXTERNAL,
                ALTER COLUMN "TextKeys" SET STORAGE EXTERNAL, ALTER COLUMN "SearchVector" SET STORAGE EXTERNAL
            """);
        migration.Sql("""UPDATE "SearchEntries" SET "Text" = "Text" || '' """);
    }

    /// <summary>
    /// After <see cref="PostgresNarrowRows"/> the old wide rows are dead; this gives their pages back. A migration of its
    /// own, because VACUUM runs outside a transaction.
    /// </summary>
    public static void PostgresCompact(MigrationBuilder migration) =>
        migration.Sql("""VACUUM FULL "SearchEntries" """, suppressTransaction: true);

    public static void PostgresWideRows(MigrationBuilder migration)
    {
        migration.Sql("""ALTER TABLE "SearchEntries" RESET (toast_tuple_target)""");
        migration.Sql("""
            ALTER TABLE "SearchEntries" ALTER COLUMN "Text" SET STORAGE EXTENDED, ALTER COLUMN "TitleKeys" SET STORAGE EXTENDED,
                ALTER COLUMN "TextKeys" SET STORAGE EXTENDED, ALTER COLUMN "SearchVector" SET STORAGE EXTENDED
            """);
    }

    public static void PostgresDown(MigrationBuilder migration)
    {
        migration.Sql("""DROP INDEX IF EXISTS "IX_SearchEntries_SearchVector" """);
        migration.Sql("""ALTER TABLE "SearchEntries" DROP COLUMN IF EXISTS "SearchVector" """);
    }
}
