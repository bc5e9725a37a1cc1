using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Matchmaking.Api.Infrastructure;

/// <summary>Declares the optional Idempotency-Key header, and its 409/422/503 answers, on every POST.</summary>
internal sealed class IdempotencyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!string.Equals(context.ApiDescription.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "1 to 255 printable ASCII characters, unique per request (a UUID). A retry with the same key within 24 hours " +
                "gets the first successful answer again (with Idempotent-Replayed: true) instead of acting twice; the same key with " +
                "another request is 422; while the first is still running, 409.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyMiddleware.MaxKeyLength },
        });
        ProblemResponses.Add(operation, context, "409", "Conflict: the resource's state forbids this, or a request with the same Idempotency-Key is still running.");
        ProblemResponses.Add(operation, context, "422", "The Idempotency-Key was used for a different request.");
    }
}

internal static class ProblemResponses
{
    public static OpenApiResponse Add(OpenApiOperation operation, OperationFilterContext context, string status, string description, Type? problem = null)
    {
        operation.Responses ??= [];
        if (operation.Responses.TryGetValue(status, out var existing) && existing is OpenApiResponse declared)
        {
            return declared;
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(problem ?? typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) },
            },
        };
        operation.Responses[status] = response;
        return response;
    }
}
