namespace Matchmaking.Domain.Common;

/// <summary>A domain rule was broken by input; <see cref="Field"/> names the offending field (camelCase path).</summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
