using System.Security.Cryptography;
using System.Text;
using Matchmaking.Api.Auth;
using Matchmaking.Application.Common.Idempotency;
using Microsoft.Net.Http.Headers;

namespace Matchmaking.Api.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on POST, as payment APIs made standard: the first successful answer (status,
/// body, Location, ETag) is stored with the write in one transaction and replayed byte for byte to a retry
/// with the same key from the same API key for 24 hours; the same key with another request is 422; a
/// duplicate while the first still runs is 409. Failed requests are not remembered (their writes roll
/// back), so a client may retry them with the same key.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(HeaderName, out var values)
            || context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is not { } caller)
        {
            await next(context);
            return;
        }

        var key = values.Count == 1 ? values[0] ?? string.Empty : string.Empty;
        if (!IsValidKey(key))
        {
            throw new IdempotencyException(StatusCodes.Status400BadRequest,
                $"'{HeaderName}' must be one value of 1 to {MaxKeyLength} printable ASCII characters.");
        }

        var ownTransaction = context.GetEndpoint()?.Metadata.GetMetadata<IdempotencyOutsideRequestTransaction>() is not null;
        await using var claim = await store.TryClaimAsync(caller, key, shareRequestTransaction: !ownTransaction, context.RequestAborted)
            ?? throw new IdempotencyException(StatusCodes.Status409Conflict,
                $"A request with this {HeaderName} is still being processed. Retry when it has finished.");

        var hashing = new RequestFingerprint(context.Request);
        if (claim.Stored is { } stored)
        {
            if (!CryptographicOperations.FixedTimeEquals(await hashing.FinishAsync(context.RequestAborted), stored.RequestHash))
            {
                throw new IdempotencyException(StatusCodes.Status422UnprocessableEntity,
                    $"This {HeaderName} was used for a different request (method, path or body). Use a new key for a new request.");
            }

            await ReplayAsync(context, stored);
            return;
        }

        var responseBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = responseBody;
        }

        var response = context.Response;
        if (response.StatusCode is >= 200 and < 300)
        {
            await claim.CompleteAsync(new StoredResponse(
                await hashing.FinishAsync(context.RequestAborted), response.StatusCode, response.ContentType,
                response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                buffer.ToArray()), context.RequestAborted);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(responseBody, context.RequestAborted);
    }

    private static bool IsValidKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength && key.All(c => c is >= ' ' and <= '~');

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.StatusCode;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            response.Headers.ETag = stored.ETag;
        }

        response.Headers[ReplayedHeaderName] = "true";
        response.ContentLength = stored.Body.Length;
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// <summary>SHA-256 over method, path, query and body, computed as the endpoint reads the body (bulk imports are not buffered).</summary>
    private sealed class RequestFingerprint
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly Stream _body;

        public RequestFingerprint(HttpRequest request)
        {
            _hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
            _body = request.Body;
            request.Body = new HashingStream(_body, _hash);
        }

        /// <summary>Reads what the endpoint left of the body and returns the digest.</summary>
        public async Task<byte[]> FinishAsync(CancellationToken cancellationToken)
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await _body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                _hash.AppendData(chunk, 0, read);
            }

            return _hash.GetHashAndReset();
        }
    }

    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            hash.AppendData(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            hash.AppendData(buffer, offset, read);
            return read;
        }

        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>An Idempotency-Key that cannot be honoured: malformed (400), in use (409), reused for another request (422).</summary>
internal sealed class IdempotencyException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// Endpoint metadata: the endpoint commits on its own (bulk import, batch by batch), so its stored answer
/// is written after it. Such an endpoint must be safe to run twice (import upserts by NIB).
/// </summary>
public sealed record IdempotencyOutsideRequestTransaction;
