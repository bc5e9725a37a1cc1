using Matchmaking.Api.Auth;
using Matchmaking.Application.ApiKeys;
using Matchmaking.Application.ApiKeys.CreateApiKey;
using Matchmaking.Application.ApiKeys.ListApiKeys;
using Matchmaking.Application.ApiKeys.RevokeApiKey;
using Matchmaking.Application.Audit.ListAuditEntries;
using Matchmaking.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchmaking.Api.Endpoints;

public static class AccessEndpoints
{
    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapApiGroup("/api/v1/api-keys", "Access").RequireAuthorization(Policies.Admin);
        keys.MapPost("/", Create).WithName("ApiKeys_Create")
            .WithSummary("Create an API key; the secret is in the response this once and stored only as a hash");
        keys.MapGet("/", List).WithName("ApiKeys_List").WithSummary("List API keys (prefix only, never the secret)");
        keys.MapDelete("/{id:guid}", Revoke).WithName("ApiKeys_Revoke").WithSummary("Revoke an API key: it gets 401 from the next request")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapApiGroup("/api/v1/audit", "Access").RequireAuthorization(Policies.Admin)
            .MapGet("/", Audit).WithName("Audit_List")
            .WithSummary("Who (key id) changed what (entity, id, action) when; newest first");
        return app;
    }

    private static async Task<Created<CreatedApiKeyDto>> Create(ApiKeyInput body, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new CreateApiKeyCommand(body), cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{created.Id}", created);
    }

    private static async Task<Ok<PagedList<ApiKeyDto>>> List(IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(page, pageSize), cancellationToken));

    private static async Task<NoContent> Revoke(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiKeyCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="entity">supplier, buyer, facility, apiKey, ...</param>
    /// <param name="entityId">The changed record's id.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Ok<PagedList<AuditEntryDto>>> Audit(
        IMediator mediator, CancellationToken cancellationToken, string? entity = null, Guid? entityId = null, int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListAuditEntriesQuery(entity, entityId, page, pageSize), cancellationToken));
}
