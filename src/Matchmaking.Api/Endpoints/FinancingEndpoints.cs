using Matchmaking.Api.Auth;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Financing;
using Matchmaking.Application.Financing.AcceptOffer;
using Matchmaking.Application.Financing.ConfirmFinancing;
using Matchmaking.Application.Financing.CreateFinancier;
using Matchmaking.Application.Financing.Disburse;
using Matchmaking.Application.Financing.GetFinancingRequest;
using Matchmaking.Application.Financing.ListFinanciers;
using Matchmaking.Application.Financing.ListFinancingRequests;
using Matchmaking.Application.Financing.MakeOffer;
using Matchmaking.Application.Financing.RequestFinancing;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchmaking.Api.Endpoints;

/// <summary>Financing through partnerships: a supplier's confirmed order with a large buyer as the collateral financiers compete for.</summary>
public static class FinancingEndpoints
{
    public static IEndpointRouteBuilder MapFinancingEndpoints(this IEndpointRouteBuilder app)
    {
        var financiers = app.MapApiGroup("/api/v1/financiers", "Financing");
        financiers.MapPost("/", CreateFinancier).WithName("Financiers_Create").RequireAuthorization(Policies.Admin)
            .WithSummary("Register a bank, finance company, cooperative or partnership fund (then issue it keys with role financier)");
        financiers.MapGet("/", ListFinanciers).WithName("Financiers_List").RequireAuthorization(Policies.AnyKey)
            .WithSummary("Registered financiers, by name");

        var requests = app.MapApiGroup("/api/v1/financing-requests", "Financing").RequireAuthorization(Policies.Financing);
        requests.MapPost("/", Request).WithName("Financing_Request").RequireAuthorization(Policies.SupplierOnly)
            .WithSummary("Supplier: ask for financing against an active partnership (at most 80% of its share of the agreed value), naming the financiers that may see it").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapGet("/", List).WithName("Financing_List").WithSummary("Requests the caller may see, newest first");
        requests.MapGet("/{id:guid}", Get).WithName("Financing_Get")
            .WithSummary("One request; financiers (audited) and admin also get the risk profile, the lending financier the supplier's contact")
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPost("/{id:guid}/confirm", Confirm).WithName("Financing_Confirm").RequireAuthorization(Policies.Procurement)
            .WithSummary("Buyer: confirm the order value and the expected payment date").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/dispute", Dispute).WithName("Financing_Dispute").RequireAuthorization(Policies.Procurement)
            .WithSummary("Buyer: dispute the order, with a reason").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/offers", Offer).WithName("Financing_Offer").RequireAuthorization(Policies.FinancierOnly)
            .WithSummary("Financier: offer amount, annual rate, fees and tenor (one open offer per financier)").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/offers/{offerId:guid}/accept", Accept).WithName("Financing_AcceptOffer").RequireAuthorization(Policies.SupplierOnly)
            .WithSummary("Supplier: accept one offer; the others lapse")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/disburse", Disburse).WithName("Financing_Disburse").RequireAuthorization(Policies.FinancierOnly)
            .WithSummary("Lending financier: record the disbursement (repaid when the supplier reports the buyer's payment)").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Created<FinancierDto>> CreateFinancier(FinancierInput body, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new CreateFinancierCommand(body), cancellationToken);
        return TypedResults.Created($"/api/v1/financiers/{created.Id}", created);
    }

    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Ok<PagedList<FinancierDto>>> ListFinanciers(IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListFinanciersQuery(page, pageSize), cancellationToken));

    private static async Task<Created<FinancingRequestDto>> Request(FinancingRequestInput body, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new RequestFinancingCommand(body), cancellationToken);
        return TypedResults.Created($"/api/v1/financing-requests/{created.Id}", created);
    }

    /// <param name="status">requested, confirmed, disputed, accepted, disbursed or repaid.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Ok<PagedList<FinancingRequestDto>>> List(
        IMediator mediator, CancellationToken cancellationToken, [OpenApi.OpenApiEnum<Domain.Financing.FinancingStatus>] string? status = null,
        int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListFinancingRequestsQuery(status, page, pageSize), cancellationToken));

    private static async Task<Ok<FinancingRequestDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetFinancingRequestQuery(id), cancellationToken));

    private static async Task<Ok<FinancingRequestDto>> Confirm(Guid id, ConfirmationInput body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ConfirmFinancingCommand(id, true, body), cancellationToken));

    private static async Task<Ok<FinancingRequestDto>> Dispute(Guid id, ConfirmationInput body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ConfirmFinancingCommand(id, false, body), cancellationToken));

    private static async Task<Ok<FinancingRequestDto>> Offer(Guid id, OfferInput body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new MakeOfferCommand(id, body), cancellationToken));

    private static async Task<Ok<FinancingRequestDto>> Accept(Guid id, Guid offerId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new AcceptOfferCommand(id, offerId), cancellationToken));

    private static async Task<Ok<FinancingRequestDto>> Disburse(Guid id, DisbursementInput body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new DisburseCommand(id, body), cancellationToken));
}
