namespace Matchmaking.Api.OpenApi;

/// <summary>
/// A query parameter bound as text (so a bad value gets the validator's message) whose values are an
/// enum's wire names: the document declares it as that enum, so generated clients type it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OpenApiEnumAttribute<TEnum> : Attribute, IOpenApiEnum
    where TEnum : struct, Enum
{
    public Type EnumType => typeof(TEnum);
}

public interface IOpenApiEnum
{
    Type EnumType { get; }
}
