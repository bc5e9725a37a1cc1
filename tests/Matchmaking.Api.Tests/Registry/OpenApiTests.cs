using System.Text.Json.Nodes;
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

    private static IEnumerable<(string Path, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(method => Methods.Contains(method.Key))
            .Select(method => (path.Key, method.Value!.AsObject())));
}
