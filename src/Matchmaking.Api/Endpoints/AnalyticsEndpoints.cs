using System.Globalization;
using Matchmaking.Api.Auth;
using Matchmaking.Api.Infrastructure;
using Matchmaking.Api.OpenApi;
using Matchmaking.Application.Analytics.CapabilityGaps;
using Matchmaking.Application.Analytics.Financing;
using Matchmaking.Application.Analytics.Funnel;
using Matchmaking.Application.Analytics.Linkage;
using Matchmaking.Application.Analytics.Programs;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matchmaking.Api.Endpoints;

public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/v1/analytics", "Analytics").RequireAuthorization(Policies.Analytics);
        group.MapGet("/linkage", Linkage).WithName("Analytics_Linkage")
            .WithSummary("Suppliers registered, linked to BUMN/BUMD/large buyers and exporting: total, by province, by scale")
            .Produces<LinkageReport>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType);
        group.MapCsvTwin("/linkage", Linkage, "Analytics_Linkage", "Linkage");
        group.MapGet("/capability-gaps", CapabilityGaps).WithName("Analytics_CapabilityGaps")
            .WithSummary("The most frequent near-miss gaps across open needs, where they occur and the facilities that could close them")
            .Produces<IReadOnlyList<CapabilityGap>>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType);
        group.MapCsvTwin("/capability-gaps", CapabilityGaps, "Analytics_CapabilityGaps", "Capability gaps");
        group.MapGet("/funnel", Funnel).WithName("Analytics_Funnel")
            .WithSummary("Needs posted → matched → shortlisted → invited → accepted → completed → paid, and exposure fairness")
            .Produces<FunnelReport>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType);
        group.MapCsvTwin("/funnel", Funnel, "Analytics_Funnel", "Funnel");
        group.MapGet("/financing", Financing).WithName("Analytics_Financing")
            .WithSummary("Financing requests, confirmations, offers, acceptances, disbursed amounts and the average accepted rate: total, by province, scale and buyer payment band; share of linked UMKM financed")
            .Produces<FinancingReport>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType);
        group.MapCsvTwin("/financing", Financing, "Analytics_Financing", "Financing");
        group.MapGet("/programs", Programs).WithName("Analytics_Programs")
            .WithSummary("Program effect: enrolled, completed, gaps closed and what followed (qualified, invited, partnerships won, value), per program and per gap against suppliers with the same gap that did not enrol")
            .Produces<ProgramEffectReport>(StatusCodes.Status200OK, "application/json", CsvResult.ContentType);
        group.MapCsvTwin("/programs", Programs, "Analytics_Programs", "Program effect");
        return app;
    }

    /// <param name="provinceCode">Only suppliers of this province.</param>
    /// <param name="scale">Only suppliers of this scale: micro, small, medium, large.</param>
    private static async Task<Results<Ok<LinkageReport>, CsvResult>> Linkage(
        IMediator mediator, HttpRequest request, CancellationToken cancellationToken, string? provinceCode = null, [OpenApiEnum<Domain.Suppliers.UmkmScale>] string? scale = null)
    {
        var report = await mediator.Send(new GetLinkageQuery(provinceCode, scale), cancellationToken);
        if (!CsvResult.IsRequested(request))
        {
            return TypedResults.Ok(report);
        }

        return new CsvResult(
            ["dimension", "key", "name", "registered", "linked", "shareLinked", "exporting", "shareExporting"],
            new[] { report.Total }.Concat(report.ByProvince).Concat(report.ByScale).Select(f => (IReadOnlyList<string?>)
            [
                f.Dimension, f.Key, f.Name, Int(f.Registered), Int(f.Linked), CsvResult.Format(f.ShareLinked), Int(f.Exporting), CsvResult.Format(f.ShareExporting),
            ]),
            "linkage.csv");
    }

    private static async Task<Results<Ok<FinancingReport>, CsvResult>> Financing(IMediator mediator, HttpRequest request, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new GetFinancingReportQuery(), cancellationToken);
        if (!CsvResult.IsRequested(request))
        {
            return TypedResults.Ok(report);
        }

        return new CsvResult(
            ["dimension", "key", "name", "requests", "confirmed", "disputed", "offers", "accepted", "disbursed", "disbursedAmountIdr", "averageAcceptedRatePercent"],
            new[] { report.Total }.Concat(report.ByProvince).Concat(report.ByScale).Concat(report.ByPaymentBand).Select(f => (IReadOnlyList<string?>)
            [
                f.Dimension, f.Key, f.Name, Int(f.Requests), Int(f.Confirmed), Int(f.Disputed), Int(f.Offers), Int(f.Accepted), Int(f.Disbursed),
                CsvResult.Format(f.DisbursedAmountIdr), CsvResult.Format(f.AverageAcceptedRatePercent),
            ]),
            "financing.csv");
    }

    private static async Task<Results<Ok<ProgramEffectReport>, CsvResult>> Programs(IMediator mediator, HttpRequest request, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new GetProgramEffectQuery(), cancellationToken);
        if (!CsvResult.IsRequested(request))
        {
            return TypedResults.Ok(report);
        }

        static IReadOnlyList<string?> Row(string scope, string key, string group, int enrolled, int completed, int closed, Followed f) =>
            [scope, key, group, Int(enrolled), Int(completed), Int(closed), Int(f.Suppliers), Int(f.LaterQualified), Int(f.LaterInvited), Int(f.PartnershipsWon),
             CsvResult.Format(f.PartnershipValueIdr)];
        return new CsvResult(
            ["scope", "key", "group", "enrolled", "completed", "gapsClosed", "suppliers", "laterQualified", "laterInvited", "partnershipsWon", "partnershipValueIdr"],
            report.ByProgram.Select(p => Row("program", p.Name, "enrolled", p.Enrolled, p.Completed, p.GapsClosed, p.After))
                .Concat(report.ByGap.SelectMany(g => new[]
                {
                    Row("gap", $"{g.GapKind}:{g.GapSubject}", "enrolled", g.Enrolled.Suppliers, 0, 0, g.Enrolled),
                    Row("gap", $"{g.GapKind}:{g.GapSubject}", "not_enrolled", 0, 0, 0, g.NotEnrolled),
                })),
            "program-effect.csv");
    }

    /// <param name="provinceCode">Only near misses of suppliers in this province.</param>
    private static async Task<Results<Ok<IReadOnlyList<CapabilityGap>>, CsvResult>> CapabilityGaps(
        IMediator mediator, HttpRequest request, CancellationToken cancellationToken, string? provinceCode = null)
    {
        var gaps = await mediator.Send(new GetCapabilityGapsQuery(provinceCode), cancellationToken);
        if (!CsvResult.IsRequested(request))
        {
            return TypedResults.Ok(gaps);
        }

        return new CsvResult(
            ["kind", "subject", "suppliers", "needs", "withoutFacility", "provinces", "facilities"],
            gaps.Select(g => (IReadOnlyList<string?>)
            [
                CsvResult.Format(g.Kind), g.Subject, Int(g.Suppliers), Int(g.Needs), Int(g.WithoutFacility),
                string.Join(';', g.Provinces.Select(p => $"{p.ProvinceCode}:{Int(p.Suppliers)}")),
                g.Facilities.Count == 0 ? "none within reach" : string.Join(';', g.Facilities.Select(f => f.Name)),
            ]),
            "capability-gaps.csv");
    }

    /// <param name="from">First day (YYYY-MM-DD, UTC) of needs posted; default a year before 'to'.</param>
    /// <param name="to">Last day, inclusive; default today.</param>
    /// <param name="buyerId">Only this buyer's needs.</param>
    private static async Task<Results<Ok<FunnelReport>, CsvResult>> Funnel(
        IMediator mediator, HttpRequest request, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null, Guid? buyerId = null)
    {
        var report = await mediator.Send(new GetFunnelQuery(from, to, buyerId), cancellationToken);
        if (!CsvResult.IsRequested(request))
        {
            return TypedResults.Ok(report);
        }

        var rows = report.Stages.Select(s => (IReadOnlyList<string?>)[s.Stage, Int(s.Needs), CsvResult.Format(s.ConversionFromPrevious)])
            .Append(["top10Suppliers", Int(report.Exposure.DistinctTop10Suppliers), null])
            .Append(["firstTimeSuppliers", Int(report.Exposure.FirstTimeSuppliers), CsvResult.Format(report.Exposure.ShareFirstTime)])
            .Concat(report.Exposure.ByFamily.SelectMany(f => new IReadOnlyList<string?>[]
            {
                [$"{f.Family}.top10Suppliers", Int(f.DistinctTop10Suppliers), CsvResult.Format(f.MaxQualifiedInARun == 0 ? null : (double)f.DistinctTop10Suppliers / f.MaxQualifiedInARun)],
                [$"{f.Family}.newcomersInTop10", Int(f.NewcomersInTop10), null],
                [$"{f.Family}.meanTop10Score", CsvResult.Format(f.MeanTop10Score), CsvResult.Format(f.StrictMeanTop10Score)],
            }));
        return new CsvResult(["metric", "value", "rate"], rows, "funnel.csv");
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
