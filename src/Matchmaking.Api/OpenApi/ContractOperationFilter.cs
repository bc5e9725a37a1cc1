using System.Reflection;
using Matchmaking.Api.Auth;
using Matchmaking.Api.Infrastructure;
using Matchmaking.Application.Common.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Matchmaking.Api.OpenApi;

/// <summary>
/// What every operation answers besides its own result, declared by convention so no endpoint can forget
/// it: 400 for any request, 413 and 415 for any body, 500 and 503 (with Retry-After), rate-limit headers on every answer, Retry-After on 429, the ETag
/// header and conditional GET (If-None-Match, 304) on versioned resources, CSV as text, bulk import as a
/// binary body, and enum-valued query parameters typed as their enum.
/// </summary>
internal sealed class ContractOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) ?? true)
        {
            return;
        }

        operation.Responses ??= [];
        // What the pipeline answers for any request (the query guard runs before every endpoint) and any body,
        // whatever the endpoint declares itself.
        ProblemResponses.Add(operation, context, "400", "The request is not valid: errors names each field (body, query or header) and what is wrong with it.",
            typeof(HttpValidationProblemDetails));

        if (operation.RequestBody is not null)
        {
            ProblemResponses.Add(operation, context, "413", "The body is larger than this operation accepts.");
            ProblemResponses.Add(operation, context, "415", "The body's Content-Type is not one this operation reads.");
        }

        ProblemResponses.Add(operation, context, "500", "A defect on the server; quote the traceId when reporting it.");
        var unavailable = ProblemResponses.Add(operation, context, "503", "The database cannot answer right now; retry after Retry-After seconds.");
        AddHeader(unavailable, "Retry-After", "Seconds to wait before retrying.", JsonSchemaType.Integer);
        if (operation.Responses.TryGetValue("429", out var tooMany) && tooMany is OpenApiResponse limited)
        {
            AddHeader(limited, "Retry-After", "Seconds until the key's bucket holds a token again.", JsonSchemaType.Integer);
        }

        foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
        {
            AddHeader(response, ApiKeyRateLimit.LimitHeader, "Requests this API key may send in a burst.", JsonSchemaType.Integer);
            AddHeader(response, ApiKeyRateLimit.RemainingHeader, "Requests left in the burst.", JsonSchemaType.Integer);
            AddHeader(response, ApiKeyRateLimit.ResetHeader, "Seconds until the burst is fully available again.", JsonSchemaType.Integer);
        }

        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var policy = metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        if (string.IsNullOrEmpty(operation.Description))
        {
            operation.Description = $"{operation.Summary}.{(policy is null ? string.Empty : $" Who may call it: {Policies.Describe(policy)}.")}";
        }

        if (metadata.OfType<ETagged>().Any())
        {
            DeclareETag(operation, context);
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse { Content: { } content } && content.TryGetValue(CsvResult.ContentType, out var csv))
            {
                // CSV alone (a /csv twin) is a file download for generators; beside JSON it is the same page as text.
                csv.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = content.Count == 1 ? "binary" : null,
                    MaxLength = int.MaxValue,
                    Description = "RFC 4180 CSV with a header row, UTF-8; cells that a spreadsheet would run as formulas start with an apostrophe.",
                };
                if (content.Count > 1)
                {
                    operation.Description = AppendSentence(operation.Description, $"Send Accept: text/csv for the same answer as CSV ({status}), or call the /csv twin.");
                }
            }
        }

        if (operation.RequestBody is OpenApiRequestBody { Content: { } bodies } && !bodies.ContainsKey("application/json"))
        {
            foreach (var body in bodies.Values)
            {
                body.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }

        TypeEnumParameters(operation, context);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Header && parameter.Name!.Contains('-', StringComparison.Ordinal))
            {
                // Generators name the argument after this (ifMatch, idempotencyKey) instead of if_Match.
                var words = parameter.Name.Split('-');
                parameter.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                parameter.Extensions["x-originalName"] = new JsonNodeExtension(
                    words[0].ToLowerInvariant() + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant())));
            }

            if (parameter.Schema is OpenApiSchema paging && parameter.Name is "page" or "pageSize")
            {
                paging.Minimum = "1";
                paging.Maximum = (parameter.Name == "page" ? Paging.MaxPage : Paging.MaxPageSize).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (parameter.Schema is OpenApiSchema limit && parameter.Name == "limit")
            {
                limit.Minimum = "1";
                limit.Maximum = Application.Events.ListEvents.ListEventsQuery.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static void DeclareETag(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var (status, response) in operation.Responses!)
        {
            if (status.StartsWith('2') && response is OpenApiResponse success)
            {
                AddHeader(success, "ETag", "The resource's version; send it back in If-Match to update safely.", JsonSchemaType.String);
            }
        }

        if (!string.Equals(context.ApiDescription.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "An ETag you hold; 304 Not Modified when it is still current.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
        });
        var notModified = new OpenApiResponse { Description = "Not modified: the ETag sent in If-None-Match is still current." };
        AddHeader(notModified, "ETag", "The resource's version.", JsonSchemaType.String);
        operation.Responses["304"] = notModified;
    }

    private static void TypeEnumParameters(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var description in context.ApiDescription.ParameterDescriptions)
        {
            var parameterInfo = (description.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo;
            var enumType = parameterInfo?.GetCustomAttributes().OfType<IOpenApiEnum>().FirstOrDefault()?.EnumType;
            var parameter = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == description.Name);
            if (enumType is not null && parameter is not null)
            {
                parameter.Schema = context.SchemaGenerator.GenerateSchema(enumType, context.SchemaRepository);
            }
        }
    }

    private static void AddHeader(OpenApiResponse response, string name, string description, JsonSchemaType type)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader
        {
            Description = description,
            Schema = type == JsonSchemaType.Integer
                ? new OpenApiSchema { Type = type, Format = "int32", Minimum = "0", Maximum = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : new OpenApiSchema { Type = type, MaxLength = 100 },
        };
    }

    private static string AppendSentence(string? text, string sentence) =>
        string.IsNullOrEmpty(text) ? sentence : text.Contains(sentence, StringComparison.Ordinal) ? text : $"{text} {sentence}";
}
