using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// One row per supplier holding what ranking needs, in a shape a single scan can score: taxonomy codes as
    /// 64-bit masks (each code sets its own bit and its ancestors'), monthly capacity per covered code,
    /// certificate validity per scheme as date multiranges, and the completed-partnership track record.
    /// Statement triggers keep it in the writing transaction; the bulk import defers them and refreshes once
    /// per batch. Not part of the EF model (see docs/decisions/0005). A migration that adds taxonomy codes
    /// must add their rows to capability_coverage and refresh every profile.
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261124000000_MatchProfiles")]
    public partial class MatchProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE capability_coverage (
                    code varchar(100) NOT NULL REFERENCES capabilities (code) ON DELETE CASCADE,
                    bit smallint NOT NULL CHECK (bit BETWEEN 0 AND 63),
                    exact boolean NOT NULL,
                    PRIMARY KEY (code, bit));
                WITH RECURSIVE numbered AS (
                    SELECT code, (row_number() OVER (ORDER BY code COLLATE "C") - 1)::smallint AS bit FROM capabilities),
                chain AS (
                    SELECT code, code AS ancestor FROM capabilities
                    UNION ALL
                    SELECT chain.code, c.parent_code FROM chain JOIN capabilities c ON c.code = chain.ancestor WHERE c.parent_code IS NOT NULL)
                INSERT INTO capability_coverage (code, bit, exact)
                SELECT chain.code, numbered.bit, chain.code = chain.ancestor FROM chain JOIN numbered ON numbered.code = chain.ancestor;

                CREATE TABLE supplier_match_profiles (
                    supplier_id uuid PRIMARY KEY REFERENCES suppliers (id) ON DELETE CASCADE,
                    active boolean NOT NULL,
                    umk boolean NOT NULL,
                    latitude double precision NOT NULL,
                    longitude double precision NOT NULL,
                    tkdn double precision,
                    covered bigint NOT NULL,
                    exact bigint NOT NULL,
                    capacity double precision[] NOT NULL,
                    certified_sni datemultirange,
                    certified_iso9001 datemultirange,
                    certified_iso14001 datemultirange,
                    certified_iso45001 datemultirange,
                    certified_halal datemultirange,
                    certified_tkdn datemultirange,
                    certified_spln datemultirange,
                    certified_other datemultirange,
                    completed_count integer NOT NULL,
                    average_rating double precision NOT NULL);
                COMMENT ON COLUMN supplier_match_profiles.capacity IS 'Monthly capacity summed per covered code, one element per set bit of covered, in bit order';

                CREATE FUNCTION refresh_supplier_match_profiles(ids uuid[]) RETURNS void LANGUAGE sql AS $$
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
                    INSERT INTO supplier_match_profiles AS profile
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

                -- The bulk import sets matchmaking.defer_match_profiles for its transaction and refreshes once per batch.
                CREATE FUNCTION follow_supplier_match_profiles() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('matchmaking.defer_match_profiles', true) = 'on' THEN
                        RETURN NULL;
                    END IF;
                    IF TG_TABLE_NAME = 'suppliers' THEN
                        PERFORM refresh_supplier_match_profiles(ARRAY(SELECT id FROM changed));
                    ELSIF TG_TABLE_NAME = 'partnerships' THEN
                        PERFORM refresh_supplier_match_profiles(ARRAY(
                            SELECT m.supplier_id FROM changed JOIN partnership_members m ON m.partnership_id = changed.id));
                    ELSE
                        PERFORM refresh_supplier_match_profiles(ARRAY(SELECT supplier_id FROM changed));
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER suppliers_inserted_profile AFTER INSERT ON suppliers
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_supplier_match_profiles();
                CREATE TRIGGER suppliers_updated_profile AFTER UPDATE ON suppliers
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_supplier_match_profiles();
                CREATE TRIGGER supplier_capabilities_inserted_profile AFTER INSERT ON supplier_capabilities
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_supplier_match_profiles();
                CREATE TRIGGER supplier_capabilities_updated_profile AFTER UPDATE ON supplier_capabilities
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_supplier_match_profiles();
                CREATE TRIGGER supplier_capabilities_deleted_profile AFTER DELETE ON supplier_capabilities
                    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_supplier_match_profiles();
                CREATE TRIGGER supplier_certifications_inserted_profile AFTER INSERT ON supplier_certifications
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_supplier_match_profiles();
                CREATE TRIGGER supplier_certifications_updated_profile AFTER UPDATE ON supplier_certifications
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_supplier_match_profiles();
                CREATE TRIGGER supplier_certifications_deleted_profile AFTER DELETE ON supplier_certifications
                    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_supplier_match_profiles();
                CREATE TRIGGER partnerships_updated_profile AFTER UPDATE ON partnerships
                    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_supplier_match_profiles();

                SELECT refresh_supplier_match_profiles(ARRAY(SELECT id FROM suppliers));
                ANALYZE supplier_match_profiles;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER suppliers_inserted_profile ON suppliers;
                DROP TRIGGER suppliers_updated_profile ON suppliers;
                DROP TRIGGER supplier_capabilities_inserted_profile ON supplier_capabilities;
                DROP TRIGGER supplier_capabilities_updated_profile ON supplier_capabilities;
                DROP TRIGGER supplier_capabilities_deleted_profile ON supplier_capabilities;
                DROP TRIGGER supplier_certifications_inserted_profile ON supplier_certifications;
                DROP TRIGGER supplier_certifications_updated_profile ON supplier_certifications;
                DROP TRIGGER supplier_certifications_deleted_profile ON supplier_certifications;
                DROP TRIGGER partnerships_updated_profile ON partnerships;
                DROP FUNCTION follow_supplier_match_profiles();
                DROP FUNCTION refresh_supplier_match_profiles(uuid[]);
                DROP TABLE supplier_match_profiles;
                DROP TABLE capability_coverage;
                """);
        }
    }
}
