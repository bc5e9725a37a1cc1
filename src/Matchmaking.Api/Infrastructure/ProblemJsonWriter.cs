using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Matchmaking.Api.Infrastructure;

/// <summary>
/// Errors are problem+json whatever the request's Accept header says. The framework's writer declines when
/// Accept names only text/csv, and the client then got an empty 400; a client that asked for CSV still
/// needs to read why it got none.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Title ??= Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Type ??= $"https://tools.ietf.org/html/rfc9110#section-15.{(problem.Status >= 500 ? 6 : 5)}";
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
            problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
    }
}
