using Matchmaking.Application.Common.Models;
using Matchmaking.Domain.Access;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.Api.OpenApi;

/// <summary>
/// Short schema names that generators keep as class names: the type's own name, with the few that
/// collide with framework types in consumers renamed (CS0104). Swashbuckle refuses a name used twice.
/// </summary>
internal static class SchemaIds
{
    public static string For(Type type)
    {
        if (type == typeof(Role))
        {
            return "ApiKeyRole";
        }

        if (type == typeof(ProblemDetails))
        {
            return "Problem";
        }

        if (type == typeof(HttpValidationProblemDetails) || type == typeof(ValidationProblemDetails))
        {
            return "ValidationProblem";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PagedList<>))
        {
            var item = type.GetGenericArguments()[0].Name;
            return (item.EndsWith("Dto", StringComparison.Ordinal) ? item[..^3] : item) + "Page";
        }

        return type.Name;
    }
}
