using Matchmaking.Application.Common;
using MediatR;

namespace Matchmaking.Application.Analytics.Funnel;

/// <summary>A stage: how many needs reached it, and the share of the previous stage that did.</summary>
public sealed record FunnelStage(string Stage, int Needs, double? ConversionFromPrevious);

/// <summary>
/// Whether ranking spreads opportunity: distinct suppliers that appeared in a top-10 position of any run,
/// and the share of them that had no partnership before that run (first-timers).
/// </summary>
public sealed record ExposureFairness(
    int DistinctTop10Suppliers, int FirstTimeSuppliers, double? ShareFirstTime, IReadOnlyList<FamilyExposure> ByFamily);

/// <summary>
/// Exposure per capability family of the needs in range: runs, the most suppliers that qualified for one run,
/// distinct suppliers shown in a top 10 and the newcomers among them, and the merit cost of balancing (mean
/// top-10 score as ranked, against what strict merit order would have shown).
/// </summary>
public sealed record FamilyExposure(
    string Family, int Runs, int MaxQualifiedInARun, int DistinctTop10Suppliers, int NewcomersInTop10,
    double? MeanTop10Score, double? StrictMeanTop10Score);

public sealed record FunnelReport(DateOnly From, DateOnly To, Guid? BuyerId, IReadOnlyList<FunnelStage> Stages, double? OverallConversion, ExposureFairness Exposure);

/// <summary>Needs posted in [from, to] (UTC dates, inclusive), optionally of one buyer, followed through the lifecycle.</summary>
public sealed record GetFunnelQuery(DateOnly? From = null, DateOnly? To = null, Guid? BuyerId = null) : ILagTolerantQuery<FunnelReport>;

/// <summary>The aggregate SQL behind the report (PostgreSQL), implemented in Infrastructure.</summary>
public interface IFunnelAnalytics
{
    Task<FunnelReport> ReportAsync(GetFunnelQuery request, CancellationToken cancellationToken);
}

public sealed class GetFunnelQueryHandler(IFunnelAnalytics analytics) : IRequestHandler<GetFunnelQuery, FunnelReport>
{
    public Task<FunnelReport> Handle(GetFunnelQuery request, CancellationToken cancellationToken) => analytics.ReportAsync(request, cancellationToken);
}
