using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grundschutz.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuditorLands",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "MunicipalityId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Framework = table.Column<int>(type: "INTEGER", nullable: false),
                    Approach = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PreviousAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AdoptedHRequirements = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Assessments_PreviousAssessmentId",
                        column: x => x.PreviousAssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_CatalogVersions_CatalogVersionId",
                        column: x => x.CatalogVersionId,
                        principalTable: "CatalogVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequirementId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    EntbehrlichReason = table.Column<int>(type: "INTEGER", nullable: true),
                    Justification = table.Column<string>(type: "TEXT", nullable: true),
                    ImplementationDescription = table.Column<string>(type: "TEXT", nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CostEstimate = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Interviewees = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Answers_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentContributors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentContributors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentContributors_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentModuleApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetObjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentModuleApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentModuleApplications_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentModuleExclusions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentModuleExclusions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentModuleExclusions_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentTargetObjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentTargetObjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentTargetObjects_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentTransitions_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnswerChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true),
                    AnswerId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnswerChanges_Answers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "Answers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AnswerId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Answers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "Answers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnswerChanges_AnswerId",
                table: "AnswerChanges",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_AssessmentId_RequirementId_TargetObjectId",
                table: "Answers",
                columns: new[] { "AssessmentId", "RequirementId", "TargetObjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentContributors_AssessmentId",
                table: "AssessmentContributors",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentModuleApplications_AssessmentId_GroupId_TargetObjectId",
                table: "AssessmentModuleApplications",
                columns: new[] { "AssessmentId", "GroupId", "TargetObjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentModuleExclusions_AssessmentId",
                table: "AssessmentModuleExclusions",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CatalogVersionId",
                table: "Assessments",
                column: "CatalogVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_MunicipalityId",
                table: "Assessments",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PreviousAssessmentId",
                table: "Assessments",
                column: "PreviousAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_State",
                table: "Assessments",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentTargetObjects_AssessmentId",
                table: "AssessmentTargetObjects",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentTransitions_AssessmentId",
                table: "AssessmentTransitions",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_AnswerId",
                table: "EvidenceFiles",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_StorageKey",
                table: "EvidenceFiles",
                column: "StorageKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerChanges");

            migrationBuilder.DropTable(
                name: "AssessmentContributors");

            migrationBuilder.DropTable(
                name: "AssessmentModuleApplications");

            migrationBuilder.DropTable(
                name: "AssessmentModuleExclusions");

            migrationBuilder.DropTable(
                name: "AssessmentTargetObjects");

            migrationBuilder.DropTable(
                name: "AssessmentTransitions");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "Answers");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropColumn(
                name: "AuditorLands",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MunicipalityId",
                table: "AspNetUsers");
        }
    }
}
