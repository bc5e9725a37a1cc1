using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NearMissRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "near_misses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_province_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    gap_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gap_subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    gap_message = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    facility_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_near_misses", x => x.id);
                    table.ForeignKey(
                        name: "fk_near_misses_match_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "match_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_near_misses_gap_kind_gap_subject",
                table: "near_misses",
                columns: new[] { "gap_kind", "gap_subject" });

            migrationBuilder.CreateIndex(
                name: "ix_near_misses_run_id",
                table: "near_misses",
                column: "run_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "near_misses");
        }
    }
}
