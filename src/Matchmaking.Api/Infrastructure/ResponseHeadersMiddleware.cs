namespace Matchmaking.Api.Infrastructure;

/// <summary>
/// Headers that keep answers safe where they land: no content sniffing anywhere; authenticated data is
/// <c>private</c> (no shared cache keeps it), and answers that can carry personal contact details
/// (UU 27/2022) are <c>no-store</c>.
/// </summary>
internal sealed class ResponseHeadersMiddleware(RequestDelegate next, Auth.ApiKeyRateLimit rateLimit)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                headers.CacheControl = context.GetEndpoint()?.Metadata.GetMetadata<CarriesPersonalData>() is not null ? "no-store" : "private";
                rateLimit.AddHeaders(context);
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>Endpoint metadata: the answer may hold personal data, so no cache may store it.</summary>
public sealed record CarriesPersonalData;
