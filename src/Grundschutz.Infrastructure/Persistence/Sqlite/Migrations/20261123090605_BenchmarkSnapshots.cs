using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grundschutz.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BenchmarkSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentKpiSnapshots",
                columns: table => new
                {
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Approach = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessmentStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScoredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    BasisJa = table.Column<int>(type: "INTEGER", nullable: false),
                    BasisPairs = table.Column<int>(type: "INTEGER", nullable: false),
                    BasisStandardJa = table.Column<int>(type: "INTEGER", nullable: false),
                    BasisStandardPairs = table.Column<int>(type: "INTEGER", nullable: false),
                    Maturity = table.Column<int>(type: "INTEGER", nullable: true),
                    FreshAnswers = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredPairs = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenActionItems = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueActionItems = table.Column<int>(type: "INTEGER", nullable: false),
                    GapsBackup = table.Column<int>(type: "INTEGER", nullable: false),
                    GapsAdministration = table.Column<int>(type: "INTEGER", nullable: false),
                    GapsAuthorisation = table.Column<int>(type: "INTEGER", nullable: false),
                    GapsIncidents = table.Column<int>(type: "INTEGER", nullable: false),
                    Layers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentKpiSnapshots", x => x.AssessmentId);
                    table.ForeignKey(
                        name: "FK_AssessmentKpiSnapshots_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentKpiSnapshots_CatalogVersionId_Approach_State",
                table: "AssessmentKpiSnapshots",
                columns: new[] { "CatalogVersionId", "Approach", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentKpiSnapshots_MunicipalityId",
                table: "AssessmentKpiSnapshots",
                column: "MunicipalityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentKpiSnapshots");
        }
    }
}
