using Matchmaking.Application.Common.Exceptions;

namespace Matchmaking.Application.Common.Validation;

public static class ConcurrencyCheck
{
    /// <summary>Throws 412 when the client's If-Match names another version than the stored one.</summary>
    public static void EnsureMatches(int? expectedVersion, int currentVersion)
    {
        if (expectedVersion is { } expected && expected != currentVersion)
        {
            throw new PreconditionFailedException(
                $"The resource changed since you read it (your version {expected}, current {currentVersion}). Read it again and reapply your change.");
        }
    }
}
