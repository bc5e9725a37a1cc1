using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Suppliers;
using Matchmaking.Application.Suppliers.ImportSuppliers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Matchmaking.Api.Tests.Hostile;

/// <summary>One test per defect class found by the hostile-input review (issue 11).</summary>
public sealed class HostileRegressionTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string ImportUrl = "/api/v1/suppliers/import";

    [Theory]
    [InlineData("/api/v1/suppliers")]
    [InlineData("/api/v1/buyers")]
    [InlineData("/api/v1/needs")]
    [InlineData("/api/v1/facilities")]
    [InlineData("/api/v1/partnerships")]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/api-keys")]
    public async Task A_page_beyond_what_the_database_can_offset_is_400_naming_page(string list)
    {
        await (await Client.GetAsync($"{list}?page=2147483647&pageSize=200")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"{list}?page=10000000&pageSize=200")).StatusCode);
    }

    [Fact]
    public async Task A_client_asking_for_CSV_still_reads_its_error_as_problem_json()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/suppliers?pageSize=0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        await (await Client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        await (await Client.GetAsync("/api/v1/suppliers/csv?page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page");
    }

    [Theory]
    [InlineData("/api/v1/suppliers?q=a%00b", "q")]
    [InlineData("/api/v1/audit?entity=supplier%00", "entity")]
    [InlineData("/api/v1/suppliers?q=%FF%FE", "q")]
    [InlineData("/api/v1/buyers?type=bumn%01", "type")]
    public async Task Control_characters_and_bad_UTF8_in_a_query_parameter_are_400_naming_it(string url, string field) =>
        await (await Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task Null_inside_a_list_is_400_naming_the_element_on_create_and_replace()
    {
        var supplier = JsonSerializer.SerializeToNode(TestData.Supplier(), HttpExtensions.Json)!.AsObject();
        supplier["capabilities"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null);
        await (await Client.PostRawAsync("/api/v1/suppliers", supplier.ToJsonString())).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "capabilities[0]");

        supplier = JsonSerializer.SerializeToNode(TestData.Supplier(), HttpExtensions.Json)!.AsObject();
        supplier["certifications"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null);
        var created = await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier())).ReadAsync<SupplierDto>(HttpStatusCode.Created);
        var replace = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/suppliers/{created.Id}") { Content = new StringContent(supplier.ToJsonString(), Encoding.UTF8, "application/json") };
        await (await Client.SendAsync(replace)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "certifications[0]");

        var buyer = await Scenario.BuyerAsync();
        var need = JsonSerializer.SerializeToNode(TestData.Need(buyerId: buyer), HttpExtensions.Json)!.AsObject();
        need["requiredCertifications"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null);
        await (await Client.PostRawAsync("/api/v1/needs", need.ToJsonString())).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "requiredCertifications[0]");
        need["requiredCertifications"] = new System.Text.Json.Nodes.JsonArray();
        need["capabilityCodes"] = null;
        await (await Client.PostRawAsync("/api/v1/needs", need.ToJsonString())).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "capabilityCodes");
    }

    [Fact]
    public async Task Unknown_properties_are_refused_naming_them()
    {
        var buyer = JsonSerializer.SerializeToNode(TestData.Buyer(), HttpExtensions.Json)!.AsObject();
        buyer["colour"] = "red";
        var problem = await (await Client.PostRawAsync("/api/v1/buyers", buyer.ToJsonString())).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "colour");
        Assert.DoesNotContain("Matchmaking.", problem.ToJsonString(), StringComparison.Ordinal);

        var supplier = JsonSerializer.SerializeToNode(TestData.Supplier(), HttpExtensions.Json)!.AsObject();
        supplier["capabilities"]![0]!["colour"] = "red";
        await (await Client.PostRawAsync("/api/v1/suppliers", supplier.ToJsonString())).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "capabilities[0].colour");
    }

    [Fact]
    public async Task An_import_with_broken_rows_between_valid_ones_stores_every_valid_row_and_reports_every_broken_one()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 6000; i++)
        {
            lines.Append(JsonSerializer.Serialize(TestData.Supplier(name: $"CV Baris {i}", nib: $"9131{i:D9}"), HttpExtensions.Json)).Append('\n');
        }

        var broken = JsonSerializer.SerializeToNode(TestData.Supplier(nib: "9132000000001"), HttpExtensions.Json)!.AsObject();
        broken["capabilities"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null);
        lines.Append(broken.ToJsonString()).Append('\n');
        lines.Append("{\"name\": \"CV Salah Tipe\", \"nib\": \"9132000000002\", \"businessCapitalIdr\": \"banyak\"}\n");
        lines.Append("this is not json\n");
        for (var i = 0; i < 500; i++)
        {
            lines.Append(JsonSerializer.Serialize(TestData.Supplier(name: $"CV Akhir {i}", nib: $"9133{i:D9}"), HttpExtensions.Json)).Append('\n');
        }

        var result = await (await Client.PostAsync(ImportUrl, new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson"))).ReadAsync<ImportResultDto>();

        Assert.Equal(6503, result.RowsRead);
        Assert.Equal(6500, result.Accepted);
        Assert.Equal(3, result.Rejected);
        Assert.Equal(result.RowsRead, result.Accepted + result.Updated + result.Rejected);
        Assert.Equal([6001, 6002, 6003], result.RejectedRows.Select(r => r.Line));
        Assert.Contains("capabilities[0]", result.RejectedRows[0].Errors.Keys);
        Assert.Equal(["Expected a whole number within range."], result.RejectedRows[1].Errors["businessCapitalIdr"]);
        Assert.All(result.RejectedRows.SelectMany(r => r.Errors.Values.SelectMany(m => m)), m => Assert.DoesNotContain("System.", m, StringComparison.Ordinal));
        var total = await (await Client.GetAsync("/api/v1/suppliers?pageSize=1")).ReadJsonAsync();
        Assert.Equal(6500, total["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_64_MB_line_is_a_row_error_and_memory_stays_flat()
    {
        using var streaming = Fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        streaming.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        const string header = "name,nib,legalForm,businessCapitalIdr,annualRevenueIdr,provinceCode,latitude,longitude,kbliCodes,capabilities,tkdnPercent,employees,description\n";
        const string good = "CV Sebelum,9134000000001,cv,800000000,3500000000,33,-7.7,110.61,24310,metal.casting.iron:100:pcs,40,10,ok\n";
        const string after = "CV Sesudah,9134000000002,cv,800000000,3500000000,33,-7.7,110.61,24310,metal.casting.iron:100:pcs,40,10,ok\n";

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var content = new HugeFieldContent(header + good + "CV Besar,9134000000003,cv,1,1,33,-7.7,110.61,24310,metal.casting.iron:1:pcs,1,1,", 64 * 1024 * 1024, "\n" + after);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var result = await (await streaming.PostAsync(ImportUrl, content)).ReadAsync<ImportResultDto>();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var afterImport = GC.GetTotalMemory(forceFullCollection: true);

        Assert.Equal((3, 2, 1), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(3, result.RejectedRows.Single().Line);
        Assert.Contains("longer than", result.RejectedRows.Single().Errors["row"].Single(), StringComparison.Ordinal);
        Assert.True(afterImport - before < 50L * 1024 * 1024, $"managed memory grew by {(afterImport - before) / 1024 / 1024} MB");
    }

    [Fact]
    public async Task CSV_exports_neutralise_formulas_and_keep_numbers()
    {
        await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: "=HYPERLINK(\"http://evil\",\"klik\")"))).ShouldBeAsync(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: "@SUM(A1)"))).ShouldBeAsync(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: "+62 Logam"))).ShouldBeAsync(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: "-1+1 Cor"))).ShouldBeAsync(HttpStatusCode.Created);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/suppliers?pageSize=200");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await (await Client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"klik\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", csv, StringComparison.Ordinal);
        Assert.Contains("'+62 Logam", csv, StringComparison.Ordinal);
        Assert.Contains("'-1+1 Cor", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", csv.Replace(",=", "\n=", StringComparison.Ordinal).Replace("\r\n'", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        // JSON and the stored value are unchanged.
        var json = await (await Client.GetAsync("/api/v1/suppliers?q=HYPERLINK")).ReadJsonAsync();
        Assert.StartsWith("=HYPERLINK", json["items"]![0]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("'-7", CsvResultNeutralize("'-7"));
        Assert.Equal("-7.7", CsvResultNeutralize("-7.7"));
    }

    private static string? CsvResultNeutralize(string value) => Matchmaking.Api.Infrastructure.CsvResult.Neutralize(value);

    [Fact]
    public async Task A_deactivated_supplier_cannot_reactivate_itself_and_its_keys_stop_working()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier())).ReadAsync<SupplierDto>(HttpStatusCode.Created);
        var (supplierClient, _, _) = await ClientForRoleAsync("supplier", created.Id);
        Assert.Equal(HttpStatusCode.OK, (await supplierClient.GetAsync($"/api/v1/suppliers/{created.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/suppliers/{created.Id}")).StatusCode);
        await (await supplierClient.GetAsync($"/api/v1/suppliers/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // Even with a key issued after the deactivation, the supplier cannot bring itself back; an admin can.
        var (lateKey, _, _) = await ClientForRoleAsync("supplier", created.Id);
        await (await lateKey.PutJsonAsync($"/api/v1/suppliers/{created.Id}", TestData.Supplier(nib: created.Nib, active: true)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var revived = await (await Client.PutJsonAsync($"/api/v1/suppliers/{created.Id}", TestData.Supplier(nib: created.Nib, active: true))).ReadJsonAsync();
        Assert.True(revived["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Keys_of_a_deleted_buyer_stop_working_at_once()
    {
        var buyer = await Scenario.BuyerAsync();
        var (buyerClient, _, _) = await ClientForRoleAsync("buyer", buyer);
        Assert.Equal(HttpStatusCode.OK, (await buyerClient.GetAsync($"/api/v1/buyers/{buyer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/buyers/{buyer}")).StatusCode);
        await (await buyerClient.GetAsync("/api/v1/reference/provinces")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_buyer_with_needs_cannot_be_deleted()
    {
        var buyer = await Scenario.BuyerAsync();
        await Scenario.NeedAsync(buyer);
        await (await Client.DeleteAsync($"/api/v1/buyers/{buyer}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Changing_a_closed_need_is_409_naming_its_state_but_sending_it_back_unchanged_is_fine()
    {
        var buyer = await Scenario.BuyerAsync();
        var body = TestData.Need(buyerId: buyer);
        var need = (await (await Client.PostJsonAsync("/api/v1/needs", body)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await Client.PutJsonAsync($"/api/v1/needs/{need}", body with { Status = Domain.Needs.NeedStatus.Closed })).StatusCode);

        var problem = await (await Client.PutJsonAsync($"/api/v1/needs/{need}", body with { Title = "Changed", Status = Domain.Needs.NeedStatus.Closed }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("closed", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client.PutJsonAsync($"/api/v1/needs/{need}", body with { Status = Domain.Needs.NeedStatus.Closed })).StatusCode);
        var stored = await (await Client.GetAsync($"/api/v1/needs/{need}")).ReadJsonAsync();
        Assert.Equal(body.Title, stored["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dates_outside_a_sane_horizon_are_400()
    {
        var buyer = await Scenario.BuyerAsync();
        await (await Client.PostJsonAsync("/api/v1/needs", TestData.Need(buyerId: buyer, neededBy: new DateOnly(9999, 12, 31))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "neededBy");
        var certificate = TestData.Certificate(Domain.Common.CertificationScheme.Sni, new DateOnly(9999, 12, 31));
        await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(certifications: [certificate])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "certifications[0].validUntil");
    }

    [Fact]
    public async Task Security_headers_no_server_banner_and_no_caching_of_personal_data()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier())).ReadAsync<SupplierDto>(HttpStatusCode.Created);
        var supplier = await Client.GetAsync($"/api/v1/suppliers/{created.Id}");
        Assert.Equal("nosniff", supplier.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(supplier.Headers.CacheControl!.NoStore);
        Assert.False(supplier.Headers.Contains("Server"));

        var buyers = await Client.GetAsync("/api/v1/buyers");
        Assert.True(buyers.Headers.CacheControl!.Private);
        var problem = await Client.GetAsync($"/api/v1/buyers/{Guid.NewGuid()}");
        Assert.Equal("nosniff", problem.Headers.GetValues("X-Content-Type-Options").Single());
        var health = await Client.GetAsync("/health/live");
        Assert.Equal("nosniff", health.Headers.GetValues("X-Content-Type-Options").Single());
    }

    /// <summary>A CSV body whose one field is <c>size</c> bytes long, generated as it is sent.</summary>
    private sealed class HugeFieldContent(string prefix, int size, string suffix) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(prefix));
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var written = 0; written < size; written += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(suffix));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
