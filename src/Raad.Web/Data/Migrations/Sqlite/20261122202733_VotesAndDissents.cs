using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raad.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VotesAndDissents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Dissents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    MembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dissents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dissents_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Dissents_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ByParty = table.Column<bool>(type: "INTEGER", nullable: false),
                    For = table.Column<string>(type: "TEXT", nullable: false),
                    Against = table.Column<string>(type: "TEXT", nullable: false),
                    Abstained = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Votes_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dissents_AgendaItemId",
                table: "Dissents",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Dissents_MembershipId",
                table: "Dissents",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_AgendaItemId",
                table: "Votes",
                column: "AgendaItemId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Dissents");

            migrationBuilder.DropTable(
                name: "Votes");
        }
    }
}
