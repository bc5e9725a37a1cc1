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
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION array_greatest(double precision[]) RETURNS double precision
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN (SELECT max(v) FROM unnest($1) AS v);
                CREATE AGGREGATE array_collect(anycompatible) (
                    sfunc = array_append, stype = anycompatiblearray, combinefunc = array_cat, parallel = safe);
                ALTER TABLE supplier_match_profiles
                    ADD COLUMN track_record double precision GENERATED ALWAYS AS (
                        (1.5::float8 + ((CASE WHEN completed_count = 0 THEN 0::float8 ELSE least(greatest((average_rating - 1::float8) / 4::float8, 0::float8), 1::float8) END) * completed_count))
                        / (3::float8 + completed_count)) STORED,
                    ADD COLUMN local_content double precision GENERATED ALWAYS AS (
                        least(greatest(coalesce(tkdn, 0::float8) / 100::float8, 0::float8), 1::float8)) STORED,
                    ADD COLUMN capacity_max double precision GENERATED ALWAYS AS (coalesce(array_greatest(capacity), 0::float8)) STORED,
                    ADD COLUMN ux double precision GENERATED ALWAYS AS (cos(radians(latitude)) * cos(radians(longitude))) STORED,
                    ADD COLUMN uy double precision GENERATED ALWAYS AS (cos(radians(latitude)) * sin(radians(longitude))) STORED,
                    ADD COLUMN uz double precision GENERATED ALWAYS AS (sin(radians(latitude))) STORED;
                ANALYZE supplier_match_profiles;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE supplier_match_profiles DROP COLUMN track_record, DROP COLUMN local_content, DROP COLUMN capacity_max,
                    DROP COLUMN ux, DROP COLUMN uy, DROP COLUMN uz;
                DROP AGGREGATE array_collect(anycompatible);
                DROP FUNCTION array_greatest(double precision[]);
                """);
        }
    }
}
