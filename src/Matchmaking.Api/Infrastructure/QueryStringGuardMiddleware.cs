using System.Text.Unicode;
using System.Web;
using Matchmaking.Application.Common.Exceptions;

namespace Matchmaking.Api.Infrastructure;

/// <summary>
/// One rule for every query parameter of every endpoint: no control characters (PostgreSQL text cannot
/// hold NUL), no bytes that are not UTF-8, at most 1,000 characters. Anything else is a 400 naming the
/// parameter before an endpoint sees it.
/// </summary>
internal sealed class QueryStringGuardMiddleware(RequestDelegate next)
{
    public const int MaxValueLength = 1000;

    public Task InvokeAsync(HttpContext context)
    {
        // The decoded query keeps bytes that are not UTF-8 as literal %XX; check the raw escapes first.
        foreach (var pair in (context.Request.QueryString.Value ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.Contains('%', StringComparison.Ordinal) && !Utf8.IsValid(HttpUtility.UrlDecodeToBytes(pair)))
            {
                var name = HttpUtility.UrlDecode(pair.Split('=')[0]);
                throw new ValidationException(name, $"'{name}' must be UTF-8 text without control characters.");
            }
        }

        foreach (var (name, values) in context.Request.Query)
        {
            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (value.Length > MaxValueLength)
                {
                    throw new ValidationException(name, $"'{name}' must be at most {MaxValueLength} characters.");
                }

                if (value.Any(c => char.IsControl(c) || c == '\uFFFD'))
                {
                    throw new ValidationException(name, $"'{name}' must be UTF-8 text without control characters.");
                }
            }
        }

        return next(context);
    }
}
