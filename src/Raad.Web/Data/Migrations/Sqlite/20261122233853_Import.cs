using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raad.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDraft",
                table: "RulesOfProcedure",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ListedAttachments",
                table: "AgendaItems",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "ImportedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    BodyHint = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Parsed = table.Column<string>(type: "TEXT", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    RulesId = table.Column<int>(type: "INTEGER", nullable: true),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
