using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MatchesWithoutSupplierKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_matches_suppliers_supplier_id",
                table: "matches");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_matches_suppliers_supplier_id",
                table: "matches",
                column: "supplier_id",
                principalTable: "suppliers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
