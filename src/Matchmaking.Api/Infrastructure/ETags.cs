using System.Globalization;
using Matchmaking.Application.Common.Exceptions;
using Microsoft.Net.Http.Headers;

namespace Matchmaking.Api.Infrastructure;

/// <summary>Entity versions as strong ETags (<c>"3"</c>), and If-Match parsing.</summary>
internal static class ETags
{
    public static string Format(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Null when the client sent no precondition (or <c>*</c>); the version it expects otherwise. Parsed as the
    /// entity-tag list RFC 9110 defines (the framework's typed header); If-Match compares strongly, so a weak
    /// tag, or one we never issued, cannot match the current representation.
    /// </summary>
    public static int? ParseIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseStrictList([ifMatch], out var tags) || tags.Count == 0)
        {
            throw new PreconditionFailedException($"If-Match {ifMatch} is not a list of entity tags.");
        }

        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }

        var versions = tags.Where(tag => !tag.IsWeak).Select(VersionOf).OfType<int>().Distinct().ToList();
        return versions.Count == 1
            ? versions[0]
            : throw new PreconditionFailedException(versions.Count == 0
                ? $"If-Match {ifMatch} does not match the current ETag."
                : $"If-Match {ifMatch} names several versions; send the one you last read.");
    }

    private static int? VersionOf(EntityTagHeaderValue tag) =>
        int.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    public static void Set(HttpContext context, int version) => context.Response.Headers.ETag = Format(version);

    /// <summary>True when the request's If-None-Match names this ETag (or <c>*</c>): the client's copy is current.</summary>
    public static bool ClientHolds(HttpRequest request, string etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any)
            || tag.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));

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
