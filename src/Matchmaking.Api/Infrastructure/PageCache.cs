using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Matchmaking.Api.Infrastructure;

/// <summary>
/// Serialised list pages keyed by their ETag, which contains a version the database bumps with every change
/// the page can show (a run's status version for match pages, the registry version for supplier lists), so
/// an entry can never be stale: each instance keeps its own, bounded by size
/// (<c>Caching:MatchPagesMegabytes</c>, default 64), and several instances need no shared store.
/// </summary>
internal sealed class PageCache(IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache _pages = new(new MemoryCacheOptions
    {
        SizeLimit = configuration.GetValue("Caching:MatchPagesMegabytes", 64L) * 1024 * 1024,
    });

    /// <summary>Pages being built now: concurrent misses for one page wait for the one build instead of each making it.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<byte[]>> _building = new(StringComparer.Ordinal);

    public bool TryGet(string etag, out byte[] body) => _pages.TryGetValue(etag, out body!);

    public void Set(string etag, byte[] body) =>
        _pages.Set(etag, body, new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = TimeSpan.FromMinutes(30) });

    /// <summary>
    /// Answers a list page by its ETag: 304 when the client holds it, the cached bytes when this instance has
    /// them, else the page <paramref name="build"/> makes, serialised once and kept.
    /// </summary>
    public async Task<IResult> ServeAsync(HttpContext context, string etag, bool csv, string csvFileName, Func<Task<IResult>> build)
    {
        context.Response.Headers.ETag = etag;
        if (ETags.ClientHolds(context.Request, etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (!TryGet(etag, out var body))
        {
            body = await BuildOnceAsync(context, etag, build);
        }

        if (csv)
        {
            context.Response.Headers.ContentDisposition = $"inline; filename=\"{csvFileName}\"";
        }

        return Results.Bytes(body, csv ? CsvResult.ContentTypeWithCharset : "application/json; charset=utf-8");
    }

    private async Task<byte[]> BuildOnceAsync(HttpContext context, string etag, Func<Task<IResult>> build)
    {
        var mine = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _building.GetOrAdd(etag, mine.Task);
        if (shared != mine.Task)
        {
            try
            {
                return await shared;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                // The request building it failed or went away: this one builds the page itself.
                return await BuildAsync(context, build);
            }
        }

        try
        {
            var body = await BuildAsync(context, build);
            Set(etag, body);
            mine.SetResult(body);
            return body;
        }
        catch (Exception exception)
        {
            mine.SetException(exception);
            _ = mine.Task.Exception; // observed: the waiters build for themselves
            throw;
        }
        finally
        {
            _building.TryRemove(KeyValuePair.Create(etag, mine.Task));
        }
    }

    private static async Task<byte[]> BuildAsync(HttpContext context, Func<Task<IResult>> build)
    {
        var result = await build();
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return result is CsvResult table ? table.ToBytes() : JsonSerializer.SerializeToUtf8Bytes(((IValueHttpResult)result).Value, json);
    }

    /// <summary>A strong ETag from the parts that decide a page's bytes.</summary>
    public static string Tag(params object?[] parts) =>
        "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\u001f', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture))))))[..32] + "\"";

    public void Dispose() => _pages.Dispose();
}
