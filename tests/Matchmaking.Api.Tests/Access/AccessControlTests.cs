using System.Net;
using System.Text.Json.Nodes;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Facilities;
using Matchmaking.Application.Suppliers;

namespace Matchmaking.Api.Tests.Access;

public sealed class AccessControlTests(ApiFixture fixture) : ApiTest(fixture)
{
    private Guid _supplierA;
    private Guid _supplierB;
    private Guid _buyerA;
    private Guid _buyerB;
    private Guid _facility;
    private string _supplierANib = string.Empty;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var supplierA = await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: "CV A"))).ReadAsync<SupplierDto>(HttpStatusCode.Created);
        _supplierA = supplierA.Id;
        _supplierANib = supplierA.Nib;
        _supplierB = (await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: "CV B"))).ReadAsync<SupplierDto>(HttpStatusCode.Created)).Id;
        _buyerA = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer(name: "PT A"))).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
        _buyerB = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer(name: "PT B"))).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
        _facility = (await (await Client.PostJsonAsync("/api/v1/facilities", TestData.Facility())).ReadAsync<FacilityDto>(HttpStatusCode.Created)).Id;
        _clients["admin"] = Client;
        _clients["buyer"] = (await ClientForRoleAsync("buyer", _buyerA)).Client;
        _clients["supplier"] = (await ClientForRoleAsync("supplier", _supplierA)).Client;
        _clients["analyst"] = (await ClientForRoleAsync("analyst")).Client;
        _clients["none"] = ClientWithKey(null);
        _clients["unknown"] = ClientWithKey("mm_this-key-was-never-issued-0000000000000");
    }

    /// <summary>Role, method, route template, expected status. {supplierA} etc. are filled in per run.</summary>
    public static TheoryData<string, string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, string, int>();
        void Add(string method, string url, int admin, int buyer, int supplier, int analyst)
        {
            data.Add("admin", method, url, admin);
            data.Add("buyer", method, url, buyer);
            data.Add("supplier", method, url, supplier);
            data.Add("analyst", method, url, analyst);
            data.Add("none", method, url, 401);
            data.Add("unknown", method, url, 401);
        }

        Add("GET", "/api/v1/reference/provinces", 200, 200, 200, 200);
        Add("GET", "/api/v1/reference/capabilities", 200, 200, 200, 200);
        Add("GET", "/api/v1/suppliers", 200, 200, 200, 200);
        Add("GET", "/api/v1/suppliers/{supplierA}", 200, 200, 200, 200);
        Add("POST", "/api/v1/suppliers", 201, 403, 403, 403);
        Add("PUT", "/api/v1/suppliers/{supplierA}", 200, 403, 200, 403);
        Add("PUT", "/api/v1/suppliers/{supplierB}", 200, 403, 403, 403);
        Add("DELETE", "/api/v1/suppliers/{supplierA}", 204, 403, 403, 403);
        Add("GET", "/api/v1/buyers", 200, 200, 200, 200);
        Add("GET", "/api/v1/buyers/{buyerA}", 200, 200, 200, 200);
        Add("POST", "/api/v1/buyers", 201, 403, 403, 403);
        Add("PUT", "/api/v1/buyers/{buyerA}", 200, 200, 403, 403);
        Add("PUT", "/api/v1/buyers/{buyerB}", 200, 403, 403, 403);
        Add("DELETE", "/api/v1/buyers/{buyerB}", 204, 403, 403, 403);
        Add("GET", "/api/v1/facilities", 200, 200, 200, 200);
        Add("GET", "/api/v1/facilities/{facility}", 200, 200, 200, 200);
        Add("POST", "/api/v1/facilities", 201, 403, 403, 403);
        Add("PUT", "/api/v1/facilities/{facility}", 200, 403, 403, 403);
        Add("DELETE", "/api/v1/facilities/{facility}", 204, 403, 403, 403);
        Add("GET", "/api/v1/api-keys", 200, 403, 403, 403);
        Add("POST", "/api/v1/api-keys", 201, 403, 403, 403);
        Add("GET", "/api/v1/audit", 200, 403, 403, 403);
        Add("GET", "/api/v1/suppliers/{supplierA}/opportunities", 200, 403, 200, 403);
        Add("GET", "/api/v1/suppliers/{supplierB}/opportunities", 200, 403, 403, 403);
        Add("GET", "/api/v1/suppliers/{supplierA}/matches", 200, 403, 200, 403);
        Add("GET", "/api/v1/needs", 200, 200, 403, 200);
        Add("POST", "/api/v1/needs", 201, 201, 403, 403);
        Add("GET", "/api/v1/partnerships", 200, 200, 200, 200);
        Add("GET", "/api/v1/analytics/linkage", 200, 403, 403, 200);
        Add("GET", "/api/v1/analytics/capability-gaps", 200, 403, 403, 200);
        Add("GET", "/api/v1/analytics/funnel", 200, 403, 403, 200);
        Add("GET", "/api/v1/events", 200, 200, 200, 403);
        Add("GET", "/api/v1/webhooks", 200, 200, 200, 403);
        Add("POST", "/api/v1/webhooks", 201, 201, 201, 403);
        Add("GET", "/api/v1/financiers", 200, 200, 200, 200);
        Add("POST", "/api/v1/financiers", 201, 403, 403, 403);
        Add("GET", "/api/v1/financing-requests", 200, 200, 200, 403);
        Add("GET", "/api/v1/programs", 200, 200, 200, 200);
        Add("POST", "/api/v1/programs", 201, 403, 403, 403);
        Add("GET", "/api/v1/suppliers/{supplierA}/recommendations", 200, 403, 200, 403);
        Add("GET", "/api/v1/suppliers/{supplierB}/recommendations", 200, 403, 403, 403);
        Add("GET", "/api/v1/suppliers/{supplierA}/programs", 200, 403, 200, 403);
        Add("GET", "/api/v1/analytics/financing", 200, 403, 403, 200);
        Add("GET", "/api/v1/analytics/programs", 200, 403, 403, 200);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_AllowsOrRefusesEachRole(string role, string method, string template, int expected)
    {
        var url = template.Replace("{supplierA}", _supplierA.ToString(), StringComparison.Ordinal)
            .Replace("{supplierB}", _supplierB.ToString(), StringComparison.Ordinal)
            .Replace("{buyerA}", _buyerA.ToString(), StringComparison.Ordinal)
            .Replace("{buyerB}", _buyerB.ToString(), StringComparison.Ordinal)
            .Replace("{facility}", _facility.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = BodyFor(method, template) };

        var response = await _clients[role].SendAsync(request);

        if (expected >= 400)
        {
            await response.ShouldBeProblemAsync((HttpStatusCode)expected);
        }
        else
        {
            Assert.True((int)response.StatusCode == expected, $"{role} {method} {template}: expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task RevokedKey_Gets401AtOnce()
    {
        var (client, keyId, _) = await ClientForRoleAsync("analyst");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/suppliers")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/api-keys/{keyId}")).StatusCode);

        await (await client.GetAsync("/api/v1/suppliers")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreatedKey_IsShownOnceAndListedByPrefixOnly()
    {
        var (_, keyId, secret) = await ClientForRoleAsync("analyst");

        var listText = await Client.GetStringAsync("/api/v1/api-keys");

        Assert.DoesNotContain(secret, listText, StringComparison.Ordinal);
        var listed = JsonNode.Parse(listText)!["items"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == keyId.ToString())!;
        Assert.Equal(secret[..11], listed["prefix"]!.GetValue<string>());
        Assert.Null(listed["key"]);
        Assert.True(secret.Length >= 40, "a key carries at least 128 random bits");
    }

    [Theory]
    [InlineData("{\"role\":\"buyer\",\"name\":\"x\"}", "organizationId")]
    [InlineData("{\"role\":\"admin\",\"name\":\"x\",\"organizationId\":\"0192f000-0000-7000-8000-000000000001\"}", "organizationId")]
    [InlineData("{\"role\":\"root\",\"name\":\"x\"}", "role")]
    [InlineData("{\"role\":\"analyst\"}", "name")]
    [InlineData("{\"role\":\"supplier\",\"name\":\"x\",\"organizationId\":\"0192f000-0000-7000-8000-000000000009\"}", "organizationId")]
    public async Task CreateKey_WithInvalidBody_Returns400NamingField(string body, string field)
    {
        var response = await Client.PostRawAsync("/api/v1/api-keys", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("supplier", true)]
    [InlineData("buyer", false)]
    [InlineData("analyst", false)]
    public async Task SupplierContact_IsVisibleOnlyToAdminAndTheSupplierItself(string role, bool visible)
    {
        var one = await (await _clients[role].GetAsync($"/api/v1/suppliers/{_supplierA}")).ReadJsonAsync();
        var list = await (await _clients[role].GetAsync("/api/v1/suppliers")).ReadJsonAsync();

        Assert.Equal(visible, one["contact"] is not null);
        var inList = list["items"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == _supplierA.ToString())!;
        Assert.Equal(visible, inList["contact"] is not null);
        var other = list["items"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == _supplierB.ToString())!;
        Assert.Equal(role == "admin", other["contact"] is not null);
    }

    [Fact]
    public async Task Audit_RecordsWhoChangedWhat()
    {
        var (supplierClient, supplierKeyId, _) = await ClientForRoleAsync("supplier", _supplierA);
        await (await supplierClient.PutJsonAsync($"/api/v1/suppliers/{_supplierA}", TestData.Supplier(name: "CV A Baru", nib: _supplierANib))).ShouldBeAsync(HttpStatusCode.OK);

        var audit = await (await Client.GetAsync($"/api/v1/audit?entity=supplier&entityId={_supplierA}")).ReadAsync<PagedList<JsonObject>>();

        Assert.Equal(["updated", "created"], audit.Items.Select(a => a["action"]!.GetValue<string>()));
        Assert.Equal(supplierKeyId.ToString(), audit.Items[0]["keyId"]!.GetValue<string>());
        Assert.Equal("supplier", audit.Items[0]["role"]!.GetValue<string>());
        Assert.Equal(Guid.Empty.ToString(), audit.Items[1]["keyId"]!.GetValue<string>());
        Assert.Equal("admin", audit.Items[1]["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Burst_OverTheLimit_Gets429WithRetryAfter()
    {
        using var limited = Fixture.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimiting:Burst", "5");
            builder.UseSetting("RateLimiting:PerSecond", "1");
        });
        using var client = limited.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 20 && rejected is null; i++)
        {
            var response = await client.GetAsync("/api/v1/reference/provinces");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected = response;
            }
        }

        Assert.NotNull(rejected);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 5);
        Assert.True(rejected.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        await rejected.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task OperationalEndpoints_NeedNoKey(string url)
    {
        var response = await ClientWithKey(null).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ErrorBodies_NeverEchoTheKey()
    {
        const string secret = "mm_secret-looking-value-that-must-not-leak-000";

        var response = await ClientWithKey(secret).GetAsync("/api/v1/suppliers");

        Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpContent? BodyFor(string method, string template)
    {
        object? body = (method, template) switch
        {
            ("POST", "/api/v1/suppliers") => TestData.Supplier(name: "CV Baru"),
            ("PUT", "/api/v1/suppliers/{supplierA}") => TestData.Supplier(name: "CV A", nib: _supplierANib),
            ("PUT", "/api/v1/suppliers/{supplierB}") => TestData.Supplier(name: "CV B"),
            ("POST", "/api/v1/buyers") or ("PUT", _) when template.Contains("buyers", StringComparison.Ordinal) => TestData.Buyer(),
            ("POST", "/api/v1/facilities") or ("PUT", "/api/v1/facilities/{facility}") => TestData.Facility(),
            ("POST", "/api/v1/api-keys") => new { role = "analyst", name = "matrix" },
            ("POST", "/api/v1/needs") => TestData.Need(buyerId: _buyerA),
            ("POST", "/api/v1/programs") => new
            {
                name = "Matrix clinic",
                @operator = "Dinas",
                kind = "training",
                capabilityCodes = new[] { "metal.casting" },
                startsOn = ApiFixture.Clock.Today,
                endsOn = ApiFixture.Clock.Today.AddDays(30),
                seats = 5,
            },
            ("POST", "/api/v1/financiers") => new { name = "Bank Matrix", type = "bank" },
            ("POST", "/api/v1/webhooks") => new { url = "http://127.0.0.1:9/hooks", events = new[] { "match.accepted" } },
            _ => null,
        };
        return body is null ? null : System.Net.Http.Json.JsonContent.Create(body, options: HttpExtensions.Json);
    }
}
