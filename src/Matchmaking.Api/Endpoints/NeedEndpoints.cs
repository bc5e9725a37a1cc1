using System.Globalization;
using Matchmaking.Api.Auth;
using Matchmaking.Api.Infrastructure;
using Matchmaking.Api.OpenApi;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Matching;
using Matchmaking.Application.Matching.GetMatchPageVersion;
using Matchmaking.Application.Matching.GetMatchRun;
using Matchmaking.Application.Matching.ListMatches;
using Matchmaking.Application.Matching.ListNearMisses;
using Matchmaking.Application.Matching.RunMatch;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Needs.CreateNeed;
using Matchmaking.Application.Needs.GetNeed;
using Matchmaking.Application.Needs.ListNeeds;
using Matchmaking.Application.Needs.ReplaceNeed;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Matchmaking.Api.Endpoints;

public static class NeedEndpoints
{
    public static IEndpointRouteBuilder MapNeedEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/needs", "Needs");

        group.MapPost("/", Create).WithName("Needs_Create").WithETag().RequireAuthorization(Policies.Procurement)
            .WithSummary("Post a procurement need (buyer keys post for their own buyer)");
        group.MapGet("/", List).WithName("Needs_List").RequireAuthorization(Policies.ProcurementRead)
            .WithSummary("List needs (a buyer sees only its own)")
            .Produces<PagedList<NeedDto>>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType);
        group.MapCsvTwin("/", List, "Needs_List", "Needs").RequireAuthorization(Policies.ProcurementRead);
        group.MapGet("/{id:guid}", Get).WithName("Needs_Get").WithETag().RequireAuthorization(Policies.ProcurementRead)
            .WithSummary("Read one need; another buyer's need is 404")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Replace).WithName("Needs_Replace").WithETag().RequireAuthorization(Policies.Procurement)
            .WithSummary("Replace an open need and/or change its status (open → closed | awarded | cancelled)").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/match-runs", RunMatch).WithName("Needs_RunMatch").RequireAuthorization(Policies.Procurement)
            .WithSummary("Rank the suppliers that meet the need and persist the ranking as a run")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/match-runs/{runId:guid}", GetRun).WithName("Needs_GetMatchRun").RequireAuthorization(Policies.ProcurementRead)
            .WithSummary("Read one match run").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/matches", Matches).WithName("Needs_ListMatches").RequireAuthorization(Policies.ProcurementRead).WithMetadata(new ETagged())
            .WithSummary("Ranked matches of a run (latest by default), JSON or Accept: text/csv")
            .Produces<PagedList<MatchDto>>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapCsvTwin("/{id:guid}/matches", Matches, "Needs_ListMatches", "Ranked matches").WithMetadata(new ETagged())
            .RequireAuthorization(Policies.ProcurementRead).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/near-misses", NearMisses).WithName("Needs_ListNearMisses").RequireAuthorization(Policies.ProcurementRead)
            .WithSummary("Suppliers failing exactly one hard constraint, the gap named, with a factory-sharing upgrade path where one is within reach").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Ok<PagedList<NearMissDto>>> NearMisses(
        Guid id, IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListNearMissesQuery(id, page, pageSize), cancellationToken));

    private static async Task<Created<NeedDto>> Create(NeedInput body, IMediator mediator, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new CreateNeedCommand(body), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Created($"/api/v1/needs/{result.Value.Id}", result.Value);
    }

    /// <param name="buyerId">Needs of this buyer.</param>
    /// <param name="status">open, closed, awarded or cancelled.</param>
    /// <param name="provinceCode">Delivery province.</param>
    /// <param name="capability">Needs asking for this code or a descendant.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Results<Ok<PagedList<NeedDto>>, CsvResult>> List(
        IMediator mediator, HttpRequest request, CancellationToken cancellationToken,
        Guid? buyerId = null, [OpenApiEnum<Domain.Needs.NeedStatus>] string? status = null, string? provinceCode = null, string? capability = null,
        int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        var result = await mediator.Send(new ListNeedsQuery(buyerId, status, provinceCode, capability, page, pageSize), cancellationToken);
        if (!CsvResult.IsRequested(request))
        {
            return TypedResults.Ok(result);
        }

        return new CsvResult(
            ["id", "buyerId", "title", "capabilityCodes", "quantity", "unit", "neededBy", "deliveryProvinceCode", "status"],
            result.Items.Select(n => (IReadOnlyList<string?>)
            [
                n.Id.ToString(), n.BuyerId.ToString(), n.Title, string.Join(';', n.CapabilityCodes), CsvResult.Format(n.Quantity), n.Unit,
                CsvResult.Format(n.NeededBy), n.DeliveryProvinceCode, CsvResult.Format(n.Status),
            ]),
            "needs.csv");
    }

    private static async Task<Ok<NeedDto>> Get(Guid id, IMediator mediator, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetNeedQuery(id), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Ok<NeedDto>> Replace(
        Guid id, NeedInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context,
        CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ReplaceNeedCommand(id, body, ETags.ParseIfMatch(ifMatch)), cancellationToken);
        ETags.Set(context, result.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Created<MatchRunDto>> RunMatch(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var run = await mediator.Send(new RunMatchCommand(id), cancellationToken);
        return TypedResults.Created($"/api/v1/needs/{id}/match-runs/{run.Id}", run);
    }

    private static async Task<Ok<MatchRunDto>> GetRun(Guid id, Guid runId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetMatchRunQuery(id, runId), cancellationToken));

    /// <param name="runId">Omitted: the latest run.</param>
    /// <param name="minScore">0..100.</param>
    /// <param name="kind">single or consortium.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    /// <summary>
    /// A page of a run's matches. Pollers get 304 while nothing on the run changed (the ETag is the run, its
    /// status version and the query), and a changed page is served from the page cache after its first read.
    /// </summary>
    private static async Task<IResult> Matches(
        Guid id, IMediator mediator, HttpContext context, PageCache cache, CancellationToken cancellationToken,
        Guid? runId = null, double? minScore = null, [OpenApiEnum<Domain.Matching.MatchKind>] string? kind = null, int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        var query = new ListMatchesQuery(id, runId, minScore, kind, page, pageSize);
        var csv = CsvResult.IsRequested(context.Request);
        var version = await mediator.Send(new GetMatchPageVersionQuery(id, runId), cancellationToken);
        if (version is null)
        {
            return MatchPage(await mediator.Send(query, cancellationToken), csv);
        }

        var etag = PageCache.Tag(version.RunId, version.StatusVersion, csv, minScore, kind, page, pageSize);
        // The page is read for the run the version was read for, so the two cannot disagree about which run.
        return await cache.ServeAsync(context, etag, csv, "matches.csv",
            async () => MatchPage(await mediator.Send(query with { RunId = version.RunId }, cancellationToken), csv));
    }

    private static IResult MatchPage(PagedList<MatchDto> result, bool csv)
    {
        if (!csv)
        {
            return TypedResults.Ok(result);
        }

        return new CsvResult(
            ["rank", "kind", "supplierId", "supplierName", "members", "score", "capability", "capacity", "proximity", "trackRecord", "localContent", "distanceKm", "status"],
            result.Items.Select(m => (IReadOnlyList<string?>)
            [
                m.Rank.ToString(CultureInfo.InvariantCulture), CsvResult.Format(m.Kind), m.Supplier?.Id.ToString(), m.Supplier?.Name,
                m.Members is null ? null : string.Join(';', m.Members.Select(x => $"{x.SupplierId}:{CsvResult.Format(x.Share)}")),
                CsvResult.Format(m.Score), CsvResult.Format(m.Components.Capability), CsvResult.Format(m.Components.Capacity),
                CsvResult.Format(m.Components.Proximity), CsvResult.Format(m.Components.TrackRecord), CsvResult.Format(m.Components.LocalContent),
                CsvResult.Format(m.DistanceKm), CsvResult.Format(m.Status),
            ]),
            "matches.csv");
    }
}
