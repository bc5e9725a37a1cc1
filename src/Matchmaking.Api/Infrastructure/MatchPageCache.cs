using Microsoft.Extensions.Caching.Memory;

namespace Matchmaking.Api.Infrastructure;

/// <summary>
/// Serialised match pages, keyed by their ETag (run, status version, query, format). A stored run never
/// re-ranks and every status change bumps the version in the database, so an entry can never be stale:
/// each instance keeps its own, bounded by size (<c>Caching:MatchPagesMegabytes</c>, default 64), and
/// several instances need no shared store.
/// </summary>
internal sealed class MatchPageCache(IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache _pages = new(new MemoryCacheOptions
    {
        SizeLimit = configuration.GetValue("Caching:MatchPagesMegabytes", 64L) * 1024 * 1024,
    });

    public bool TryGet(string etag, out byte[] body) => _pages.TryGetValue(etag, out body!);

    public void Set(string etag, byte[] body) =>
        _pages.Set(etag, body, new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = TimeSpan.FromMinutes(30) });

    public void Dispose() => _pages.Dispose();
}
