using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raad.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchNarrowRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Raad.Web.Features.Search.SearchSql.PostgresNarrowRows(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Raad.Web.Features.Search.SearchSql.PostgresWideRows(migrationBuilder);
        }
    }
}
