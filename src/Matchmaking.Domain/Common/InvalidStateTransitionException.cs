namespace Matchmaking.Domain.Common;

/// <summary>An action that the entity's current state does not allow (answered 409).</summary>
public sealed class InvalidStateTransitionException(string message) : Exception(message);
