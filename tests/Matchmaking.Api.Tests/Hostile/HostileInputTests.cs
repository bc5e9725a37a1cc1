using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matchmaking.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Matchmaking.Api.Tests.Hostile;

/// <summary>
/// Walks every operation of the served OpenAPI document and sends, per parameter and per body field,
/// hostile values generated from its schema. No answer may be 5xx; every 4xx is problem+json, and a value
/// that can never be valid (wrong type, NUL, control characters, bad UTF-8, null in a list, overflow, deep
/// nesting) is a 400 naming the field.
/// </summary>
public sealed class HostileInputTests(ApiFixture fixture) : ApiTest(fixture)
{
    private readonly List<string> _failures = [];
    private int _requests;
    private JsonObject _document = null!;
    private HttpClient _admin = null!;

    [Fact]
    public async Task Every_operation_answers_generated_hostile_input_with_a_deliberate_4xx_never_a_5xx()
    {
        await using var api = Fixture.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimiting:Burst", "1000000");
            b.UseSetting("RateLimiting:PerSecond", "1000000");
        });
        _admin = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _admin.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        var ids = await RealIdsAsync();
        _document = JsonNode.Parse(await _admin.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();

        foreach (var (path, item) in _document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (method, operationNode) in item!.AsObject())
            {
                var operation = operationNode!.AsObject();
                var url = FillPath(path, ids);
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } bodySchema
                    ? Sample(bodySchema, ids, name: null) : null;
                var id = operation["operationId"]!.GetValue<string>();
                if (body is JsonObject sampleBody)
                {
                    Prefill(id, sampleBody, ids);
                }

                await AttackParametersAsync(id, method, url, operation, body);
                if (body is not null)
                {
                    await AttackBodyAsync(id, method, url, body, operation["requestBody"]!["content"]!["application/json"]!["schema"]!);
                }
            }
        }

        Assert.True(_requests >= 1000, $"only {_requests} requests were generated");
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_requests} answers were wrong:\n" + string.Join("\n", _failures.Take(40)));
    }

    private async Task<Dictionary<string, string>> RealIdsAsync()
    {
        var scenario = new Scenario(_admin, ClientForRoleAsync);
        var buyer = await scenario.BuyerAsync();
        var supplier = await scenario.SupplierAsync("CV Sasaran Uji");
        var need = await scenario.NeedAsync(buyer);
        var match = (await scenario.RunAsync(need)).Values.First();
        var facility = (await (await _admin.PostJsonAsync("/api/v1/facilities", TestData.Facility())).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        return new Dictionary<string, string>
        {
            ["buyers"] = buyer.ToString(),
            ["suppliers"] = supplier.ToString(),
            ["needs"] = need.ToString(),
            ["matches"] = match.ToString(),
            ["facilities"] = facility,
            ["partnerships"] = Guid.NewGuid().ToString(),
            ["api-keys"] = Guid.NewGuid().ToString(),
            ["buyerId"] = buyer.ToString(),
            ["supplierId"] = supplier.ToString(),
            ["organizationId"] = buyer.ToString(),
            ["needId"] = need.ToString(),
        };
    }

    private static string FillPath(string path, Dictionary<string, string> ids)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                segments[i] = ids.GetValueOrDefault(segments[i - 1], Guid.NewGuid().ToString());
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>Known valid bodies for the big inputs, so a mutation is the only thing wrong with them.</summary>
    private static void Prefill(string operationId, JsonObject body, Dictionary<string, string> ids)
    {
        object? valid = operationId switch
        {
            "Suppliers_Create" or "Suppliers_Replace" => TestData.Supplier(),
            "Buyers_Create" or "Buyers_Replace" => TestData.Buyer(),
            "Facilities_Create" or "Facilities_Replace" => TestData.Facility(),
            "Needs_Create" or "Needs_Replace" => TestData.Need(buyerId: Guid.Parse(ids["buyers"])),
            _ => null,
        };
        if (valid is null)
        {
            return;
        }

        body.Clear();
        foreach (var (name, value) in JsonSerializer.SerializeToNode(valid, HttpExtensions.Json)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }
    }

    private async Task AttackParametersAsync(string id, string method, string url, JsonObject operation, JsonNode? body)
    {
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            var name = parameter!["name"]!.GetValue<string>();
            var location = parameter["in"]!.GetValue<string>();
            if (location == "path")
            {
                await CheckAsync(id, $"path {name}=not-a-uuid", method, url.Replace(url.Split('/').First(s => Guid.TryParse(s, out _)), "not-a-uuid", StringComparison.Ordinal), body?.ToJsonString(), null, field: null);
                continue;
            }

            var schema = Resolve(parameter["schema"]!);
            foreach (var (label, value, alwaysInvalid) in HostileQueryValues(schema))
            {
                if (location == "query")
                {
                    var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                    await CheckAsync(id, $"query {name}={label}", method, $"{url}{separator}{Uri.EscapeDataString(name)}={value}", body?.ToJsonString(), null,
                        alwaysInvalid ? name : null);
                }
                else if (location == "header" && !value.Contains('%', StringComparison.Ordinal))
                {
                    await CheckAsync(id, $"header {name}={label}", method, url, body?.ToJsonString(), (name, Uri.UnescapeDataString(value)), field: null);
                }
            }
        }
    }

    private static IEnumerable<(string Label, string Value, bool AlwaysInvalid)> HostileQueryValues(JsonNode schema)
    {
        var type = schema["type"]?.GetValue<string>();
        yield return ("empty", string.Empty, false);
        yield return ("NUL", "a%00b", true);
        yield return ("control", "a%01b", true);
        yield return ("invalid UTF-8", "%FF%FE", true);
        yield return ("very long", new string('x', 5000), true);
        yield return ("spaces", "%20%20", false);
        if (type is "integer" or "number")
        {
            yield return ("not a number", "abc", true);
            yield return ("overflow", "99999999999999999999", true);
            yield return ("int max", "2147483647", false);
            yield return ("negative", "-1", false);
            yield return ("zero", "0", false);
            yield return ("fraction", "1.5", type == "integer");
        }
        else if (schema["format"]?.GetValue<string>() is "uuid" or "date" or "date-time" || schema["enum"] is not null)
        {
            yield return ("wrong format", "not-valid", true);
        }
        else
        {
            yield return ("quote and SQL", "%27%20OR%201%3D1--", false);
            yield return ("formula", "%3D1%2B1", false);
        }
    }

    private async Task AttackBodyAsync(string id, string method, string url, JsonNode body, JsonNode schema)
    {
        foreach (var (label, raw) in new[]
        {
            ("empty body", string.Empty), ("null body", "null"), ("array body", "[]"), ("truncated", "{\"a\":"),
            ("deep nesting", new string('[', 5000) + new string(']', 5000)), ("string body", "\"x\""),
        })
        {
            await CheckAsync(id, label, method, url, raw, null, field: null);
        }

        await CheckBytesAsync(id, "invalid UTF-8 body", method, url, [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]);

        foreach (var (path, fieldSchema) in Fields(Resolve(schema), prefix: string.Empty, depth: 0))
        {
            foreach (var (label, value, alwaysInvalid) in HostileBodyValues(fieldSchema))
            {
                var mutated = body.DeepClone();
                var fieldName = path.Replace("[0]", string.Empty, StringComparison.Ordinal);
                if (!Set(mutated, path, value))
                {
                    continue;
                }

                var text = mutated.ToJsonString();
                if (label == "invalid UTF-8")
                {
                    var marker = "\"__bad_utf8__\"";
                    var bytes = Encoding.UTF8.GetBytes(text.Replace("\"__bad_utf8__\"", marker, StringComparison.Ordinal));
                    var at = IndexOf(bytes, Encoding.UTF8.GetBytes(marker));
                    if (at >= 0)
                    {
                        bytes[at + 1] = 0xFF;
                        bytes[at + 2] = 0xFE;
                    }

                    await CheckBytesAsync(id, $"{path}: {label}", method, url, bytes);
                    continue;
                }

                await CheckAsync(id, $"{path}: {label}", method, url, text, null, alwaysInvalid ? fieldName : null);
            }
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    private IEnumerable<(string Path, JsonNode Schema)> Fields(JsonNode schema, string prefix, int depth)
    {
        if (schema["properties"] is not JsonObject properties || depth > 2)
        {
            yield break;
        }

        foreach (var (name, propertyNode) in properties)
        {
            if (propertyNode!["readOnly"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var property = Resolve(propertyNode);
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            yield return (path, property);
            if (property["type"]?.GetValue<string>() == "array" && property["items"] is { } items && Resolve(items)["properties"] is not null)
            {
                foreach (var nested in Fields(Resolve(items), $"{path}[0]", depth + 1))
                {
                    yield return nested;
                }
            }
            else if (property["properties"] is not null)
            {
                foreach (var nested in Fields(property, path, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<(string Label, JsonNode? Value, bool AlwaysInvalid)> HostileBodyValues(JsonNode schema)
    {
        var type = schema["type"]?.GetValue<string>() ?? (schema["enum"] is not null ? "string" : "object");
        yield return ("missing", Missing, false);
        yield return ("null", null, false);
        yield return ("deep nesting", JsonNode.Parse(new string('[', 40) + new string(']', 40)), true);
        switch (type)
        {
            case "string":
                yield return ("wrong type", JsonValue.Create(12345), true);
                yield return ("object", new JsonObject { ["a"] = 1 }, true);
                yield return ("empty", JsonValue.Create(string.Empty), false);
                yield return ("very long", JsonValue.Create(new string('x', 100_000)), true);
                yield return ("NUL", JsonValue.Create("a\u0000b"), true);
                yield return ("control", JsonValue.Create("a\u0007b"), true);
                yield return ("invalid UTF-8", JsonValue.Create("__bad_utf8__"), true);
                yield return ("formula", JsonValue.Create("=HYPERLINK(\"http://x\")"), false);
                yield return ("far date", JsonValue.Create("9999-12-31"), false);
                yield return ("ancient date", JsonValue.Create("0001-01-01"), false);
                break;
            case "integer" or "number":
                yield return ("wrong type", JsonValue.Create("abc"), true);
                yield return ("overflow", JsonNode.Parse("1e400"), true);
                yield return ("long overflow", JsonNode.Parse("99999999999999999999999"), true);
                yield return ("negative", JsonValue.Create(-1), false);
                yield return ("zero", JsonValue.Create(0), false);
                yield return ("int max", JsonValue.Create(int.MaxValue), false);
                yield return ("fraction", JsonValue.Create(0.5), type == "integer");
                break;
            case "boolean":
                yield return ("wrong type", JsonValue.Create("yes"), true);
                yield return ("number", JsonValue.Create(1), true);
                break;
            case "array":
                yield return ("wrong type", JsonValue.Create("abc"), true);
                yield return ("null element", new JsonArray((JsonNode?)null), true);
                yield return ("empty", new JsonArray(), false);
                yield return ("many", new JsonArray(Enumerable.Range(0, 2000).Select(i => (JsonNode?)JsonValue.Create($"x{i}")).ToArray()), false);
                break;
            default:
                yield return ("wrong type", JsonValue.Create(42), true);
                yield return ("array", new JsonArray(), true);
                break;
        }
    }

    private static readonly JsonNode Missing = JsonValue.Create("__missing__");

    private static bool Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode? current = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            current = Step(current, parts[i]);
            if (current is null)
            {
                return false;
            }
        }

        var last = parts[^1];
        if (current is not JsonObject parent)
        {
            return false;
        }

        if (ReferenceEquals(value, Missing))
        {
            parent.Remove(last);
        }
        else
        {
            parent[last] = value?.DeepClone();
        }

        return true;
    }

    private static JsonNode? Step(JsonNode? node, string part)
    {
        var name = part.Replace("[0]", string.Empty, StringComparison.Ordinal);
        var next = (node as JsonObject)?[name];
        return part.EndsWith("[0]", StringComparison.Ordinal) ? (next as JsonArray)?.FirstOrDefault() : next;
    }

    private JsonNode Resolve(JsonNode schema)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Resolve(_document["components"]!["schemas"]![reference.Split('/')[^1]]!);
        }

        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema[combinator] is JsonArray options && options.FirstOrDefault(o => o?["type"]?.GetValue<string>() != "null") is { } first)
            {
                return Resolve(first);
            }
        }

        return schema;
    }

    private JsonNode? Sample(JsonNode schemaNode, Dictionary<string, string> ids, string? name)
    {
        var schema = Resolve(schemaNode);
        if (schema["enum"] is JsonArray values)
        {
            return values[0]?.DeepClone();
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "string":
                return schema["format"]?.GetValue<string>() switch
                {
                    "uuid" => JsonValue.Create(name is not null && ids.TryGetValue(name, out var known) ? known : Guid.NewGuid().ToString()),
                    "date" => JsonValue.Create(ApiFixture.Clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                    "date-time" => JsonValue.Create(ApiFixture.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
                    _ => JsonValue.Create("sample"),
                };
            case "integer":
            case "number":
                return JsonValue.Create(1);
            case "boolean":
                return JsonValue.Create(false);
            case "array":
                return schema["items"] is { } items ? new JsonArray(Sample(items, ids, null)) : new JsonArray();
            default:
                var result = new JsonObject();
                foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
                {
                    result[property] = Sample(propertySchema!, ids, property);
                }

                return result;
        }
    }

    private async Task CheckAsync(string id, string label, string method, string url, string? body, (string Name, string Value)? header, string? field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        await JudgeAsync(id, label, await _admin.SendAsync(request), field);
    }

    private async Task CheckBytesAsync(string id, string label, string method, string url, byte[] body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        await JudgeAsync(id, label, await _admin.SendAsync(request), field: null);
    }

    private async Task JudgeAsync(string id, string label, HttpResponseMessage response, string? field)
    {
        _requests++;
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var where = $"{id} [{label}] → {status}";
        if (status >= 500)
        {
            _failures.Add($"{where}: {Shorten(text)}");
            return;
        }

        if (status < 400)
        {
            if (field is not null)
            {
                _failures.Add($"{where}: a value that can never be valid for '{field}' was accepted");
            }

            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            _failures.Add($"{where}: not problem+json ({response.Content.Headers.ContentType})");
            return;
        }

        if (status != 400 || field is null)
        {
            return;
        }

        var errors = JsonNode.Parse(text)?["errors"] as JsonObject;
        var named = errors is not null && errors.Any(e =>
            e.Key.Replace("[0]", string.Empty, StringComparison.Ordinal).StartsWith(field, StringComparison.OrdinalIgnoreCase)
            || field.StartsWith(e.Key, StringComparison.OrdinalIgnoreCase));
        if (!named)
        {
            _failures.Add($"{where}: 400 does not name '{field}': {Shorten(text)}");
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
