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
