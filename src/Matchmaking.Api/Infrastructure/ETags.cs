using System.Globalization;
using Matchmaking.Application.Common.Exceptions;

namespace Matchmaking.Api.Infrastructure;

/// <summary>Entity versions as strong ETags (<c>"3"</c>), and If-Match parsing.</summary>
internal static class ETags
{
    public static string Format(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Null when the client sent no precondition (or <c>*</c>); the version it expects otherwise.</summary>
    public static int? ParseIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return null;
        }

        var tag = ifMatch.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        if (tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"'
            && int.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        // An ETag we never issued cannot match the current representation.
        throw new PreconditionFailedException($"If-Match {ifMatch} does not match the current ETag.");
    }

    public static void Set(HttpContext context, int version) => context.Response.Headers.ETag = Format(version);

    /// <summary>True when the request's If-None-Match names this ETag (or <c>*</c>): the client's copy is current.</summary>
    public static bool ClientHolds(HttpRequest request, string etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(Microsoft.Net.Http.Headers.EntityTagHeaderValue.Any)
            || tag.Compare(new Microsoft.Net.Http.Headers.EntityTagHeaderValue(etag), useStrongComparison: false));

    /// <summary>
    /// Marks an endpoint as answering with the resource's ETag (declared in the document), and makes a GET
    /// answer 304 Not Modified when the client's If-None-Match already names it.
    /// </summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ETagged()).AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) && http.Response.Headers.ETag.ToString() is { Length: > 0 } etag && ClientHolds(http.Request, etag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return result;
        });
}

/// <summary>Endpoint metadata: the answer carries an ETag (the entity's version).</summary>
public sealed record ETagged;
