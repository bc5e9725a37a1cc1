using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matchmaking.Application.Common.Json;

/// <summary>The API's JSON: camelCase, enums as snake_case strings, no numbers in strings, nulls omitted.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = ConfigureForRequests(Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }

    /// <summary>
    /// Reading requests is strict: an unknown property is refused (the document says additionalProperties:
    /// false, and a misspelt optional field must not pass unnoticed), and so is null inside a list.
    /// </summary>
    public static JsonSerializerOptions ConfigureForRequests(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new NoNullElementsConverterFactory());
        options.MaxDepth = 32;
        return options;
    }
}
