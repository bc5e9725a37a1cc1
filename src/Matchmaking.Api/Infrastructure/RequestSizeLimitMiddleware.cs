using Microsoft.AspNetCore.Http.Features;

namespace Matchmaking.Api.Infrastructure;

/// <summary>
/// Answers 413 early for bodies that announce a length over the limit. Kestrel enforces the same limit
/// on streamed (chunked) bodies; this also covers hosts without Kestrel's limit, such as the test server.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    public const long DefaultLimitBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimit>()?.Bytes ?? DefaultLimitBytes;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        await next(context);
    }
}

/// <summary>Endpoint metadata that raises the body-size limit for one endpoint (bulk import).</summary>
public sealed record BodySizeLimit(long Bytes);
