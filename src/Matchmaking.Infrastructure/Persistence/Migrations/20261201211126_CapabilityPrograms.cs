using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CapabilityPrograms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "capability_programs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    @operator = table.Column<string>(name: "operator", type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    capability_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    certification_schemes = table.Column<string[]>(type: "text[]", nullable: false),
                    raises_local_content = table.Column<bool>(type: "boolean", nullable: false),
                    province_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_capability_programs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "program_enrolments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    program_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome_capability_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    outcome_certificate_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    outcome_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    outcome_monthly_capacity = table.Column<decimal>(type: "numeric", nullable: true),
                    outcome_scheme = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    outcome_tkdn_percent = table.Column<decimal>(type: "numeric", nullable: true),
                    outcome_unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    outcome_valid_until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_program_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_program_enrolments_capability_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "capability_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_program_enrolments_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_program_enrolments_program_id_supplier_id",
                table: "program_enrolments",
                columns: new[] { "program_id", "supplier_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_program_enrolments_supplier_id",
                table: "program_enrolments",
                column: "supplier_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "program_enrolments");

            migrationBuilder.DropTable(
                name: "capability_programs");
        }
    }
}
