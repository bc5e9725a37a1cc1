using System.Text.Json;
using System.Text.RegularExpressions;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Json;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Infrastructure.Resilience;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Matchmaking.Api.Infrastructure;

/// <summary>The one place that turns exceptions into problem+json (RFC 9457).</summary>
internal sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problemDetails, DatabaseOutageLog outageLog, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>What a 503 asks the client to wait before retrying, in seconds.</summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (DatabaseFaults.IsUnavailable(exception))
        {
            outageLog.Report(exception);
            problem = Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                $"The database cannot answer right now. Retry after {RetryAfterSeconds} s.");
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            problem = ToProblem(exception);
            if (problem.Status >= 500)
            {
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            }
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => Validation(validation.Errors),
        DomainRuleException rule => Validation(new Dictionary<string, string[]> { [rule.Field] = [rule.Message] }),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
        ConflictException conflict => conflict.Field is null
            ? Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message)
            : WithErrors(Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message), conflict.Field, conflict.Message),
        InvalidStateTransitionException transition => Problem(StatusCodes.Status409Conflict, "Conflict", transition.Message),
        PreconditionFailedException precondition => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", precondition.Message),
        IdempotencyException idempotency => WithErrors(
            Problem(idempotency.Status, idempotency.Status switch
            {
                StatusCodes.Status409Conflict => "Conflict",
                StatusCodes.Status422UnprocessableEntity => "Unprocessable entity",
                _ => "One or more validation errors occurred.",
            }, idempotency.Message), IdempotencyMiddleware.HeaderName, idempotency.Message),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message),
        BadHttpRequestException badRequest => FromBadRequest(badRequest),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Conflict",
            "The resource was changed by another request at the same time. Read it again and retry."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique } =>
            Problem(StatusCodes.Status409Conflict, "Conflict", $"A record with the same unique value already exists ({unique.ConstraintName})."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } =>
            Problem(StatusCodes.Status409Conflict, "Conflict", "Other records still refer to this one, or a record it refers to does not exist."),
        OperationCanceledException => Problem(499, "Client closed request", "The request was cancelled."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Internal server error",
            "An unexpected error occurred. Quote the traceId when reporting it."),
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var (field, message) = JsonErrors.Describe(json);
            return Validation(new Dictionary<string, string[]> { [field] = [message] });
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => Problem(413, "Payload too large", "The request body is larger than the limit (1 MiB; bulk import 4 GiB)."),
            StatusCodes.Status415UnsupportedMediaType => Problem(415, "Unsupported media type",
                exception.Message.StartsWith("Send ", StringComparison.Ordinal) ? exception.Message : "Send the body as application/json."),
            _ => BadRequestFromBinding(exception),
        };
    }

    private static ProblemDetails BadRequestFromBinding(BadHttpRequestException exception)
    {
        // Minimal API binding messages name the parameter: 'Failed to bind parameter "int page" from "x".'
        var parameter = BindingParameter().Match(exception.Message);
        if (parameter.Success)
        {
            var name = parameter.Groups["name"].Value;
            return Validation(new Dictionary<string, string[]> { [name] = [$"'{name}' has an invalid value \"{parameter.Groups["value"].Value}\"."] });
        }

        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return Validation(new Dictionary<string, string[]> { ["body"] = ["A JSON request body is required."] });
        }

        return Problem(StatusCodes.Status400BadRequest, "Bad request", exception.Message);
    }

    private static ValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
            Detail = "See 'errors' for the fields to correct.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };

    private static ProblemDetails WithErrors(ProblemDetails problem, string field, string message)
    {
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>\w+)" from "(?<value>[^"]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex BindingParameter();
}
