using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Reference;
using MediatR;

namespace Matchmaking.Application.Analytics.CapabilityGaps;

public sealed record GapProvince(string ProvinceCode, string? Name, int Suppliers);

public sealed record GapFacility(Guid FacilityId, string Name, string ProvinceCode, int NearMisses);

/// <summary>
/// One kind of gap (a missing capability code, a missing or expired certificate scheme, TKDN short, too far,
/// scale) with how many distinct suppliers and needs it keeps apart, where those suppliers are, and which
/// facilities within reach could close it. <c>withoutFacility</c> counts near misses with none in reach:
/// a signal for where a factory-sharing facility should go.
/// </summary>
public sealed record CapabilityGap(
    GapKind Kind, string? Subject, int Suppliers, int Needs, int WithoutFacility, IReadOnlyList<GapProvince> Provinces, IReadOnlyList<GapFacility> Facilities);

/// <summary>Across open needs, from the near misses of each need's latest match run.</summary>
public sealed record GetCapabilityGapsQuery(string? ProvinceCode = null) : ILagTolerantQuery<IReadOnlyList<CapabilityGap>>;

/// <summary>The aggregate SQL behind the report (PostgreSQL), implemented in Infrastructure.</summary>
public interface ICapabilityGapAnalytics
{
    Task<IReadOnlyList<CapabilityGap>> ReportAsync(GetCapabilityGapsQuery request, CancellationToken cancellationToken);
}

public sealed class GetCapabilityGapsQueryHandler(ICapabilityGapAnalytics analytics) : IRequestHandler<GetCapabilityGapsQuery, IReadOnlyList<CapabilityGap>>
{
    public Task<IReadOnlyList<CapabilityGap>> Handle(GetCapabilityGapsQuery request, CancellationToken cancellationToken) => analytics.ReportAsync(request, cancellationToken);
}
