using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SupplierSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_suppliers_description_trgm",
                table: "suppliers");

            migrationBuilder.DropIndex(
                name: "ix_suppliers_name_trgm",
                table: "suppliers");

            // One trigram index instead of two halves the index work of every insert (bulk import) and
            // serves q over name and description with the expression the list query uses.
            migrationBuilder.Sql(
                "CREATE INDEX ix_suppliers_search_trgm ON suppliers USING gin ((name || ' ' || COALESCE(description, '')) gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_suppliers_search_trgm;");

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_description_trgm",
                table: "suppliers",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_name_trgm",
                table: "suppliers",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
