using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raad.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RulesOfProcedure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgendaLateReason",
                table: "Meetings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MinutesQuorumReason",
                table: "Meetings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Topics",
                table: "AgendaItems",
                type: "text[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "RulesOfProcedure",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    RegionalSeats = table.Column<int>(type: "integer", nullable: false),
                    MunicipalSeats = table.Column<int>(type: "integer", nullable: false),
                    GeneralPracticeSeats = table.Column<int>(type: "integer", nullable: false),
                    SubstitutesAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    MinOrdinaryMeetingsPerYear = table.Column<int>(type: "integer", nullable: false),
                    ItemRequestLeadDays = table.Column<int>(type: "integer", nullable: false),
                    AgendaNoticeDays = table.Column<int>(type: "integer", nullable: false),
                    MinutesDispatchDays = table.Column<int>(type: "integer", nullable: false),
                    ObjectionWindowDays = table.Column<int>(type: "integer", nullable: false),
                    WrittenProcedureAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    WrittenProcedureObjectionsToMeeting = table.Column<int>(type: "integer", nullable: false),
                    OrdinaryNoticeDays = table.Column<int>(type: "integer", nullable: false),
                    ExtraordinaryShortNoticeAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    VirtualOrdinaryAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    ChairsInTurn = table.Column<bool>(type: "boolean", nullable: false),
                    QuorumShare = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    QuorumRequiredGroups = table.Column<string[]>(type: "text[]", nullable: false),
                    MinutesApproval = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TopicRequirements = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesOfProcedure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RulesOfProcedure_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RulesOfProcedure_BodyId_ValidFrom",
                table: "RulesOfProcedure",
                columns: new[] { "BodyId", "ValidFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RulesOfProcedure");

            migrationBuilder.DropColumn(
                name: "AgendaLateReason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MinutesQuorumReason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Topics",
                table: "AgendaItems");
        }
    }
}
