using System.Text.Json;
using System.Text.RegularExpressions;
using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Application.Common.Json;

/// <summary>Turns a JSON reading error into the field a client sent and a sentence in its words (no .NET type names).</summary>
public static partial class JsonErrors
{
    public static (string Field, string Message) Describe(JsonException json)
    {
        var field = ToField(json.Path);
        if (json.Message == NullElementMessage.InElement && json.InnerException is JsonException element
            && json.Data[ListElementError.Index] is int index)
        {
            var (inner, message) = Describe(element);
            var list = field == "body" ? string.Empty : field;
            return ($"{list}[{index}]" + (inner == "body" ? string.Empty : inner.StartsWith('[') ? inner : "." + inner), message);
        }

        if (json.Message is NullElementMessage.NullElement or NullElementMessage.ExpectedArray)
        {
            return (field, json.Message);
        }

        var unmapped = UnmappedProperty().Match(json.Message);
        if (unmapped.Success)
        {
            var name = unmapped.Groups["name"].Value;
            var named = field == "body" ? name : field.EndsWith(name, StringComparison.Ordinal) ? field : $"{field}.{name}";
            return (named, $"Unknown property '{name}'.");
        }

        if (json.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return (field, "The JSON is nested too deeply.");
        }

        var target = ConversionTarget().Match(json.Message);
        if (!target.Success)
        {
            return (field, "The request body is not valid JSON.");
        }

        var type = target.Groups["type"].Value;
        var expected = type switch
        {
            _ when type.Contains("Int64", StringComparison.Ordinal) || type.Contains("Int32", StringComparison.Ordinal) =>
                "a whole number within range",
            _ when type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) =>
                "a number within range",
            _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when type.Contains("DateOnly", StringComparison.Ordinal) => "a date as YYYY-MM-DD",
            _ when type.Contains("DateTime", StringComparison.Ordinal) => "an ISO-8601 timestamp",
            _ when type.Contains("Guid", StringComparison.Ordinal) => "a UUID",
            _ when type.Contains("String", StringComparison.Ordinal) => "a string",
            _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal) => "an array",
            _ => EnumNames(type) is { } names ? $"one of: {names}" : "a value of another type",
        };
        return (field, $"Expected {expected}.");
    }

    private static string ToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string? EnumNames(string typeName)
    {
        var simple = typeName.Split('.', '+').Last().TrimEnd(']');
        var enumType = typeof(Domain.Common.LegalForm).Assembly.GetTypes().FirstOrDefault(t => t.IsEnum && t.Name == simple);
        return enumType is null ? null : string.Join(", ", Enum.GetNames(enumType).Select(RuleExtensions.WireName));
    }

    [GeneratedRegex(@"could not be converted to (?<type>[^\s.][^\s]*?)\.? Path", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionTarget();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();
}
