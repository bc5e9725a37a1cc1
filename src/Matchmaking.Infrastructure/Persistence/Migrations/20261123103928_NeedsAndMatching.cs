using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NeedsAndMatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    capability_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    needed_by = table.Column<DateOnly>(type: "date", nullable: false),
                    delivery_province_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    estimated_value_idr = table.Column<long>(type: "bigint", nullable: true),
                    required_certifications = table.Column<string[]>(type: "text[]", nullable: false),
                    min_tkdn_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    max_distance_km = table.Column<double>(type: "double precision", nullable: true),
                    umk_only = table.Column<bool>(type: "boolean", nullable: false),
                    allow_consortium = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    delivery_latitude = table.Column<double>(type: "double precision", nullable: false),
                    delivery_longitude = table.Column<double>(type: "double precision", nullable: false),
                    weight_capability = table.Column<double>(type: "double precision", nullable: false),
                    weight_capacity = table.Column<double>(type: "double precision", nullable: false),
                    weight_local_content = table.Column<double>(type: "double precision", nullable: false),
                    weight_proximity = table.Column<double>(type: "double precision", nullable: false),
                    weight_track_record = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_needs", x => x.id);
                    table.ForeignKey(
                        name: "fk_needs_buyers_buyer_id",
                        column: x => x.buyer_id,
                        principalTable: "buyers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "match_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    candidates_considered = table.Column<int>(type: "integer", nullable: false),
                    match_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_runs_needs_need_id",
                        column: x => x.need_id,
                        principalTable: "needs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "matches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    distance_km = table.Column<double>(type: "double precision", nullable: false),
                    reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    component_capability = table.Column<double>(type: "double precision", nullable: false),
                    component_capacity = table.Column<double>(type: "double precision", nullable: false),
                    component_local_content = table.Column<double>(type: "double precision", nullable: false),
                    component_proximity = table.Column<double>(type: "double precision", nullable: false),
                    component_track_record = table.Column<double>(type: "double precision", nullable: false),
                    members = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matches", x => x.id);
                    table.ForeignKey(
                        name: "fk_matches_match_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "match_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_matches_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_tkdn_percent",
                table: "suppliers",
                column: "tkdn_percent");

            migrationBuilder.CreateIndex(
                name: "ix_match_runs_need_id_created_at",
                table: "match_runs",
                columns: new[] { "need_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_matches_need_id",
                table: "matches",
                column: "need_id");

            migrationBuilder.CreateIndex(
                name: "ix_matches_run_id_rank",
                table: "matches",
                columns: new[] { "run_id", "rank" });

            migrationBuilder.CreateIndex(
                name: "ix_matches_supplier_id",
                table: "matches",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_needs_buyer_id_status",
                table: "needs",
                columns: new[] { "buyer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_needs_capability_codes",
                table: "needs",
                column: "capability_codes")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_needs_status_delivery_province_code",
                table: "needs",
                columns: new[] { "status", "delivery_province_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "matches");

            migrationBuilder.DropTable(
                name: "match_runs");

            migrationBuilder.DropTable(
                name: "needs");

            migrationBuilder.DropIndex(
                name: "ix_suppliers_tkdn_percent",
                table: "suppliers");
        }
    }
}
