using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The top positions (rank ≤ 10, single suppliers) indexed by supplier: fair exposure reads the contenders' past
    /// positions through it, so the read grows with their own history instead of with every run ever stored.
    /// </summary>
    public partial class MatchesExposedPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_matches_exposed_positions",
                table: "matches",
                columns: new[] { "supplier_id", "run_id" },
                filter: "rank <= 10 AND kind = 'Single'")
                .Annotation("Npgsql:IndexInclude", new[] { "rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_matches_exposed_positions",
                table: "matches");
        }
    }
}
