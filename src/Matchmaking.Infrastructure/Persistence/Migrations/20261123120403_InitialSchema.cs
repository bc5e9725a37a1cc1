using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    prefix = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_id = table.Column<Guid>(type: "uuid", nullable: true),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    entity = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "buyers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sector = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    province_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_buyers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "capabilities",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    name_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kbli_codes = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_capabilities", x => x.code);
                    table.ForeignKey(
                        name: "fk_capabilities_capabilities_parent_code",
                        column: x => x.parent_code,
                        principalTable: "capabilities",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "facilities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    @operator = table.Column<string>(name: "operator", type: "character varying(200)", maxLength: 200, nullable: false),
                    province_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    capability_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    certification_schemes = table.Column<string[]>(type: "text[]", nullable: false),
                    monthly_capacity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provinces",
                columns: table => new
                {
                    code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    capital = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provinces", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "suppliers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nib = table.Column<string>(type: "character(13)", fixedLength: true, maxLength: 13, nullable: false),
                    legal_form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    business_capital_idr = table.Column<long>(type: "bigint", nullable: true),
                    annual_revenue_idr = table.Column<long>(type: "bigint", nullable: true),
                    scale = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    scale_basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    province_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    regency_code = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: true),
                    kbli_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    kbli_version = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    tkdn_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    employees = table.Column<int>(type: "integer", nullable: true),
                    export_experience = table.Column<bool>(type: "boolean", nullable: false),
                    cooperative = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suppliers", x => x.id);
                });

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
                name: "supplier_capabilities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    monthly_capacity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supplier_capabilities", x => x.id);
                    table.ForeignKey(
                        name: "fk_supplier_capabilities_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supplier_certifications",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    scheme = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supplier_certifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_supplier_certifications_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                    version = table.Column<int>(type: "integer", nullable: false),
                    component_capability = table.Column<double>(type: "double precision", nullable: false),
                    component_capacity = table.Column<double>(type: "double precision", nullable: false),
                    component_local_content = table.Column<double>(type: "double precision", nullable: false),
                    component_proximity = table.Column<double>(type: "double precision", nullable: false),
                    component_track_record = table.Column<double>(type: "double precision", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "match_members",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    share = table.Column<double>(type: "double precision", nullable: false),
                    response = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    match_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_members_matches_match_id",
                        column: x => x.match_id,
                        principalTable: "matches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "match_transitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    match_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    key_id = table.Column<Guid>(type: "uuid", nullable: true),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_transitions_matches_match_id",
                        column: x => x.match_id,
                        principalTable: "matches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partnerships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    match_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreed_value_idr = table.Column<long>(type: "bigint", nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    quality_rating = table.Column<int>(type: "integer", nullable: true),
                    on_time_rating = table.Column<int>(type: "integer", nullable: true),
                    invoiced_on = table.Column<DateOnly>(type: "date", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnerships", x => x.id);
                    table.ForeignKey(
                        name: "fk_partnerships_buyers_buyer_id",
                        column: x => x.buyer_id,
                        principalTable: "buyers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_partnerships_matches_match_id",
                        column: x => x.match_id,
                        principalTable: "matches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_partnerships_needs_need_id",
                        column: x => x.need_id,
                        principalTable: "needs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partnership_members",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    share = table.Column<double>(type: "double precision", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnership_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_partnership_members_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "capabilities",
                columns: new[] { "code", "kbli_codes", "name_en", "name_id", "parent_code" },
                values: new object[,]
                {
                    { "automotive", new string[0], "Automotive components", "Komponen otomotif", null },
                    { "electrical", new string[0], "Electrical equipment", "Peralatan listrik", null },
                    { "machinery", new string[0], "Machinery and spare parts", "Mesin dan suku cadang", null },
                    { "metal", new string[0], "Metal and metal goods", "Logam dan barang logam", null },
                    { "rubber-plastics", new string[0], "Rubber and plastics", "Karet dan plastik", null },
                    { "services", new string[0], "Support services", "Jasa pendukung", null }
                });

            migrationBuilder.InsertData(
                table: "provinces",
                columns: new[] { "code", "capital", "latitude", "longitude", "name" },
                values: new object[,]
                {
                    { "11", "Banda Aceh", 5.5483000000000002, 95.323800000000006, "Aceh" },
                    { "12", "Medan", 3.5952000000000002, 98.672200000000004, "Sumatera Utara" },
                    { "13", "Padang", -0.94710000000000005, 100.41719999999999, "Sumatera Barat" },
                    { "14", "Pekanbaru", 0.5071, 101.4478, "Riau" },
                    { "15", "Jambi", -1.6101000000000001, 103.6131, "Jambi" },
                    { "16", "Palembang", -2.9761000000000002, 104.7754, "Sumatera Selatan" },
                    { "17", "Bengkulu", -3.7928000000000002, 102.2608, "Bengkulu" },
                    { "18", "Bandar Lampung", -5.3971, 105.2668, "Lampung" },
                    { "19", "Pangkalpinang", -2.1316000000000002, 106.1169, "Kepulauan Bangka Belitung" },
                    { "21", "Tanjungpinang", 0.91859999999999997, 104.4665, "Kepulauan Riau" },
                    { "31", "Jakarta", -6.1753999999999998, 106.8272, "DKI Jakarta" },
                    { "32", "Bandung", -6.9175000000000004, 107.6191, "Jawa Barat" },
                    { "33", "Semarang", -6.9931999999999999, 110.4203, "Jawa Tengah" },
                    { "34", "Yogyakarta", -7.7956000000000003, 110.3695, "DI Yogyakarta" },
                    { "35", "Surabaya", -7.2575000000000003, 112.7521, "Jawa Timur" },
                    { "36", "Serang", -6.1200000000000001, 106.1503, "Banten" },
                    { "51", "Denpasar", -8.6705000000000005, 115.21259999999999, "Bali" },
                    { "52", "Mataram", -8.5832999999999995, 116.11669999999999, "Nusa Tenggara Barat" },
                    { "53", "Kupang", -10.177199999999999, 123.607, "Nusa Tenggara Timur" },
                    { "61", "Pontianak", -0.0263, 109.3425, "Kalimantan Barat" },
                    { "62", "Palangka Raya", -2.2161, 113.9135, "Kalimantan Tengah" },
                    { "63", "Banjarbaru", -3.4420000000000002, 114.845, "Kalimantan Selatan" },
                    { "64", "Samarinda", -0.50219999999999998, 117.1536, "Kalimantan Timur" },
                    { "65", "Tanjung Selor", 2.8374999999999999, 117.3653, "Kalimantan Utara" },
                    { "71", "Manado", 1.4748000000000001, 124.8421, "Sulawesi Utara" },
                    { "72", "Palu", -0.89170000000000005, 119.8707, "Sulawesi Tengah" },
                    { "73", "Makassar", -5.1477000000000004, 119.4327, "Sulawesi Selatan" },
                    { "74", "Kendari", -3.9984999999999999, 122.5129, "Sulawesi Tenggara" },
                    { "75", "Gorontalo", 0.54349999999999998, 123.0568, "Gorontalo" },
                    { "76", "Mamuju", -2.6747000000000001, 118.8888, "Sulawesi Barat" },
                    { "81", "Ambon", -3.6953999999999998, 128.1814, "Maluku" },
                    { "82", "Sofifi", 0.73729999999999996, 127.55880000000001, "Maluku Utara" },
                    { "91", "Manokwari", -0.86150000000000004, 134.06200000000001, "Papua Barat" },
                    { "92", "Sorong", -0.87619999999999998, 131.25579999999999, "Papua Barat Daya" },
                    { "94", "Jayapura", -2.5337000000000001, 140.71809999999999, "Papua" },
                    { "95", "Merauke", -8.4931999999999999, 140.40180000000001, "Papua Selatan" },
                    { "96", "Nabire", -3.3666999999999998, 135.48330000000001, "Papua Tengah" },
                    { "97", "Wamena", -4.0965999999999996, 138.95140000000001, "Papua Pegunungan" }
                });

            migrationBuilder.InsertData(
                table: "capabilities",
                columns: new[] { "code", "kbli_codes", "name_en", "name_id", "parent_code" },
                values: new object[,]
                {
                    { "automotive.exhaust", new[] { "29300" }, "Exhaust systems", "Knalpot", "automotive" },
                    { "automotive.parts", new[] { "29300" }, "Vehicle parts", "Suku cadang kendaraan", "automotive" },
                    { "electrical.cable-accessories", new[] { "27330" }, "Cable accessories and connectors", "Aksesori kabel", "electrical" },
                    { "electrical.enclosures", new[] { "27120" }, "Meter boxes and enclosures", "Kotak APP dan panel", "electrical" },
                    { "electrical.grounding", new[] { "27900" }, "Grounding and earthing parts", "Sistem pentanahan", "electrical" },
                    { "electrical.lighting", new[] { "27400" }, "Lighting equipment", "Lampu dan penerangan", "electrical" },
                    { "electrical.line-hardware", new[] { "25999" }, "Line hardware (clamps, cross-arms)", "Perlengkapan jaringan (klem, travers)", "electrical" },
                    { "electrical.switchgear", new[] { "27120" }, "Switchgear and distribution panels", "Panel dan switchgear", "electrical" },
                    { "machinery.gears-bearings", new[] { "28140" }, "Gears and bearings", "Roda gigi dan bantalan", "machinery" },
                    { "machinery.repair", new[] { "33121" }, "Machine repair and installation", "Reparasi dan instalasi mesin", "machinery" },
                    { "machinery.spare-parts", new[] { "28113" }, "Power-plant and machine spare parts", "Suku cadang mesin pembangkit", "machinery" },
                    { "metal.casting", new string[0], "Metal casting", "Pengecoran logam", "metal" },
                    { "metal.fabrication", new[] { "25119" }, "Metal fabrication", "Fabrikasi logam", "metal" },
                    { "metal.fasteners", new[] { "25950" }, "Bolts, nuts and fasteners", "Baut, mur dan paku", "metal" },
                    { "metal.forming", new[] { "25910" }, "Metal forming", "Pembentukan logam", "metal" },
                    { "metal.machining", new[] { "25920" }, "Machining", "Permesinan", "metal" },
                    { "metal.surface", new[] { "25920" }, "Surface treatment", "Perlakuan permukaan", "metal" },
                    { "metal.tools", new[] { "25930" }, "Hand tools and cutting tools", "Perkakas tangan dan alat potong", "metal" },
                    { "rubber-plastics.molded", new[] { "22299" }, "Molded plastic and rubber parts", "Barang cetakan plastik dan karet", "rubber-plastics" },
                    { "services.maintenance", new[] { "81100" }, "Facility maintenance", "Pemeliharaan fasilitas", "services" },
                    { "services.packing", new[] { "52291" }, "Packing and shipping", "Pengemasan dan pengiriman", "services" },
                    { "metal.casting.iron", new[] { "24310" }, "Iron and steel casting", "Pengecoran besi dan baja", "metal.casting" },
                    { "metal.casting.nonferrous", new[] { "24320" }, "Non-ferrous casting (brass, aluminium)", "Pengecoran logam bukan besi (kuningan, aluminium)", "metal.casting" },
                    { "metal.fabrication.sheet", new[] { "25999" }, "Sheet metal and enclosures", "Pelat dan kotak logam", "metal.fabrication" },
                    { "metal.fabrication.structural", new[] { "25111" }, "Structural steel fabrication", "Konstruksi baja", "metal.fabrication" },
                    { "metal.fabrication.welding", new[] { "25920" }, "Welding", "Pengelasan", "metal.fabrication" },
                    { "metal.forming.forging", new[] { "25910" }, "Forging", "Penempaan", "metal.forming" },
                    { "metal.forming.stamping", new[] { "25910" }, "Pressing and stamping", "Pengepresan dan stamping", "metal.forming" },
                    { "metal.machining.cnc", new[] { "25920" }, "CNC turning and milling", "Permesinan CNC (bubut, frais)", "metal.machining" },
                    { "metal.machining.conventional", new[] { "25920" }, "Conventional machining", "Permesinan konvensional", "metal.machining" },
                    { "metal.surface.galvanizing", new[] { "25920" }, "Hot-dip galvanizing", "Galvanis celup panas", "metal.surface" },
                    { "metal.surface.painting", new[] { "25920" }, "Industrial painting and powder coating", "Pengecatan industri", "metal.surface" },
                    { "metal.surface.plating", new[] { "25920" }, "Electroplating", "Pelapisan elektro", "metal.surface" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_prefix",
                table: "api_keys",
                column: "prefix");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_entity_id_at",
                table: "audit_entries",
                columns: new[] { "entity", "entity_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_buyers_name",
                table: "buyers",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_buyers_province_code",
                table: "buyers",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_buyers_type_province_code",
                table: "buyers",
                columns: new[] { "type", "province_code" });

            migrationBuilder.CreateIndex(
                name: "ix_capabilities_parent_code",
                table: "capabilities",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_facilities_capability_codes",
                table: "facilities",
                column: "capability_codes")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_facilities_province_code",
                table: "facilities",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_match_members_match_id",
                table: "match_members",
                column: "match_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_members_supplier_id",
                table: "match_members",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_runs_need_id_created_at",
                table: "match_runs",
                columns: new[] { "need_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_match_transitions_match_id_at",
                table: "match_transitions",
                columns: new[] { "match_id", "at" });

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
                name: "ix_near_misses_gap_kind_gap_subject",
                table: "near_misses",
                columns: new[] { "gap_kind", "gap_subject" });

            migrationBuilder.CreateIndex(
                name: "ix_near_misses_run_id",
                table: "near_misses",
                column: "run_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_partnership_members_partnership_id",
                table: "partnership_members",
                column: "partnership_id");

            migrationBuilder.CreateIndex(
                name: "ix_partnership_members_supplier_id",
                table: "partnership_members",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_buyer_id_status",
                table: "partnerships",
                columns: new[] { "buyer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_match_id",
                table: "partnerships",
                column: "match_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_need_id",
                table: "partnerships",
                column: "need_id");

            migrationBuilder.CreateIndex(
                name: "ix_supplier_capabilities_code",
                table: "supplier_capabilities",
                column: "code")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_supplier_capabilities_supplier_id",
                table: "supplier_capabilities",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_supplier_certifications_scheme_valid_until",
                table: "supplier_certifications",
                columns: new[] { "scheme", "valid_until" });

            migrationBuilder.CreateIndex(
                name: "ix_supplier_certifications_supplier_id",
                table: "supplier_certifications",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_active_name",
                table: "suppliers",
                columns: new[] { "active", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_active_province_code_name_id",
                table: "suppliers",
                columns: new[] { "active", "province_code", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_nib",
                table: "suppliers",
                column: "nib",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_province_code_scale",
                table: "suppliers",
                columns: new[] { "province_code", "scale" });

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_scale",
                table: "suppliers",
                column: "scale");

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_tkdn_percent",
                table: "suppliers",
                column: "tkdn_percent");

            // One trigram index over name and description serves q (see ListSuppliers); EF cannot model an expression index.
            migrationBuilder.Sql(
                "CREATE INDEX ix_suppliers_search_trgm ON suppliers USING gin ((name || ' ' || COALESCE(description, '')) gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_suppliers_search_trgm;");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "capabilities");

            migrationBuilder.DropTable(
                name: "facilities");

            migrationBuilder.DropTable(
                name: "match_members");

            migrationBuilder.DropTable(
                name: "match_transitions");

            migrationBuilder.DropTable(
                name: "near_misses");

            migrationBuilder.DropTable(
                name: "partnership_members");

            migrationBuilder.DropTable(
                name: "provinces");

            migrationBuilder.DropTable(
                name: "supplier_capabilities");

            migrationBuilder.DropTable(
                name: "supplier_certifications");

            migrationBuilder.DropTable(
                name: "partnerships");

            migrationBuilder.DropTable(
                name: "matches");

            migrationBuilder.DropTable(
                name: "match_runs");

            migrationBuilder.DropTable(
                name: "suppliers");

            migrationBuilder.DropTable(
                name: "needs");

            migrationBuilder.DropTable(
                name: "buyers");
        }
    }
}
