using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The bits of <c>covered</c> as an array with a GIN index (docs/decisions/0014): a need for a code below its family
    /// finds the suppliers covering it through the index instead of testing every profile. The refresh and the
    /// import's COPY (NewSupplierProfiles) write it beside <c>covered</c>; nothing computes it per row in SQL, so an
    /// import pays only the index. The index on track record and local content finds the few suppliers lacking the
    /// code whose score could still place them among a need's best near misses.
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261202020000_ProfileCoveredBits")]
    public partial class ProfileCoveredBits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE supplier_match_profiles ADD COLUMN covered_bits integer[] NOT NULL DEFAULT '{}';
                UPDATE supplier_match_profiles
                    SET covered_bits = ARRAY(SELECT b FROM generate_series(0, 63) AS b WHERE covered & (1::bigint << b) <> 0 ORDER BY b)
                    WHERE covered <> 0;
                ALTER TABLE supplier_match_profiles ALTER COLUMN covered_bits DROP DEFAULT;
                CREATE INDEX ix_supplier_match_profiles_covered_bits ON supplier_match_profiles USING gin (covered_bits);
                CREATE INDEX ix_supplier_match_profiles_track_record ON supplier_match_profiles (track_record, local_content);
                CREATE OR REPLACE FUNCTION refresh_supplier_match_profiles(ids uuid[]) RETURNS void LANGUAGE sql AS $$
                    WITH changed AS (SELECT DISTINCT id FROM unnest(ids) AS u (id)),
                    per_bit AS (
                        SELECT sc.supplier_id, k.bit, bool_or(k.exact) AS exact, sum(coalesce(sc.monthly_capacity, 0))::double precision AS capacity
                        FROM changed JOIN supplier_capabilities sc ON sc.supplier_id = changed.id JOIN capability_coverage k ON k.code = sc.code
                        GROUP BY sc.supplier_id, k.bit),
                    capabilities AS (
                        SELECT supplier_id, bit_or(1::bigint << bit) AS covered, coalesce(bit_or(1::bigint << bit) FILTER (WHERE exact), 0) AS exact,
                               array_agg(capacity ORDER BY bit) AS capacity, max(capacity) AS capacity_max,
                               array_agg(bit ORDER BY bit) AS covered_bits
                        FROM per_bit GROUP BY supplier_id),
                    certificates AS (
                        SELECT c.supplier_id,
                               range_agg(daterange(c.issued_on, c.valid_until, '[]')) FILTER (WHERE c.scheme = 'Sni') AS sni,
                               range_agg(daterange(c.issued_on, c.valid_until, '[]')) FILTER (WHERE c.scheme = 'Iso9001') AS iso9001,
                               range_agg(daterange(c.issued_on, c.valid_until, '[]')) FILTER (WHERE c.scheme = 'Iso14001') AS iso14001,
                               range_agg(daterange(c.issued_on, c.valid_until, '[]')) FILTER (WHERE c.scheme = 'Iso45001') AS iso45001,
                               range_agg(daterange(c.issued_on, c.valid_until, '[]')) FILTER (WHERE c.scheme = 'Halal') AS halal,
                               range_agg(daterange(c.issued_on, c.valid_until, '[]')) FILTER (WHERE c.scheme = 'Tkdn') AS tkdn,
                               range_agg(daterange(c.issued_on, c.valid_until, '[]')) FILTER (WHERE c.scheme = 'Spln') AS spln,
                               range_agg(daterange(c.issued_on, c.valid_until, '[]')) FILTER (WHERE c.scheme = 'Other') AS other
                        FROM changed JOIN supplier_certifications c ON c.supplier_id = changed.id
                        WHERE c.issued_on IS NULL OR c.issued_on <= c.valid_until
                        GROUP BY c.supplier_id),
                    records AS (
                        SELECT m.supplier_id, count(*)::integer AS completed, avg((p.quality_rating + p.on_time_rating) / 2.0::double precision) AS rating
                        FROM changed JOIN partnership_members m ON m.supplier_id = changed.id JOIN partnerships p ON p.id = m.partnership_id
                        WHERE p.status = 'Completed'
                        GROUP BY m.supplier_id)
                    INSERT INTO supplier_match_profiles AS profile (
                        supplier_id, active, umk, latitude, longitude, tkdn, covered, exact, capacity,
                        certified_sni, certified_iso9001, certified_iso14001, certified_iso45001,
                        certified_halal, certified_tkdn, certified_spln, certified_other, completed_count, average_rating, capacity_max, covered_bits)
                    SELECT s.id, s.active, s.scale IN ('Micro', 'Small'), s.latitude, s.longitude, s.tkdn_percent::double precision,
                           coalesce(cap.covered, 0), coalesce(cap.exact, 0), coalesce(cap.capacity, '{}'),
                           z.sni, z.iso9001, z.iso14001, z.iso45001, z.halal, z.tkdn, z.spln, z.other,
                           coalesce(r.completed, 0), coalesce(r.rating, 0), coalesce(cap.capacity_max, 0), coalesce(cap.covered_bits, '{}')
                    FROM changed JOIN suppliers s ON s.id = changed.id
                    LEFT JOIN capabilities cap ON cap.supplier_id = s.id
                    LEFT JOIN certificates z ON z.supplier_id = s.id
                    LEFT JOIN records r ON r.supplier_id = s.id
                    ON CONFLICT (supplier_id) DO UPDATE SET
                        active = EXCLUDED.active, umk = EXCLUDED.umk, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                        tkdn = EXCLUDED.tkdn, covered = EXCLUDED.covered, exact = EXCLUDED.exact, capacity = EXCLUDED.capacity,
                        certified_sni = EXCLUDED.certified_sni, certified_iso9001 = EXCLUDED.certified_iso9001,
                        certified_iso14001 = EXCLUDED.certified_iso14001, certified_iso45001 = EXCLUDED.certified_iso45001,
                        certified_halal = EXCLUDED.certified_halal, certified_tkdn = EXCLUDED.certified_tkdn,
                        certified_spln = EXCLUDED.certified_spln, certified_other = EXCLUDED.certified_other,
                        completed_count = EXCLUDED.completed_count, average_rating = EXCLUDED.average_rating, capacity_max = EXCLUDED.capacity_max,
                        covered_bits = EXCLUDED.covered_bits;
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_supplier_match_profiles_track_record;
                ALTER TABLE supplier_match_profiles DROP COLUMN covered_bits;
                """ + ProfileCapacityMax.RefreshProfiles);
        }
    }
}
