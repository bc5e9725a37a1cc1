using Matchmaking.Api.Auth;
using Matchmaking.Application.Reference.ListCapabilities;
using Matchmaking.Application.Reference.ListCertificationSchemes;
using Matchmaking.Application.Reference.ListProvinces;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchmaking.Api.Endpoints;

public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/reference", "Reference");
        group.MapGet("/provinces", Provinces).WithName("Reference_Provinces")
            .WithSummary("The 38 provinces with BPS codes and capital coordinates");
        group.MapGet("/capabilities", Capabilities).WithName("Reference_Capabilities")
            .WithSummary("The capability taxonomy; a code is met by itself or any descendant");
        group.MapGet("/certification-schemes", CertificationSchemes).WithName("Reference_CertificationSchemes")
            .WithSummary("Certification schemes suppliers can hold and needs can require");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ProvinceDto>>> Provinces(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListProvincesQuery(), cancellationToken));

    private static async Task<Ok<IReadOnlyList<CapabilityDto>>> Capabilities(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListCapabilitiesQuery(), cancellationToken));

    private static async Task<Ok<IReadOnlyList<CertificationSchemeDto>>> CertificationSchemes(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListCertificationSchemesQuery(), cancellationToken));
}
