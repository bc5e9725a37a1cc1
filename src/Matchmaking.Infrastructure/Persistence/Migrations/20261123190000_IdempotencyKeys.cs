using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Stored answers of POSTs sent with an Idempotency-Key. Not part of the EF model: the store reads and
    /// writes it with SQL on the request's own transaction (see IdempotencyStore).
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261123190000_IdempotencyKeys")]
    public partial class IdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE idempotency_keys (
                    caller text NOT NULL,
                    key varchar(255) NOT NULL,
                    request_hash bytea NOT NULL,
                    status_code int NOT NULL,
                    content_type text,
                    location text,
                    etag text,
                    body bytea NOT NULL,
                    created_at timestamptz NOT NULL,
                    expires_at timestamptz NOT NULL,
                    CONSTRAINT pk_idempotency_keys PRIMARY KEY (caller, key));
                CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE idempotency_keys;");
        }
    }
}
