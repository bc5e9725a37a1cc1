using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// A version per registry, bumped once per statement that writes suppliers or their capabilities or
    /// certificates, so list counts can be cached exactly until the next write. Not part of the EF model.
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261123210000_RegistryVersions")]
    public partial class RegistryVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE registry_versions (name text PRIMARY KEY, version bigint NOT NULL);
                INSERT INTO registry_versions VALUES ('suppliers', 0);
                CREATE FUNCTION bump_supplier_registry_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE registry_versions SET version = version + 1 WHERE name = 'suppliers';
                    RETURN NULL;
                END $$;
                CREATE TRIGGER suppliers_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON suppliers
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_supplier_registry_version();
                CREATE TRIGGER supplier_capabilities_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supplier_capabilities
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_supplier_registry_version();
                CREATE TRIGGER supplier_certifications_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supplier_certifications
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_supplier_registry_version();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER suppliers_changed ON suppliers;
                DROP TRIGGER supplier_capabilities_changed ON supplier_capabilities;
                DROP TRIGGER supplier_certifications_changed ON supplier_certifications;
                DROP FUNCTION bump_supplier_registry_version();
                DROP TABLE registry_versions;
                """);
        }
    }
}
