using Matchmaking.Api.Auth;
using Matchmaking.Api.Infrastructure;
using Matchmaking.Api.OpenApi;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Partnerships;
using Matchmaking.Application.Partnerships.CompletePartnership;
using Matchmaking.Application.Partnerships.GetPartnership;
using Matchmaking.Application.Partnerships.ListPartnerships;
using Matchmaking.Application.Partnerships.RecordPayment;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchmaking.Api.Endpoints;

public static class PartnershipEndpoints
{
    public static IEndpointRouteBuilder MapPartnershipEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/partnerships", "Partnerships");
        group.MapGet("/", List).WithName("Partnerships_List").RequireAuthorization(Policies.Parties)
            .WithSummary("Partnerships visible to the caller (JSON or Accept: text/csv)")
            .Produces<PagedList<PartnershipDto>>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType);
        group.MapCsvTwin("/", List, "Partnerships_List", "Partnerships").RequireAuthorization(Policies.Parties);
        group.MapGet("/{id:guid}", Get).WithName("Partnerships_Get").RequireAuthorization(Policies.Parties)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/complete", Complete).WithName("Partnerships_Complete").RequireAuthorization(Policies.Procurement)
            .WithSummary("Buyer: mark the partnership completed with quality and on-time ratings (1..5); only once").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/payment", Payment).WithName("Partnerships_RecordPayment").RequireAuthorization(Policies.SupplierSelfOrAdmin)
            .WithSummary("Supplier: report invoice and payment dates (the buyer's days-to-pay record); only once").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="buyerId">Partnerships of this buyer.</param>
    /// <param name="supplierId">Partnerships with this supplier as a member.</param>
    /// <param name="status">active or completed.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Results<Ok<PagedList<PartnershipDto>>, CsvResult>> List(
        IMediator mediator, HttpRequest request, CancellationToken cancellationToken,
        Guid? buyerId = null, Guid? supplierId = null, [OpenApiEnum<Domain.Partnerships.PartnershipStatus>] string? status = null, int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        var result = await mediator.Send(new ListPartnershipsQuery(buyerId, supplierId, status, page, pageSize), cancellationToken);
        if (!CsvResult.IsRequested(request))
        {
            return TypedResults.Ok(result);
        }

        return new CsvResult(
            ["id", "needId", "buyerId", "members", "agreedValueIdr", "startDate", "status", "qualityRating", "onTimeRating", "invoicedOn", "paidOn", "daysToPay"],
            result.Items.Select(p => (IReadOnlyList<string?>)
            [
                p.Id.ToString(), p.NeedId.ToString(), p.BuyerId.ToString(),
                string.Join(';', p.Members.Select(m => $"{m.SupplierId}:{CsvResult.Format(m.Share)}")),
                CsvResult.Format(p.AgreedValueIdr), CsvResult.Format(p.StartDate), CsvResult.Format(p.Status),
                CsvResult.Format(p.QualityRating), CsvResult.Format(p.OnTimeRating), CsvResult.Format(p.InvoicedOn), CsvResult.Format(p.PaidOn),
                CsvResult.Format(p.DaysToPay),
            ]),
            "partnerships.csv");
    }

    private static async Task<Ok<PartnershipDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPartnershipQuery(id), cancellationToken));

    private static async Task<Ok<PartnershipDto>> Complete(Guid id, CompletionInput body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new CompletePartnershipCommand(id, body), cancellationToken));

    private static async Task<Ok<PartnershipDto>> Payment(Guid id, PaymentInput body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RecordPaymentCommand(id, body), cancellationToken));
}
