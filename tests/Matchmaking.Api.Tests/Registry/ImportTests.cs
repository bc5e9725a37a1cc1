using System.Net;
using System.Text;
using System.Text.Json;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Suppliers;
using Matchmaking.Application.Suppliers.ImportSuppliers;
using Matchmaking.Domain.Common;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Matchmaking.Api.Tests.Registry;

public sealed class ImportTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Url = "/api/v1/suppliers/import";

    [Fact]
    public async Task Ndjson_ImportsEveryValidRowWithChildren()
    {
        var rows = new[]
        {
            TestData.Supplier(name: "CV Satu", nib: "9121000000001", capabilities: ["metal.casting.iron", "metal.machining.cnc"]),
            TestData.Supplier(name: "CV Dua", nib: "9121000000002"),
            TestData.Supplier(name: "CV Tiga", nib: "9121000000003", active: false),
        };

        var result = await ImportAsync(Ndjson(rows), "application/x-ndjson");

        Assert.Equal((3, 0, 0, 1), (result.Accepted, result.Updated, result.Rejected, result.Batches));
        var stored = await ListAsync("q=Satu");
        var satu = Assert.Single(stored.Items);
        Assert.Equal(["metal.casting.iron", "metal.machining.cnc"], satu.Capabilities.Select(c => c.Code).Order());
        Assert.Equal(CertificationScheme.Sni, Assert.Single(satu.Certifications).Scheme);
        Assert.Equal("Pak Slamet", satu.Contact!.Name);
        Assert.Equal(Domain.Suppliers.UmkmScale.Small, satu.Scale);
        Assert.Equal(1, (await ListAsync("active=false")).TotalCount);
        // One audit entry per batch, listing every supplier it stored; found by any of them.
        var audit = await (await Client.GetAsync($"/api/v1/audit?entity=supplier&entityId={satu.Id}")).ReadAsync<PagedList<System.Text.Json.Nodes.JsonObject>>();
        var batch = Assert.Single(audit.Items);
        Assert.Equal("imported", batch["action"]!.GetValue<string>());
        Assert.Equal(3, batch["relatedIds"]!.AsArray().Count);
        Assert.Contains(satu.Id.ToString(), batch["relatedIds"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task Csv_BadRowsAreReportedWithLineAndReason_GoodRowsStored()
    {
        var csv = new StringBuilder()
            .AppendLine("name,nib,legalForm,annualRevenueIdr,provinceCode,regencyCode,latitude,longitude,kbliCodes,capabilities,certifications,tkdnPercent,exportExperience")
            .AppendLine("CV Baik,9122000000001,cv,3500000000,33,3310,-7.7,110.6,24310;25920,metal.casting.iron:4000:pcs,sni:2099-01-01:SNI 1:LSPro,45.5,false")
            .AppendLine("CV NIB Pendek,12345,cv,3500000000,33,3310,-7.7,110.6,24310,metal.casting.iron:10:pcs,,40,false")
            .AppendLine("CV Luar Negeri,9122000000003,cv,3500000000,33,3310,48.8,2.3,24310,metal.casting.iron:10:pcs,,40,false")
            .AppendLine("CV Kode Aneh,9122000000004,cv,3500000000,33,3310,-7.7,110.6,24310,metal.unknown:10:pcs,,40,false")
            .AppendLine("CV Angka,9122000000005,cv,banyak,33,3310,-7.7,110.6,24310,metal.casting.iron:10:pcs,,40,false")
            .AppendLine("\"CV \"\"Kutip\"\", Jaya\",9122000000006,ud,900000000,32,3273,-6.9,107.6,,metal.machining.cnc:50:pcs,,,true")
            .AppendLine("CV Kurang Kolom,9122000000007,cv")
            .ToString();

        var result = await ImportAsync(csv, "text/csv");

        Assert.Equal((2, 0, 5), (result.Accepted, result.Updated, result.Rejected));
        Assert.Equal([3, 4, 5, 6, 8], result.RejectedRows.Select(r => r.Line));
        Assert.True(result.RejectedRows[0].Errors.ContainsKey("nib"));
        Assert.True(result.RejectedRows[1].Errors.ContainsKey("location.latitude"));
        Assert.True(result.RejectedRows[2].Errors.ContainsKey("capabilities[0].code"));
        Assert.True(result.RejectedRows[3].Errors.ContainsKey("annualRevenueIdr"));
        Assert.True(result.RejectedRows[4].Errors.ContainsKey("row"));
        var quoted = Assert.Single((await ListAsync("q=Kutip")).Items);
        Assert.Equal("CV \"Kutip\", Jaya", quoted.Name);
        Assert.True(quoted.ExportExperience);
        Assert.Equal(Domain.Suppliers.UmkmScale.Micro, quoted.Scale);
    }

    [Fact]
    public async Task ExistingNib_IsUpdatedInPlace()
    {
        var existing = await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: "CV Lama", nib: "9123000000001"))).ReadAsync<SupplierDto>(HttpStatusCode.Created);
        var replacement = TestData.Supplier(name: "CV Baru", nib: "9123000000001", capabilities: ["metal.fabrication.welding"], annualRevenueIdr: 30_000_000_000);

        var result = await ImportAsync(Ndjson([replacement, TestData.Supplier(name: "CV Lain", nib: "9123000000002")]), "application/x-ndjson");

        Assert.Equal((1, 1, 0), (result.Accepted, result.Updated, result.Rejected));
        var response = await Client.GetAsync($"/api/v1/suppliers/{existing.Id}");
        var updated = await response.ReadAsync<SupplierDto>();
        Assert.Equal("CV Baru", updated.Name);
        Assert.Equal(Domain.Suppliers.UmkmScale.Medium, updated.Scale);
        Assert.Equal(["metal.fabrication.welding"], updated.Capabilities.Select(c => c.Code));
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal(existing.CreatedAt, updated.CreatedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task FailedBatch_IsRolledBackWhole_AndTheImportGoesOn()
    {
        using var smallBatches = Fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Import:BatchSize", "2"));
        using var client = smallBatches.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        await ExecuteSqlAsync("""
            CREATE FUNCTION test_refuse_nib() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.nib = '9124000000004' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER test_refuse_nib BEFORE INSERT ON suppliers FOR EACH ROW EXECUTE FUNCTION test_refuse_nib();
            """);
        try
        {
            var rows = Enumerable.Range(1, 5).Select(i => TestData.Supplier(name: $"CV Batch {i}", nib: $"912400000000{i}")).ToArray();

            var response = await client.PostAsync(Url, new StringContent(Ndjson(rows), Encoding.UTF8, "application/x-ndjson"));
            var result = await response.ReadAsync<ImportResultDto>();

            Assert.Equal((3, 0, 2, 3), (result.Accepted, result.Updated, result.Rejected, result.Batches));
            Assert.Equal([3, 4], result.RejectedRows.Select(r => r.Line));
            Assert.Contains("refused by test trigger", result.RejectedRows[0].Errors["batch"][0], StringComparison.Ordinal);
            Assert.Equal(["CV Batch 1", "CV Batch 2", "CV Batch 5"], (await ListAsync("q=Batch")).Items.Select(s => s.Name));
            Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM supplier_capabilities c JOIN suppliers s ON s.id = c.supplier_id WHERE s.nib = '9124000000003'"));
        }
        finally
        {
            await ExecuteSqlAsync("DROP TRIGGER test_refuse_nib ON suppliers; DROP FUNCTION test_refuse_nib();");
        }
    }

    [Fact]
    public async Task NibRepeatedInLaterBatches_TheLastLineWins_WithBatchesWrittenAtOnce()
    {
        using var concurrent = Fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Import:BatchSize", "2").UseSetting("Import:BatchesInFlight", "3"));
        using var client = concurrent.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        var rows = new List<SupplierInput>();
        foreach (var (name, batch) in new[] { ("Pertama", 1), ("Kedua", 2), ("Ketiga", 3) })
        {
            rows.Add(TestData.Supplier(name: $"CV Urutan {name}", nib: "9126000000001"));
            rows.Add(TestData.Supplier(name: $"CV Urutan Lain {batch}", nib: $"912600000010{batch}"));
        }

        rows.AddRange(Enumerable.Range(1, 8).Select(i => TestData.Supplier(name: $"CV Urutan Banyak {i}", nib: $"912600000020{i}")));

        var response = await client.PostAsync(Url, new StringContent(Ndjson(rows), Encoding.UTF8, "application/x-ndjson"));
        var result = await response.ReadAsync<ImportResultDto>();

        Assert.Equal((12, 2, 0, 7), (result.Accepted, result.Updated, result.Rejected, result.Batches));
        var repeated = Assert.Single((await ListAsync("q=Urutan")).Items, s => s.Nib == "9126000000001");
        Assert.Equal("CV Urutan Ketiga", repeated.Name);
        Assert.Equal(12, (await ListAsync("q=Urutan&pageSize=50")).TotalCount);
    }

    [Fact]
    public async Task DuplicateNibInOneBatch_IsRejected()
    {
        var result = await ImportAsync(Ndjson([TestData.Supplier(name: "CV A", nib: "9125000000001"), TestData.Supplier(name: "CV B", nib: "9125000000001")]), "application/x-ndjson");

        Assert.Equal((1, 1), (result.Accepted, result.Rejected));
        Assert.Contains("line 1", result.RejectedRows[0].Errors["nib"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedNdjsonLine_IsRejected_OthersStored()
    {
        var body = Ndjson([TestData.Supplier(name: "CV A", nib: "9126000000001")]) + "{ not json\n[]\n" + Ndjson([TestData.Supplier(name: "CV B", nib: "9126000000002")]);

        var result = await ImportAsync(body, "application/x-ndjson");

        Assert.Equal((2, 2), (result.Accepted, result.Rejected));
        Assert.Equal([2, 3], result.RejectedRows.Select(r => r.Line));
    }

    [Fact]
    public async Task LargeBody_IsAcceptedForImportOnly()
    {
        var rows = Enumerable.Range(1, 800).Select(i => TestData.Supplier(name: $"CV Besar {i}", nib: $"9127{i:D9}", description: new string('d', 1500))).ToArray();
        var body = Ndjson(rows);
        Assert.True(Encoding.UTF8.GetByteCount(body) > 1024 * 1024);

        var result = await ImportAsync(body, "application/x-ndjson");

        Assert.Equal(800, result.Accepted);
    }

    [Fact]
    public async Task WrongContentType_Returns415_UnknownCsvColumn_Returns400_NonAdmin_Returns403()
    {
        await (await Client.PostAsync(Url, new StringContent("{}", Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await Client.PostAsync(Url, new StringContent("name,nib,colour\nCV,9128000000001,red\n", Encoding.UTF8, "text/csv")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "header");
        var (analyst, _, _) = await ClientForRoleAsync("analyst");
        await (await analyst.PostAsync(Url, new StringContent(Ndjson([TestData.Supplier()]), Encoding.UTF8, "application/x-ndjson")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await ListAsync(string.Empty)).TotalCount);
    }

    [Fact]
    public async Task InitialLoad_RebuildsTheSearchIndexOnce_AndIsRefusedForAFilledRegistry()
    {
        var rows = Enumerable.Range(1, 4).Select(i => TestData.Supplier(name: $"CV Muat Awal {i}", nib: $"91240000000{i:00}")).ToList();
        using var content = new StringContent(Ndjson(rows), Encoding.UTF8, "application/x-ndjson");
        var result = await (await Client.PostAsync($"{Url}?initialLoad=true", content)).ReadAsync<ImportResultDto>();

        Assert.Equal(4, result.Accepted);
        Assert.Equal(4, (await ListAsync("q=Muat%20Awal")).TotalCount);
        await using (var connection = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var index = new NpgsqlCommand("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_suppliers_search_trgm'", connection);
            Assert.Equal(1L, await index.ExecuteScalarAsync());
        }

        using var small = Fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Import:InitialLoadMaxExisting", "3"));
        var admin = small.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        using var more = new StringContent(Ndjson([TestData.Supplier(name: "CV Terlambat", nib: "9124000000099")]), Encoding.UTF8, "application/x-ndjson");
        await (await admin.PostAsync($"{Url}?initialLoad=true", more)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "initialLoad");
        Assert.Equal(0, (await ListAsync("q=Terlambat")).TotalCount);
    }

    [Fact]
    public async Task NewSuppliersMatchProfiles_AreWhatTheSqlRefreshComputesFromTheirChildren()
    {
        // The import computes new suppliers' match profiles itself; refresh_supplier_match_profiles, run on the same
        // suppliers afterwards, must write the very same rows: codes with their ancestors, summed capacities rounded as
        // numeric(18,2) stores them, TKDN as numeric(5,2), overlapping and open-ended certificate periods, every scale.
        string[] codes = ["metal", "metal.casting", "metal.casting.iron", "metal.casting.nonferrous", "metal.machining.cnc", "metal.tools",
            "electrical.switchgear", "electrical", "machinery.repair", "services.packing", "rubber-plastics.molded", "automotive.exhaust"];
        var random = new Random(20261202);
        var rows = Enumerable.Range(1, 60).Select(i =>
        {
            var row = TestData.Supplier(
                name: $"CV Profil {i}", nib: $"9131{i:D9}", annualRevenueIdr: new long?[] { null, 900_000_000, 3_500_000_000, 30_000_000_000, 80_000_000_000 }[i % 5],
                location: new LocationInput { Latitude = -7.5 + (random.NextDouble() * 2), Longitude = 108 + (random.NextDouble() * 5) },
                capabilities: [.. codes.OrderBy(_ => random.Next()).Take(i % 5)],
                certifications: [.. Enumerable.Range(0, i % 4).Select(_ => TestData.Certificate(
                    (CertificationScheme)random.Next(Enum.GetValues<CertificationScheme>().Length),
                    new DateOnly(2026, 1, 1).AddDays(random.Next(-900, 1500)),
                    random.Next(4) == 0 ? null : new DateOnly(2024, 1, 1).AddDays(random.Next(0, 700))))
                    .Where(c => c.IssuedOn is null || c.IssuedOn < c.ValidUntil)],
                tkdnPercent: i % 7 == 0 ? null : Math.Round((decimal)(random.NextDouble() * 100), 3),
                active: i % 9 == 0 ? false : null);
            row = row with { Certifications = [.. row.Certifications!.Select(c => random.Next(4) == 0 ? c with { IssuedOn = null } : c)] };
            return row with
            {
                Capabilities = [.. row.Capabilities!.Select((c, k) => c with { MonthlyCapacity = k == 1 ? null : Math.Round((decimal)(random.NextDouble() * 5000), 3) })],
            };
        }).ToList();

        var result = await ImportAsync(Ndjson(rows), "application/x-ndjson");

        Assert.Equal((60, 0), (result.Accepted, result.Rejected));
        const string Profiles = "SELECT p::text FROM supplier_match_profiles p JOIN suppliers s ON s.id = p.supplier_id WHERE s.nib LIKE '9131%' ORDER BY s.nib";
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        var copied = await TextRowsAsync(connection, null, Profiles);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var refresh = new NpgsqlCommand(
            "SELECT refresh_supplier_match_profiles(array(SELECT id FROM suppliers WHERE nib LIKE '9131%'))", connection, transaction))
        {
            await refresh.ExecuteNonQueryAsync();
        }

        var refreshed = await TextRowsAsync(connection, transaction, Profiles);
        await transaction.RollbackAsync();
        Assert.Equal(60, copied.Count);
        Assert.Equal(refreshed.Count, copied.Count);
        foreach (var (expected, actual) in refreshed.Zip(copied))
        {
            Assert.Equal(expected, actual);
        }

        Assert.Contains(copied, row => row.Contains("{(,", StringComparison.Ordinal));
    }

    private static async Task<List<string>> TextRowsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static string Ndjson(IEnumerable<SupplierInput> rows) =>
        string.Concat(rows.Select(r => JsonSerializer.Serialize(r, HttpExtensions.Json) + "\n"));

    private async Task<ImportResultDto> ImportAsync(string body, string contentType) =>
        await (await Client.PostAsync(Url, new StringContent(body, Encoding.UTF8, contentType))).ReadAsync<ImportResultDto>();

    private async Task<PagedList<SupplierDto>> ListAsync(string query) =>
        await (await Client.GetAsync($"/api/v1/suppliers?{query}")).ReadAsync<PagedList<SupplierDto>>();

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
