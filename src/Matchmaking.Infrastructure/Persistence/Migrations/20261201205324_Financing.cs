using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Financing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "all_financiers",
                table: "events",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid[]>(
                name: "financier_ids",
                table: "events",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.CreateTable(
                name: "financiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_financiers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "financing_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_idr = table.Column<long>(type: "bigint", nullable: false),
                    purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tenor_days = table.Column<int>(type: "integer", nullable: false),
                    financier_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    confirmed_value_idr = table.Column<long>(type: "bigint", nullable: true),
                    expected_payment_date = table.Column<DateOnly>(type: "date", nullable: true),
                    dispute_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    accepted_offer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    disbursed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    repaid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_financing_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_financing_requests_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "financing_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    financier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_idr = table.Column<long>(type: "bigint", nullable: false),
                    annual_rate_percent = table.Column<double>(type: "double precision", nullable: false),
                    fees_idr = table.Column<long>(type: "bigint", nullable: false),
                    tenor_days = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_financing_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_financing_offers_financiers_financier_id",
                        column: x => x.financier_id,
                        principalTable: "financiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_financing_offers_financing_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "financing_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "financing_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    key_id = table.Column<Guid>(type: "uuid", nullable: true),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_financing_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_financing_steps_financing_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "financing_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_financing_offers_financier_id",
                table: "financing_offers",
                column: "financier_id");

            migrationBuilder.CreateIndex(
                name: "ux_financing_offers_one_accepted",
                table: "financing_offers",
                column: "request_id",
                unique: true,
                filter: "status = 'Accepted'");

            migrationBuilder.CreateIndex(
                name: "ix_financing_requests_buyer_id",
                table: "financing_requests",
                column: "buyer_id");

            migrationBuilder.CreateIndex(
                name: "ix_financing_requests_partnership_id",
                table: "financing_requests",
                column: "partnership_id");

            migrationBuilder.CreateIndex(
                name: "ix_financing_requests_supplier_id",
                table: "financing_requests",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_financing_steps_request_id",
                table: "financing_steps",
                column: "request_id");

            // Financiers see what is addressed to them: the visibility rule gains their case.
            migrationBuilder.Sql("""
                DROP FUNCTION event_visible_to(text, uuid, uuid, uuid[]);
                CREATE FUNCTION event_visible_to(viewer_role text, viewer uuid, buyer_id uuid, supplier_ids uuid[], financier_ids uuid[], all_financiers boolean)
                RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(CASE viewer_role
                        WHEN 'admin' THEN true
                        WHEN 'buyer' THEN buyer_id = viewer
                        WHEN 'supplier' THEN viewer = ANY(supplier_ids)
                        WHEN 'financier' THEN all_financiers OR viewer = ANY(financier_ids)
                        ELSE false END, false)
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION event_visible_to(text, uuid, uuid, uuid[], uuid[], boolean);
                CREATE FUNCTION event_visible_to(viewer_role text, viewer uuid, buyer_id uuid, supplier_ids uuid[]) RETURNS boolean
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(CASE viewer_role WHEN 'admin' THEN true WHEN 'buyer' THEN buyer_id = viewer
                        WHEN 'supplier' THEN viewer = ANY(supplier_ids) ELSE false END, false)
                $$;
                """);

            migrationBuilder.DropTable(
                name: "financing_offers");

            migrationBuilder.DropTable(
                name: "financing_steps");

            migrationBuilder.DropTable(
                name: "financiers");

            migrationBuilder.DropTable(
                name: "financing_requests");

            migrationBuilder.DropColumn(
                name: "all_financiers",
                table: "events");

            migrationBuilder.DropColumn(
                name: "financier_ids",
                table: "events");
        }
    }
}
