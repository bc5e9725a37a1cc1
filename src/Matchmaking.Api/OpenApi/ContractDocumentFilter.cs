using System.Globalization;
using System.Text.Json.Nodes;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Matchmaking.Api.OpenApi;

/// <summary>
/// The last pass over the document: a server, and an upper bound on every string, integer and array that
/// has none from a validation rule (the bounds the database and the paging already enforce), so clients and
/// gateways can size and check what they send and receive. A required input field is not nullable.
/// </summary>
internal sealed class ContractDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "Production: the host that serves this document (local when started with deploy/run.sh).",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(false) },
            },
        ];
        document.Info.Contact ??= new OpenApiContact { Name = "Matchmaking API" };

        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (schema is OpenApiSchema concrete)
            {
                var isInput = name.EndsWith("Input", StringComparison.Ordinal);
                foreach (var (property, propertySchema) in concrete.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    var isItems = property == "items" && name.EndsWith("Page", StringComparison.Ordinal);
                    Bound(propertySchema, isItems ? Paging.MaxPageSize : DefaultMaxItems);
                    if (isInput && concrete.Required?.Contains(property) == true && propertySchema is OpenApiSchema required && required.Type is { } type)
                    {
                        required.Type = type & ~JsonSchemaType.Null;
                    }
                }

                Bound(concrete, DefaultMaxItems);
            }
        }

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.Schema is OpenApiSchema { MaxLength: null } text && text.Type == JsonSchemaType.String && text.Format is null)
                {
                    text.MaxLength = Infrastructure.QueryStringGuardMiddleware.MaxValueLength;
                }

                Bound(parameter.Schema, DefaultMaxItems);
            }

            foreach (var body in operation.RequestBody?.Content?.Values.AsEnumerable() ?? [])
            {
                Bound(body.Schema, DefaultMaxItems);
            }

            foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
            {
                foreach (var media in response.Content?.Values.AsEnumerable() ?? [])
                {
                    Bound(media.Schema, DefaultMaxItems);
                }

                foreach (var header in response.Headers?.Values.AsEnumerable() ?? [])
                {
                    Bound(header.Schema, DefaultMaxItems);
                }
            }
        }

        DescribeEvents(document);
    }

    /// <summary>The feed pages by its own limit; event types are spelled out for subscribers and generators.</summary>
    private static void DescribeEvents(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        if (schemas.TryGetValue("EventPage", out var page) && page.Properties?["items"] is OpenApiSchema items)
        {
            items.MaxItems = Application.Events.ListEvents.ListEventsQuery.MaxLimit;
        }

        // Strings, not an enum: a type added later must not break the clients generated before it.
        var known = "One of: " + string.Join(", ", Domain.Events.EventTypes.All) + " (more may be added; ignore those you do not know).";
        if (schemas.TryGetValue("WebhookInput", out var input) && input.Properties?["events"] is OpenApiSchema { Items: OpenApiSchema eventType })
        {
            eventType.Description = known;
        }

        if (schemas.TryGetValue("EventDto", out var dto) && dto.Properties?["type"] is OpenApiSchema type)
        {
            type.Description = known;
        }
    }

    /// <summary>Lists the API returns whole (reference data, reasons, members) never reach this size.</summary>
    private const int DefaultMaxItems = 10_000;

    private static void Bound(IOpenApiSchema? schema, int maxItems)
    {
        if (schema is not OpenApiSchema target)
        {
            return;
        }

        var type = target.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.String) && target.MaxLength is null && target.Enum is not { Count: > 0 })
        {
            target.MaxLength = target.Format switch
            {
                "uuid" => 36,
                "date" => 10,
                "date-time" => 40,
                "binary" => int.MaxValue, // bulk import: up to 4 GiB, more than maxLength can say
                _ => RuleExtensions.LongTextMaxLength,
            };
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            var int64 = target.Format == "int64";
            target.Minimum ??= (int64 ? long.MinValue : int.MinValue).ToString(CultureInfo.InvariantCulture);
            target.Maximum ??= (int64 ? long.MaxValue : int.MaxValue).ToString(CultureInfo.InvariantCulture);
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            target.MaxItems ??= maxItems;
            Bound(target.Items, DefaultMaxItems);
        }

        foreach (var part in target.AllOf ?? [])
        {
            Bound(part, maxItems);
        }

        Bound(target.AdditionalProperties, maxItems);
    }
}
