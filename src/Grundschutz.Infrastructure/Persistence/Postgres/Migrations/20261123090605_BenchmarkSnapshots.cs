using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grundschutz.Infrastructure.Persistence.Postgres.Migrations
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
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    CatalogVersionId = table.Column<int>(type: "integer", nullable: false),
                    Approach = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AssessmentStamp = table.Column<Guid>(type: "uuid", nullable: false),
                    ScoredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    BasisJa = table.Column<int>(type: "integer", nullable: false),
                    BasisPairs = table.Column<int>(type: "integer", nullable: false),
                    BasisStandardJa = table.Column<int>(type: "integer", nullable: false),
                    BasisStandardPairs = table.Column<int>(type: "integer", nullable: false),
                    Maturity = table.Column<int>(type: "integer", nullable: true),
                    FreshAnswers = table.Column<int>(type: "integer", nullable: false),
                    AnsweredPairs = table.Column<int>(type: "integer", nullable: false),
                    OpenActionItems = table.Column<int>(type: "integer", nullable: false),
                    OverdueActionItems = table.Column<int>(type: "integer", nullable: false),
                    GapsBackup = table.Column<int>(type: "integer", nullable: false),
                    GapsAdministration = table.Column<int>(type: "integer", nullable: false),
                    GapsAuthorisation = table.Column<int>(type: "integer", nullable: false),
                    GapsIncidents = table.Column<int>(type: "integer", nullable: false),
                    Layers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
