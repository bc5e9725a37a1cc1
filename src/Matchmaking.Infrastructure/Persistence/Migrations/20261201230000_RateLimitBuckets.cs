using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// One token bucket per API key (or client address), shared by every API instance. UNLOGGED: it is
    /// rewritten on most requests, needs no WAL or replication, and after a crash it starts empty, which
    /// means full buckets (docs/decisions/0009). Not part of the EF model.
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261201230000_RateLimitBuckets")]
    public partial class RateLimitBuckets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE UNLOGGED TABLE rate_limit_buckets (
                    partition text PRIMARY KEY,
                    tokens float8 NOT NULL,
                    granted int NOT NULL,
                    refilled_at timestamptz NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE rate_limit_buckets;");
        }
    }
}
