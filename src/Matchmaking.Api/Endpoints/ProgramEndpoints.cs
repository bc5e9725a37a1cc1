using Matchmaking.Api.Auth;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Programs;
using Matchmaking.Application.Programs.CompleteEnrolment;
using Matchmaking.Application.Programs.CreateProgram;
using Matchmaking.Application.Programs.DeleteProgram;
using Matchmaking.Application.Programs.Enrol;
using Matchmaking.Application.Programs.GetProgram;
using Matchmaking.Application.Programs.ListPrograms;
using Matchmaking.Application.Programs.ListRecommendations;
using Matchmaking.Application.Programs.ListSupplierEnrolments;
using Matchmaking.Application.Programs.ReplaceProgram;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchmaking.Api.Endpoints;

/// <summary>Capability programs: training, mentoring, certification support and facility access aimed at the gaps the matcher finds.</summary>
public static class ProgramEndpoints
{
    public static IEndpointRouteBuilder MapProgramEndpoints(this IEndpointRouteBuilder app)
    {
        var programs = app.MapApiGroup("/api/v1/programs", "Programs");
        programs.MapPost("/", Create).WithName("Programs_Create").RequireAuthorization(Policies.Admin)
            .WithSummary("Register a program: operator, kind, the capability codes, certificate schemes or local content it addresses, provinces, dates, seats");
        programs.MapGet("/", List).WithName("Programs_List").WithSummary("Programs, by start date");
        programs.MapGet("/{id:guid}", Get).WithName("Programs_Get").ProducesProblem(StatusCodes.Status404NotFound);
        programs.MapPut("/{id:guid}", Replace).WithName("Programs_Replace").RequireAuthorization(Policies.Admin)
            .WithSummary("Replace a program's details; seats never below the enrolments taken").ProducesProblem(StatusCodes.Status404NotFound);
        programs.MapDelete("/{id:guid}", Delete).WithName("Programs_Delete").RequireAuthorization(Policies.Admin)
            .WithSummary("Remove a program nobody enrolled in (409 otherwise: its outcomes are history)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        programs.MapPost("/{id:guid}/enrolments", Enrol).WithName("Programs_Enrol").RequireAuthorization(Policies.SupplierSelfOrAdmin)
            .WithSummary("Take a seat (a supplier key enrols itself; admin names the supplier); 409 when full, ended or already enrolled").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        programs.MapPost("/{id:guid}/enrolments/{enrolmentId:guid}/complete", Complete).WithName("Programs_CompleteEnrolment").RequireAuthorization(Policies.Admin)
            .WithSummary("Operator (admin): record completion and its outcome, which updates the supplier's profile in the same transaction").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var suppliers = app.MapApiGroup("/api/v1/suppliers", "Programs");
        suppliers.MapGet("/{id:guid}/programs", History).WithName("Suppliers_ListEnrolments").RequireAuthorization(Policies.SupplierSelf)
            .WithSummary("The supplier's program history: enrolments and outcomes, newest first");
        suppliers.MapGet("/{id:guid}/recommendations", Recommendations).WithName("Suppliers_ListRecommendations").RequireAuthorization(Policies.SupplierSelf)
            .WithSummary("Gaps that keep the supplier out of open needs, the programs and facility that could close each, and the needs (and value) it would then qualify for")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Created<ProgramDto>> Create(ProgramInput body, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new CreateProgramCommand(body), cancellationToken);
        return TypedResults.Created($"/api/v1/programs/{created.Id}", created);
    }

    /// <param name="provinceCode">Programs serving this province (national ones included).</param>
    /// <param name="kind">training, mentoring, certification_support or facility_access.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1..200, default 50.</param>
    private static async Task<Ok<PagedList<ProgramDto>>> List(
        IMediator mediator, CancellationToken cancellationToken, string? provinceCode = null, [OpenApi.OpenApiEnum<Domain.Programs.ProgramKind>] string? kind = null,
        int page = 1, int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListProgramsQuery(provinceCode, kind, page, pageSize), cancellationToken));

    private static async Task<Ok<ProgramDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetProgramQuery(id), cancellationToken));

    private static async Task<Ok<ProgramDto>> Replace(Guid id, ProgramInput body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ReplaceProgramCommand(id, body), cancellationToken));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteProgramCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<EnrolmentDto>> Enrol(Guid id, EnrolmentInput? body, IMediator mediator, CancellationToken cancellationToken)
    {
        var enrolment = await mediator.Send(new EnrolCommand(id, body), cancellationToken);
        return TypedResults.Created($"/api/v1/suppliers/{enrolment.SupplierId}/programs", enrolment);
    }

    private static async Task<Ok<EnrolmentDto>> Complete(Guid id, Guid enrolmentId, OutcomeInput body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new CompleteEnrolmentCommand(id, enrolmentId, body), cancellationToken));

    private static async Task<Ok<IReadOnlyList<EnrolmentDto>>> History(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListSupplierEnrolmentsQuery(id), cancellationToken));

    private static async Task<Ok<IReadOnlyList<RecommendationDto>>> Recommendations(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListRecommendationsQuery(id), cancellationToken));
}
