using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raad.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EconomyTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EconomyAsOf",
                table: "AgendaItems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EconomyTable",
                table: "AgendaItems",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EconomyAsOf",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "EconomyTable",
                table: "AgendaItems");
        }
    }
}
