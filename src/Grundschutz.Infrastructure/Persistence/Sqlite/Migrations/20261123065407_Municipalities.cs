using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grundschutz.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Municipalities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Municipalities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ags = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    LandCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: false),
                    LandName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    KreisName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Municipalities", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_Ags",
                table: "Municipalities",
                column: "Ags",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_LandCode",
                table: "Municipalities",
                column: "LandCode");

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_SearchName",
                table: "Municipalities",
                column: "SearchName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Municipalities");
        }
    }
}
