using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Validators;
using Matchmaking.Application;
using Matchmaking.Application.Common.Validation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Matchmaking.Api.OpenApi;

/// <summary>
/// Makes each schema say what a client generator needs, from the code itself:
/// - responses: every property that is never null is <c>required</c>;
/// - inputs (<c>*Input</c>): <c>required</c>, <c>maxLength</c>, <c>minimum</c>/<c>maximum</c>, <c>pattern</c> and
///   <c>maxItems</c> rendered from the FluentValidation rules that validate requests (one source for both);
///   optional enums and objects are nullable.
/// </summary>
internal sealed class ContractSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is not { Count: > 0 } || !context.Type.IsClass)
        {
            return;
        }

        var isInput = context.Type.Name.EndsWith("Input", StringComparison.Ordinal);
        target.Required ??= new HashSet<string>();
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!target.Properties.TryGetValue(name, out var propertySchema))
            {
                continue;
            }

            var nullable = Nullability.Create(property).ReadState != NullabilityState.NotNull;
            if (!isInput && !nullable)
            {
                target.Required.Add(name);
            }

            if (propertySchema is OpenApiSchemaReference reference && (nullable || isInput))
            {
                // OpenAPI 3.0 cannot put nullable beside a $ref: wrap it, so generators make the property nullable.
                target.Properties[name] = new OpenApiSchema { AllOf = [reference], Type = JsonSchemaType.Null };
            }
        }

        if (isInput)
        {
            ApplyValidationRules(target, context.Type);
        }
    }

    private void ApplyValidationRules(OpenApiSchema schema, Type inputType)
    {
        foreach (var (member, validator, conditional) in RulesFor(inputType))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(member);
            if (!schema.Properties!.TryGetValue(name, out var property))
            {
                continue;
            }

            if (validator is INotNullValidator or INotEmptyValidator && !conditional)
            {
                schema.Required!.Add(name);
            }

            if (property is not OpenApiSchema limits)
            {
                continue;
            }

            switch (validator)
            {
                case ILengthValidator length:
                    limits.MaxLength = length.Max > 0 ? length.Max : limits.MaxLength;
                    limits.MinLength = length.Min > 0 ? length.Min : limits.MinLength;
                    break;
                case IBetweenValidator between when IsNumber(between.From):
                    limits.Minimum = Number(between.From);
                    limits.Maximum = Number(between.To);
                    break;
                case IComparisonValidator { ValueToCompare: { } value } comparison when IsNumber(value):
                    if (comparison.Comparison is Comparison.GreaterThan or Comparison.GreaterThanOrEqual)
                    {
                        limits.Minimum = Number(value);
                        limits.ExclusiveMinimum = comparison.Comparison == Comparison.GreaterThan ? Number(value) : null;
                    }
                    else if (comparison.Comparison is Comparison.LessThan or Comparison.LessThanOrEqual)
                    {
                        limits.Maximum = Number(value);
                    }

                    break;
                case IRegularExpressionValidator pattern:
                    limits.Pattern = pattern.Expression;
                    break;
                case IMaxItemsValidator maxItems:
                    limits.MaxItems = maxItems.Max;
                    break;
            }
        }
    }

    /// <summary>The rules of the validator for this input, and of command validators that validate it as their <c>Body</c>.</summary>
    private IEnumerable<(string Member, IPropertyValidator Validator, bool Conditional)> RulesFor(Type inputType)
    {
        foreach (var validatorType in typeof(ApplicationAssembly).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true }))
        {
            var validated = validatorType.BaseType is { IsGenericType: true } baseType && baseType.GetGenericTypeDefinition() == typeof(AbstractValidator<>)
                ? baseType.GetGenericArguments()[0] : null;
            var prefix = validated == inputType ? string.Empty
                : validated?.GetProperty("Body")?.PropertyType == inputType ? "Body." : null;
            if (prefix is null)
            {
                continue;
            }

            var validator = (IValidator)ActivatorUtilities.CreateInstance(services, validatorType);
            foreach (var member in validator.CreateDescriptor().GetMembersWithValidators())
            {
                if (!member.Key.StartsWith(prefix, StringComparison.Ordinal) || member.Key[prefix.Length..].Contains('.', StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var (propertyValidator, options) in member)
                {
                    yield return (member.Key[prefix.Length..], propertyValidator, options.HasCondition || options.HasAsyncCondition);
                }
            }
        }
    }

    private static bool IsNumber(object? value) => value is int or long or decimal or double or float;

    private static string Number(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
}
