using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MatchPageVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "status_version",
                table: "match_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Every change a match page shows after the run is stored (a status, a consortium member's answer) bumps
            // the run's version in the same transaction, whatever code made it.
            migrationBuilder.Sql("""
                CREATE FUNCTION bump_match_run_status_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE match_runs SET status_version = status_version + 1 WHERE id = NEW.run_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER matches_status_changed AFTER UPDATE OF status ON matches
                    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
                    EXECUTE FUNCTION bump_match_run_status_version();

                CREATE FUNCTION bump_match_run_version_for_member() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE match_runs SET status_version = status_version + 1
                    WHERE id = (SELECT run_id FROM matches WHERE id = COALESCE(NEW.match_id, OLD.match_id));
                    RETURN NULL;
                END $$;
                CREATE TRIGGER match_members_changed AFTER UPDATE OR DELETE ON match_members
                    FOR EACH ROW EXECUTE FUNCTION bump_match_run_version_for_member();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER match_members_changed ON match_members; DROP FUNCTION bump_match_run_version_for_member();
                DROP TRIGGER matches_status_changed ON matches; DROP FUNCTION bump_match_run_status_version();
                """);

            migrationBuilder.DropColumn(
                name: "status_version",
                table: "match_runs");
        }
    }
}
