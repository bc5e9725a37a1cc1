using Matchmaking.Api.Auth;
using Matchmaking.Api.Infrastructure;
using Matchmaking.Api.OpenApi;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Matching;
using Matchmaking.Application.Suppliers;
using Matchmaking.Application.Suppliers.CreateSupplier;
using Matchmaking.Application.Suppliers.DeleteSupplier;
using Matchmaking.Application.Suppliers.GetRegistryVersion;
using Matchmaking.Application.Suppliers.GetSupplier;
using Matchmaking.Application.Suppliers.ImportSuppliers;
using Matchmaking.Application.Suppliers.ListOpportunities;
using Matchmaking.Application.Suppliers.ListSupplierMatches;
using Matchmaking.Application.Suppliers.ListSuppliers;
using Matchmaking.Application.Suppliers.ReplaceSupplier;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.Api.Endpoints;

public static class SupplierEndpoints
{
    public static IEndpointRouteBuilder MapSupplierEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/suppliers", "Suppliers").WithMetadata(new CarriesPersonalData());

        group.MapPost("/", Create).WithName("Suppliers_Create").WithETag().RequireAuthorization(Policies.Admin)
            .WithSummary("Register a UMKM supplier").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/import", Import).WithName("Suppliers_Import").RequireAuthorization(Policies.Admin)
            .WithSummary("Bulk import (CSV or NDJSON, streamed): validated like a single create, upserted by NIB, written with COPY in batches")
            .WithMetadata(new BodySizeLimit(ImportBodyLimitBytes), new IdempotencyOutsideRequestTransaction())
            .Accepts<string>("text/csv", "application/x-ndjson").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithName("Suppliers_List").WithMetadata(new ETagged())
            .WithSummary("List suppliers (JSON or Accept: text/csv)")
            .Produces<PagedList<SupplierDto>>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType);
        group.MapCsvTwin("/", List, "Suppliers_List", "Suppliers").WithMetadata(new ETagged());
        group.MapGet("/{id:guid}", Get).WithName("Suppliers_Get").WithETag()
            .WithSummary("Read one supplier; the ETag header carries its version")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Replace).WithName("Suppliers_Replace").WithETag().RequireAuthorization(Policies.SupplierSelf)
            .WithSummary("Replace a supplier's profile; send If-Match with the ETag you read").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{id:guid}", Delete).WithName("Suppliers_Delete").RequireAuthorization(Policies.Admin)
            .WithSummary("Deactivate a supplier (soft delete: it leaves matching and lists, history keeps it)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/{id:guid}/opportunities", Opportunities).WithName("Suppliers_ListOpportunities").RequireAuthorization(Policies.SupplierSelf)
            .WithSummary("Open needs this supplier qualifies for, best score first (the supplier itself or admin)").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/matches", Invitations).WithName("Suppliers_ListMatches").RequireAuthorization(Policies.SupplierSelf)
            .WithSummary("Invitations this supplier received (alone or in a consortium) and its answers").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Ok<PagedList<MatchDto>>> Invitations(
        Guid id, IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListSupplierMatchesQuery(id, page, pageSize), cancellationToken));

    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Ok<PagedList<OpportunityDto>>> Opportunities(
        Guid id, IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListOpportunitiesQuery(id, page, pageSize), cancellationToken));

    /// <summary>Bulk import bodies may be large (a million rows is ~1 GB of NDJSON); every other endpoint keeps 1 MiB.</summary>
    public const long ImportBodyLimitBytes = 4L * 1024 * 1024 * 1024;

    /// <param name="initialLoad">For a registry of at most 10,000 suppliers (else 409): the search index is rebuilt once at the end instead of maintained row by row.</param>
    private static async Task<Ok<ImportResultDto>> Import(HttpRequest request, IMediator mediator, CancellationToken cancellationToken, bool initialLoad = false)
    {
        var format = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "text/csv" => ImportFormat.Csv,
            "application/x-ndjson" or "application/jsonl" or "application/jsonlines" or "application/x-jsonlines" => ImportFormat.Ndjson,
            _ => throw new BadHttpRequestException("Send text/csv or application/x-ndjson.", StatusCodes.Status415UnsupportedMediaType),
        };
        return TypedResults.Ok(await mediator.Send(new ImportSuppliersCommand(request.Body, format, initialLoad), cancellationToken));
    }

    /// <summary>Registers a supplier; its scale is derived from revenue or capital (PP 7/2021).</summary>
    private static async Task<Created<SupplierDto>> Create(SupplierInput body, IMediator mediator, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new CreateSupplierCommand(body), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Created($"/api/v1/suppliers/{result.Value.Id}", result.Value);
    }

    /// <summary>Lists suppliers with filters; inactive ones only with <c>active=false</c>.</summary>
    /// <param name="provinceCode">BPS province code.</param>
    /// <param name="scale">micro, small, medium or large.</param>
    /// <param name="capability">Taxonomy code; descendants match too.</param>
    /// <param name="certification">Scheme held with a currently valid certificate.</param>
    /// <param name="q">Text in name or description.</param>
    /// <param name="active">true (default) or false.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    /// <param name="after">The 'next' cursor of the previous page (keyset paging: as fast deep in the list as on page 1); not with 'page'.</param>
    /// <remarks>
    /// Pages are cached under the registry version (bumped by every supplier write), the day (certificate
    /// validity) and the caller's contact visibility. A buyer's visibility changes when a supplier accepts its
    /// invitation, which is not a registry write, so buyers' pages are built each time.
    /// </remarks>
    private static async Task<IResult> List(
        IMediator mediator, HttpContext context, PageCache cache, ICurrentUser user, TimeProvider clock, CancellationToken cancellationToken,
        string? provinceCode = null, [OpenApiEnum<Domain.Suppliers.UmkmScale>] string? scale = null, string? capability = null, [OpenApiEnum<Domain.Common.CertificationScheme>] string? certification = null,
        string? q = null, bool? active = null, int page = 1, int pageSize = Paging.DefaultPageSize, string? after = null)
    {
        var query = new ListSuppliersQuery(provinceCode, scale, capability, certification, q, active, page, pageSize, after);
        var csv = CsvResult.IsRequested(context.Request);
        async Task<IResult> Build()
        {
            var result = await mediator.Send(query, cancellationToken);
            return csv ? ToCsv(result) : TypedResults.Ok(result);
        }

        if (user.Role == Domain.Access.Role.Buyer)
        {
            return await Build();
        }

        var version = await mediator.Send(new GetRegistryVersionQuery(), cancellationToken);
        var etag = PageCache.Tag("suppliers", version, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), user.Role, user.OrganizationId, csv, query);
        return await cache.ServeAsync(context, etag, csv, "suppliers.csv", Build);
    }

    private static async Task<Ok<SupplierDto>> Get(Guid id, IMediator mediator, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetSupplierQuery(id), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Ok<SupplierDto>> Replace(
        Guid id, SupplierInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context,
        CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ReplaceSupplierCommand(id, body, ETags.ParseIfMatch(ifMatch)), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<NoContent> Delete(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteSupplierCommand(id, ETags.ParseIfMatch(ifMatch)), cancellationToken);
        return TypedResults.NoContent();
    }

    private static CsvResult ToCsv(PagedList<SupplierDto> page) => new(
        ["id", "name", "nib", "legalForm", "scale", "provinceCode", "regencyCode", "latitude", "longitude", "capabilities",
            "monthlyCapacities", "certifications", "tkdnPercent", "employees", "exportExperience", "cooperative", "active"],
        page.Items.Select(s => (IReadOnlyList<string?>)
        [
            s.Id.ToString(), s.Name, s.Nib, CsvResult.Format(s.LegalForm), CsvResult.Format(s.Scale), s.ProvinceCode, s.RegencyCode,
            CsvResult.Format(s.Location.Latitude), CsvResult.Format(s.Location.Longitude),
            string.Join(';', s.Capabilities.Select(c => c.Code)),
            string.Join(';', s.Capabilities.Select(c => CsvResult.Format(c.MonthlyCapacity))),
            string.Join(';', s.Certifications.Select(c => $"{CsvResult.Format(c.Scheme)}:{CsvResult.Format(c.ValidUntil)}")),
            CsvResult.Format(s.TkdnPercent), CsvResult.Format(s.Employees), CsvResult.Format(s.ExportExperience), s.Cooperative,
            CsvResult.Format(s.Active),
        ]),
        "suppliers.csv");
}
