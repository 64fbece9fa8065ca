using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grundschutz.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnswerRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnswersRevision",
                table: "Assessments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "Answers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Answers_AssessmentId_Revision",
                table: "Answers",
                columns: new[] { "AssessmentId", "Revision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Answers_AssessmentId_Revision",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "AnswersRevision",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Answers");
        }
    }
}
