using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raad.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MinutesQuorumReason",
                table: "Meetings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Topics",
                table: "AgendaItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "RulesOfProcedure",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegionalSeats = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalSeats = table.Column<int>(type: "INTEGER", nullable: false),
                    GeneralPracticeSeats = table.Column<int>(type: "INTEGER", nullable: false),
                    SubstitutesAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinOrdinaryMeetingsPerYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemRequestLeadDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaNoticeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesDispatchDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectionWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WrittenProcedureAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    WrittenProcedureObjectionsToMeeting = table.Column<int>(type: "INTEGER", nullable: false),
                    OrdinaryNoticeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtraordinaryShortNoticeAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    VirtualOrdinaryAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChairsInTurn = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuorumShare = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    QuorumRequiredGroups = table.Column<string>(type: "TEXT", nullable: false),
                    MinutesApproval = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicRequirements = table.Column<string>(type: "TEXT", nullable: true)
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
