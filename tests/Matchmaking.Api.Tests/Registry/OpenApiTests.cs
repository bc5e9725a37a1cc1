using System.Text.Json.Nodes;
using Matchmaking;
using Matchmaking.Api.Tests.Infrastructure;

namespace Matchmaking.Api.Tests.Registry;

public sealed class OpenApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonObject> DocumentAsync() =>
        JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();

    [Fact]
    public async Task Document_IsOpenApi3WithUniqueOperationIds()
    {
        var document = await DocumentAsync();

        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var operations = Operations(document).ToList();
        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        Assert.All(ids, id => Assert.Matches("^[A-Z][A-Za-z]+_[A-Z][A-Za-z]+$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("Suppliers_Create", ids);
    }

    [Fact]
    public async Task Document_DeclaresErrorResponsesAsProblemJson()
    {
        var document = await DocumentAsync();
        var create = Operations(document).Single(o => o.Operation["operationId"]!.GetValue<string>() == "Suppliers_Create").Operation;

        var responses = create["responses"]!.AsObject();
        foreach (var status in new[] { "201", "400", "409", "413", "415" })
        {
            Assert.True(responses.ContainsKey(status), $"Suppliers_Create lacks {status}");
        }

        Assert.True(responses["409"]!["content"]!.AsObject().ContainsKey("application/problem+json"));
    }

    /// <summary>Declared by convention, so no endpoint can drift: 400 everywhere, 413 and 415 wherever a body is read.</summary>
    [Fact]
    public async Task Document_DeclaresThePipelinesAnswersOnEveryOperation()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var (path, operation) in Operations(document).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var responses = operation["responses"]!.AsObject();
            var expected = operation.ContainsKey("requestBody") ? new[] { "400", "401", "413", "415", "429", "500", "503" } : ["400", "401", "429", "500", "503"];
            missing.AddRange(expected.Where(status => !responses.ContainsKey(status)).Select(status => $"{operation["operationId"]} {path} {status}"));
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public async Task Document_DescribesEnumsAsStrings()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();

        var scale = schemas.Single(s => s.Key.EndsWith("UmkmScale", StringComparison.Ordinal)).Value!;
        Assert.Equal("string", scale["type"]!.GetValue<string>());
        Assert.Equal(["micro", "small", "medium", "large"], scale["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Document_DeclaresApiKeySchemeOnProtectedOperationsOnly()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme["name"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        foreach (var (path, operation) in Operations(document))
        {
            var isProtected = path.StartsWith("/api/v1/", StringComparison.Ordinal);
            Assert.Equal(isProtected, operation["security"] is JsonArray { Count: > 0 });
            if (isProtected)
            {
                var responses = operation["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403") && responses.ContainsKey("429"), $"{path} lacks 401/403/429");
            }
        }
    }

    [Fact]
    public async Task Document_TellsGeneratorsWhatIsRequiredNullableAndBounded()
    {
        var text = await Client.GetStringAsync("/swagger/v1/swagger.json");
        var document = JsonNode.Parse(text)!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();

        // Short, specific names; none that collide with framework types.
        Assert.All(schemas.Select(s => s.Key), name => Assert.Matches("^[A-Z][A-Za-z0-9]+$", name));
        Assert.Contains("ApiKeyRole", schemas.Select(s => s.Key));
        Assert.Contains("Problem", schemas.Select(s => s.Key));
        Assert.DoesNotContain("Role", schemas.Select(s => s.Key));

        // Responses: what is always there is required; a consortium's missing supplier is a nullable reference.
        var match = schemas["MatchDto"]!;
        Assert.Superset(new HashSet<string> { "id", "runId", "rank", "kind", "score", "components", "reasons", "status" },
            match["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet());
        Assert.DoesNotContain("supplier", match["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.True(match["properties"]!["supplier"]!["nullable"]!.GetValue<bool>());
        Assert.NotNull(match["properties"]!["supplier"]!["allOf"]);

        // Inputs: required and limits come from the validators; optional enums are nullable.
        var supplier = schemas["SupplierInput"]!;
        Assert.Superset(new HashSet<string> { "name", "nib", "legalForm", "provinceCode", "location" },
            supplier["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet());
        Assert.Equal(Application.Common.Validation.RuleExtensions.NameMaxLength, supplier["properties"]!["name"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(Application.Suppliers.SupplierInputValidator.MaxCapabilities, supplier["properties"]!["capabilities"]!["maxItems"]!.GetValue<int>());
        Assert.Equal(100, supplier["properties"]!["tkdnPercent"]!["maximum"]!.GetValue<int>());
        Assert.True(schemas["NeedInput"]!["properties"]!["status"]!["nullable"]!.GetValue<bool>());

        // Import takes a binary body; CSV answers are text; enum filters are typed; headers are declared.
        var import = document["paths"]!["/api/v1/suppliers/import"]!["post"]!;
        Assert.Equal("binary", import["requestBody"]!["content"]!["text/csv"]!["schema"]!["format"]!.GetValue<string>());
        var list = document["paths"]!["/api/v1/suppliers"]!["get"]!;
        Assert.Equal("string", list["responses"]!["200"]!["content"]!["text/csv"]!["schema"]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/UmkmScale", list["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "scale")!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(list["responses"]!["200"]!["headers"]!["X-RateLimit-Remaining"]);
        var get = document["paths"]!["/api/v1/suppliers/{id}"]!["get"]!;
        Assert.NotNull(get["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.NotNull(get["responses"]!["304"]);
        Assert.Contains(get["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "If-None-Match");
        Assert.NotNull(get["responses"]!["503"]!["headers"]!["Retry-After"]);
        Assert.NotNull(get["responses"]!["500"]);
        Assert.Contains(document["paths"]!["/api/v1/buyers"]!["post"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
        Assert.NotEmpty(document["servers"]!.AsArray());
        Assert.All(Operations(document).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)),
            o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["description"]?.GetValue<string>()), $"{o.Path} has no description"));

        // deploy/test.sh lints this very document with Spectral after the tests.
        if (Environment.GetEnvironmentVariable("MATCHMAKING_OPENAPI_OUT") is { Length: > 0 } output)
        {
            await File.WriteAllTextAsync(output, text);
        }
    }

    [Fact]
    public async Task ConditionalGet_Answers304_AndEveryAnswerCarriesTheRateLimitBudget()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).ReadJsonAsync(System.Net.HttpStatusCode.Created);
        var first = await Client.GetAsync($"/api/v1/buyers/{created["id"]}");
        var etag = first.Headers.ETag!.Tag;
        var remaining = int.Parse(first.Headers.GetValues("X-RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ApiFixture.RateLimitBurst.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Headers.GetValues("X-RateLimit-Limit").Single());

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/buyers/{created["id"]}");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var notModified = await Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.InRange(int.Parse(notModified.Headers.GetValues("X-RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture), 0, ApiFixture.RateLimitBurst);
        Assert.InRange(remaining, 0, ApiFixture.RateLimitBurst);

        var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/buyers/{created["id"]}");
        stale.Headers.TryAddWithoutValidation("If-None-Match", "\"999\"");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Client.SendAsync(stale)).StatusCode);
    }

    private static IEnumerable<(string Path, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(method => Methods.Contains(method.Key))
            .Select(method => (path.Key, method.Value!.AsObject())));
}
