namespace Matchmaking.Domain.Matching;

/// <summary>Who did something: the API key and its role.</summary>
public sealed record Actor(Guid? KeyId, string? Role);
