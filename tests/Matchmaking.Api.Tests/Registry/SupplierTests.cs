using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Api.Tests.Registry;

public sealed class SupplierTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Url = "/api/v1/suppliers";

    [Fact]
    public async Task Create_ReturnsCreatedWithDerivedScaleAndETag()
    {
        var response = await Client.PostJsonAsync(Url, TestData.Supplier(annualRevenueIdr: 3_500_000_000));

        var supplier = await response.ReadAsync<SupplierDto>(HttpStatusCode.Created);
        Assert.Equal(UmkmScale.Small, supplier.Scale);
        Assert.Equal(ScaleBasis.AnnualRevenue, supplier.ScaleBasis);
        Assert.Equal($"/api/v1/suppliers/{supplier.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"0\"", response.Headers.ETag!.Tag);
        Assert.True(supplier.Active);

        var read = await Client.GetAsync($"{Url}/{supplier.Id}");
        var stored = await read.ReadAsync<SupplierDto>();
        Assert.Equal("CV Logam Jaya", stored.Name);
        Assert.Equal("metal.casting.iron", Assert.Single(stored.Capabilities).Code);
        Assert.Equal(CertificationScheme.Sni, Assert.Single(stored.Certifications).Scheme);
        Assert.Equal(-7.70, stored.Location.Latitude);
        Assert.Equal("\"0\"", read.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Create_WritesEnumsAsLowercaseStrings()
    {
        var response = await Client.PostJsonAsync(Url, TestData.Supplier());

        var json = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("cv", json["legalForm"]!.GetValue<string>());
        Assert.Equal("small", json["scale"]!.GetValue<string>());
        Assert.Equal("sni", json["certifications"]![0]!["scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithOnlyCapital_DerivesScaleFromCapital()
    {
        var body = TestData.Supplier(annualRevenueIdr: null) with { BusinessCapitalIdr = 6_000_000_000 };

        var supplier = await (await Client.PostJsonAsync(Url, body)).ReadAsync<SupplierDto>(HttpStatusCode.Created);

        Assert.Equal(UmkmScale.Medium, supplier.Scale);
        Assert.Equal(ScaleBasis.BusinessCapital, supplier.ScaleBasis);
    }

    [Fact]
    public async Task Create_WhenNibDuplicated_Returns409NamingNib()
    {
        await (await Client.PostJsonAsync(Url, TestData.Supplier(nib: "9120001234567"))).ShouldBeAsync(HttpStatusCode.Created);

        var response = await Client.PostJsonAsync(Url, TestData.Supplier(name: "CV Lain", nib: "9120001234567"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "nib");
        Assert.Equal(1, await CountAsync());
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        // field path to change, new JSON value, field the error must name
        { "nib", "\"12345\"", "nib" },
        { "nib", "\"12345678901ab\"", "nib" },
        { "name", "\"\"", "name" },
        { "name", JsonSerializer.Serialize(new string('x', 201)), "name" },
        { "legalForm", "null", "legalForm" },
        { "provinceCode", "\"99\"", "provinceCode" },
        { "regencyCode", "\"3510\"", "regencyCode" },
        { "location.latitude", "40.7", "location.latitude" },
        { "location.longitude", "2.35", "location.longitude" },
        { "location", "null", "location" },
        { "kbliCodes", "[\"2431\"]", "kbliCodes[0]" },
        { "capabilities", "[{\"code\":\"metal.unknown\",\"monthlyCapacity\":1}]", "capabilities[0].code" },
        { "capabilities", "[{\"code\":\"metal.casting\",\"monthlyCapacity\":-5}]", "capabilities[0].monthlyCapacity" },
        { "certifications", "[{\"scheme\":\"sni\",\"issuedOn\":\"2026-01-01\",\"validUntil\":\"2025-01-01\"}]", "certifications[0].validUntil" },
        { "certifications", "[{\"scheme\":\"sni\"}]", "certifications[0].validUntil" },
        { "businessCapitalIdr", "-1", "businessCapitalIdr" },
        { "annualRevenueIdr", "-1", "annualRevenueIdr" },
        { "tkdnPercent", "100.5", "tkdnPercent" },
        { "contact.email", "\"not-an-email\"", "contact.email" },
        { "description", JsonSerializer.Serialize(new string('x', 4001)), "description" },
        { "kbliVersion", "\"2019\"", "kbliVersion" },
        { "name", "\"CV Nul\\u0000\"", "name" },
        { "cooperative", "\"Koperasi\\u0007\"", "cooperative" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Create_WithInvalidField_Returns400NamingFieldAndStoresNothing(string path, string value, string field)
    {
        var body = WithValue(TestData.Supplier(), path, value);

        var response = await Client.PostRawAsync(Url, body.ToJsonString());

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await CountAsync());
    }

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "not json", "{ \"name\": ", "name" },
        { "truncated", "{", "body" },
        { "wrong type", "{\"name\": 12, \"nib\": \"9120001234567\"}", "name" },
        { "unknown enum", "{\"legalForm\": \"gmbh\"}", "legalForm" },
        { "huge number", "{\"annualRevenueIdr\": 99999999999999999999999}", "annualRevenueIdr" },
        { "number as string", "{\"annualRevenueIdr\": \"1000\"}", "annualRevenueIdr" },
        { "bad date", "{\"certifications\": [{\"scheme\":\"sni\",\"validUntil\":\"31-12-2027\"}]}", "certifications[0].validUntil" },
        { "json null", "null", "body" },
        { "array instead of object", "[]", "body" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Create_WithMalformedBody_Returns400NamingField(string _, string body, string field)
    {
        var response = await Client.PostRawAsync(Url, body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Create_WithoutBody_Returns400()
    {
        var response = await Client.PostAsync(Url, new StringContent(string.Empty, null, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_WithWrongContentType_Returns415()
    {
        var response = await Client.PostRawAsync(Url, "name=CV", "application/x-www-form-urlencoded");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Create_WithBodyOverOneMebibyte_Returns413()
    {
        var body = WithValue(TestData.Supplier(), "description", JsonSerializer.Serialize(new string('x', 1_100_000)));

        var response = await Client.PostRawAsync(Url, body.ToJsonString());

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Get_UnknownId_Returns404()
    {
        var response = await Client.GetAsync($"{Url}/{Guid.NewGuid()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_MalformedId_Returns404()
    {
        var response = await Client.GetAsync($"{Url}/not-a-uuid");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Replace_WithCurrentETag_UpdatesAndBumpsETag()
    {
        var created = await CreateAsync(TestData.Supplier());
        var body = TestData.Supplier(name: "CV Logam Jaya Abadi", nib: created.Nib, capabilities: ["metal.machining.cnc", "metal.casting.iron"]);

        var response = await Client.PutJsonAsync($"{Url}/{created.Id}", body, ifMatch: "\"0\"");

        var updated = await response.ReadAsync<SupplierDto>();
        Assert.Equal("CV Logam Jaya Abadi", updated.Name);
        Assert.Equal(2, updated.Capabilities.Count);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        var stored = await (await Client.GetAsync($"{Url}/{created.Id}")).ReadAsync<SupplierDto>();
        Assert.Equal(["metal.casting.iron", "metal.machining.cnc"], stored.Capabilities.Select(c => c.Code).Order());
    }

    [Fact]
    public async Task Replace_WithStaleETag_Returns412AndKeepsStoredVersion()
    {
        var created = await CreateAsync(TestData.Supplier());
        await (await Client.PutJsonAsync($"{Url}/{created.Id}", TestData.Supplier(name: "First writer", nib: created.Nib), ifMatch: "\"0\"")).ShouldBeAsync(HttpStatusCode.OK);

        var response = await Client.PutJsonAsync($"{Url}/{created.Id}", TestData.Supplier(name: "Second writer", nib: created.Nib), ifMatch: "\"0\"");

        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var stored = await (await Client.GetAsync($"{Url}/{created.Id}")).ReadAsync<SupplierDto>();
        Assert.Equal("First writer", stored.Name);
    }

    [Fact]
    public async Task Replace_WithForeignETag_Returns412()
    {
        var created = await CreateAsync(TestData.Supplier());

        var response = await Client.PutJsonAsync($"{Url}/{created.Id}", TestData.Supplier(nib: created.Nib), ifMatch: "\"abc\"");

        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("*", HttpStatusCode.OK)]
    [InlineData("\"0\"", HttpStatusCode.OK)]
    [InlineData("\"7\", \"0\"", HttpStatusCode.PreconditionFailed)] // two versions: send the one last read
    [InlineData("\"0\", \"0\"", HttpStatusCode.OK)]
    [InlineData("W/\"0\"", HttpStatusCode.PreconditionFailed)] // If-Match compares strongly
    [InlineData("0", HttpStatusCode.PreconditionFailed)] // not an entity tag
    public async Task Replace_ReadsIfMatchAsAnEntityTagList(string ifMatch, HttpStatusCode expected)
    {
        var created = await CreateAsync(TestData.Supplier());

        var response = await Client.PutJsonAsync($"{Url}/{created.Id}", TestData.Supplier(nib: created.Nib), ifMatch: ifMatch);

        if (expected == HttpStatusCode.OK)
        {
            await response.ReadJsonAsync();
            Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        }
        else
        {
            await response.ShouldBeProblemAsync(expected);
        }
    }

    [Fact]
    public async Task Replace_WithNibOfAnotherSupplier_Returns409()
    {
        var first = await CreateAsync(TestData.Supplier());
        var second = await CreateAsync(TestData.Supplier(name: "CV Kedua"));

        var response = await Client.PutJsonAsync($"{Url}/{second.Id}", TestData.Supplier(nib: first.Nib));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "nib");
    }

    [Fact]
    public async Task Replace_WithInvalidBody_Returns400AndKeepsStoredProfile()
    {
        var created = await CreateAsync(TestData.Supplier());

        var response = await Client.PutJsonAsync($"{Url}/{created.Id}", TestData.Supplier(nib: created.Nib, provinceCode: "00"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "provinceCode");
        var stored = await (await Client.GetAsync($"{Url}/{created.Id}")).ReadAsync<SupplierDto>();
        Assert.Equal("33", stored.ProvinceCode);
        Assert.Single(stored.Capabilities);
    }

    [Fact]
    public async Task Replace_UnknownId_Returns404()
    {
        var response = await Client.PutJsonAsync($"{Url}/{Guid.NewGuid()}", TestData.Supplier());

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_DeactivatesSupplier_HiddenFromDefaultList()
    {
        var created = await CreateAsync(TestData.Supplier());

        var response = await Client.DeleteAsync($"{Url}/{created.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = await (await Client.GetAsync($"{Url}/{created.Id}")).ReadAsync<SupplierDto>();
        Assert.False(stored.Active);
        Assert.Equal(0, (await ListAsync(string.Empty)).TotalCount);
        Assert.Equal(1, (await ListAsync("active=false")).TotalCount);
    }

    [Fact]
    public async Task Replace_WithActiveTrue_ReactivatesSupplier()
    {
        var created = await CreateAsync(TestData.Supplier());
        await (await Client.DeleteAsync($"{Url}/{created.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);

        var updated = await (await Client.PutJsonAsync($"{Url}/{created.Id}", TestData.Supplier(nib: created.Nib, active: true))).ReadAsync<SupplierDto>();

        Assert.True(updated.Active);
    }

    [Fact]
    public async Task List_FiltersByProvinceScaleAndText()
    {
        await CreateAsync(TestData.Supplier(name: "CV Cor Klaten", annualRevenueIdr: 1_000_000_000));
        await CreateAsync(TestData.Supplier(name: "CV Presisi Bandung", provinceCode: "32", regencyCode: "3273",
            location: Places.Bandung, annualRevenueIdr: 20_000_000_000, description: "CNC machining"));
        await CreateAsync(TestData.Supplier(name: "UD Kuningan Juwana", annualRevenueIdr: 5_000_000_000, description: "brass valves"));

        Assert.Equal(["CV Cor Klaten", "UD Kuningan Juwana"], (await ListAsync("provinceCode=33")).Items.Select(s => s.Name));
        Assert.Equal(["CV Presisi Bandung"], (await ListAsync("scale=medium")).Items.Select(s => s.Name));
        Assert.Equal(["CV Cor Klaten"], (await ListAsync("scale=micro")).Items.Select(s => s.Name));
        Assert.Equal(["UD Kuningan Juwana"], (await ListAsync("q=BRASS")).Items.Select(s => s.Name));
        Assert.Equal(["CV Presisi Bandung"], (await ListAsync("q=presisi")).Items.Select(s => s.Name));
        Assert.Empty((await ListAsync("q=100%25")).Items);
    }

    [Fact]
    public async Task List_CapabilityFilter_MatchesDescendantsButNotSiblings()
    {
        await CreateAsync(TestData.Supplier(name: "A Iron", capabilities: ["metal.casting.iron"]));
        await CreateAsync(TestData.Supplier(name: "B Brass", capabilities: ["metal.casting.nonferrous"]));
        await CreateAsync(TestData.Supplier(name: "C Machining", capabilities: ["metal.machining.cnc"]));

        Assert.Equal(["A Iron", "B Brass"], (await ListAsync("capability=metal.casting")).Items.Select(s => s.Name));
        Assert.Equal(["A Iron"], (await ListAsync("capability=metal.casting.iron")).Items.Select(s => s.Name));
        Assert.Equal(3, (await ListAsync("capability=metal")).TotalCount);
    }

    [Fact]
    public async Task List_CertificationFilter_IgnoresExpiredCertificates()
    {
        await CreateAsync(TestData.Supplier(name: "Valid SNI", certifications: [TestData.Certificate(CertificationScheme.Sni, new DateOnly(2099, 1, 1))]));
        await CreateAsync(TestData.Supplier(name: "Expired SNI", certifications: [TestData.Certificate(CertificationScheme.Sni, new DateOnly(2020, 1, 1))]));
        await CreateAsync(TestData.Supplier(name: "ISO only", certifications: [TestData.Certificate(CertificationScheme.Iso9001, new DateOnly(2099, 1, 1))]));

        Assert.Equal(["Valid SNI"], (await ListAsync("certification=sni")).Items.Select(s => s.Name));
        Assert.Equal(["ISO only"], (await ListAsync("certification=iso9001")).Items.Select(s => s.Name));
    }

    [Fact]
    public async Task List_PagesInNameOrderWithTotalCount()
    {
        foreach (var name in new[] { "E", "A", "D", "C", "B" })
        {
            await CreateAsync(TestData.Supplier(name: $"CV {name}"));
        }

        var page1 = await ListAsync("pageSize=2");
        var page2 = await ListAsync("page=2&pageSize=2");

        Assert.Equal(5, page1.TotalCount);
        Assert.Equal(["CV C", "CV D"], page2.Items.Select(s => s.Name));
        Assert.Equal(5, page2.TotalCount);

        // The count is cached until the registry changes: a new supplier is counted at once.
        await CreateAsync(TestData.Supplier(name: "CV F"));
        Assert.Equal(6, (await ListAsync("page=2&pageSize=2")).TotalCount);
        Assert.Equal(2, page2.Page);
        Assert.Equal(2, page2.PageSize);
        Assert.Equal(50, (await ListAsync(string.Empty)).PageSize);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=abc", "page")]
    [InlineData("scale=huge", "scale")]
    [InlineData("scale=1", "scale")]
    [InlineData("provinceCode=99", "provinceCode")]
    [InlineData("capability=metal.nope", "capability")]
    [InlineData("certification=fake", "certification")]
    public async Task List_WithInvalidQuery_Returns400NamingParameter(string query, string field)
    {
        var response = await Client.GetAsync($"{Url}?{query}");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task List_AsCsv_ReturnsHeaderAndQuotedRows()
    {
        await CreateAsync(TestData.Supplier(name: "CV \"Maju\", Jaya", capabilities: ["metal.casting.iron", "metal.machining.cnc"]));

        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("id,name,nib,legalForm,scale,provinceCode", lines[0], StringComparison.Ordinal);
        Assert.Contains(",\"CV \"\"Maju\"\", Jaya\",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",small,33,3310,", lines[1], StringComparison.Ordinal);
        Assert.Contains("metal.casting.iron;metal.machining.cnc", lines[1], StringComparison.Ordinal);
    }

    private async Task<SupplierDto> CreateAsync(SupplierInput body) =>
        await (await Client.PostJsonAsync(Url, body)).ReadAsync<SupplierDto>(HttpStatusCode.Created);

    private async Task<PagedList<SupplierDto>> ListAsync(string query) =>
        await (await Client.GetAsync($"{Url}?{query}")).ReadAsync<PagedList<SupplierDto>>();

    private async Task<int> CountAsync() =>
        (await Client.GetFromJsonAsync<PagedList<SupplierDto>>($"{Url}?active=true", HttpExtensions.Json))!.TotalCount
        + (await Client.GetFromJsonAsync<PagedList<SupplierDto>>($"{Url}?active=false", HttpExtensions.Json))!.TotalCount;

    private static JsonObject WithValue(SupplierInput input, string path, string jsonValue)
    {
        var root = JsonSerializer.SerializeToNode(input, HttpExtensions.Json)!.AsObject();
        var parts = path.Split('.');
        var target = root;
        foreach (var part in parts[..^1])
        {
            target = target[part]!.AsObject();
        }

        target[parts[^1]] = JsonNode.Parse(jsonValue);
        return root;
    }
}
