using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Suppliers.ImportSuppliers;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;
using Matchmaking.Infrastructure.Matching;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Matchmaking.Infrastructure.Import;

/// <summary>
/// One batch, one transaction. Suppliers whose NIB is new are copied (binary COPY) straight into their
/// tables, children included, since their ids are known here; those already registered are staged and
/// replaced set-based (they keep their id, creation time and active flag: an import can deactivate, not
/// revive). One audit entry per batch lists the suppliers. The new suppliers' match profiles are computed here
/// and copied too; those of the replaced ones are refreshed in SQL once per batch (they may have a track record).
/// Anything failing rolls the whole batch back; a NIB registered meanwhile by someone else makes the batch
/// run again, then as an update. Each batch has its own pooled connection, so batches can be written at once.
/// </summary>
public sealed class NpgsqlSupplierBulkWriter(
    ApplicationDbContext db, ICurrentUser user, ReferenceCatalog catalog, Microsoft.Extensions.Configuration.IConfiguration configuration,
    Microsoft.Extensions.Logging.ILogger<NpgsqlSupplierBulkWriter> logger) : ISupplierBulkWriter
{
    /// <summary>An initial load (trigram index rebuilt once at the end) is for a registry holding at most this many suppliers (Import:InitialLoadMaxExisting).</summary>
    public const int InitialLoadMaxExisting = 10_000;

    public const string SearchIndex = "ix_suppliers_search_trgm";

    public const string CreateSearchIndex =
        $"CREATE INDEX IF NOT EXISTS {SearchIndex} ON suppliers USING gin ((name || ' ' || COALESCE(description, '')) gin_trgm_ops)";

    private const string SupplierColumns =
        "id, name, nib, legal_form, business_capital_idr, annual_revenue_idr, scale, scale_basis, province_code, regency_code, latitude, longitude, " +
        "kbli_codes, kbli_version, tkdn_percent, employees, export_experience, cooperative, description, contact_name, contact_email, contact_phone, " +
        "active, created_at, updated_at, version";

    // Match profiles (migration MatchProfiles) follow every write through statement triggers; a batch defers
    // them and refreshes its suppliers once, after their children are written.
    private const string DeferProfiles = "SET LOCAL matchmaking.defer_match_profiles = on";

    private const string ReplaceExisting = """
        UPDATE suppliers s SET
            name = i.name, legal_form = i.legal_form, business_capital_idr = i.business_capital_idr, annual_revenue_idr = i.annual_revenue_idr,
            scale = i.scale, scale_basis = i.scale_basis, province_code = i.province_code, regency_code = i.regency_code, latitude = i.latitude,
            longitude = i.longitude, kbli_codes = i.kbli_codes, kbli_version = i.kbli_version, tkdn_percent = i.tkdn_percent, employees = i.employees,
            export_experience = i.export_experience, cooperative = i.cooperative, description = i.description, contact_name = i.contact_name,
            contact_email = i.contact_email, contact_phone = i.contact_phone, active = s.active AND i.active, updated_at = i.updated_at,
            version = s.version + 1
        FROM import_suppliers i WHERE s.id = i.id;
        DELETE FROM supplier_capabilities WHERE supplier_id IN (SELECT id FROM import_suppliers);
        DELETE FROM supplier_certifications WHERE supplier_id IN (SELECT id FROM import_suppliers);
        """;

    public async Task<(int Inserted, int Updated)> UpsertAsync(IReadOnlyList<Supplier> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(batch, cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected && attempt == 1)
            {
                // Another writer registered one of these NIBs between the lookup and the copy, or crossed this batch: look again.
            }
        }
    }

    public async Task<IAsyncDisposable> DeferSearchIndexAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var limit = Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue(configuration, "Import:InitialLoadMaxExisting", InitialLoadMaxExisting);
        await using (var count = new NpgsqlCommand("SELECT count(*) > @limit FROM suppliers", connection))
        {
            count.Parameters.AddWithValue("limit", (long)limit);
            if ((bool)(await count.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new ConflictException($"An initial load is for a registry of at most {limit} suppliers; import without initialLoad.", "initialLoad");
            }
        }

        await ExecuteAsync(connection, null, $"DROP INDEX IF EXISTS {SearchIndex}", cancellationToken);
        return new SearchIndexRebuild(connection, logger);
    }

    private async Task<(int Inserted, int Updated)> WriteAsync(IReadOnlyList<Supplier> batch, CancellationToken cancellationToken)
    {
        // A connection of its own (from the pool), so two batches can be written at once.
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);

        using var span = MatchmakingMetrics.Traces.StartActivity("import.batch");
        span?.SetTag("rows", batch.Count);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, DeferProfiles, cancellationToken);
        var existing = await ExistingAsync(connection, transaction, batch, cancellationToken);
        Guid IdOf(Supplier s) => existing.TryGetValue(s.Nib, out var id) ? id : s.Id;
        var fresh = batch.Where(s => !existing.ContainsKey(s.Nib)).ToList();
        var known = batch.Where(s => existing.ContainsKey(s.Nib)).ToList();
        if (known.Count > 0)
        {
            await ExecuteAsync(connection, transaction, "CREATE TEMP TABLE import_suppliers (LIKE suppliers) ON COMMIT DROP", cancellationToken);
            await CopySuppliersAsync(connection, "import_suppliers", known, IdOf, cancellationToken);
            await ExecuteAsync(connection, transaction, ReplaceExisting, cancellationToken);
        }

        await CopySuppliersAsync(connection, "suppliers", fresh, IdOf, cancellationToken);
        await CopyChildrenAsync(connection, batch, IdOf, cancellationToken);

        await NewSupplierProfiles.CopyAsync(connection, fresh, catalog, cancellationToken);
        if (known.Count > 0)
        {
            await AnalyzeWhenStatisticsLagAsync(connection, transaction, batch.Count, cancellationToken);
            await using var refresh = new NpgsqlCommand("SELECT refresh_supplier_match_profiles(@ids)", connection, transaction);
            refresh.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = known.Select(IdOf).ToArray() });
            await refresh.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var audit = new NpgsqlCommand(
            """
            INSERT INTO audit_entries (id, key_id, role, entity, entity_id, action, at, related_ids)
            VALUES (gen_random_uuid(), @key_id, @role, 'supplier', gen_random_uuid(), 'imported', now(), @ids)
            """, connection, transaction))
        {
            audit.Parameters.Add(new NpgsqlParameter("key_id", NpgsqlDbType.Uuid) { Value = (object?)user.KeyId ?? DBNull.Value });
            audit.Parameters.Add(new NpgsqlParameter("role", NpgsqlDbType.Varchar) { Value = (object?)user.Role?.ToString().ToLowerInvariant() ?? DBNull.Value });
            audit.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = batch.Select(IdOf).ToArray() });
            await audit.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (fresh.Count, known.Count);
    }

    private static async Task<Dictionary<string, Guid>> ExistingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Supplier> batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT nib, id FROM suppliers WHERE nib = ANY(@nibs)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("nibs", NpgsqlDbType.Array | NpgsqlDbType.Char) { Value = batch.Select(s => s.Nib).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var existing = new Dictionary<string, Guid>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing[reader.GetString(0)] = reader.GetGuid(1);
        }

        return existing;
    }

    /// <summary>Binary COPY of suppliers and their children into the real tables: the raw floor the benchmark compares the import with.</summary>
    public static async Task CopyNewAsync(NpgsqlConnection connection, IReadOnlyList<Supplier> batch, CancellationToken cancellationToken)
    {
        await CopySuppliersAsync(connection, "suppliers", batch, s => s.Id, cancellationToken);
        await CopyChildrenAsync(connection, batch, s => s.Id, cancellationToken);
    }

    private static async Task CopyChildrenAsync(NpgsqlConnection connection, IReadOnlyList<Supplier> batch, Func<Supplier, Guid> idOf, CancellationToken cancellationToken)
    {
        await CopyCapabilitiesAsync(connection, batch, idOf, cancellationToken);
        await CopyCertificationsAsync(connection, batch, idOf, cancellationToken);
    }

    private static async Task CopySuppliersAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<Supplier> batch, Func<Supplier, Guid> idOf, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({SupplierColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var s in batch)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(idOf(s), NpgsqlDbType.Uuid, cancellationToken);
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

    private static async Task CopyCapabilitiesAsync(NpgsqlConnection connection, IReadOnlyList<Supplier> batch, Func<Supplier, Guid> idOf, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY supplier_capabilities (supplier_id, code, monthly_capacity, unit, description) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var s in batch)
        {
            foreach (var c in s.Capabilities)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(idOf(s), NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(c.Code, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, c.MonthlyCapacity, NpgsqlDbType.Numeric, cancellationToken);
                await WriteNullableAsync(importer, c.Unit, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, c.Description, NpgsqlDbType.Varchar, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyCertificationsAsync(NpgsqlConnection connection, IReadOnlyList<Supplier> batch, Func<Supplier, Guid> idOf, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY supplier_certifications (supplier_id, scheme, number, issuer, issued_on, valid_until) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var s in batch)
        {
            foreach (var c in s.Certifications)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(idOf(s), NpgsqlDbType.Uuid, cancellationToken);
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

    /// <summary>
    /// A registry loaded from empty (or just emptied) has planner statistics of no rows; the profile refresh of a
    /// 5,000-row batch planned on them nests loops over its own aggregates and ran for minutes. When the tables
    /// hold fewer rows by their statistics than this batch adds, they are analysed first: ANALYZE in the batch's
    /// transaction counts its uncommitted rows, and autovacuum keeps the statistics once the registry is large.
    /// </summary>
    private static async Task AnalyzeWhenStatisticsLagAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int rows, CancellationToken cancellationToken)
    {
        await using var estimate = new NpgsqlCommand("SELECT reltuples FROM pg_class WHERE oid = 'supplier_capabilities'::regclass", connection, transaction);
        if (Convert.ToDouble(await estimate.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) < rows)
        {
            await ExecuteAsync(connection, transaction, "ANALYZE suppliers, supplier_capabilities, supplier_certifications, supplier_match_profiles", cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Rebuilds the trigram search index once an initial load has ended, however it ended (the batches are done with the connection by then).</summary>
internal sealed class SearchIndexRebuild(NpgsqlConnection connection, Microsoft.Extensions.Logging.ILogger logger) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = new NpgsqlCommand($"SET maintenance_work_mem = '256MB'; {NpgsqlSupplierBulkWriter.CreateSearchIndex}", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
        Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Search index rebuilt after the initial load in {Ms:F0} ms",
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
