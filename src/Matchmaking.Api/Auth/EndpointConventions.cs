namespace Matchmaking.Api.Auth;

public static class EndpointConventions
{
    /// <summary>
    /// Every <c>/api/v1</c> group: a valid key is required (endpoints narrow it with a policy), and the
    /// OpenAPI document declares the 401, 403 and 429 answers.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix).WithTags(tag)
            .RequireAuthorization(Policies.AnyKey)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
