using Matchmaking.Api.Auth;
using Matchmaking.Application.Matching;
using Matchmaking.Application.MatchLifecycle.GetMatch;
using Matchmaking.Application.MatchLifecycle.GetMatchHistory;
using Matchmaking.Application.MatchLifecycle.TransitionMatch;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchmaking.Api.Endpoints;

public static class MatchEndpoints
{
    public static IEndpointRouteBuilder MapMatchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/matches", "Matches");
        group.MapGet("/{id:guid}", Get).WithName("Matches_Get").RequireAuthorization(Policies.Parties)
            .WithSummary("Read one match (buyers: their needs' matches; suppliers: their invitations)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/history", History).WithName("Matches_History").RequireAuthorization(Policies.Parties)
            .WithSummary("Every transition of the match: who, when, from, to, note")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapTransition(group, "shortlist", MatchAction.Shortlist, "Matches_Shortlist", Policies.Procurement, "Buyer: suggested → shortlisted");
        MapTransition(group, "invite", MatchAction.Invite, "Matches_Invite", Policies.Procurement, "Buyer: shortlisted → invited");
        MapTransition(group, "withdraw", MatchAction.Withdraw, "Matches_Withdraw", Policies.Procurement, "Buyer: any open state → withdrawn");
        MapTransition(group, "accept", MatchAction.Accept, "Matches_Accept", Policies.SupplierOnly,
            "Supplier: invited → accepted (a consortium when every member accepts); creates the partnership");
        MapTransition(group, "decline", MatchAction.Decline, "Matches_Decline", Policies.SupplierOnly, "Supplier: invited → declined (one member declines a consortium)");
        return app;
    }

    private static void MapTransition(RouteGroupBuilder group, string action, MatchAction kind, string name, string policy, string summary) =>
        group.MapPost($"/{{id:guid}}/{action}",
                async (Guid id, TransitionInput? body, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new TransitionMatchCommand(id, kind, body?.Note), cancellationToken)))
            .WithName(name).RequireAuthorization(policy).WithSummary(summary).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Ok<MatchDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetMatchQuery(id), cancellationToken));

    private static async Task<Ok<IReadOnlyList<MatchTransitionDto>>> History(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetMatchHistoryQuery(id), cancellationToken));
}
