using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FairExposure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "exposure_tolerance",
                table: "needs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ranking",
                table: "needs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Balanced");

            migrationBuilder.AddColumn<double>(
                name: "exposure",
                table: "matches",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "families",
                table: "match_runs",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<double>(
                name: "mean_top10_score",
                table: "match_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ranking",
                table: "match_runs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Strict");

            migrationBuilder.AddColumn<double>(
                name: "strict_mean_top10_score",
                table: "match_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "tolerance",
                table: "match_runs",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "exposure_tolerance",
                table: "needs");

            migrationBuilder.DropColumn(
                name: "ranking",
                table: "needs");

            migrationBuilder.DropColumn(
                name: "exposure",
                table: "matches");

            migrationBuilder.DropColumn(
                name: "families",
                table: "match_runs");

            migrationBuilder.DropColumn(
                name: "mean_top10_score",
                table: "match_runs");

            migrationBuilder.DropColumn(
                name: "ranking",
                table: "match_runs");

            migrationBuilder.DropColumn(
                name: "strict_mean_top10_score",
                table: "match_runs");

            migrationBuilder.DropColumn(
                name: "tolerance",
                table: "match_runs");
        }
    }
}
