using Matchmaking.Api.Auth;
using Matchmaking.Api.Infrastructure;
using Matchmaking.Api.OpenApi;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Buyers.CreateBuyer;
using Matchmaking.Application.Buyers.DeleteBuyer;
using Matchmaking.Application.Buyers.GetBuyer;
using Matchmaking.Application.Buyers.ListBuyers;
using Matchmaking.Application.Buyers.ReplaceBuyer;
using Matchmaking.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.Api.Endpoints;

public static class BuyerEndpoints
{
    public static IEndpointRouteBuilder MapBuyerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/buyers", "Buyers");

        group.MapPost("/", Create).WithName("Buyers_Create").WithETag().RequireAuthorization(Policies.Admin)
            .WithSummary("Register a buyer organisation (BUMN, BUMD, large company, government)");
        group.MapGet("/", List).WithName("Buyers_List")
            .WithSummary("List buyers (JSON or Accept: text/csv)")
            .Produces<PagedList<BuyerDto>>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType);
        group.MapCsvTwin("/", List, "Buyers_List", "Buyers");
        group.MapGet("/{id:guid}", Get).WithName("Buyers_Get").WithETag()
            .WithSummary("Read one buyer; the ETag header carries its version")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Replace).WithName("Buyers_Replace").WithETag().RequireAuthorization(Policies.BuyerSelf)
            .WithSummary("Replace a buyer; send If-Match with the ETag you read").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{id:guid}", Delete).WithName("Buyers_Delete").RequireAuthorization(Policies.Admin)
            .WithSummary("Delete a buyer that has no procurement history")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    private static async Task<Created<BuyerDto>> Create(BuyerInput body, IMediator mediator, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new CreateBuyerCommand(body), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Created($"/api/v1/buyers/{result.Value.Id}", result.Value);
    }

    /// <param name="type">bumn, bumd, large_private or government.</param>
    /// <param name="provinceCode">BPS province code.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Results<Ok<PagedList<BuyerDto>>, CsvResult>> List(
        IMediator mediator, HttpRequest request, CancellationToken cancellationToken,
        [OpenApiEnum<Domain.Common.BuyerType>] string? type = null, string? provinceCode = null, int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        var result = await mediator.Send(new ListBuyersQuery(type, provinceCode, page, pageSize), cancellationToken);
        if (!CsvResult.IsRequested(request))
        {
            return TypedResults.Ok(result);
        }

        return new CsvResult(
            ["id", "name", "type", "sector", "provinceCode"],
            result.Items.Select(b => (IReadOnlyList<string?>)[b.Id.ToString(), b.Name, CsvResult.Format(b.Type), b.Sector, b.ProvinceCode]),
            "buyers.csv");
    }

    private static async Task<Ok<BuyerDto>> Get(Guid id, IMediator mediator, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetBuyerQuery(id), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Ok<BuyerDto>> Replace(
        Guid id, BuyerInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context,
        CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ReplaceBuyerCommand(id, body, ETags.ParseIfMatch(ifMatch)), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<NoContent> Delete(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteBuyerCommand(id, ETags.ParseIfMatch(ifMatch)), cancellationToken);
        return TypedResults.NoContent();
    }
}
