using System.Text.Json;
using Matchmaking.Api.Auth;
using Matchmaking.Application.Common.Json;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Events.ListEvents;
using Matchmaking.Application.Webhooks;
using Matchmaking.Application.Webhooks.CreateWebhook;
using Matchmaking.Application.Webhooks.DeleteWebhook;
using Matchmaking.Application.Webhooks.EnableWebhook;
using Matchmaking.Application.Webhooks.GetWebhook;
using Matchmaking.Application.Webhooks.ListDeliveries;
using Matchmaking.Application.Webhooks.ListWebhooks;
using Matchmaking.Application.Webhooks.Redeliver;
using Matchmaking.Application.Webhooks.RotateWebhookSecret;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchmaking.Api.Endpoints;

/// <summary>The event feed and webhook subscriptions: how procurement systems learn of changes without polling every list.</summary>
public static class EventEndpoints
{
    public const string Ndjson = "application/x-ndjson";

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/v1/events", "Events").RequireAuthorization(Policies.Subscribers)
            .MapGet("/", Feed).WithName("Events_List")
            .WithSummary("Events the caller may see, oldest first, after a cursor (JSON, or one event a line with Accept: application/x-ndjson)")
            .WithDescription("Resume from the `next` of the last page: no event is skipped or repeated. `next` is the cursor given when nothing new has "
                + "happened. Events appear once every transaction older than theirs has ended, usually within milliseconds of the change.")
            .Produces<EventPage>(StatusCodes.Status200OK, "application/json", Ndjson);

        var hooks = app.MapApiGroup("/api/v1/webhooks", "Webhooks").RequireAuthorization(Policies.Subscribers);
        hooks.MapPost("/", Create).WithName("Webhooks_Create")
            .WithSummary("Subscribe a URL to event types; the signing secret is in the response this once")
            .WithDescription("Deliveries are POSTed as Standard Webhooks sign them: headers webhook-id (the event id), webhook-timestamp (Unix seconds) and "
                + "webhook-signature (`v1,` + base64 HMAC-SHA256, keyed with the base64-decoded secret after `whsec_`, of `{id}.{timestamp}.{body}`; "
                + "space-separated, one per secret in force). Body: the event as the feed lists it. 2xx within the timeout is success; anything else "
                + "is retried with back-off for about 24 h, then given up; a subscription whose deliveries keep failing is disabled (event webhook.disabled).");
        hooks.MapGet("/", List).WithName("Webhooks_List").WithSummary("The caller's subscriptions (admin: all)");
        hooks.MapGet("/{id:guid}", Get).WithName("Webhooks_Get").ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapDelete("/{id:guid}", Delete).WithName("Webhooks_Delete").WithSummary("End a subscription and its pending deliveries")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{id:guid}/rotate-secret", Rotate).WithName("Webhooks_RotateSecret")
            .WithSummary("A new signing secret, shown this once; the previous one keeps signing beside it for the overlap period")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{id:guid}/enable", Enable).WithName("Webhooks_Enable")
            .WithSummary("Start a disabled subscription again (new events; re-send given-up deliveries one by one)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapGet("/{id:guid}/deliveries", Deliveries).WithName("Webhooks_ListDeliveries")
            .WithSummary("Deliveries, newest first, each with every attempt (status, error, the first bytes of the answer, duration)").ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver).WithName("Webhooks_Redeliver")
            .WithSummary("Send a delivery again from the start of the retry schedule (same webhook-id)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="after">The <c>next</c> of an earlier page; omitted: from the start of what the caller may see.</param>
    /// <param name="types">Comma-separated event types, e.g. match.accepted,partnership.created; omitted: all.</param>
    /// <param name="limit">1..1000, default 100.</param>
    private static async Task<Results<Ok<EventPage>, PushStreamHttpResult>> Feed(
        IMediator mediator, HttpRequest request, CancellationToken cancellationToken, string? after = null, string? types = null, int limit = ListEventsQuery.DefaultLimit)
    {
        var page = await mediator.Send(new ListEventsQuery(after, types, limit), cancellationToken);
        if (!WantsNdjson(request))
        {
            return TypedResults.Ok(page);
        }

        request.HttpContext.Response.Headers["X-Next-Cursor"] = page.Next;
        return TypedResults.Stream(async stream =>
        {
            foreach (var item in page.Items)
            {
                await JsonSerializer.SerializeAsync(stream, item, JsonDefaults.Options, cancellationToken);
                await stream.WriteAsync(NewLine, cancellationToken);
            }
        }, Ndjson);
    }

    private static async Task<Created<WebhookWithSecretDto>> Create(WebhookInput body, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new CreateWebhookCommand(body), cancellationToken);
        return TypedResults.Created($"/api/v1/webhooks/{created.Id}", created);
    }

    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Ok<PagedList<WebhookDto>>> List(IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListWebhooksQuery(page, pageSize), cancellationToken));

    private static async Task<Ok<WebhookDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetWebhookQuery(id), cancellationToken));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteWebhookCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WebhookWithSecretDto>> Rotate(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RotateWebhookSecretCommand(id), cancellationToken));

    private static async Task<Ok<WebhookDto>> Enable(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new EnableWebhookCommand(id), cancellationToken));

    /// <param name="status">pending, succeeded or failed.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Ok<PagedList<WebhookDeliveryDto>>> Deliveries(
        Guid id, IMediator mediator, CancellationToken cancellationToken,
        [OpenApi.OpenApiEnum<Domain.Webhooks.DeliveryStatus>] string? status = null, int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListDeliveriesQuery(id, status, page, pageSize), cancellationToken));

    private static async Task<Accepted<WebhookDeliveryDto>> Redeliver(Guid id, Guid deliveryId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", await mediator.Send(new RedeliverCommand(id, deliveryId), cancellationToken));

    private static bool WantsNdjson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(Ndjson, StringComparison.OrdinalIgnoreCase) && a.Quality is null or > 0);
}
