namespace Matchmaking.Application.Common.Behaviors;

/// <summary>Turns a validator's property path (<c>Body.Capabilities[0].Code</c>) into the JSON path the client sent (<c>capabilities[0].code</c>).</summary>
public static class FieldPath
{
    private const string BodyPrefix = "Body.";

    public static string ToClientPath(string propertyName)
    {
        var path = propertyName.StartsWith(BodyPrefix, StringComparison.Ordinal) ? propertyName[BodyPrefix.Length..] : propertyName;
        return string.Join('.', path.Split('.').Select(CamelCase));
    }

    private static string CamelCase(string segment) =>
        segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..];
}
