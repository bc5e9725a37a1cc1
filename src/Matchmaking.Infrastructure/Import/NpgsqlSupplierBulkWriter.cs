using Matchmaking.Application.Common;
using Matchmaking.Application.Suppliers.ImportSuppliers;
using Matchmaking.Domain.Suppliers;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Matchmaking.Infrastructure.Import;

/// <summary>
/// One batch, one transaction: COPY (binary) into temporary tables, then a set-based upsert by NIB, the
/// children replaced, and an audit entry per supplier. Anything failing rolls the whole batch back.
/// On update the supplier keeps its id, creation time and active flag (an import can deactivate, not revive).
/// </summary>
public sealed class NpgsqlSupplierBulkWriter(ApplicationDbContext db, ICurrentUser user, Microsoft.Extensions.Logging.ILogger<NpgsqlSupplierBulkWriter> logger) : ISupplierBulkWriter
{
    // Match profiles (migration MatchProfiles) follow every write through statement triggers; a batch defers
    // them and refreshes its suppliers once, after their children are written.
    private const string StagingTables = """
        SET LOCAL matchmaking.defer_match_profiles = on;
        CREATE TEMP TABLE import_suppliers (LIKE suppliers) ON COMMIT DROP;
        CREATE TEMP TABLE import_capabilities (nib char(13), code varchar(100), monthly_capacity numeric(18,2), unit varchar(20), description varchar(4000)) ON COMMIT DROP;
        CREATE TEMP TABLE import_certifications (nib char(13), scheme varchar(20), number varchar(100), issuer varchar(200), issued_on date, valid_until date) ON COMMIT DROP;
        """;

    private const string SupplierColumns =
        "id, name, nib, legal_form, business_capital_idr, annual_revenue_idr, scale, scale_basis, province_code, regency_code, latitude, longitude, " +
        "kbli_codes, kbli_version, tkdn_percent, employees, export_experience, cooperative, description, contact_name, contact_email, contact_phone, " +
        "active, created_at, updated_at, version";

    private const string Upsert = $"""
        WITH upserted AS (
            INSERT INTO suppliers ({SupplierColumns})
            SELECT {SupplierColumns} FROM import_suppliers
            ON CONFLICT (nib) DO UPDATE SET
                name = excluded.name, legal_form = excluded.legal_form, business_capital_idr = excluded.business_capital_idr,
                annual_revenue_idr = excluded.annual_revenue_idr, scale = excluded.scale, scale_basis = excluded.scale_basis,
                province_code = excluded.province_code, regency_code = excluded.regency_code, latitude = excluded.latitude,
                longitude = excluded.longitude, kbli_codes = excluded.kbli_codes, kbli_version = excluded.kbli_version,
                tkdn_percent = excluded.tkdn_percent, employees = excluded.employees, export_experience = excluded.export_experience,
                cooperative = excluded.cooperative, description = excluded.description, contact_name = excluded.contact_name,
                contact_email = excluded.contact_email, contact_phone = excluded.contact_phone,
                active = suppliers.active AND excluded.active, updated_at = excluded.updated_at, version = suppliers.version + 1
            RETURNING id, (xmax = 0) AS inserted),
        audited AS (
            INSERT INTO audit_entries (id, key_id, role, entity, entity_id, action, at)
            SELECT gen_random_uuid(), @key_id, @role, 'supplier', id, CASE WHEN inserted THEN 'created' ELSE 'updated' END, now()
            FROM upserted)
        SELECT (count(*) FILTER (WHERE inserted))::int, (count(*) FILTER (WHERE NOT inserted))::int FROM upserted;
        """;

    private const string DeleteReplacedChildren = """
        DELETE FROM supplier_capabilities c USING suppliers s, import_suppliers i WHERE c.supplier_id = s.id AND s.nib = i.nib;
        DELETE FROM supplier_certifications c USING suppliers s, import_suppliers i WHERE c.supplier_id = s.id AND s.nib = i.nib;
        """;

    private const string InsertChildren = """
        INSERT INTO supplier_capabilities (supplier_id, code, monthly_capacity, unit, description)
            SELECT s.id, c.code, c.monthly_capacity, c.unit, c.description FROM import_capabilities c JOIN suppliers s ON s.nib = c.nib;
        INSERT INTO supplier_certifications (supplier_id, scheme, number, issuer, issued_on, valid_until)
            SELECT s.id, c.scheme, c.number, c.issuer, c.issued_on, c.valid_until FROM import_certifications c JOIN suppliers s ON s.nib = c.nib;
        SELECT refresh_supplier_match_profiles(ARRAY(SELECT s.id FROM import_suppliers i JOIN suppliers s ON s.nib = i.nib));
        """;

    public async Task<(int Inserted, int Updated)> UpsertAsync(IReadOnlyList<Supplier> batch, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, StagingTables, cancellationToken);
        await CopySuppliersAsync(connection, batch, cancellationToken);
        await CopyCapabilitiesAsync(connection, batch, cancellationToken);
        await CopyCertificationsAsync(connection, batch, cancellationToken);
        var copied = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        int inserted, updated;
        await using (var upsert = new NpgsqlCommand(Upsert, connection, transaction))
        {
            upsert.Parameters.Add(new NpgsqlParameter("key_id", NpgsqlDbType.Uuid) { Value = (object?)user.KeyId ?? DBNull.Value });
            upsert.Parameters.Add(new NpgsqlParameter("role", NpgsqlDbType.Varchar) { Value = (object?)user.Role?.ToString().ToLowerInvariant() ?? DBNull.Value });
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (inserted, updated) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        var upserted = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (updated > 0)
        {
            await ExecuteAsync(connection, transaction, DeleteReplacedChildren, cancellationToken);
        }

        await ExecuteAsync(connection, transaction, InsertChildren, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(logger, "Batch of {Rows}: copy {Copy:F0} ms, upsert {Upsert:F0} ms, total {Total:F0} ms",
            batch.Count, copied, upserted - copied, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return (inserted, updated);
    }

    private static async Task CopySuppliersAsync(NpgsqlConnection connection, IReadOnlyList<Supplier> batch, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY import_suppliers ({SupplierColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var s in batch)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(s.Id, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(s.Name, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(s.Nib, NpgsqlDbType.Char, cancellationToken);
            await importer.WriteAsync(s.LegalForm.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, s.BusinessCapitalIdr, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(importer, s.AnnualRevenueIdr, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(s.Scale.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(s.ScaleBasis.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(s.ProvinceCode, NpgsqlDbType.Char, cancellationToken);
            await WriteNullableAsync(importer, s.RegencyCode, NpgsqlDbType.Char, cancellationToken);
            await importer.WriteAsync(s.Location.Latitude, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(s.Location.Longitude, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(s.KbliCodes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(s.KbliVersion, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, s.TkdnPercent, NpgsqlDbType.Numeric, cancellationToken);
            await WriteNullableAsync(importer, s.Employees, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(s.ExportExperience, NpgsqlDbType.Boolean, cancellationToken);
            await WriteNullableAsync(importer, s.Cooperative, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, s.Description, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, s.Contact?.Name, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, s.Contact?.Email, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, s.Contact?.Phone, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(s.Active, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(s.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(s.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(s.Version, NpgsqlDbType.Integer, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyCapabilitiesAsync(NpgsqlConnection connection, IReadOnlyList<Supplier> batch, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY import_capabilities (nib, code, monthly_capacity, unit, description) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var s in batch)
        {
            foreach (var c in s.Capabilities)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(s.Nib, NpgsqlDbType.Char, cancellationToken);
                await importer.WriteAsync(c.Code, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, c.MonthlyCapacity, NpgsqlDbType.Numeric, cancellationToken);
                await WriteNullableAsync(importer, c.Unit, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, c.Description, NpgsqlDbType.Varchar, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyCertificationsAsync(NpgsqlConnection connection, IReadOnlyList<Supplier> batch, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY import_certifications (nib, scheme, number, issuer, issued_on, valid_until) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var s in batch)
        {
            foreach (var c in s.Certifications)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(s.Nib, NpgsqlDbType.Char, cancellationToken);
                await importer.WriteAsync(c.Scheme.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, c.Number, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, c.Issuer, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, c.IssuedOn, NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync(c.ValidUntil, NpgsqlDbType.Date, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, type, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
