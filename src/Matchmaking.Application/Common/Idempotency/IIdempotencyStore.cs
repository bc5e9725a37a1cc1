namespace Matchmaking.Application.Common.Idempotency;

/// <summary>
/// Remembers the answer to a POST sent with an <c>Idempotency-Key</c>, per calling API key, so that a
/// retry gets the first answer again instead of a second resource.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for this request. Null when another request holding the same key is still running.
    /// With <paramref name="shareRequestTransaction"/> the claim opens the request's own database
    /// transaction, so the write and its remembered answer commit together; without it (bulk import, which
    /// commits batch by batch on its own) the claim holds a connection of its own.
    /// </summary>
    Task<IIdempotencyClaim?> TryClaimAsync(string caller, string key, bool shareRequestTransaction, CancellationToken cancellationToken);

    /// <summary>Deletes answers kept longer than the retention; returns how many.</summary>
    Task<int> DeleteExpiredAsync(CancellationToken cancellationToken);
}

/// <summary>A claimed key: the earlier answer if there is one, else the right to store this one.</summary>
public interface IIdempotencyClaim : IAsyncDisposable
{
    StoredResponse? Stored { get; }

    /// <summary>Stores the answer and commits; disposing without completing rolls everything back.</summary>
    Task CompleteAsync(StoredResponse response, CancellationToken cancellationToken);
}

/// <summary>What is replayed: the request's fingerprint to compare, and the first answer byte for byte.</summary>
public sealed record StoredResponse(byte[] RequestHash, int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body);
