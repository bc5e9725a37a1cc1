using Matchmaking.Api.Auth;
using Matchmaking.Api.Infrastructure;
using Matchmaking.Api.OpenApi;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Facilities;
using Matchmaking.Application.Facilities.CreateFacility;
using Matchmaking.Application.Facilities.DeleteFacility;
using Matchmaking.Application.Facilities.GetFacility;
using Matchmaking.Application.Facilities.ListFacilities;
using Matchmaking.Application.Facilities.ReplaceFacility;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.Api.Endpoints;

public static class FacilityEndpoints
{
    public static IEndpointRouteBuilder MapFacilityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/facilities", "Facilities");

        group.MapPost("/", Create).WithName("Facilities_Create").WithETag().RequireAuthorization(Policies.Admin)
            .WithSummary("Register a factory-sharing facility");
        group.MapGet("/", List).WithName("Facilities_List")
            .WithSummary("List facilities (JSON or Accept: text/csv)")
            .Produces<PagedList<FacilityDto>>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType);
        group.MapCsvTwin("/", List, "Facilities_List", "Facilities");
        group.MapGet("/{id:guid}", Get).WithName("Facilities_Get").WithETag()
            .WithSummary("Read one facility; the ETag header carries its version")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Replace).WithName("Facilities_Replace").WithETag().RequireAuthorization(Policies.Admin)
            .WithSummary("Replace a facility; send If-Match with the ETag you read").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{id:guid}", Delete).WithName("Facilities_Delete").RequireAuthorization(Policies.Admin)
            .WithSummary("Delete a facility")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    private static async Task<Created<FacilityDto>> Create(FacilityInput body, IMediator mediator, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new CreateFacilityCommand(body), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Created($"/api/v1/facilities/{result.Value.Id}", result.Value);
    }

    /// <param name="provinceCode">BPS province code.</param>
    /// <param name="capability">Taxonomy code; facilities offering a descendant match too.</param>
    /// <param name="certification">Certification scheme the facility offers.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Results<Ok<PagedList<FacilityDto>>, CsvResult>> List(
        IMediator mediator, HttpRequest request, CancellationToken cancellationToken,
        string? provinceCode = null, string? capability = null, [OpenApiEnum<Domain.Common.CertificationScheme>] string? certification = null, int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        var result = await mediator.Send(new ListFacilitiesQuery(provinceCode, capability, certification, page, pageSize), cancellationToken);
        if (!CsvResult.IsRequested(request))
        {
            return TypedResults.Ok(result);
        }

        return new CsvResult(
            ["id", "name", "operator", "provinceCode", "latitude", "longitude", "capabilityCodes", "certificationSchemes", "monthlyCapacity"],
            result.Items.Select(f => (IReadOnlyList<string?>)
            [
                f.Id.ToString(), f.Name, f.Operator, f.ProvinceCode, CsvResult.Format(f.Location.Latitude), CsvResult.Format(f.Location.Longitude),
                string.Join(';', f.CapabilityCodes), string.Join(';', f.CertificationSchemes.Select(c => CsvResult.Format(c))),
                CsvResult.Format(f.MonthlyCapacity),
            ]),
            "facilities.csv");
    }

    private static async Task<Ok<FacilityDto>> Get(Guid id, IMediator mediator, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetFacilityQuery(id), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Ok<FacilityDto>> Replace(
        Guid id, FacilityInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context,
        CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ReplaceFacilityCommand(id, body, ETags.ParseIfMatch(ifMatch)), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<NoContent> Delete(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteFacilityCommand(id, ETags.ParseIfMatch(ifMatch)), cancellationToken);
        return TypedResults.NoContent();
    }
}
