using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raad.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Import : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DraftSource",
                table: "RulesOfProcedure",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDraft",
                table: "RulesOfProcedure",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "ListedAttachments",
                table: "AgendaItems",
                type: "text[]",
                maxLength: 4000,
                nullable: false);

            migrationBuilder.CreateTable(
                name: "ImportedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    BodyHint = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Parsed = table.Column<string>(type: "text", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: true),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    RulesId = table.Column<int>(type: "integer", nullable: true),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedDocuments_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImportedDocuments_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImportedDocuments_RulesOfProcedure_RulesId",
                        column: x => x.RulesId,
                        principalTable: "RulesOfProcedure",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedDocuments_BodyId",
                table: "ImportedDocuments",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedDocuments_MeetingId",
                table: "ImportedDocuments",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedDocuments_RulesId",
                table: "ImportedDocuments",
                column: "RulesId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedDocuments_Sha256",
                table: "ImportedDocuments",
                column: "Sha256",
                unique: true,
                filter: "\"Status\" = 'Imported'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportedDocuments");

            migrationBuilder.DropColumn(
                name: "DraftSource",
                table: "RulesOfProcedure");

            migrationBuilder.DropColumn(
                name: "IsDraft",
                table: "RulesOfProcedure");

            migrationBuilder.DropColumn(
                name: "ListedAttachments",
                table: "AgendaItems");
        }
    }
}
