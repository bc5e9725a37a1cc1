using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;
using MediatR;

namespace Matchmaking.Application.Analytics.Linkage;

/// <summary>One group's figures: registered (active) suppliers, linked ones, exporters, and the shares.</summary>
public sealed record LinkageFigures(string Dimension, string Key, string? Name, int Registered, int Linked, double? ShareLinked, int Exporting, double? ShareExporting);

public sealed record LinkageReport(LinkageFigures Total, IReadOnlyList<LinkageFigures> ByProvince, IReadOnlyList<LinkageFigures> ByScale);

/// <summary>
/// Value-chain linkage of the registered population (the ministry's 4.1% figure, measured here): a supplier
/// is linked when it is a member of at least one partnership (an accepted invitation, active or completed)
/// with a BUMN, BUMD or large private buyer.
/// </summary>
public sealed record GetLinkageQuery(string? ProvinceCode = null, string? Scale = null) : ILagTolerantQuery<LinkageReport>;

/// <summary>The aggregate SQL behind the report (PostgreSQL), implemented in Infrastructure.</summary>
public interface ILinkageAnalytics
{
    Task<LinkageReport> ReportAsync(GetLinkageQuery request, CancellationToken cancellationToken);
}

public sealed class GetLinkageQueryHandler(ILinkageAnalytics analytics) : IRequestHandler<GetLinkageQuery, LinkageReport>
{
    public Task<LinkageReport> Handle(GetLinkageQuery request, CancellationToken cancellationToken) => analytics.ReportAsync(request, cancellationToken);
}
