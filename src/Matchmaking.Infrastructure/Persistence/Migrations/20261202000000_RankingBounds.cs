using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// What the ranking needs to skip most candidates without scoring them (docs/decisions/0011): per profile,
    /// the need-independent score components as computed by the ranking's own expressions (track record and
    /// local content, Scoring.TrackRecord and Scoring.LocalContent with their constants), the largest monthly
    /// capacity (a bound on any needed code's), and the location as a unit vector, whose chord is never longer
    /// than the great-circle distance. <c>array_collect</c> is array_agg with a combine function, so parallel
    /// workers can each collect the few rows that pass a bound (PostgreSQL 16 adds that to array_agg itself).
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261202000000_RankingBounds")]
    public partial class RankingBounds : Migration
    {
        /// <summary>The profile refresh of this migration, naming its columns (also restored by ProfileCapacityMax.Down).</summary>
        internal const string RefreshProfiles = """
                CREATE OR REPLACE FUNCTION refresh_supplier_match_profiles(ids uuid[]) RETURNS void LANGUAGE sql AS $$
                    WITH changed AS (SELECT DISTINCT id FROM unnest(ids) AS u (id)),
                    per_bit AS (
                        SELECT sc.supplier_id, k.bit, bool_or(k.exact) AS exact, sum(coalesce(sc.monthly_capacity, 0))::double precision AS capacity
                        FROM changed JOIN supplier_capabilities sc ON sc.supplier_id = changed.id JOIN capability_coverage k ON k.code = sc.code
                        GROUP BY sc.supplier_id, k.bit),
                    capabilities AS (
                        SELECT supplier_id, bit_or(1::bigint << bit) AS covered, coalesce(bit_or(1::bigint << bit) FILTER (WHERE exact), 0) AS exact,
                               array_agg(capacity ORDER BY bit) AS capacity
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
                        certified_halal, certified_tkdn, certified_spln, certified_other, completed_count, average_rating)
                    SELECT s.id, s.active, s.scale IN ('Micro', 'Small'), s.latitude, s.longitude, s.tkdn_percent::double precision,
                           coalesce(cap.covered, 0), coalesce(cap.exact, 0), coalesce(cap.capacity, '{}'),
                           z.sni, z.iso9001, z.iso14001, z.iso45001, z.halal, z.tkdn, z.spln, z.other,
                           coalesce(r.completed, 0), coalesce(r.rating, 0)
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
                        completed_count = EXCLUDED.completed_count, average_rating = EXCLUDED.average_rating;
                $$;
                """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION array_greatest(double precision[]) RETURNS double precision
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN (SELECT max(v) FROM unnest($1) AS v);
                CREATE AGGREGATE array_collect(anycompatible) (
                    sfunc = array_append, stype = anycompatiblearray, combinefunc = array_cat, parallel = safe);

                -- Rebuilt rather than altered, to put every fixed-width column before the first varlena one: PostgreSQL
                -- reads a row's columns up to the last one an expression names, so the scan's tests stay in the front.
                ALTER TABLE supplier_match_profiles RENAME TO supplier_match_profiles_before;
                ALTER TABLE supplier_match_profiles_before RENAME CONSTRAINT supplier_match_profiles_pkey TO supplier_match_profiles_before_pkey;
                ALTER TABLE supplier_match_profiles_before RENAME CONSTRAINT supplier_match_profiles_supplier_id_fkey TO supplier_match_profiles_before_supplier_id_fkey;
                CREATE TABLE supplier_match_profiles (
                    supplier_id uuid PRIMARY KEY REFERENCES suppliers (id) ON DELETE CASCADE,
                    latitude double precision NOT NULL,
                    longitude double precision NOT NULL,
                    ux double precision NOT NULL GENERATED ALWAYS AS (cos(radians(latitude)) * cos(radians(longitude))) STORED,
                    uy double precision NOT NULL GENERATED ALWAYS AS (cos(radians(latitude)) * sin(radians(longitude))) STORED,
                    uz double precision NOT NULL GENERATED ALWAYS AS (sin(radians(latitude))) STORED,
                    covered bigint NOT NULL,
                    exact bigint NOT NULL,
                    capacity_max double precision NOT NULL GENERATED ALWAYS AS (coalesce(array_greatest(capacity), 0::float8)) STORED,
                    average_rating double precision NOT NULL,
                    track_record double precision NOT NULL GENERATED ALWAYS AS (
                        (1.5::float8 + ((CASE WHEN completed_count = 0 THEN 0::float8 ELSE least(greatest((average_rating - 1::float8) / 4::float8, 0::float8), 1::float8) END) * completed_count))
                        / (3::float8 + completed_count)) STORED,
                    local_content double precision NOT NULL GENERATED ALWAYS AS (
                        least(greatest(coalesce(tkdn, 0::float8) / 100::float8, 0::float8), 1::float8)) STORED,
                    completed_count integer NOT NULL,
                    active boolean NOT NULL,
                    umk boolean NOT NULL,
                    tkdn double precision,
                    capacity double precision[] NOT NULL,
                    certified_sni datemultirange,
                    certified_iso9001 datemultirange,
                    certified_iso14001 datemultirange,
                    certified_iso45001 datemultirange,
                    certified_halal datemultirange,
                    certified_tkdn datemultirange,
                    certified_spln datemultirange,
                    certified_other datemultirange);
                COMMENT ON COLUMN supplier_match_profiles.capacity IS 'Monthly capacity summed per covered code, one element per set bit of covered, in bit order';
                INSERT INTO supplier_match_profiles (
                    supplier_id, active, umk, latitude, longitude, tkdn, covered, exact, capacity,
                    certified_sni, certified_iso9001, certified_iso14001, certified_iso45001,
                    certified_halal, certified_tkdn, certified_spln, certified_other, completed_count, average_rating)
                SELECT supplier_id, active, umk, latitude, longitude, tkdn, covered, exact, capacity,
                    certified_sni, certified_iso9001, certified_iso14001, certified_iso45001,
                    certified_halal, certified_tkdn, certified_spln, certified_other, completed_count, average_rating
                FROM supplier_match_profiles_before;
                DROP TABLE supplier_match_profiles_before;

                """ + RefreshProfiles + """

                ANALYZE supplier_match_profiles;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- The columns stay in their new order; refresh_supplier_match_profiles names its columns, so it serves either.
                ALTER TABLE supplier_match_profiles DROP COLUMN track_record, DROP COLUMN local_content, DROP COLUMN capacity_max,
                    DROP COLUMN ux, DROP COLUMN uy, DROP COLUMN uz;
                DROP AGGREGATE array_collect(anycompatible);
                DROP FUNCTION array_greatest(double precision[]);
                """);
        }
    }
}
